"""The test database as a new server's is before anything is set up."""

from django.apps import apps
from django.db.models import ProtectedError, RestrictedError
from wagtail.models import Collection, Page, Site

# What migrations make and keep: the kinds of content, permissions, the language, the roots.
KEPT = {
    "contenttypes.contenttype",
    "auth.permission",
    "wagtailcore.collection",
    "wagtailcore.locale",
}


def as_migrations_leave_it():
    """Every row the demo (or anything else) added is deleted, inside the test's transaction,
    and Wagtail's placeholder page and default site are put back: the database `migrate` leaves
    on a new server. The test's rollback brings the demo back afterwards."""
    Page.objects.filter(depth__gt=1).delete()
    Collection.objects.filter(depth__gt=1).delete()
    models = [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in KEPT
        and model._meta.managed
        and not model._meta.proxy
        and not issubclass(model, Page)
    ]
    # Some rows protect others from deletion: delete what can be, then try the rest again.
    while models:
        blocked = []
        for model in models:
            try:
                model._default_manager.all().delete()
            except (ProtectedError, RestrictedError):
                blocked.append(model)
        if len(blocked) == len(models):
            raise RuntimeError(f"Cannot empty {blocked}")
        models = blocked
    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home")
    )
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)

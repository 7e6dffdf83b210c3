"""The test database as a new server's is before anything is set up."""

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.models import ProtectedError, RestrictedError
from wagtail.models import Collection, Page

# Rows that stay: the kinds of content and permissions, the language and the roots of the page
# and collection trees, which what the migrations made refers to.
KEPT = {
    "contenttypes.contenttype",
    "auth.permission",
    "wagtailcore.collection",
    "wagtailcore.locale",
}

_migrated = {}


def remember_what_migrations_leave():
    """Called once, straight after the test database is migrated: every row the migrations
    made (Wagtail's root page and default site, its groups and workflow, the language, the
    starter synonyms...), to put back."""
    _migrated["rows"] = connection.creation.serialize_db_to_string()


def as_migrations_leave_it():
    """Every row added since the migrations ran is deleted, inside the test's transaction, and
    what the migrations made is put back as they left it: the database `migrate` leaves on a
    new server. The test's rollback undoes it all afterwards."""
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
    connection.creation.deserialize_db_from_string(_migrated["rows"])


def made_once_per_module(build):
    """A module-scoped fixture for what `build()` adds to the database: made once, in a
    transaction that each of the module's tests runs nested in (so each still sees it as it was
    made, whatever the one before changed), rolled back after the module's last test. What it
    makes is not handed out: tests read it from the database, as it is then."""

    @pytest.fixture(scope="module")
    def made(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            build()
            yield
            transaction.set_rollback(True)

    return made

"""Autosave only where saving makes a draft: a snippet without drafts (an action, a partner, an
indicator) is live as soon as it is saved, so its editor must not save it in the background."""

import pytest
from wagtail.snippets.models import get_snippet_models

from plans.models import Action
from tests.factories import signed_in

pytestmark = pytest.mark.django_db


def editor_urls(model):
    viewset = model.snippet_viewset
    first = model.objects.first()
    yield viewset.get_url_name("add"), ()
    if first is not None:
        yield viewset.get_url_name("edit"), (first.pk,)
        yield viewset.get_url_name("copy"), (first.pk,)


@pytest.mark.parametrize("model", get_snippet_models(), ids=lambda m: m._meta.label)
def test_only_editors_of_drafts_autosave(client, every_kind_site, model):
    from django.urls import NoReverseMatch, reverse
    from wagtail.models import DraftStateMixin, RevisionMixin

    admin = signed_in(client, "admin")
    for url_name, args in editor_urls(model):
        try:
            url = reverse(url_name, args=args)
        except NoReverseMatch:
            continue
        response = admin.get(url)
        assert response.status_code == 200, url
        expected = issubclass(model, DraftStateMixin) and issubclass(model, RevisionMixin)
        assert response.context["autosave_enabled"] is expected, url
        # Wagtail's "Saved" indicator in the header comes with its autosave.
        assert ("w-autosave-indicator" in response.content.decode()) is expected, url


def test_an_action_is_not_saved_until_save_is_pressed(client, db):
    content = signed_in(client, "officer").get("/admin/snippets/plans/action/add/").content.decode()
    assert "w-autosave-indicator" not in content
    assert Action.objects.filter(description="").count() == 0

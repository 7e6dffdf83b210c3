"""Editors preview a page before its first save. Pages that gather what is tagged to them (a
plan's indicators, a campaign's events, a parish's news) have nothing tagged yet, and must still
render. Wagtail's preview builds the page from the form without saving it; here each page type
is a copy of a published page of its type with no primary key, as the preview would have it."""

import copy

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from tests.factories import team_member

PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "plans.PlanIndexPage",
    "plans.PlanPage",
    "plans.PriorityPage",
    "plans.YouSaidWeDidIndexPage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "campaigns.ReportPage",
    "areas.AreaIndexPage",
    "areas.AreaPage",
    "news.UpdateIndexPage",
    "news.UpdatePage",
    "events.EventIndexPage",
    "events.EventPage",
]


def unsaved_copy(page):
    page = copy.copy(page)
    page.pk = page.id = page.page_ptr_id = None
    return page


def test_every_page_type_is_listed():
    """A new page type must be added to PAGE_TYPES."""
    from django.apps import apps

    page_types = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    }
    assert page_types == set(PAGE_TYPES)


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_a_page_not_yet_saved_can_be_previewed(every_kind_site, label):
    from django.apps import apps

    saved = apps.get_model(label).objects.live().first()
    page = unsaved_copy(saved)
    request = RequestFactory().get("/")
    request.user = team_member("admin")
    request.site = Site.objects.get(is_default_site=True)
    # What Wagtail's preview view does with the page it built from the form.
    response = page.make_preview_request(request, page.default_preview_mode)
    assert response.status_code == 200
    assert page.title in response.content.decode()

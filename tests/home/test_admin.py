"""The editing screens an officer opens work for every page type, setting and snippet."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage
from tests.factories import ImageFactory, signed_in
from tests.home.factories import make_banner, make_standard_page, rich_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, home_page):
    return signed_in(client, "admin")


def test_every_page_type_has_working_add_and_edit_forms(editor, home_page):
    from home.ensure import ensure_pdf

    about = make_standard_page(
        home_page, "about", body=rich_body(ImageFactory(), ensure_pdf("Plan", []))
    )
    make_standard_page(about, "members")
    home = HomePage.objects.get()
    assert editor.get(f"/admin/pages/add/home/standardpage/{home.pk}/").status_code == 200
    root = Page.get_first_root_node()
    assert editor.get(f"/admin/pages/add/home/homepage/{root.pk}/").status_code == 200
    for page in [home, *StandardPage.objects.all()]:
        assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page.title


def test_site_settings_and_alert_banners_can_be_edited(editor):
    site = Site.objects.get(is_default_site=True)
    assert editor.get(f"/admin/settings/home/sitesettings/{site.pk}/").status_code == 200
    banner = make_banner("Roads closed for the fair")
    assert editor.get("/admin/snippets/home/alertbanner/").status_code == 200
    assert editor.get("/admin/snippets/home/alertbanner/add/").status_code == 200
    assert editor.get(f"/admin/snippets/home/alertbanner/edit/{banner.pk}/").status_code == 200


def test_an_editor_can_publish_a_standard_page(editor):
    home = HomePage.objects.get()
    response = editor.post(
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        {
            "title": "Neighbourhood Watch",
            "slug": "neighbourhood-watch",
            "introduction": "Join or start a scheme in your street.",
            "body-count": "0",
            "action-publish": "Publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="neighbourhood-watch")
    assert page.live
    assert editor.get("/neighbourhood-watch/").status_code == 200
    assert SiteSettings.objects.exists()


def test_the_theme_colour_comes_from_the_site_settings(client, db):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    assert (
        f'<meta name="theme-color" content="{settings.theme_colour}">'
        in client.get("/").content.decode()
    )
    settings.theme_colour = "#1d70b8"
    settings.full_clean()
    settings.save()
    assert '<meta name="theme-color" content="#1d70b8">' in client.get("/").content.decode()
    settings.theme_colour = "blue; }"
    with pytest.raises(ValidationError, match="six hexadecimal digits"):
        settings.full_clean()

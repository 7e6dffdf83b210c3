"""One address for each thing: other spellings of it are a 404 or a redirect to it, and links
that name the site use its own address, never whatever Host a request sent."""

import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from tests.areas.factories import make_you_said_we_did

pytestmark = pytest.mark.django_db


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.content.decode()).group(1)


def test_an_entry_has_one_address(client, db):
    entry = make_you_said_we_did()
    assert client.get(f"/you-said-we-did/{entry.pk}/").status_code == 200
    for other in (f"0{entry.pk}", f"000{entry.pk}", f"+{entry.pk}", "٣", "0"):
        assert client.get(f"/you-said-we-did/{other}/").status_code == 404, other


def test_a_month_has_one_address(client, db):
    next_year = timezone.localdate().year + 1
    assert client.get(f"/events/{next_year}/01/").status_code == 200
    # Typed without its zero, a month redirects to its address, keeping the filters.
    response = client.get(f"/events/{next_year}/1/?type=beat-surgery")
    assert response.status_code == 301
    assert response["Location"] == f"/events/{next_year}/01/?type=beat-surgery"
    for other in (f"0{next_year}/01", f"{next_year}/001", f"0{next_year}/012", f"{next_year}/13"):
        assert client.get(f"/events/{other}/").status_code == 404, other
    assert client.get(f"/events/{next_year}/١/").status_code == 404


@pytest.mark.parametrize("path", ["/news/", "/events/", "/you-said-we-did/", "/search/?q=crime"])
@pytest.mark.parametrize("number", ["١", "٢", "02", "+1", "1.0", " 1", "0"])
def test_a_page_of_a_listing_has_one_address(client, db, path, number):
    joiner = "&" if "?" in path else "?"
    assert client.get(path).status_code == 200
    assert client.get(f"{path}{joiner}page={number}").status_code == 404


def test_the_month_view_names_the_sites_own_address_whatever_the_host(client, db):
    month = timezone.localdate().strftime("%Y/%m")
    response = client.get(f"/events/{month}/", HTTP_HOST="localhost")
    assert response.status_code == 200
    site_address = Site.objects.get(is_default_site=True).root_url
    assert not site_address.startswith("http://localhost")
    assert canonical(response) == f"{site_address}/events/{month}/"
    # The calendar feed's address shown on the page too.
    assert "http://localhost" not in response.content.decode()


def test_a_pages_file_of_any_kind_goes_to_its_page_and_media_stays_media():
    from django.urls import resolve

    from home.views import serve_page_file

    # home knows no feature's file types: a new one (an .xlsx export, say) needs no change here.
    for address in ("/plans/2026-27/progress.xlsx", "/areas/kibworth/feed.rss", "/news/feed.atom"):
        assert resolve(address).func is serve_page_file
    assert resolve("/media/images/photo.jpg").func is not serve_page_file
    assert resolve("/plans/2026-27/").func is not serve_page_file

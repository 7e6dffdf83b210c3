"""Whole pages kept by the site, and what every response tells browsers and shared caches
(home/page_cache.py)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

from tests.events.factories import make_event
from tests.factories import signed_in
from tests.home.factories import make_banner, make_standard_page

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# Noon on a Wednesday, far from midnight, so that only what a test sets up limits the times.
NOON = datetime(2026, 12, 2, 12, 0, tzinfo=LONDON)


@pytest.fixture
def at_noon():
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def directives(response):
    """Cache-Control as {directive: value or True}."""
    found = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name.lower()] = int(value) if value.isdigit() else True
    return found


def kept_nowhere(response):
    found = directives(response)
    return found.get("private") and found.get("no-store") and "public" not in found


def built_with(client, url):
    """The response and how many queries answering it took."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context.captured_queries)


def test_a_public_page_tells_browsers_a_minute_and_shared_caches_five(client, home_page, at_noon):
    make_standard_page(home_page, "about")
    for url in ("/", "/about/", "/search/", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response) == {"public": True, "max-age": 60, "s-maxage": 300}, url


def test_a_page_asked_for_again_is_sent_whole_with_one_query(client, home_page, at_noon):
    make_standard_page(home_page, "about")
    first, queries_first = built_with(client, "/about/")
    again, queries_again = built_with(Client(), "/about/")
    assert queries_first > 5
    # The content version, which says whether the kept page is still the page.
    assert queries_again == 1
    assert again.content == first.content
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Permissions-Policy"] == first["Permissions-Policy"]
    assert not again.cookies


def test_a_change_shows_at_once(client, home_page, at_noon):
    page = make_standard_page(home_page, "about", title="About us", show_in_menus=True)
    assert b"About us" in client.get("/").content
    assert b"About us" in client.get("/about/").content
    page.title = "About the partnership"
    page.save_revision().publish()
    assert b"About the partnership" in client.get("/about/").content
    # And on every page that names it, such as the home page's menu and sections.
    assert b"About the partnership" in client.get("/").content


def test_each_address_and_query_is_kept_apart(client, home_page, at_noon):
    make_standard_page(home_page, "about", title="About us")
    make_standard_page(home_page, "contact", title="Contact us")
    assert b"About us" in client.get("/about/").content
    assert b"Contact us" in client.get("/contact/").content
    client.get("/search/")
    answer = client.get("/search/", {"q": "contact"})
    assert b"Contact us" in answer.content


def test_someone_signed_in_gets_their_own_page_and_it_is_never_kept(client, home_page, at_noon):
    make_standard_page(home_page, "about")
    public = Client().get("/about/")
    assert b"wagtail-userbar" not in public.content

    editor = signed_in(client, "comms").get("/about/")
    assert b"wagtail-userbar" in editor.content
    assert kept_nowhere(editor)

    # What the editor saw is not what the next visitor gets.
    assert b"wagtail-userbar" not in Client().get("/about/").content


def test_a_search_is_kept_nowhere_and_each_one_is_counted(client, home_page, at_noon):
    make_standard_page(home_page, "about", title="About burglary")
    for _ in range(2):
        response = client.get("/search/", {"q": "burglary"})
        assert response.status_code == 200
        assert kept_nowhere(response)
    assert Query.get("burglary").hits == 2


def test_a_page_behind_a_password_and_the_pages_under_it_are_never_kept(home_page, at_noon):
    about = make_standard_page(home_page, "about")
    make_standard_page(about, "team", title="Our team")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    for url in ("/about/", "/about/team/"):
        first, queries_first = built_with(Client(), url)
        again, queries_again = built_with(Client(), url)
        assert kept_nowhere(first) and kept_nowhere(again), url
        assert queries_first > 1 and queries_again > 1, url
        assert b"Our team" not in again.content


def test_a_page_behind_a_login_is_never_kept(client, home_page, at_noon):
    make_standard_page(home_page, "about")
    PageViewRestriction.objects.create(
        page=home_page.get_children().get(slug="about"), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/about/")
    assert response.status_code == 302
    assert kept_nowhere(response)


def test_the_admin_and_what_is_sent_to_the_site_are_kept_nowhere(client, home_page, at_noon):
    assert kept_nowhere(client.get("/admin/login/"))
    assert kept_nowhere(client.post("/search/", {"q": "burglary"}))
    assert kept_nowhere(client.get("/no-such-page/"))
    editor = signed_in(client, "comms")
    assert kept_nowhere(editor.get(f"/admin/pages/{home_page.pk}/edit/"))


def test_a_page_is_kept_no_longer_than_until_it_expires(client, home_page, at_noon):
    make_standard_page(home_page, "about", expire_at=NOON + timedelta(seconds=90))
    response = client.get("/about/")
    assert directives(response) == {"public": True, "max-age": 60, "s-maxage": 90}
    # publish_scheduled has not run yet: the page has gone all the same, and so has its copy.
    at_noon.shift(timedelta(seconds=91))
    assert client.get("/about/").status_code == 404


def test_nothing_is_kept_past_a_scheduled_go_live(client, home_page, at_noon):
    make_standard_page(home_page, "about")
    coming = make_standard_page(home_page, "coming-soon")
    coming.go_live_at = NOON + timedelta(seconds=120)
    coming.save_revision().publish()
    assert directives(client.get("/about/"))["s-maxage"] == 120


def test_nothing_is_kept_past_an_event_starting_or_ending(client, home_page, at_noon, settings):
    settings.FRONT_CACHE_SECONDS = 60 * 60
    make_event(
        home_page, "surgery", start_date=NOON.date(), start_time=time(12, 3), end_time=time(13, 3)
    )
    assert directives(client.get("/"))["s-maxage"] == 180
    at_noon.shift(timedelta(minutes=10))
    # Its end.
    assert directives(client.get("/"))["s-maxage"] == 53 * 60


def test_nothing_is_kept_past_midnight(client, home_page):
    with time_machine.travel(datetime(2026, 12, 2, 23, 58, tzinfo=LONDON), tick=False):
        assert directives(client.get("/")) == {"public": True, "max-age": 60, "s-maxage": 120}


def test_a_banner_comes_down_at_its_expiry_time_from_a_kept_page(client, home_page, at_noon):
    make_banner("Road closed", expire_at=NOON + timedelta(minutes=5))
    assert b"Road closed" in client.get("/").content
    at_noon.shift(timedelta(minutes=5, seconds=1))
    assert b"Road closed" not in client.get("/").content


def test_no_page_is_kept_when_the_site_keeps_none(client, home_page, at_noon, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_standard_page(home_page, "about")
    built_with(client, "/about/")
    again, queries_again = built_with(client, "/about/")
    # Still cacheable by others: the site only keeps no copy of its own.
    assert directives(again)["public"]
    assert queries_again > 1


def test_the_times_follow_the_settings(client, home_page, at_noon, settings):
    settings.BROWSER_CACHE_SECONDS = 30
    settings.FRONT_CACHE_SECONDS = 3600
    assert directives(client.get("/")) == {"public": True, "max-age": 30, "s-maxage": 3600}


def test_a_feed_keeps_its_own_browser_time_within_the_shared_one(client, home_page, at_noon):
    make_event(home_page, "surgery")
    response = client.get("/events/calendar.ics")
    assert directives(response) == {"public": True, "max-age": 300, "s-maxage": 300}


def test_a_kept_page_says_how_long_from_when_it_is_sent(client, home_page, settings):
    """A page kept at 23:00 for an hour and sent again at 23:50 may be kept ten more minutes,
    not an hour: a front cache fetching it then must not keep it past midnight."""
    settings.FRONT_CACHE_SECONDS = 60 * 60
    with time_machine.travel(datetime(2026, 12, 2, 23, 0, tzinfo=LONDON), tick=False) as clock:
        assert directives(client.get("/"))["s-maxage"] == 3600
        clock.shift(timedelta(minutes=50))
        again, queries = built_with(Client(), "/")
        assert queries == 1
        assert directives(again) == {"public": True, "max-age": 60, "s-maxage": 600}

"""Alert banners: prepared in advance, shown on time, where they were asked for."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from home.ensure import ensure_page
from home.models import AlertBanner, StandardPage
from tests.factories import signed_in
from tests.home.factories import make_banner, make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return make_standard_page(home_page, "about")


@pytest.fixture
def contact(home_page):
    return make_standard_page(home_page, "contact")


def banner_titles(client, url):
    content = client.get(url).content.decode()
    return [b.title for b in AlertBanner.objects.all() if b.title in content]


def test_a_published_banner_shows_on_every_page(client, contact):
    make_banner("Flooding on the A6")
    assert "Flooding on the A6" in banner_titles(client, "/")
    assert "Flooding on the A6" in banner_titles(client, contact.url)


def test_a_scheduled_banner_waits_for_publish_scheduled(client, db):
    banner = make_banner(
        "Bonfire night road closures", go_live_at=timezone.now() + timedelta(hours=2)
    )
    assert not banner.live
    assert "Bonfire night road closures" not in banner_titles(client, "/")

    # Time passes: the go-live moment is now behind us.
    revision = banner.latest_revision
    past = timezone.now() - timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", verbosity=0)

    banner.refresh_from_db()
    assert banner.live
    assert "Bonfire night road closures" in banner_titles(client, "/")


def test_an_expired_banner_comes_down(client, db):
    expiry = timezone.now() + timedelta(hours=1)
    banner = make_banner("Lost dog in Lutterworth", expire_at=expiry)
    assert "Lost dog in Lutterworth" in banner_titles(client, "/")

    with time_machine.travel(expiry + timedelta(seconds=1), tick=False):
        # Hidden at once, before the cron job has run...
        assert "Lost dog in Lutterworth" not in banner_titles(client, "/")
        # ...and unpublished when it does.
        call_command("publish_scheduled", verbosity=0)
    banner.refresh_from_db()
    assert not banner.live
    assert banner.expired


def test_a_draft_banner_is_not_shown(client, db):
    banner = AlertBanner.objects.create(title="Not ready yet", message="<p>Draft.</p>", live=False)
    banner.save_revision()
    assert "Not ready yet" not in banner_titles(client, "/")


def test_a_banner_for_chosen_pages_shows_there_and_below(client, about, contact):
    members = ensure_page(about, StandardPage, "members", title="Our members")
    make_banner("Meeting moved", whole_site=False, pages=[(about, True)])
    make_banner("Only on the contact page", whole_site=False, pages=[(contact, False)])

    assert "Meeting moved" in banner_titles(client, about.url)
    assert "Meeting moved" in banner_titles(client, members.url)
    assert "Meeting moved" not in banner_titles(client, "/")
    assert "Only on the contact page" in banner_titles(client, contact.url)
    assert "Only on the contact page" not in banner_titles(client, "/")


def test_page_only_placement_excludes_the_pages_below(client, about):
    members = ensure_page(about, StandardPage, "members", title="Our members")
    make_banner("About page only", whole_site=False, pages=[(about, False)])
    assert "About page only" in banner_titles(client, about.url)
    assert "About page only" not in banner_titles(client, members.url)


def test_most_severe_first_and_the_level_in_words(client, contact):
    make_banner("Information item", level=AlertBanner.Level.INFORMATION)
    make_banner("Urgent item", level=AlertBanner.Level.URGENT)
    make_banner("Warning item", level=AlertBanner.Level.WARNING)
    content = client.get(contact.url).content.decode()
    assert (
        content.index("Urgent item")
        < content.index("Warning item")
        < content.index("Information item")
    )
    # The level is written, not only coloured; each banner is a region named by its own heading.
    assert (
        ">Urgent</h2>" in content and ">Warning</h2>" in content and ">Information</h2>" in content
    )
    for banner in AlertBanner.objects.filter(title__endswith=" item"):
        heading = f'id="alert-banner-{banner.pk}-heading">{banner.title}</p>'
        assert f'role="region" aria-labelledby="alert-banner-{banner.pk}-heading"' in content
        assert heading in content


def test_banners_are_found_in_one_query_whatever_the_depth(django_assert_num_queries, about):
    page = about
    for depth in range(5):
        page = ensure_page(page, StandardPage, f"level-{depth}", title=f"Level {depth}")
    make_banner("Deep", whole_site=False, pages=[(about, True)])
    with django_assert_num_queries(1):
        titles = [banner.title for banner in AlertBanner.objects.showing_on(page)]
    assert "Deep" in titles


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"link_text": "More", "link_url": "https://example.org/"}, None),
        ({"link_text": "More"}, "link_page"),
        ({"link_url": "https://example.org/"}, "link_text"),
        ({"link_text": "More", "link_url": "https://example.org/", "link_page_id": 2}, "link_url"),
    ],
)
def test_a_banner_link_needs_words_and_one_destination(db, fields, field_in_error):
    from django.core.exceptions import ValidationError

    banner = AlertBanner(title="Test", message="<p>x</p>", **fields)
    if field_in_error is None:
        banner.full_clean()
        return
    with pytest.raises(ValidationError) as error:
        banner.full_clean()
    assert field_in_error in error.value.message_dict


def test_expiry_must_come_after_go_live(db):
    from django.core.exceptions import ValidationError

    go_live = timezone.now() + timedelta(days=1)
    banner = AlertBanner(
        title="Road closed", message="<p>x</p>", go_live_at=go_live, expire_at=go_live
    )
    with pytest.raises(ValidationError) as error:
        banner.full_clean()
    assert error.value.message_dict["expire_at"] == [
        "The expiry time must be after the go-live time."
    ]
    banner.expire_at = go_live - timedelta(hours=1)
    with pytest.raises(ValidationError):
        banner.full_clean()
    banner.expire_at = go_live + timedelta(hours=1)
    banner.full_clean()


def test_the_banner_editor_can_set_a_schedule(client, db):
    # Without Wagtail's publishing panel the editor's status panel says "No publishing schedule
    # set" and offers no way to set one.
    signed_in(client, "comms")
    content = client.get("/admin/snippets/home/alertbanner/add/").content.decode()
    assert 'name="go_live_at"' in content
    assert 'name="expire_at"' in content


def test_the_banner_listing_writes_yes_no_and_govuk_times(client, db):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    AlertBanner.objects.create(
        title="Listing check: whole site",
        message="<p>x</p>",
        whole_site=True,
        go_live_at=datetime(2027, 1, 4, 6, 59, tzinfo=london),
        expire_at=datetime(2027, 1, 4, 12, 0, tzinfo=london),
        live=False,
    )
    AlertBanner.objects.create(
        title="Listing check: chosen pages",
        message="<p>x</p>",
        whole_site=False,
        # Summer time: still the London clock.
        go_live_at=datetime(2027, 7, 1, 19, 30, tzinfo=london),
        live=False,
    )
    signed_in(client, "comms")
    response = client.get("/admin/snippets/home/alertbanner/", {"q": "Listing check"})
    cells = [
        " ".join(cell.split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", response.content.decode(), re.S)
    ]
    content = " | ".join(cells)
    assert "4 January 2027, 6:59am" in content
    assert "4 January 2027, midday" in content
    assert "1 July 2027, 7:30pm" in content
    assert "Yes" in cells and "No" in cells
    assert "True" not in content and "False" not in content
    assert "a.m." not in content and "p.m." not in content

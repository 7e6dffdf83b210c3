"""What parish websites reuse: feeds read by feedparser, the JSON, the calendar and the embed."""

import json
from datetime import timedelta

import feedparser
import icalendar
import pytest
from django.utils import timezone

from areas.models import AreaPage
from tests.areas.factories import area, make_area, make_update, make_you_said_we_did
from tests.conftest import PARTNERSHIP
from tests.events.factories import beat_surgeries


@pytest.fixture
def places(home_page):
    """Three places with news, "you said, we did" and (two of them) beat surgeries."""
    beat_surgeries(home_page)  # in Lutterworth and Kibworth
    market = make_area("market-harborough", kind=AreaPage.Kind.TOWN)
    today = timezone.localdate()
    items = [
        (market, "Western Avenue lit at night", "Market town bike marking"),
        (market, "Parking outside the school", "Shop watch for the market"),
        (market, "Dark paths by the river", "A new PCSO for the town"),
        (area("kibworth"), "Speeding through Kibworth", "Speedwatch volunteers out in Kibworth"),
        (area("lutterworth"), "Litter on the recreation ground", "Closure order granted"),
    ]
    for number, (place, said, news) in enumerate(items):
        make_you_said_we_did(place, title=said, said_on=today - timedelta(days=90 + number))
        make_update(
            home_page,
            f"news-{number}",
            [place],
            day=today - timedelta(days=10 + number),
            title=news,
        )


FEEDS = [
    "/areas/market-harborough/feed.rss",
    "/areas/market-harborough/feed.atom",
    "/news/feed.rss",
    "/news/feed.atom",
]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_are_valid_with_unique_ids_dates_and_absolute_links(client, places, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version in ("rss20", "atom10")
    assert feed.feed.title and feed.feed.link.startswith("http://testserver/")
    entries = feed.entries
    assert len(entries) >= 5
    ids = [entry.id for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.link.startswith("http://testserver/")
        assert entry.published_parsed is not None
        assert entry.title and entry.summary
    # Newest first, and both kinds are in it.
    dates = [entry.published_parsed for entry in entries]
    assert dates == sorted(dates, reverse=True)
    titles = " ".join(entry.title for entry in entries)
    assert "You said, we did:" in titles
    assert any(not entry.title.startswith("You said") for entry in entries)
    # Every link works.
    for entry in entries:
        assert client.get(entry.link.removeprefix("http://testserver")).status_code == 200


def test_an_areas_feed_has_only_that_areas_items(client, places):
    feed = feedparser.parse(client.get("/areas/kibworth/feed.rss").content)
    titles = [entry.title for entry in feed.entries]
    assert "You said, we did: Speeding through Kibworth" in titles
    assert not any("Western Avenue" in title for title in titles)
    assert "Speedwatch volunteers out in Kibworth" in titles


def test_updates_json_shape(client, places):
    response = client.get("/areas/lutterworth/updates.json")
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert set(data) == {"area", "generated", "updates", "you_said_we_did", "events"}
    assert data["area"] == {
        "name": "Lutterworth",
        "kind": "town",
        "url": "http://testserver/areas/lutterworth/",
    }
    assert data["updates"] and set(data["updates"][0]) == {
        "title",
        "url",
        "date",
        "summary",
        "topics",
    }
    assert set(data["you_said_we_did"][0]) == {
        "title", "url", "you_said", "said_on", "how", "place", "we_did", "done_on", "progress", "priority"
    }  # fmt: skip
    assert all(
        item["url"].startswith("http://testserver/you-said-we-did/")
        for item in data["you_said_we_did"]
    )
    if data["events"]:
        assert set(data["events"][0]) == {
            "title",
            "url",
            "start",
            "end",
            "all_day",
            "cancelled",
            "note",
            "venue",
        }
        assert data["events"][0]["start"].endswith(("+00:00", "+01:00"))


def test_events_ics_has_only_that_areas_events(client, places):
    calendar = icalendar.Calendar.from_ical(client.get("/areas/kibworth/events.ics").content)
    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {"Kibworth beat surgery"}
    assert str(calendar["X-WR-CALNAME"]) == "Events in Kibworth"


def test_only_the_embed_may_be_framed_by_any_site(client, places):
    embed = client.get("/areas/lutterworth/embed/")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    html = embed.content.decode()
    assert 'target="_top"' in html and "Community safety in Lutterworth" in html
    assert 'class="govuk-header' not in html  # compact: no site header or menu
    for url in ["/", "/areas/lutterworth/", "/areas/", "/you-said-we-did/", "/events/"]:
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


def test_the_embed_sets_no_cookies_and_keeps_the_rest_of_the_policy(client, places):
    embed = client.get("/areas/lutterworth/embed/")
    assert not embed.cookies
    policy = embed["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy


def test_the_area_feeds_are_announced(client, places):
    html = client.get(area("kibworth").url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html


@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_names_itself_the_same_way_whatever_the_query_string(client, places, url):
    plain = feedparser.parse(client.get(url).content)
    tracked = feedparser.parse(client.get(url, {"utm_source": "newsletter"}).content)
    self_links = [link.href for link in plain.feed.links if link.rel == "self"]
    assert self_links == [f"http://testserver{url}"]
    assert [link.href for link in tracked.feed.links if link.rel == "self"] == self_links
    assert tracked.feed.get("id") == plain.feed.get("id")


def test_atom_feeds_name_an_author(client, places):
    feed = feedparser.parse(client.get("/areas/lutterworth/feed.atom").content)
    assert not feed.bozo, feed.bozo_exception
    # Atom needs an author for each entry; the feed's own covers every entry without one.
    assert feed.feed.author == PARTNERSHIP


def test_feed_summaries_are_escaped_text_in_paragraphs(client, home_page):
    make_you_said_we_did(
        make_area("fleckney"), title="Markup test", said="<b>Bins</b> & benches", did="More bins."
    )
    feed = feedparser.parse(client.get("/areas/fleckney/feed.rss").content)
    entry = next(entry for entry in feed.entries if entry.title.endswith("Markup test"))
    assert "&lt;b&gt;Bins&lt;/b&gt; &amp; benches" in entry.summary
    assert "<p>We did: More bins.</p>" in entry.summary

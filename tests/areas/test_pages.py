"""Area pages, "you said, we did" and local news, as a resident sees them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from areas.models import AreaPage
from local_events import recurrence
from tests.areas.factories import area, make_area, make_update, make_you_said_we_did
from tests.campaigns.factories import make_campaign
from tests.events.factories import make_event
from tests.every_kind import every_kind
from tests.plans.factories import make_plan, make_priority


@pytest.fixture
def places(home_page):
    """Two towns and two parishes, and a campaign on now."""
    make_area(
        "lutterworth",
        kind=AreaPage.Kind.TOWN,
        team_name="Lutterworth Neighbourhood Policing Team",
        team_url="https://police.example/lutterworth",
    )
    make_area("market-harborough", kind=AreaPage.Kind.TOWN)
    make_area("kibworth", kind=AreaPage.Kind.PARISH)
    make_area("fleckney", kind=AreaPage.Kind.PARISH)
    today = timezone.localdate()
    make_campaign(
        home_page, "darker-nights", start=today - timedelta(days=3), end=today + timedelta(days=10)
    )


def test_the_area_index_lists_towns_and_parishes_with_a_finder(client, places):
    html = client.get("/areas/").content.decode()
    assert '<h2 class="govuk-heading-m">Towns</h2>' in html
    assert '<h2 class="govuk-heading-m">Parishes</h2>' in html
    towns = html.index('<h2 class="govuk-heading-m">Towns</h2>')
    parishes = html.index('<h2 class="govuk-heading-m">Parishes</h2>')
    assert towns < html.index(">Lutterworth<") < html.index(">Market Harborough<") < parishes
    assert parishes < html.index(">Fleckney<") < html.index(">Kibworth<")
    # The typing box is for JavaScript to show; without it the list is all there is.
    assert 'data-module="app-area-finder"' in html and " hidden>" in html
    assert "js/area-finder" in html


def test_an_area_page_gathers_everything_tagged_to_it(client, home_page, places):
    lutterworth, kibworth = area("lutterworth"), area("kibworth")
    make_you_said_we_did(lutterworth, title="Bins for the Lutterworth green")
    make_you_said_we_did(kibworth, title="Bins for the Kibworth green")
    make_update(
        home_page,
        "lutterworth-news",
        [lutterworth],
        day=date(2030, 1, 1),
        title="Lutterworth only news",
    )
    make_update(
        home_page, "kibworth-news", [kibworth], day=date(2030, 1, 1), title="Kibworth only news"
    )
    make_event(
        home_page,
        "lutterworth-thing",
        title="Lutterworth test event",
        parish=lutterworth,
        start_date=timezone.localdate() + timedelta(days=1),
    )
    html = client.get(lutterworth.url).content.decode()
    assert "Community safety in Lutterworth" in html
    assert "Lutterworth Neighbourhood Policing Team" in html and 'href="tel:101"' in html
    assert "Bins for the Lutterworth green" in html and "Bins for the Kibworth green" not in html
    assert "Lutterworth only news" in html and "Kibworth only news" not in html
    assert "Lutterworth test event" in html
    assert "Campaigns" in html  # on now
    # The addresses to reuse are absolute, with the iframe snippet to copy.
    for suffix in ("feed.rss", "feed.atom", "events.ics", "updates.json", "embed/"):
        assert f"http://testserver{lutterworth.url}{suffix}" in html
    assert "&lt;iframe src=&quot;http://testserver/areas/lutterworth/embed/&quot;" in html or (
        '&lt;iframe src="http://testserver/areas/lutterworth/embed/"' in html
    )
    assert 'rel="alternate" type="application/rss+xml"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/areas/nowhere/",
        "/areas/nowhere/feed.rss",
        "/areas/nowhere/embed/",
        "/areas/nowhere/updates.json",
        "/areas/lutterworth/feed.xml",
        "/areas/lutterworth/nothing/",
        "/you-said-we-did/?parish=nowhere",
        "/you-said-we-did/?parish=%00",
        "/you-said-we-did/?priority=abc",
        "/you-said-we-did/?priority=99999999999999999999",
        "/you-said-we-did/?priority=-1",
        "/you-said-we-did/?priority=%C2%B2",
        "/you-said-we-did/?year=20",
        "/you-said-we-did/?year=0000",
        "/you-said-we-did/?year=0999",
        "/you-said-we-did/?year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96",
        "/you-said-we-did/?page=99",
        "/you-said-we-did/0/",
        "/you-said-we-did/99999999/",
        "/news/?page=abc",
    ],
)
def test_bad_input_is_a_404(client, places, url):
    assert client.get(url).status_code == 404


def test_private_events_news_and_entries_stay_off_the_area_and_what_parishes_reuse(
    client, home_page, places
):
    from wagtail.models import PageViewRestriction

    lutterworth = area("lutterworth")
    event = make_event(
        home_page,
        "staff-only-briefing",
        title="Staff only briefing",
        parish=lutterworth,
        start_date=timezone.localdate() + timedelta(days=2),
    )
    update = make_update(
        home_page, "staff-only-news", [lutterworth], day=date(2030, 1, 1), title="Staff only news"
    )
    for page in (event, update):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    for suffix in ("", "embed/", "updates.json", "events.ics", "feed.rss", "feed.atom"):
        body = client.get(f"{lutterworth.url}{suffix}").content.decode()
        assert "Staff only briefing" not in body, suffix
        assert "Staff only news" not in body, suffix


def test_you_said_we_did_filters_by_parish_priority_and_year(client, home_page, places):
    plan = make_plan(home_page, "2026-2027")
    people = make_priority(plan, 1, "people", title="Protecting people")
    safer_places = make_priority(plan, 2, "places", title="Safer places")
    for title, place, priority, said_on in [
        ("Speeding through Kibworth", area("kibworth"), safer_places, date(2026, 5, 1)),
        ("Western Avenue lit at night", area("market-harborough"), people, date(2025, 9, 1)),
        ("Thefts from farms", None, people, date(2026, 2, 1)),
    ]:
        make_you_said_we_did(place, title=title, priority=priority, said_on=said_on)
    kibworth = client.get("/you-said-we-did/", {"parish": "kibworth"}).content.decode()
    assert "Speeding through Kibworth" in kibworth and "Western Avenue" not in kibworth
    by_priority = client.get("/you-said-we-did/", {"priority": safer_places.pk}).content.decode()
    assert "Speeding through Kibworth" in by_priority and "Thefts from farms" not in by_priority
    by_year = client.get("/you-said-we-did/", {"year": "2026"}).content.decode()
    assert "Thefts from farms" in by_year and "Western Avenue" not in by_year
    nothing = client.get("/you-said-we-did/", {"year": "1999"}).content.decode()
    assert "Nothing matches these filters yet." in nothing


def test_drafts_are_not_shown(client, places):
    draft = make_you_said_we_did(area("fleckney"), title="Secret draft", publish=False)
    assert "Secret draft" not in client.get("/you-said-we-did/").content.decode()
    assert client.get(f"/you-said-we-did/{draft.pk}/").status_code == 404
    assert "Secret draft" not in client.get(area("fleckney").url).content.decode()


def test_each_entry_has_its_own_page(client, places):
    item = make_you_said_we_did(
        area("kibworth"),
        title="Speeding through Kibworth",
        did="Volunteers joined Community Speedwatch.",
    )
    html = client.get(f"/you-said-we-did/{item.pk}/").content.decode()
    assert '<h1 class="govuk-heading-xl">Speeding through Kibworth</h1>' in html
    assert "You said" in html and "We did" in html and "Community Speedwatch" in html
    assert f'<link rel="canonical" href="http://testserver/you-said-we-did/{item.pk}/">' in html


def test_priority_and_home_pages_show_you_said_we_did_and_news(client, home_page):
    site = every_kind(home_page)
    assert "Speeding through Northtown" in client.get(site.priority.url).content.decode()
    home = client.get("/").content.decode()
    assert "You said, we did" in home
    assert "Latest news" in home and "Speedwatch volunteers out in Northtown" in home
    assert "Find your town or parish" in home and 'href="/areas/eastfield/"' in home


def add_items(home_page, parish, count):
    """`count` of each kind tagged to the parish: "you said, we did", news, repeating events."""
    from plans.models import YouSaidWeDid

    existing = YouSaidWeDid.objects.filter(title__startswith="Bulk ").count()
    for number in range(existing, count):
        make_you_said_we_did(
            parish, title=f"Bulk {number}", said_on=date(2026, 1, 1) + timedelta(days=number)
        )
        make_update(
            home_page,
            f"bulk-news-{number}",
            [parish],
            day=date(2030, 1, 1) + timedelta(days=number),
        )
        make_event(
            home_page,
            f"bulk-event-{number}",
            parish=parish,
            start_date=timezone.localdate() + timedelta(days=1 + number % 20),
            repeats=recurrence.WEEKLY,
            repeat_count=3,
        )


# The addresses whose queries are counted with 5 and with 50 of each kind tagged to a parish.
COUNTED = {
    "area page": lambda a: a.url,
    "you said, we did": lambda a: "/you-said-we-did/",
    "news": lambda a: "/news/",
    "embed": lambda a: f"{a.url}embed/",
    "JSON": lambda a: f"{a.url}updates.json",
    "Atom feed": lambda a: f"{a.url}feed.atom",
}


def cold_home_page_queries(client):
    """The home page's queries when its panels, which are cached, are built again."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/")
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get("/").status_code == 200
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_the_items(queries, client, home_page, places):
    parish = area("fleckney")
    counts = {}
    for items in (5, 50):
        add_items(home_page, parish, items)
        for name, url_for in COUNTED.items():
            response = queries.get(url_for(parish))
            assert response.status_code == 200, name
            counts.setdefault(name, []).append(response.query_count)
        counts.setdefault("home page, panels built", []).append(cold_home_page_queries(client))
    with_five = {name: five for name, (five, fifty) in counts.items()}
    with_fifty = {name: fifty for name, (five, fifty) in counts.items()}
    assert with_five == with_fifty

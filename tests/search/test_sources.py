"""One search over everything residents may look for: pages, and what features register as
search sources (helplines, "you said, we did", actions), each saying what it is and linking to
where it is shown, with counts by kind."""

import re

import pytest

from tests.areas.factories import make_area, make_you_said_we_did
from tests.plans.factories import make_action, make_plan, make_priority, partner

# Each test runs on the database backend and on OpenSearch (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("engine")]


def results(response):
    """[(kind, title, address)] in the order shown."""
    content = response.content.decode()
    if "app-result-list" not in content:
        return []
    listing = content.split('class="app-result-list"', 1)[1].split("</ol>", 1)[0]
    return re.findall(
        r'app-result-list__kind">([^<]*)</p>\s*<h3[^>]*><a class="govuk-link" href="([^"]*)">([^<]*)</a>',
        listing,
    )


def found(client, query, **params):
    return [
        (kind, title, url)
        for kind, url, title in results(client.get("/search/", {"q": query, **params}))
    ]


def test_a_helpline_is_found_as_a_helpline_on_its_topic_page(client, db):
    hits = found(client, "National Domestic Abuse Helpline")
    kind, title, url = hits[0]
    assert (kind, title) == ("Helpline", "National Domestic Abuse Helpline")
    page = client.get(url.split("#")[0])
    assert page.status_code == 200
    assert f'id="{url.split("#")[1]}"' in page.content.decode()


@pytest.mark.usefixtures("fresh_index")
def test_an_action_is_found_with_its_plan_and_links_to_its_place_on_the_priority_page(
    client, home_page
):
    priority = make_priority(make_plan(home_page), title="Protecting people")
    action = make_action(priority, "Refer families to the JADA+ programme for young people")
    hits = [hit for hit in found(client, "JADA") if hit[2].endswith(f"#action-{action.pk}")]
    assert len(hits) == 1
    kind, _title, url = hits[0]
    assert re.fullmatch(r"Action in the 20\d\d to 20\d\d plan", kind)
    page = client.get(url.split("#")[0])
    assert page.status_code == 200
    assert f'id="action-{action.pk}"' in page.content.decode()


@pytest.mark.usefixtures("fresh_index")
def test_you_said_we_did_is_found_and_a_draft_entry_is_not(client, db):
    entry = make_you_said_we_did(title="Cold callers targeting older residents")
    assert ("You said, we did", entry.title, f"/you-said-we-did/{entry.pk}/") in found(
        client, "cold callers"
    )
    draft = make_you_said_we_did(title="Quokkas in the car park", publish=False)
    assert found(client, "quokkas") == []
    draft.save_revision().publish()
    assert [hit[1] for hit in found(client, "quokkas")] == ["Quokkas in the car park"]


def test_counts_by_kind_are_filters_and_an_unknown_kind_is_a_404(client, db):
    content = client.get("/search/", {"q": "helpline"}).content.decode()
    facets = dict(re.findall(r'href="\?q=helpline&amp;type=([-\w]+)">[^<(]*\((\d+)\)', content))
    assert int(facets["helplines"]) >= 2
    helplines = found(client, "helpline", type="helplines")
    assert len(helplines) == int(facets["helplines"])
    assert {kind for kind, _title, _url in helplines} <= {"Helpline", "Way to report"}
    assert client.get("/search/", {"q": "helpline", "type": "nonsense"}).status_code == 404
    assert client.get("/search/", {"q": "helpline", "sort": "sideways"}).status_code == 404


@pytest.mark.usefixtures("fresh_index")
def test_newest_first_puts_a_new_entry_at_the_top(client, db):
    from datetime import date

    make_you_said_we_did(title="Speeding past the school", said_on=date(2099, 1, 1))
    newest = found(client, "school", sort="newest")
    assert newest[0][1] == "Speeding past the school"


@pytest.mark.usefixtures("fresh_index")
def test_queries_do_not_grow_with_the_results(queries, db):
    for number in range(12):  # more than a page
        make_you_said_we_did(title=f"Wombat crossing {number}")
    few = queries.get("/search/", {"q": "wombat crossing"}).query_count
    for number in range(12, 30):
        make_you_said_we_did(title=f"Wombat crossing {number}")
    response = queries.get("/search/", {"q": "wombat crossing"})
    assert "30 results" in response.content.decode()
    assert response.query_count == few


@pytest.mark.usefixtures("fresh_index")
def test_a_kind_with_nothing_matching_costs_no_query_on_the_database(queries, db, engine):
    make_you_said_we_did(title="Wombat crossing on the high street")
    response = queries.get("/search/", {"q": "wombat"})
    assert [kind for kind, _url, _title in results(response)] == ["You said, we did"]
    asked = " ".join(response.queries)
    assert "plans_yousaidwedid" in asked
    if engine.name == "database":  # one query said which kinds match; nothing else asked
        assert "campaigns_reportingroute" not in asked and "news_updatepage" not in asked
        assert "plans_action" not in asked


@pytest.mark.usefixtures("fresh_index")
def test_newest_first_is_one_order_across_the_pages(client, db):
    from datetime import date, timedelta

    first = date(2090, 1, 1)
    for number in range(25):
        make_you_said_we_did(
            title=f"Wombat sighting {number}",
            said=f"wombat {'wombat ' * (number % 7)}",
            said_on=first + timedelta(days=number),
        )
    shown = [
        title
        for page in ("1", "2", "3")
        for _kind, title, _url in found(client, "wombat", sort="newest", page=page)
    ]
    assert shown == [f"Wombat sighting {number}" for number in reversed(range(25))]


@pytest.mark.usefixtures("fresh_index")
def test_a_route_that_no_topic_page_lists_is_not_found(client, db):
    from campaigns.models import ReportingChannel, ReportingRoute, Topic

    route = ReportingRoute.objects.create(
        organisation="Quokka Trust", name="Quokka line", description="Only in one page's body."
    )
    ReportingChannel.objects.create(route=route, kind="phone", value="0800 000 0000")
    assert found(client, "quokka") == []
    route.topics.add(Topic.objects.get(slug="scams-and-fraud"))  # and once a topic page lists it
    route.save()
    assert [title for _kind, title, _url in found(client, "quokka line")] == ["Quokka line"]


def topic_and_area_links(content):
    """{(facet, slug): count} of the links under Topics and Areas (each link's last filter)."""
    navs = re.findall(r'<nav[^>]*aria-labelledby="facet-.*?</nav>', content, re.S)
    return {
        (facet, slug): int(count)
        for nav in navs
        for facet, slug, count in re.findall(
            r'href="\?[^"]*(topic|area)=([-\w]+)">[^<(]*\((\d+)\)', nav
        )
    }


def test_results_are_counted_by_topic_and_area_and_each_count_is_a_filter(client, demo):
    # The demo: results on several topics and in several areas.
    content = client.get("/search/", {"q": "scams"}).content.decode()
    assert ">Topics</h3>" in content and ">Areas</h3>" in content
    links = topic_and_area_links(content)
    assert links[("topic", "scams-and-fraud")] >= 2
    assert links[("area", "lutterworth")] >= 1
    for (facet, slug), count in links.items():
        narrowed = found(client, "scams", **{facet: slug})
        assert len(narrowed) == count, (facet, slug)
    # With a topic chosen, the topics show that choice only (with its count) and a way back to
    # all; the areas are counted among the results about it, and keep it in their links.
    chosen = client.get("/search/", {"q": "scams", "topic": "scams-and-fraud"}).content.decode()
    narrowed = found(client, "scams", topic="scams-and-fraud")
    assert f"Scams and fraud ({len(narrowed)})</strong>" in chosen and "All topics</a>" in chosen
    assert not [key for key in topic_and_area_links(chosen) if key[0] == "topic"]
    for (facet, slug), count in topic_and_area_links(chosen).items():
        assert facet == "area"
        assert len(found(client, "scams", topic="scams-and-fraud", area=slug)) == count


@pytest.mark.usefixtures("fresh_index")
def test_an_area_filter_finds_only_what_is_in_that_area(client, db):
    for slug in ("kibworth", "fleckney"):
        place = make_area(slug)
        make_you_said_we_did(place, title=f"Speeding through {place.title}")
    entries = found(client, "speeding", area="kibworth")
    assert entries and all("Kibworth" in title for _kind, title, _url in entries)


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "no-such-topic"},
        {"area": "../etc"},
        {"area": "x" * 300},
        {"topic": "scams-and-fraud", "area": "atlantis"},
    ],
)
def test_an_unknown_topic_or_area_is_a_404(client, db, params):
    assert client.get("/search/", {"q": "scams", **params}).status_code == 404


@pytest.mark.usefixtures("fresh_index")
def test_topic_and_area_counts_cost_no_more_queries_for_more_results(queries, db):
    kibworth = make_area("kibworth")
    for number in range(12):
        make_you_said_we_did(parish=kibworth, title=f"Numbat crossing {number}")
    few = queries.get("/search/", {"q": "numbat crossing", "area": "kibworth"})
    for number in range(12, 40):
        make_you_said_we_did(parish=kibworth, title=f"Numbat crossing {number}")
    many = queries.get("/search/", {"q": "numbat crossing", "area": "kibworth"})
    assert "40 results" in many.content.decode()
    assert "Kibworth (40)</strong>" in many.content.decode()
    assert many.query_count == few.query_count


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.parametrize(
    ("query", "description"),
    [
        ("Kicks", "Kicks: free football, dance and boxing sessions for young people"),
        ("keep safe places", "Grow the Keep Safe Places scheme to every market town"),
        ("UAVA", "UAVA training for frontline staff in recognising coercive control"),
    ],
)
def test_another_partnerships_actions_are_found_by_their_scheme_names(
    client, home_page, query, description
):
    # As an officer from a partnership the demo knows nothing of would enter them.
    plan = make_plan(home_page, "community-safety-plan", title="Community safety plan")
    priority = make_priority(plan, slug="safer-places", title="Safer places")
    action = make_action(priority, description)
    kind, title, url = found(client, query)[0]
    assert (kind, title) == ("Action in the 2026 to 2027 plan", description)
    assert url.endswith(f"/safer-places/#action-{action.pk}")


@pytest.mark.usefixtures("fresh_index")
def test_a_partner_is_found_as_a_partner(client, home_page):
    from plans.models import PlanIndexPage

    priority = make_priority(make_plan(home_page))
    make_action(priority, "Run a drop-in for young people", leads=[partner("The Jenkins Centre")])

    kind, title, url = found(client, "Jenkins Centre", type="partners")[0]
    # Without a website of its own, it links to the plans that name it.
    assert (kind, title, url) == ("Partner", "The Jenkins Centre", PlanIndexPage.objects.get().url)


@pytest.mark.usefixtures("fresh_index")
def test_a_partner_named_only_on_a_draft_plan_is_not_found(client, home_page):
    plan = make_plan(home_page, "draft-plan", title="A plan still in draft")
    make_action(make_priority(plan), "Patrol the towpath", leads=[partner("Quokka Watch")])
    assert [title for _kind, title, _url in found(client, "quokka watch")] == ["Quokka Watch"]
    plan.unpublish()
    assert found(client, "quokka") == []

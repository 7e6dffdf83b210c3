"""Site search: results for what people type, and never an error for anything they type."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from home.ensure import ensure_page
from home.models import StandardPage
from search.views import MAX_QUERY_LENGTH, clean_query
from tests.home.factories import make_standard_page

# Each test runs on the database backend and on OpenSearch (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("engine")

BAD_INPUT = [
    '"',
    '"unbalanced phrase',
    '"hate crime"',
    "domestic NEAR abuse",
    "hate AND crime",
    "hate OR",
    "AND",
    "NOT",
    "*",
    "crim*",
    "-",
    "-abuse",
    "(",
    "((abuse)",
    "abuse)",
    "[]{}^~:\\/",
    "'; DROP TABLE wagtailcore_page; --",
    "%",
    "_",
    "a" * 5000,
    "partnership " * 500,
    "",
    "   ",
    "\x00\x01",
    "преступность",
    "جريمة الكراهية",
    "仇恨犯罪",
    "😀",
    "NEAR(abuse crime, 2)",
    "title:abuse",
    "field:value",
    "~",
    "abuse~2",
    "^2",
    "abuse^2",
    "\\",
    "/",
    "a/b\\c",
    'hate "crime',
    "x" * 10_000,
    "hate crime " * 1000,
    "👮‍♀️🚓",
    "شرطة",
    "משטרה",
    "the and of",
    "a an the to",
    "ASB DA NTE PSPO JAG CSE CCE DHR " * 20,
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", BAD_INPUT)
def test_no_query_causes_an_error(client, db, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Search" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999", "1.5"])
def test_a_page_number_outside_the_results_is_a_404(client, db, page):
    response = client.get("/search/", {"q": "partnership", "page": page})
    assert response.status_code == 404


@pytest.mark.django_db
def result_titles(response):
    content = response.content.decode()
    if "app-result-list" not in content:
        return []
    listing = content.split('class="app-result-list"', 1)[1].split("</ol>", 1)[0]
    return [
        part.split("</a>", 1)[0].split(">")[-1] for part in listing.split('class="govuk-link"')[1:]
    ]


@pytest.fixture
def support(home_page, fresh_index):
    """A page of help that names the helplines, and the accessibility statement published."""
    make_standard_page(
        home_page,
        "support-after-abuse",
        title="Support after abuse",
        introduction="A free helpline is open day and night.",
    )
    StandardPage.objects.get(slug="accessibility-statement").save_revision().publish()


@pytest.mark.django_db
def test_finds_live_pages_by_their_words(client, support):
    found = result_titles(client.get("/search/", {"q": "helpline"}))
    assert "Support after abuse" in found
    # And the helplines themselves, from the reporting routes (tests/search/test_sources.py).
    assert "National Domestic Abuse Helpline" in found
    assert "Accessibility statement" in result_titles(
        client.get("/search/", {"q": "screen reader"})
    )


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_draft_pages_are_not_found(client, home_page):
    page = ensure_page(home_page, StandardPage, "secret", title="Unpublished plans for zebras")
    page.unpublish()
    content = client.get("/search/", {"q": "zebras"}).content.decode()
    assert "No results for ‘zebras’" in content
    page.save_revision().publish()  # and once published, it is (so the index saw both)
    assert result_titles(client.get("/search/", {"q": "zebras"})) == [page.title]


@pytest.mark.django_db
def test_no_results_page_helps(client, db):
    content = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "No results for ‘xylophone’" in content
    assert "checking your spelling" in content
    assert 'href="tel:999"' in content


@pytest.mark.django_db
def test_a_long_search_is_shortened_and_says_so(client, db):
    content = client.get("/search/", {"q": "abuse " * 200}).content.decode()
    assert "Your search was too long" in content


@pytest.mark.django_db
def test_empty_search_shows_the_form_only(client, db):
    content = client.get("/search/").content.decode()
    assert 'name="q"' in content
    assert "result" not in content.lower().split("<main", 1)[1].split("</form>", 1)[1]


def test_clean_query_keeps_text_and_drops_control_characters():
    assert clean_query("  hate \t crime\n") == ("hate crime", False)
    assert clean_query("a\x00b") == ("a b", False)
    text, shortened = clean_query("word " * 100)
    assert shortened and len(text) <= MAX_QUERY_LENGTH and not text.endswith(" ")


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_results_are_paginated(client, home_page):
    for number in range(25):
        ensure_page(home_page, StandardPage, f"walk-{number}", title=f"Quokka walk {number}")
    first = client.get("/search/", {"q": "quokka walk"}).content.decode()
    assert "25 results for ‘quokka walk’" in first
    assert len(result_titles(client.get("/search/", {"q": "quokka walk"}))) == 10
    assert 'href="?q=quokka+walk&amp;page=2"' in first
    assert len(result_titles(client.get("/search/", {"q": "quokka walk", "page": "3"}))) == 5


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_query_count_is_the_same_for_12_and_50_results(queries, home_page, engine):
    def count_for(total):
        existing = StandardPage.objects.filter(slug__startswith="surgery-").count()
        for number in range(existing, total):
            ensure_page(
                home_page,
                StandardPage,
                f"surgery-{number}",
                title=f"Wombat surgery {number}",
                introduction="Meet your neighbourhood team.",
            )
        response = queries.get("/search/", {"q": "wombat surgery"})
        assert response.status_code == 200
        assert f"{total} results" in response.content.decode()
        return response.query_count

    # A kind with fewer matches than fill the page is counted from what was fetched; one with
    # more is counted by one query more, whatever the number (a request to OpenSearch, there).
    counted = 1 if engine.name == "database" else 0
    assert count_for(5) + counted == count_for(12) == count_for(50)


@pytest.mark.django_db
def test_words_with_colons_are_searched_as_words(client, support):
    """No hidden filter syntax: 'helpline:free' is the words 'helpline' and 'free', both searched."""
    with_colon = result_titles(client.get("/search/", {"q": "helpline:free"}))
    assert with_colon == result_titles(client.get("/search/", {"q": "helpline free"}))
    assert "Support after abuse" in with_colon
    # Both words are searched: nothing has both, so what has some of them is shown, saying so.
    content = client.get("/search/", {"q": "helpline:zebra"}).content.decode()
    assert "Nothing has all the words of ‘helpline:zebra’" in content


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_a_quoted_phrase_must_appear_as_written(client, home_page):
    ensure_page(home_page, StandardPage, "one", title="Ask for Zelda in pubs")
    ensure_page(home_page, StandardPage, "two", title="Zelda asked for help")
    assert result_titles(client.get("/search/", {"q": '"ask for zelda"'})) == [
        "Ask for Zelda in pubs"
    ]
    assert len(result_titles(client.get("/search/", {"q": "zelda"}))) == 2


def test_build_query_reads_phrases_and_words():
    from search.views import build_query

    assert build_query('"') is None
    assert build_query("") is None
    assert repr(build_query("hate crime")) == repr(build_query("hate crime"))
    assert type(build_query('"hate crime"')).__name__ == "Phrase"
    assert type(build_query('"hate crime" harborough')).__name__ == "And"


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_a_page_drops_out_of_the_search_when_its_expiry_time_passes(client, home_page):
    # What residents may find is kept between changes; an expiry passes without one.
    ensure_page(
        home_page,
        StandardPage,
        "quokka-amnesty",
        title="Quokka amnesty",
        expire_at=timezone.now() + timedelta(seconds=2),
    )
    assert result_titles(client.get("/search/", {"q": "quokka amnesty"})) == ["Quokka amnesty"]
    time.sleep(2.2)
    content = client.get("/search/", {"q": "quokka amnesty"}).content.decode()
    assert "No results for ‘quokka amnesty’" in content


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_what_a_page_lists_drops_out_when_a_page_above_it_expires(client, home_page):
    """An action is found on its priority page: when the plan above the priority expires, the
    action goes from the search too, though nothing about the action changed."""
    from tests.plans.factories import make_action, make_plan, make_priority

    plan = make_plan(home_page, "short-plan", title="A short plan")
    make_action(make_priority(plan, slug="brief"), "Teach quokka road safety in every school")
    plan.expire_at = timezone.now() + timedelta(seconds=2)
    plan.save_revision().publish()
    assert result_titles(client.get("/search/", {"q": "quokka road safety"}))
    time.sleep(2.2)
    assert result_titles(client.get("/search/", {"q": "quokka"})) == []


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_a_campaign_is_found_by_its_topics_from_the_moment_it_is_published(client, home_page):
    from campaigns.models import Topic
    from tests.campaigns.factories import make_campaign

    topic = Topic.objects.create(name="Marsupial welfare", slug="marsupial-welfare")
    today = timezone.localdate()
    make_campaign(
        home_page,
        "quokka-fortnight",
        title="Quokka fortnight",
        start=today,
        end=today + timedelta(days=14),
        topics=[topic],
    )
    assert "Quokka fortnight" in result_titles(client.get("/search/", {"q": "quokka"}))
    titles = result_titles(client.get("/search/", {"q": "marsupial welfare"}))
    assert "Quokka fortnight" in titles

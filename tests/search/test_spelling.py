"""When the words as typed find nothing, on every backend: 'Did you mean...?' from the site's own
words, close matches where the engine can, and then what has some of the words."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.ensure import ensure_page
from home.models import StandardPage
from search.models import FoundNothing
from search.spelling import suggest, vocabulary
from tests.campaigns.factories import make_campaign
from tests.search.test_search import result_titles

# Each test runs on the database backend and on OpenSearch (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("engine")

WORDS = vocabulary(
    [
        "White Ribbon Day",
        "Tell Crimestoppers, without giving your name",
        "Hate crime awareness week",
        "Ribbons for sale",
        "ribbon",
    ]
)


def test_words_are_put_right_from_the_vocabulary():
    assert suggest("white ribon", WORDS) == "white ribbon"
    assert suggest("crimestopers", WORDS) == "crimestoppers"
    assert suggest("hate crme", WORDS) == "hate crime"


def test_nothing_is_suggested_for_words_the_site_has_or_cannot_guess():
    assert suggest("white ribbon", WORDS) is None
    assert suggest("xylophone", WORDS) is None
    assert suggest("DA", WORDS) is None  # too short to guess at
    assert suggest("", WORDS) is None


@pytest.fixture
def white_ribbon(home_page, fresh_index):
    """A campaign on now, with words of its own for the spelling to know."""
    today = timezone.localdate()
    make_campaign(
        home_page,
        "white-ribbon-day",
        "White Ribbon Day",
        start=today - timedelta(days=2),
        end=today + timedelta(days=14),
        summary="Men and boys speak out against violence towards women and girls.",
    )


@pytest.mark.django_db
def test_a_search_that_finds_nothing_as_typed_shows_the_results_for_the_sites_words(
    client, white_ribbon
):
    response = client.get("/search/", {"q": "white ribon"})
    content = response.content.decode()
    assert "No results for ‘white ribon’. Showing results for ‘white ribbon’ instead." in content
    assert result_titles(response)[0] == "White Ribbon Day"
    assert "Tell Crimestoppers, without giving your name" in result_titles(
        client.get("/search/", {"q": "crimestopers"})
    )


@pytest.mark.django_db
def test_no_suggestion_when_the_words_are_right(client, db):
    content = client.get("/search/", {"q": "crimestoppers"}).content.decode()
    assert "Did you mean" not in content and "Showing results for" not in content


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_a_typo_in_a_word_only_a_page_body_holds_finds_close_matches_where_the_engine_can(
    client, home_page, engine
):
    # Titles and summaries make the vocabulary; a word deep in a page's body is only in the
    # engine's index, where Elasticsearch and OpenSearch match it with a typo (Wagtail's Fuzzy).
    ensure_page(
        home_page,
        StandardPage,
        "island-visit",
        title="An island visit",
        body=[("text", "<p>The Zanzibarian delegation met the partnership.</p>")],
    )
    response = client.get("/search/", {"q": "zanzibarean"})
    content = response.content.decode()
    if engine.name == "opensearch":
        assert "No exact results for ‘zanzibarean’. Showing close matches instead." in content
        assert result_titles(response) == ["An island visit"]
    else:
        assert "No results for ‘zanzibarean’" in content and not result_titles(response)


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_a_search_whose_words_are_never_all_together_finds_those_with_some(client, home_page):
    ensure_page(
        home_page,
        StandardPage,
        "sanctuary",
        title="The Sanctuary project",
        introduction="Locks, alarms and door chains fitted free, so that you can stay at home.",
    )
    ensure_page(home_page, StandardPage, "locks", title="Free door locks for older residents")
    response = client.get("/search/", {"q": "sanctuary scheme"})
    content = response.content.decode()
    assert "Nothing has all the words of ‘sanctuary scheme’." in content
    assert result_titles(response)[0] == "The Sanctuary project"
    # The comms team sees it among the searches that found nothing as typed.
    assert FoundNothing.objects.filter(query_string="sanctuary scheme").exists()
    # No page has "elephant": those with any of the other words are found.
    titles = result_titles(client.get("/search/", {"q": "sanctuary door locks elephant"}))
    assert {"The Sanctuary project", "Free door locks for older residents"} <= set(titles[:3])


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_some_of_the_words_leaves_out_words_every_page_has(client, home_page):
    for slug, title, introduction in [
        ("speeding", "Speeding through Kibworth", "Lorries drive too fast past the school."),
        ("home", "Staying safe in the home", "Advice for all."),
        ("park", "Trouble in the park", "Advice for all."),
        ("night", "Out in the evening", "Advice for all."),
    ]:
        ensure_page(home_page, StandardPage, slug, title=title, introduction=introduction)
    response = client.get("/search/", {"q": "speeding lorries in the village"})
    assert (
        "Nothing has all the words of ‘speeding lorries in the village’."
        in response.content.decode()
    )
    # 'in' and 'the' are in nearly every page: what has them and nothing else is not a match.
    titles = result_titles(response)
    assert titles[0] == "Speeding through Kibworth"
    assert not {"Staying safe in the home", "Trouble in the park", "Out in the evening"} & {*titles}
    # When the only word left that is worth looking for is in nothing, nothing is found.
    response = client.get("/search/", {"q": "xylophonist in the"})
    assert not result_titles(response)
    assert "No results for ‘xylophonist in the’" in response.content.decode()


@pytest.mark.django_db
def test_a_search_with_every_word_somewhere_together_says_nothing_of_some(client, white_ribbon):
    content = client.get("/search/", {"q": "white ribbon"}).content.decode()
    assert "Nothing has all the words" not in content
    content = client.get("/search/", {"q": "xylophonist"}).content.decode()
    assert "Nothing has all the words" not in content and "No results for ‘xylophonist’" in content

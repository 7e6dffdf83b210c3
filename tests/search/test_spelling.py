"""'Did you mean...?' from the site's own words, on every backend."""

import pytest

from home.demo_tools import ensure_page
from home.models import StandardPage
from search.spelling import suggest, vocabulary
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


@pytest.mark.django_db
def test_a_search_that_finds_nothing_as_typed_shows_the_results_for_the_sites_words(client, demo):
    response = client.get("/search/", {"q": "white ribon"})
    content = response.content.decode()
    assert "No results for ‘white ribon’. Showing results for ‘white ribbon’ instead." in content
    assert result_titles(response)[0] == "White Ribbon Day"
    assert "Tell Crimestoppers, without giving your name" in result_titles(
        client.get("/search/", {"q": "crimestopers"})
    )


@pytest.mark.django_db
def test_no_suggestion_when_the_words_are_right(client, demo):
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

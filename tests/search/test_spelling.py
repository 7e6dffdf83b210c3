"""'Did you mean...?' from the site's own words, on every backend."""

import pytest

from search.spelling import suggest, vocabulary
from tests.search.test_search import result_titles

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

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
def test_a_search_with_a_typo_offers_the_words_the_site_uses(client, demo):
    content = client.get("/search/", {"q": "crimestopers"}).content.decode()
    assert "Did you mean" in content
    assert 'href="/search/?q=crimestoppers"' in content
    assert result_titles(client.get("/search/", {"q": "crimestoppers"}))


@pytest.mark.django_db
def test_no_suggestion_when_the_words_are_right(client, demo):
    assert "Did you mean" not in client.get("/search/", {"q": "crimestoppers"}).content.decode()

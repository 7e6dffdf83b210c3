"""Abbreviations and synonyms the comms team keeps, applied to every search on every backend."""

import pytest

from home.ensure import ensure_page
from home.models import StandardPage
from search.models import Synonym
from search.synonyms import parse_terms, variants
from tests.search.test_search import result_titles

# Each test runs on the database backend and on OpenSearch (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("engine")

GROUPS = [
    ["ASB", "anti-social behaviour"],
    ["county lines", "cuckooing"],
    ["lines", "queues"],
]


def test_terms_are_split_on_commas_and_lines_without_repeats():
    assert parse_terms(" ASB,anti-social  behaviour\nasb, ,") == ["ASB", "anti-social behaviour"]


def test_a_search_is_widened_by_each_group_it_mentions_as_whole_words():
    assert variants("asb in parks", GROUPS) == ["asb in parks", "anti-social behaviour in parks"]
    assert variants("Anti-social behaviour", GROUPS) == ["Anti-social behaviour", "ASB"]
    # The longest term of a group is matched first, and a word inside another is not a match.
    assert variants("county lines", GROUPS)[:2] == ["county lines", "cuckooing"]
    assert variants("basb", GROUPS) == ["basb"]
    assert variants("nothing here", GROUPS) == ["nothing here"]


@pytest.mark.django_db
def test_the_starter_list_comes_with_a_new_site():
    terms = [synonym.term_list for synonym in Synonym.objects.all()]
    assert ["DA", "domestic abuse", "domestic violence"] in terms
    assert any("PSPO" in group for group in terms)


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_an_abbreviation_finds_pages_that_spell_it_out_and_back(client, home_page):
    ensure_page(home_page, StandardPage, "estate", title="Anti-social behaviour on the estate")
    ensure_page(home_page, StandardPage, "pspo", title="Our PSPO for the town centre")
    assert "Anti-social behaviour on the estate" in result_titles(
        client.get("/search/", {"q": "ASB"})
    )
    assert "Our PSPO for the town centre" in result_titles(
        client.get("/search/", {"q": "public spaces protection order"})
    )


@pytest.mark.usefixtures("fresh_index")
@pytest.mark.django_db
def test_a_synonym_the_comms_team_adds_works_at_once(client, home_page):
    ensure_page(home_page, StandardPage, "wombats", title="Wombat crossings")
    assert result_titles(client.get("/search/", {"q": "marsupial"})) == []
    Synonym.objects.create(terms="marsupial, wombat")
    assert result_titles(client.get("/search/", {"q": "marsupial"})) == ["Wombat crossings"]


@pytest.mark.django_db
def test_a_synonym_needs_two_terms(admin_client):
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/", {"terms": "ASB", "note": ""}
    )
    assert response.status_code == 200
    assert "Give at least two words" in response.content.decode()
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/", {"terms": "NHW, neighbourhood watch", "note": ""}
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(terms="NHW, neighbourhood watch").exists()

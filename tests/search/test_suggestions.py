"""Suggestions as residents type: a small JSON list of titles and promoted terms."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.ensure import ensure_page
from home.models import StandardPage
from tests.search.test_search import BAD_INPUT

pytestmark = pytest.mark.django_db


def suggested(client, text):
    response = client.get("/search/suggestions.json", {"q": text})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    return response.json()["suggestions"]


def test_titles_with_a_word_starting_with_each_word_typed(client, home_page):
    ensure_page(home_page, StandardPage, "quokka", title="Quokka safety walks")
    ensure_page(home_page, StandardPage, "quokka-2", title="Night quokkas")
    assert suggested(client, "quok") == ["Night quokkas", "Quokka safety walks"]
    assert suggested(client, "quok saf") == ["Quokka safety walks"]
    assert suggested(client, "okka") == []


def test_hidden_pages_are_never_suggested_and_promoted_terms_come_first(client, home_page):
    ensure_page(home_page, StandardPage, "quokka", title="Quokka safety walks")
    hidden = ensure_page(home_page, StandardPage, "hidden", title="Quokka secret plans")
    hidden.unpublish()
    SearchPromotion.objects.create(query=Query.get("quokka help"), page=home_page, sort_order=0)
    assert suggested(client, "quokka") == ["quokka help", "Quokka safety walks"]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_anything_typed_is_a_list(client, home_page, text):
    assert isinstance(suggested(client, text), list)


def test_the_demo_suggests_its_campaigns(client, demo):
    assert any("White Ribbon" in title for title in suggested(client, "white rib"))


def test_queries_do_not_grow_with_the_titles(queries, home_page):
    def count_for(total):
        for number in range(total):
            ensure_page(home_page, StandardPage, f"walk-{number}", title=f"Wombat walk {number}")
        queries.get("/search/suggestions.json", {"q": "wom"})  # builds the cached list
        response = queries.get("/search/suggestions.json", {"q": "wombat"})
        assert len(response.json()["suggestions"]) == min(total, 8)
        return response.query_count

    # The content version (under which the site, too, is kept), once the list is cached:
    # nothing for the titles.
    assert count_for(3) == count_for(30) == 1


def test_a_term_promoted_only_for_a_hidden_page_is_not_suggested_and_removal_is_seen_at_once(
    client, home_page
):
    draft = ensure_page(home_page, StandardPage, "embargo", title="Embargoed campaign")
    draft.unpublish()
    SearchPromotion.objects.create(query=Query.get("quokka embargo"), page=draft, sort_order=0)
    assert suggested(client, "quokka") == []
    shown = SearchPromotion.objects.create(
        query=Query.get("quokka week"), page=home_page, sort_order=0
    )
    assert suggested(client, "quokka") == ["quokka week"]
    shown.delete()
    assert suggested(client, "quokka") == []

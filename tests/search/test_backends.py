"""search/sqlite_ranking.py: Wagtail's SQLite search, ranked in one pass, finds the same things in the
same order as Wagtail's own."""

import pytest
from django.db import connection
from wagtail.models import Page

from plans.models import Action

pytestmark = pytest.mark.django_db

QUERIES = ["domestic abuse", "scams", "Lutterworth", "anti-social behaviour", "ribbon", "x"]


@pytest.fixture
def backends():
    if connection.vendor != "sqlite":
        pytest.skip("The one-pass ranking is for SQLite; PostgreSQL ranks in one query already.")
    # Only importable on SQLite, which has the full-text table.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from search.sqlite_ranking import RankedSQLiteSearchBackend

    return SQLiteSearchBackend({}), RankedSQLiteSearchBackend({})


@pytest.mark.parametrize("model", [Page, Action])
@pytest.mark.parametrize("query", QUERIES)
def test_the_same_results_in_the_same_order_with_the_same_scores(demo, backends, model, query):
    wagtails, ours = backends

    def found(backend, start, stop):
        results = backend.search(query, model.objects.all()).annotate_score("_score")
        return [(obj.pk, round(obj._score, 6)) for obj in results[start:stop]]

    assert found(ours, 0, 50) == found(wagtails, 0, 50)
    assert found(ours, 3, 7) == found(wagtails, 3, 7)
    assert (
        ours.search(query, model.objects.all()).count()
        == wagtails.search(query, model.objects.all()).count()
    )


def test_autocomplete_is_ranked_alike(demo, backends):
    wagtails, ours = backends

    def found(backend):
        return [page.pk for page in backend.autocomplete("lutt", Page.objects.all())[:20]]

    assert found(ours) == found(wagtails) and found(ours)


def test_a_search_of_everything_or_of_nothing_is_wagtails_own(demo, backends):
    wagtails, ours = backends
    every = [page.pk for page in ours.search(None, Page.objects.order_by("pk"))[:5]]
    assert every == [page.pk for page in wagtails.search(None, Page.objects.order_by("pk"))[:5]]

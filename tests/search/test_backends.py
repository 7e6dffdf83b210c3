"""search/backends.py: on SQLite, Wagtail's search ranked in one pass (search/sqlite_ranking.py)
finds the same things in the same order as Wagtail's own; on PostgreSQL, Wagtail's search with a
named text search configuration and an index its matching uses."""

import re

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

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


@pytest.mark.parametrize("query", [*QUERIES, "anti-social OR nothing", '"domestic abuse"'])
def test_the_kinds_said_to_match_include_every_kind_that_does(demo, query):
    from search.backends import matching_content_types
    from search.views import build_query, can_match

    backend = get_search_backend()
    parsed = build_query(query)
    matching = matching_content_types(backend, parsed)
    assert matching is not None  # the database backends can say
    for model in get_indexed_models():
        if backend.search(parsed, model.objects.all()).count():
            assert can_match(model, matching), (query, model)
    assert matching_content_types(backend, build_query("zzyzxq")) == set()


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("These are about PostgreSQL's full-text search.")


def test_words_are_stemmed_in_english_whatever_the_servers_default(demo, postgres):
    # A cluster created with the C locale searches with the "simple" configuration, which
    # keeps "scams" as it is; the pages were indexed as "scam".
    with connection.cursor() as cursor:
        cursor.execute("SET default_text_search_config = 'pg_catalog.simple'")
    titles = [page.title for page in get_search_backend().search("scams", Page.objects.live())]
    assert any("scam" in title.lower() for title in titles), titles


def test_the_matching_can_use_an_index(demo, postgres):
    results = get_search_backend().search("domestic abuse", Page.objects.live())
    sql = str(results.get_queryset().query)
    # What Wagtail matches the query against: the title and body vectors taken together.
    matched = re.search(r"\((\S+\.\S*title\S* \|\| \S+\.\S*body\S*)\) @@", sql)
    assert matched, sql
    with connection.cursor() as cursor:
        # The demo is small enough to read whole; this asks whether the index could serve
        # (the setting lasts as long as the test's transaction).
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE ({matched[1]}) "
            "@@ to_tsquery('english', 'abuse')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_title_body_gin" in plan, plan

"""The site's search backend by default (config/env.py): Wagtail's database backend for the
database in use, SQLite or PostgreSQL, with SQLite's ranking done in one pass
(search/sqlite_ranking.py). Both say in one query which kinds of result match a search
(matching_content_types), so that the kinds with nothing cost nothing more.

On PostgreSQL the text search configuration is named ("english" unless SEARCH_CONFIG names
another) rather than left to the server's default, so that the results do not depend on the
locale the cluster was created with, and so that PostgreSQL parses each query once instead of
once for every matching row: to_tsquery() with a named configuration can be worked out before
the query runs, and without one it cannot (about 20 ms of a search among 10,000 pages).
"""

from modelsearch.backends import database

POSTGRES_SEARCH_CONFIG = "english"


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    backend = database.SearchBackend(params)
    module = type(backend).__module__
    if module.endswith(".sqlite.sqlite"):
        from search.sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    if module.endswith(".postgres.postgres"):
        from search.postgres_search import PostgresSearchBackend

        config = params.get("SEARCH_CONFIG") or POSTGRES_SEARCH_CONFIG
        return PostgresSearchBackend({**params, "SEARCH_CONFIG": config})
    return backend


def matching_content_types(backend, query):
    """{content type id} of everything in the index matching `query`, in one query, so that a
    search need not ask each kind of result in turn whether it has any; None where the backend
    cannot say (Elasticsearch and OpenSearch, which answer for each kind in one request anyway).
    An index entry whose object residents may not see counts: this only rules kinds out."""
    ask = getattr(backend, "matching_content_types", None)
    return ask(query) if ask else None

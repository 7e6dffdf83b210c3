"""The site's search backend by default (config/env.py): Wagtail's database backend for the
database in use, SQLite or PostgreSQL, with SQLite's ranking done in one pass
(search/sqlite_ranking.py)."""

from modelsearch.backends import database


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    backend = database.SearchBackend(params)
    if type(backend).__module__.endswith(".sqlite.sqlite"):
        from search.sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend

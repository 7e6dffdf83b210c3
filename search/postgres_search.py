"""Wagtail's PostgreSQL search backend, able to say which kinds of result match a search
(search/backends.py chooses it). Everything else is Wagtail's own."""

from django.db.models import F
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend as WagtailsPostgresSearchBackend,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from wagtail.models import Page


class PostgresSearchBackend(WagtailsPostgresSearchBackend):
    def matching_content_types(self, query):
        """{content type id} of every index entry matching `query`, in one query, with the
        title and body together as Wagtail matches them (and as the index of
        search/migrations/0004 holds them); None for a search of everything, a negated one or
        a fuzzy one."""
        if isinstance(query, (MatchAll, Not, Fuzzy)):
            return None
        compiler = self.query_compiler_class(Page.objects.none(), query)
        entries = IndexEntry.objects.alias(
            _vector_=F("title")._combine(F("body"), "||", False)
        ).filter(_vector_=compiler.build_tsquery(query, config=self.config))
        return set(entries.values_list("content_type_id", flat=True).distinct())

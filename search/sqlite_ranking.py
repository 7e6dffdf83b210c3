"""Wagtail's SQLite search backend, ranking in one pass (search/backends.py chooses it).

Imported only on SQLite: Wagtail's SQLite module needs the full-text table SQLite has.

Wagtail's SQLite backend orders the matches by a score it works out in a subquery for each
matching row, and that subquery runs the full-text match again: one FTS5 query per match,
about half a second for "domestic abuse" among 10,000 pages. Here the match runs once, SQLite
ranks it by bm25 as it goes, and the page of objects is fetched by primary key: two queries
whatever the number of matches. Counting, filtering, autocomplete and every other backend are
Wagtail's own, unchanged.
"""

from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page


class Ranked:
    """For Wagtail's SQLite query compilers, search and autocomplete alike."""

    def ranked(self, config, start, stop):
        """[(primary key as text, score)] of the matches, best first (bm25: lower is better),
        sliced; or None for the queries Wagtail's own search() handles (all, or negated)."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        matches = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=self.queryset.values("pk"),
            )
            .annotate(score=rank, key=self.primary_key())
            .order_by("score", "-key")
            .values_list("index_entry__object_id", "score")
        )
        return list(matches[start:stop])

    def primary_key(self):
        """The indexed object's primary key, as a number where it is one, to break ties as
        Wagtail does (the higher key first)."""
        pk = self.queryset.model._meta.pk
        pk = getattr(pk, "target_field", None) or pk  # a page type's page_ptr
        if isinstance(pk, IntegerField):
            return Cast("index_entry__object_id", output_field=IntegerField())
        return F("index_entry__object_id")


class RankedSQLiteSearchQueryCompiler(Ranked, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(Ranked, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        ranked = compiler.ranked(compiler.get_config(self.backend), self.start, self.stop)
        if ranked is None:
            return super()._do_search()
        wanted = [object_id for object_id, _score in ranked]
        objects = {str(obj.pk): obj for obj in compiler.queryset.filter(pk__in=wanted)}
        results = []
        for object_id, score in ranked:
            obj = objects.get(str(object_id))
            if obj is None:  # deleted since it was indexed
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults

    def matching_content_types(self, query):
        """{content type id} of every index entry matching `query`, in one query; None for a
        search of everything or of what does not match (search/backends.py)."""
        query = normalize(query)
        if isinstance(query, (MatchAll, Not)):
            return None
        compiler = self.query_compiler_class(Page.objects.none(), query)
        match = MatchExpression(
            compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query, config=self.config)
        )
        entries = SQLiteFTSIndexEntry.objects.filter(match)
        return set(entries.values_list("index_entry__content_type_id", flat=True).distinct())

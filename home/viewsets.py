"""The admin listings officers and the comms team keep (actions, partners, topics, helplines...):
searched word by word with the database, and filtered with ids checked before any query."""

from django.db.models import Q
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from home import autosave
from home.filters import shaped_ids

# The admin listings -----------------------------------------------------------------------------
#
# They search with the database itself (`search_backend_name = None`), not Wagtail's search index:
# SQLite's full-text index has only "title", "body" and "autocomplete" columns, so a search limited
# to the listing's fields ("reference", "name") asked it for columns it does not have (a 500), and
# filters combined with a search needed every filtered field in the index too. The database finds
# what officers type the same way on SQLite and PostgreSQL: an action's reference ("V01"), part of
# a word, several words in any order, and straight after a save, with no index to rebuild.

MAX_SEARCH_WORDS = 10


def search_words(queryset, fields, query):
    """The rows where every word of `query` is in one of `fields` (any case, any part of a
    word). A field may follow a relation ("lead_partners__name"); each row is listed once."""
    words = query.split()[:MAX_SEARCH_WORDS]
    if not words or not fields:
        return queryset
    matching = queryset.model._default_manager.all()
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        matching = matching.filter(condition)
    return queryset.filter(pk__in=matching.values("pk"))


class OfficerFilterSet(WagtailFilterSet):
    """Filters that answer a mistyped id ("abc", "-1", 20 digits) as a form error, not a 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shaped_ids(self)


class OfficerIndexView(SnippetIndexView):
    """A snippet listing searched with the database, word by word, over the viewset's
    `search_fields`, and filtered with `OfficerFilterSet`."""

    base_filterset_class = OfficerFilterSet

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_words(queryset, self.search_fields, self.search_query)


class OfficerViewSet(SnippetViewSet):
    index_view_class = OfficerIndexView
    # Autosave only where it makes a draft (home/autosave.py).
    add_view_class = autosave.SnippetCreateView
    edit_view_class = autosave.SnippetEditView
    copy_view_class = autosave.SnippetCopyView
    search_backend_name = None

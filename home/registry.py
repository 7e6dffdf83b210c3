"""The registry: how feature apps plug into the pages that gather everything.

The home page and each area page show panels that feature apps contribute; `home` and `areas`
name no feature. A feature registers, in its own wagtail_hooks.py:

    @hooks.register(registry.HOME_PANELS)
    def campaigns_on_now():
        return registry.Panel(order=10, template="...", context=on_now_context)

`context(template_context, page)` gives the panel template's values (`page` is the area for an
area page's panel, the home page for the home page's), or None to show nothing. Panels are
shown in `order`, lowest first.

What a feature publishes about a place reaches the area's feeds, updates.json, embeddable page
and calendar the same way: it registers an AreaSource under AREA_SOURCES.

A feature whose content editors may place in any page body (a reporting route, say) registers
a (name, block) pair under BODY_BLOCKS; every BodyField offers it after BodyBlock's own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import get_template
from wagtail import hooks

HOME_PANELS = "register_home_page_panel"
AREA_PANELS = "register_area_page_panel"
AREA_SOURCES = "register_area_source"
BODY_BLOCKS = "register_body_block"
# Called with each page a content pack is about to make (home/packs.py), once its dates have
# moved with the day it is loaded: settle(page), to keep what the page's dates mean.
PACK_PAGE_DATES_MOVED = "content_pack_page_dates_moved"
# Moments when what a feature shows changes by itself, without a save (an event starting or
# ending moves it out of "coming up"): times_between(start, end), an iterable of aware
# datetimes. No whole page is cached past the next one (home/page_cache.py).
CHANGE_TIMES = "register_change_times"


@dataclass(frozen=True)
class Panel:
    order: int
    template: str
    context: Callable

    def render(self, context, page=None):
        """The panel's HTML, rendered as an inclusion tag would be: in a new layer of the page's
        own template context (no context processors run again)."""
        values = self.context(context, page)
        if values is None:
            return ""
        return get_template(self.template).template.render(context.new(values))


def panels(hook_name):
    """What is registered under `hook_name`, in order."""
    return sorted((make() for make in hooks.get_hooks(hook_name)), key=lambda panel: panel.order)


@dataclass(frozen=True)
class AreaSource:
    """What a feature publishes about places. Each part is optional:

    - feed_items(area, request, count): FeedItems (home/feeds.py) for the area's RSS and Atom
      feeds; with area a Council, for its areas' (areas.models.areas_in); with area None, for
      the whole site's
    - json_key, json_entries(area, request, count): a list of plain values in updates.json
    - embed: a Panel for the area's embeddable page (its context gets the area)
    - calendar(area, request): the area's events.ics
    """

    order: int
    feed_items: Callable | None = None
    json_key: str = ""
    json_entries: Callable | None = None
    embed: Panel | None = None
    calendar: Callable | None = None


def area_sources():
    return panels(AREA_SOURCES)


def embed_panels():
    return [source.embed for source in area_sources() if source.embed]


def body_blocks():
    """The (name, block) pairs features add to every page body, in the order registered."""
    return [make() for make in hooks.get_hooks(BODY_BLOCKS)]


# Search ------------------------------------------------------------------------------------------

SEARCH_SOURCES = "register_search_source"


@dataclass(frozen=True)
class Found:
    """One search result as residents see it: what it is, where it is shown, and a date to sort
    the newest first by."""

    kind: str  # "Campaign", "Helpline", "Action in the 2026 to 2027 plan"
    title: str
    summary: str
    url: str
    date: object = None
    note: str = ""  # such as an event's next date


@dataclass(frozen=True)
class SearchSource:
    """What a feature lets residents find. search/ names no feature: it searches each source
    registered under SEARCH_SOURCES, and pages of any other type, and shows them together.

    - name, label: the source as a filter of the results (?type=helplines, "Helplines")
    - items(site): a queryset of one searchable (index.Indexed) model: what residents may see
      on `site` (its FilterFields include "id": search backends are given the rows by id)
    - select(queryset): optional, the same rows with what found() needs selected or annotated,
      so that showing a page of results makes no query for each result
    - found(item, request): the Found that shows it
    - labels(items): optional, what the rows are about and where, as residents may filter by:
      (pk, "topic" or "area", slug, name) for each, from `labels_of`
    """

    order: int
    name: str
    label: str
    items: Callable
    found: Callable
    select: Callable | None = None
    labels: Callable | None = None


FACETS = {"topic": "Topics", "area": "Areas"}


def labels_of(items, facet, relation, name, shown=None):
    """(pk, facet, slug, name) for each row of `items` and each row its `relation` (a foreign
    key or many-to-many field to rows with a slug) leads to; only those in `shown`, a queryset
    of what residents may see, when given."""
    allowed = set(shown.values_list("pk", flat=True)) if shown is not None else None
    rows = items.filter(**{f"{relation}__isnull": False}).values_list(
        "pk", f"{relation}__pk", f"{relation}__slug", f"{relation}__{name}"
    )
    return [
        (pk, facet, slug, title)
        for pk, target, slug, title in rows
        if allowed is None or target in allowed
    ]


def search_sources():
    return panels(SEARCH_SOURCES)

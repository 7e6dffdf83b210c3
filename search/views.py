"""/search/: everything residents may look for, from every source features register
(home/registry.py SEARCH_SOURCES) and pages of any other type, in one list with counts by kind.

Each source is searched by the site's search backend (SQLite, PostgreSQL, Elasticsearch or
OpenSearch): at most a few queries for each source whatever the number of results (its best
matches, its count where those are not all, the ids of its best matches to count by topic and
area), merged by the backend's own relevance score or by date."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import patch_cache_control
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Fuzzy, Or, Phrase, PlainText
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, get_descendants_content_types_pks

from home.caching import cached_for_version
from home.filters import SLUG
from home.page_cache import mark_personal
from home.pagination import paginate
from home.registry import FACETS, Found, SearchSource, search_sources
from home.templatetags.site_tags import summary
from home.visibility import expiry_epoch, is_visible, visible
from search.backends import matching_content_types
from search.models import FoundNothing, Synonym
from search.spelling import by_initial, suggest, vocabulary
from search.synonyms import variants

MAX_QUERY_LENGTH = 200
SYNONYMS_CACHE_SECONDS = 60 * 60 * 24
RESULTS_PER_PAGE = 10
SORTS = {"relevance": "Most relevant", "newest": "Newest"}
NEWEST_POOL = 200  # matches of each kind put in date order for "newest first"
SCOPE_SECONDS = 60 * 10
# The best matches of each kind counted by topic and area: one request to Elasticsearch or
# OpenSearch (above 100 they page through results 100 at a time).
LABEL_POOL = 100


def clean_query(raw: str) -> tuple[str, bool]:
    """The search as the backend should see it, and whether it had to be shortened.

    Control characters go and runs of white space become one space. Anything else (quotes,
    brackets, operators, any script) is passed on: the backend treats it as text.
    """
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH], True


QUOTED = re.compile(r'"([^"]*)"')
# Punctuation other than quotes, hyphens and apostrophes separates words, as a reader sees it.
SEPARATORS = re.compile(r"[^\w\s\"'-]")


def phrases_and_words(text):
    """([each phrase in double quotes], the other words) of a search, spaced singly."""
    text = SEPARATORS.sub(" ", text)
    phrases = [" ".join(phrase.split()) for phrase in QUOTED.findall(text) if phrase.strip()]
    return phrases, " ".join(QUOTED.sub(" ", text).replace('"', " ").split())


# Words nearly every page has: a search for any of the words leaves them out, or 'speeding
# lorries in the village' would find every page with 'in' or 'the' (Lucene's English stop words,
# and the words of a question).
STOP_WORDS = frozenset(
    str.split(
        "a an and are as at be but by for if in into is it no not of on or such that the their"
        " then there these they this to was will with i me my we our you your what how where"
        " when who do does can near about from"
    )
)


def build_query(text: str, operator="and"):
    """Words in double quotes are searched as a phrase; every other word must match too (or,
    with `operator` "or", any one of the words and phrases that is not a stop word). Nothing
    else is special: 'title:abuse' is the two words 'title' and 'abuse', not a filter."""
    phrases, words = phrases_and_words(text)
    if operator == "or":
        words = " ".join(word for word in words.split() if word.lower() not in STOP_WORDS)
    parts = [*map(Phrase, phrases), *([PlainText(words, operator=operator)] if words else [])]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else (And if operator == "and" else Or)(parts)


def synonym_groups():
    return cached_for_version(
        "search-synonyms",
        lambda: [synonym.term_list for synonym in Synonym.objects.all()],
        SYNONYMS_CACHE_SECONDS,
    )


def widened_query(text, operator="and"):
    """The search, and the same in the words of each synonym the comms team keeps."""
    wording = variants(text, synonym_groups())
    parts = [part for part in (build_query(one, operator) for one in wording) if part]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Or(parts)


def site_texts(site, sources, request):
    """(title, summary) of everything residents may find through `sources`."""
    for source, items in sources:
        if issubclass(items.model, Page):
            yield from items.values_list("title", "search_description")
        else:
            rows = searchable(site, source, items)
            for item in (source.select(rows) if source.select else rows) if rows else ():
                found = source.found(item, request)
                yield found.title, found.summary


def site_vocabulary(site, sources, request):
    """The words of what residents may find on `site`, for "Did you mean...?", kept under the
    content version (built once after each change, when someone searches)."""

    def build():
        texts = [text for pair in site_texts(site, sources, request) for text in pair]
        counts = vocabulary([*texts, *(term for terms in synonym_groups() for term in terms)])
        return counts, by_initial(counts)

    return cached_for_version(f"search-vocabulary:{site.pk}", build, SYNONYMS_CACHE_SECONDS)


def promoted(logged, request):
    """What the comms team promotes for this search (Settings, Promoted search results), as
    residents may see it: shown first, and marked."""
    found = []
    for promotion in logged.editors_picks.select_related("page").order_by("sort_order"):
        if promotion.page_id and is_visible(promotion.page):
            title, url = promotion.page.title, promotion.page.get_url(request)
        elif promotion.external_link_url:
            title, url = (
                promotion.external_link_text or promotion.external_link_url,
                promotion.external_link_url,
            )
        else:
            continue
        found.append(Found(kind="Recommended", title=title, summary=promotion.description, url=url))
    return found


def page_found(page, request):
    return Found(
        kind="Page",
        title=page.title,
        summary=summary(page),
        url=page.get_url(request),
        date=page.last_published_at,
    )


def sources_for(site):
    """[(source, items)] for `site`: what features register, then pages of every other type."""
    registered = [(source, source.items(site)) for source in search_sources()]
    claimed = [items.model for _source, items in registered if issubclass(items.model, Page)]
    pages = Page.objects.in_site(site).not_type(*claimed) if claimed else Page.objects.in_site(site)
    other = SearchSource(
        order=1000,
        name="pages",
        label="Other pages",
        items=None,
        found=page_found,
        select=lambda pages: pages.specific(),
    )
    return [*registered, (other, visible(pages))]


@dataclass
class Scope:
    """What residents may find of one source on a site: the ids they may see, the ids of the
    same model they may not, the highest id there was, and {(facet, slug): (name, ids)} of
    what the shown ones are about and where."""

    shown: list
    hidden: list
    newest: object
    labels: dict


def scope(site, source, items):
    """The source's Scope, worked out with the visibility rule and kept until the content
    changes or anything expires (home/visibility.expiry_epoch), and for SCOPE_SECONDS at most,
    for the sources whose rows depend on the date (an event drops out once its last date has
    passed)."""

    def build():
        shown = list(items.values_list("pk", flat=True))
        every = set(items.model._default_manager.values_list("pk", flat=True))
        hidden = sorted(every - set(shown))
        labels = {}
        for pk, facet, slug, name in source.labels(items) if source.labels else ():
            if pk in every:
                labels.setdefault((facet, slug), (name, set()))[1].add(pk)
        return Scope(shown, hidden, max(every, default=None), labels)

    key = f"search-scope:{site.pk}:{source.name}:{expiry_epoch()}"
    return cached_for_version(key, build, SCOPE_SECONDS)


def searchable(site, source, items, narrowed=None):
    """The rows a backend may search, or None when there are none: search backends filter on
    indexed fields only, so what residents may see is passed as ids, by whichever list is
    shorter (the 10,000 pages shown, or the 50 of the same model that are not; then never a
    row newer than the Scope, which was not there to be judged). `narrowed`, {facet: slug},
    keeps only the rows about that topic or in that area."""
    found = scope(site, source, items)
    shown, hidden = found.shown, found.hidden
    for facet, slug in (narrowed or {}).items():
        _name, about = found.labels.get((facet, slug), ("", set()))
        shown = [pk for pk in shown if pk in about]
        hidden = shown  # never the shorter list: only the rows about it
    if not shown:
        return None
    # By "id", never the primary key's own name: a page type's is page_ptr_id, which
    # Elasticsearch and OpenSearch leave out of the filter, counting hidden pages too.
    rows = items.model._default_manager.all()
    if len(hidden) < len(shown):
        rows = rows.filter(id__lte=found.newest)
        return rows.exclude(id__in=hidden) if hidden else rows
    return rows.filter(id__in=shown)


def lower_score_is_better(backend):
    # SQLite's FTS5 ranks by bm25, where lower is better; PostgreSQL, Elasticsearch and
    # OpenSearch score the better match higher. Scores from different sources are comparable
    # on every backend: the database backends score against one shared index or none, and
    # Elasticsearch and OpenSearch, which keep an index for each kind, score without that
    # index's word frequencies (config/env.py, "similarity").
    return "sqlite" in type(backend).__module__


@dataclass
class Merged:
    """The results of several sources as one sequence a Paginator can page through.

    By relevance, a page's slice asks each source for its results up to the end of that page
    (each backend gives them best first) and merges them by score. Newest first, each source
    gives its NEWEST_POOL best matches, whatever the page, and those are put in date order:
    the same order on every page, of the matches that matter most."""

    searches: list
    sort: str
    request: object
    backend: object

    def __len__(self):
        if self.sort == "newest":
            return sum(min(one.count, NEWEST_POOL) for one in self.searches)
        return sum(one.count for one in self.searches)

    def __getitem__(self, part):
        stop = NEWEST_POOL if self.sort == "newest" else part.stop
        candidates = [(one.source, item) for one in self.searches for item in one.best(stop)]
        if self.sort == "newest":
            found = [(0, 0, source.found(item, self.request)) for source, item in candidates]
            found.sort(key=lambda one: timestamp(one[2].date), reverse=True)
        else:
            sign = 1 if lower_score_is_better(self.backend) else -1
            found = [
                (
                    sign * (getattr(item, "_score", None) or 0),
                    index,
                    source.found(item, self.request),
                )
                for index, (source, item) in enumerate(candidates)
            ]
            found.sort(key=lambda one: one[:2])
        return [one for _key, _index, one in found][part]


def timestamp(value):
    """A date or a time as one number to sort by; undated last."""
    if value is None:
        return float("-inf")
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(), tzinfo=UTC)
    return value.timestamp()


def is_search_cluster(backend):
    """Elasticsearch or OpenSearch, rather than the database's own search."""
    module = type(backend).__module__
    return "elasticsearch" in module or "opensearch" in module


def fuzzy_query(text, backend):
    """The words of `text` matched with a typo or two, on a backend that can (Elasticsearch and
    OpenSearch; Wagtail's PostgreSQL backend needs the pg_trgm extension, and SQLite cannot),
    or None."""
    words = " ".join(SEPARATORS.sub(" ", text).replace('"', " ").split())
    return Fuzzy(words, operator="and") if words and is_search_cluster(backend) else None


@dataclass
class SourceSearch:
    """One source's search: its results, the first `len(first)` of them already fetched, their
    count, and {(facet, slug): how many} of the matches about each topic or in each area."""

    source: SearchSource
    results: object
    first: list
    count: int
    labels: dict

    def best(self, stop):
        if stop <= len(self.first) or len(self.first) == self.count:
            return self.first[:stop]
        return list(self.results[:stop])


def can_match(model, matching):
    """Whether `model`'s index entries may match, given the content types that do (None: any)."""
    return matching is None or not matching.isdisjoint(get_descendants_content_types_pks(model))


def run_searches(text, site, sources, backend, wanted, parsed=None, narrowed=None):
    """[SourceSearch] for `text` widened by the synonyms (or for the query `parsed`), with the
    best `wanted` of each source fetched. On the database backends a source with fewer matches
    than that is counted from what was fetched, so most sources cost one query; a source with
    nothing residents may see costs none. A source with topics or areas whose matches were not
    all fetched costs one query more, for the ids of its best LABEL_POOL, to count those by
    topic and area."""
    parsed = parsed or widened_query(text)
    # On the database backends a slice holds every match up to its length; Elasticsearch and
    # OpenSearch leave out a match whose row has gone (an index not yet told), so they count.
    exact = not is_search_cluster(backend)
    # Which kinds the index has anything of, asked once, where the backend can say.
    matching = matching_content_types(backend, parsed) if parsed is not None else None
    searches = []
    for source, items in sources:
        rows = searchable(site, source, items, narrowed)
        # A search of nothing but quote marks finds nothing, rather than everything.
        if rows is None or parsed is None or not can_match(rows.model, matching):
            searches.append(SourceSearch(source, None, [], 0, {}))
            continue
        shown = source.select(rows) if source.select else rows
        results = backend.search(parsed, shown).annotate_score("_score")
        first = list(results[:wanted])
        count = len(first) if exact and len(first) < wanted else results.count()
        labels = {}
        about = scope(site, source, items).labels
        if about and count:
            if count == len(first):
                ids = {item.pk for item in first}
            else:
                ids = {item.pk for item in backend.search(parsed, rows.only("pk"))[:LABEL_POOL]}
            labels = {key: len(ids & pks) for key, (_name, pks) in about.items() if ids & pks}
        searches.append(SourceSearch(source, results, first, count, labels))
    return searches


def label_facets(searches, sources, site, link, narrowed):
    """[{facet, heading, links...}] for the topics and areas of the matches, commonest first."""
    names, counts = {}, {}
    for one in searches:
        for key, count in one.labels.items():
            counts[key] = counts.get(key, 0) + count
    for source, items in sources:
        for key, (name, _pks) in scope(site, source, items).labels.items():
            names[key] = name
    for facet, slug in narrowed.items():
        # A facet already chosen shows its choice only: the other topics' counts here are of
        # matches about both, and their links would show every match about the other one.
        counts = {key: count for key, count in counts.items() if key[0] != facet}
        counts[(facet, slug)] = sum(one.count for one in searches)
    facets = {}
    for (facet, slug), count in sorted(counts.items(), key=lambda pair: (-pair[1], names[pair[0]])):
        facets.setdefault(facet, []).append(
            {
                "label": names[(facet, slug)],
                "count": count,
                "query": link(**{facet: slug}),
                "chosen": narrowed.get(facet) == slug,
            }
        )
    groups = []
    for facet, heading in FACETS.items():
        if facet in facets or facet in narrowed:
            groups.append(
                {
                    "name": facet,
                    "heading": heading,
                    "links": facets.get(facet, []),
                    "all_query": link(**{facet: None}),
                    "chosen": facet in narrowed,
                }
            )
    return groups


def narrowed_to(request, site, sources):
    """{facet: slug} of the topic and area asked for (?topic=scams&area=lutterworth); a 404 for
    one no result is about."""
    narrowed = {}
    for facet in FACETS:
        slug = request.GET.get(facet, "")
        if not slug:
            continue
        known = SLUG.fullmatch(slug) and any(
            (facet, slug) in scope(site, source, items).labels for source, items in sources
        )
        if not known:
            raise Http404(f"There is no such {facet}.")
        narrowed[facet] = slug
    return narrowed


def several_words(text):
    """Whether `text` holds more than one word or phrase to look for."""
    phrases, words = phrases_and_words(text)
    return len(phrases) + len(words.split()) > 1


def search(request):
    query, shortened = clean_query(request.GET.get("q", ""))
    chosen = request.GET.get("type", "")
    sort = request.GET.get("sort", "relevance")
    if sort not in SORTS:
        raise Http404("There is no such order of results.")
    site = Site.find_for_request(request)
    sources = sources_for(site) if site is not None else []
    if chosen and chosen not in {source.name for source, _items in sources}:
        raise Http404("There is no such kind of result.")
    narrowed = narrowed_to(request, site, sources)
    results = facets = all_query = suggestion = None
    labels = []
    searched, corrected, close, some_words = query, False, False, False
    promotions = []
    if query:
        # What someone searched for is theirs: no cache keeps it, and each search is counted.
        mark_personal(request)
        # Enough of each source's best to fill the first page, or to sort by date. Later pages
        # fetch more once the count has shown that they exist (a page past the end is a 404
        # before anything more is fetched).
        wanted = NEWEST_POOL if sort == "newest" else RESULTS_PER_PAGE
        # One backend for the request: Elasticsearch's and OpenSearch's make a client each.
        backend = get_search_backend()
        searches = run_searches(query, site, sources, backend, wanted, narrowed=narrowed)
        suggestion = suggest(query, *site_vocabulary(site, sources, request)) if sources else None
        if suggestion and not any(one.count for one in searches):
            # Nothing for the words as typed: the results for the words the site uses instead,
            # saying so ("white ribon" finds White Ribbon Day), on every backend.
            searched, corrected = suggestion, True
            searches = run_searches(suggestion, site, sources, backend, wanted, narrowed=narrowed)
        fuzzy = fuzzy_query(query, backend) if not any(one.count for one in searches) else None
        if fuzzy:
            # Still nothing: close matches from everything the engine holds, typos and all.
            searches = run_searches(query, site, sources, backend, wanted, fuzzy, narrowed)
            searched, corrected, close = query, False, any(one.count for one in searches)
        if not any(one.count for one in searches) and several_words(query):
            # Still nothing: what has any of the words ("sanctuary scheme" finds the Sanctuary
            # project), best first, which is those with the most of them, saying so.
            anywords = widened_query(query, operator="or")
            if anywords is not None:
                searches = run_searches(query, site, sources, backend, wanted, anywords, narrowed)
                searched, corrected, close = query, False, False
                some_words = any(one.count for one in searches)
        current = {"q": searched, "type": chosen, "sort": sort, **narrowed}

        def link(**changes):
            """The query string of this search with `changes` (None leaves one out)."""
            wanted = {**current, **changes}
            if wanted["sort"] == "relevance":
                wanted["sort"] = None
            return urlencode({name: value for name, value in wanted.items() if value})

        facets = [
            {
                "name": one.source.name,
                "label": one.source.label,
                "count": one.count,
                "query": link(type=one.source.name),
                "chosen": one.source.name == chosen,
            }
            for one in searches
            if one.count
        ]
        all_query = link(type=None)
        shown_kinds = [one for one in searches if not chosen or one.source.name == chosen]
        labels = label_facets(shown_kinds, sources, site, link, narrowed)
        results = paginate(request, Merged(shown_kinds, sort, request, backend), RESULTS_PER_PAGE)
        # Lower case first, then cut: "İ" is two characters in lower case, and Wagtail cuts
        # to 255 before lowering, so a long search would be looked for and stored differently.
        logged = Query.get(" ".join(query.lower().split())[:MAX_QUERY_STRING_LENGTH])
        if results.number == 1 and not chosen and not narrowed:
            # Counted once a search, not again for each page or filter of its results. Kept
            # for WAGTAILSEARCH_HITS_MAX_AGE days (forget_search_terms, daily).
            logged.add_hit()
            if not results.paginator.count or close or some_words:
                # Nothing for the words as typed, whatever was shown instead (a typo the site's
                # own words put right is not counted: the resident found what they meant).
                FoundNothing.add_hit(logged.query_string, timezone.localdate())
            promotions = promoted(logged, request)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "shortened": shortened,
            "results": results,
            "facets": facets,
            "all_query": all_query,
            "suggestion": suggestion,
            "searched": searched,
            "corrected": corrected,
            "close": close,
            "some_words": some_words,
            "promotions": promotions,
            "chosen": chosen,
            "labels": labels,
            "narrowed": narrowed,
            "sort": sort,
            "sorts": SORTS.items(),
        },
    )


SUGGESTIONS = 8
SUGGESTIONS_MAX_AGE = 60 * 5


def site_titles(site, sources, request):
    """(titles, the same in lower case) residents may be suggested: terms the comms team
    promotes first, then the titles of what they may find, shortest first; kept under the
    content version. Two tuples of strings, not a list of lists: the cache hands back a new copy
    of the value each time, and 10,000 small lists a request keep the garbage collector busy."""

    def build():
        promotions = SearchPromotion.objects.select_related("query", "page")
        titles = sorted(
            {
                promotion.query.query_string
                for promotion in promotions
                if promotion.external_link_url or (promotion.page_id and is_visible(promotion.page))
            }
        )
        found = sorted(
            {title for title, _summary in site_texts(site, sources, request) if title},
            key=lambda title: (len(title), title.casefold()),
        )
        every = tuple(dict.fromkeys([*titles, *found]))
        return every, tuple(title.casefold() for title in every)

    return cached_for_version(f"search-titles:{site.pk}", build, SYNONYMS_CACHE_SECONDS)


def suggestions(request):
    """/search/suggestions.json?q=whi: titles and promoted terms with a word starting with each
    word typed, for the search box's suggestions (site/src/js/components/search-autocomplete.mjs)."""
    text, _shortened = clean_query(request.GET.get("q", ""))
    # Each word typed must start a word of the title.
    wanted = [re.compile(r"(?<!\S)" + re.escape(part)) for part in text.casefold().split()]
    site = Site.find_for_request(request)
    found = []
    if len(text) >= 2 and site is not None:
        titles, folded = site_titles(site, sources_for(site), request)
        for title, lower in zip(titles, folded, strict=True):
            if all(word.search(lower) for word in wanted):
                found.append(title)
                if len(found) == SUGGESTIONS:
                    break
    response = JsonResponse({"suggestions": found})
    patch_cache_control(response, public=True, max_age=SUGGESTIONS_MAX_AGE)
    return response

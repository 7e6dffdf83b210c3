import re

from django.shortcuts import render
from wagtail.models import Page, Site
from wagtail.search.query import And, Phrase, PlainText

from home.pagination import paginate
from home.visibility import visible_for_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


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


def build_query(text: str):
    """Words in double quotes are searched as a phrase; every other word must match too.
    Nothing else is special: 'title:abuse' is the two words 'title' and 'abuse', not a filter."""
    text = SEPARATORS.sub(" ", text)
    phrases = [
        Phrase(" ".join(phrase.split())) for phrase in QUOTED.findall(text) if phrase.strip()
    ]
    words = " ".join(QUOTED.sub(" ", text).replace('"', " ").split())
    parts = [*phrases, *([PlainText(words, operator="and")] if words else [])]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def search(request):
    query, shortened = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        parsed = build_query(query)
        pages = visible_for_search(Page.objects.all()).specific()
        site = Site.find_for_request(request)
        if site is not None:
            pages = pages.in_site(site)
        # A search of nothing but quote marks finds nothing, rather than everything.
        found = pages.search(parsed) if parsed is not None else pages.none()
        results = paginate(request, found, RESULTS_PER_PAGE)
    return render(
        request,
        "search/search.html",
        {"query": query, "shortened": shortened, "results": results},
    )

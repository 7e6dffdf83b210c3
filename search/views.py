from django.shortcuts import render
from wagtail.models import Page, Site
from wagtail.search.utils import parse_query_string

from home.pagination import paginate

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


def search(request):
    query, shortened = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        # Quoted words are searched as a phrase; everything else must all match.
        _filters, parsed = parse_query_string(query, operator="and")
        pages = Page.objects.live().public().specific()
        site = Site.find_for_request(request)
        if site is not None:
            pages = pages.in_site(site)
        results = paginate(request, pages.search(parsed, operator="and"), RESULTS_PER_PAGE)
    return render(
        request,
        "search/search.html",
        {"query": query, "shortened": shortened, "results": results},
    )

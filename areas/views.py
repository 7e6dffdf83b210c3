"""An area page's views: the page itself, and what parishes reuse (the calendar, JSON, embed).

Everything about the place comes from what feature apps register (home/registry.py): panels for
the page, and area sources for the feeds, updates.json, the embeddable page and the calendar."""

from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import patch_cache_control

from home.dates import iso_local
from home.feeds import FEED_MAX_AGE
from home.registry import area_sources
from home.routes import file_url

JSON_ITEMS = 20


def area_context(area, request):
    return {"reuse": reuse_links(area, request)}


def reuse_links(area, request):
    """The addresses a parish website can use, absolute, for copying."""
    ics = file_url(area, "events", request, full=True)
    return {
        "rss": file_url(area, "rss", request, full=True),
        "atom": file_url(area, "atom", request, full=True),
        "ics": ics,
        "webcal": "webcal://" + ics.split("://", 1)[1],
        "json": file_url(area, "json", request, full=True),
        "embed": area.get_full_url(request) + area.reverse_subpage("embed"),
    }


def area_calendar(area, request):
    for source in area_sources():
        if source.calendar:
            return source.calendar(area, request)
    raise Http404("There is no calendar here.")


def area_json(area, request):
    """updates.json: documented on the area page ("For your parish website") and in the README."""
    data = {
        "area": {"name": area.title, "kind": area.kind, "url": area.get_full_url(request)},
        "generated": iso_local(timezone.now()),
    }
    for source in area_sources():
        if source.json_entries:
            data[source.json_key] = source.json_entries(area, request, JSON_ITEMS)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    # Parish websites may fetch this from their own pages' scripts.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def area_embed(area, request):
    """A compact page for an iframe on a parish council's website: the one route any site may
    frame. Everything else keeps frame-ancestors 'none' and X-Frame-Options DENY."""
    response = area.render(request, template="areas/embed.html")
    response.xframe_options_exempt = True
    response._csp_replace = {"frame-ancestors": ["*"]}
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response

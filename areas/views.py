"""An area page's views: the page itself, and what parishes reuse (the calendar, JSON, embed).

Everything about the place comes from what feature apps register (home/registry.py): panels for
the page, and area sources for the feeds, updates.json, the embeddable page and the calendar.
News is areas' own (areas/wagtail_hooks.py)."""

from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import patch_cache_control

from home.dates import iso_local
from home.feeds import FEED_MAX_AGE
from home.registry import area_sources
from home.visibility import visible

AREA_ITEMS = 5
EMBED_ITEMS = 3
JSON_ITEMS = 20


def latest_updates(area, count):
    return list(visible(area.updates.all()).order_by("-date", "-pk")[:count])


def area_context(area, request):
    return {"reuse": reuse_links(area, request)}


def news_panel(context, area):
    """The area's latest news, for its page (registered in areas/wagtail_hooks.py)."""
    return {
        "page": area,
        # An area page being previewed before its first save has nothing tagged to it yet.
        "updates": latest_updates(area, AREA_ITEMS) if area.pk else [],
        "request": context.get("request"),
    }


def news_embed(context, area):
    return {"updates": latest_updates(area, EMBED_ITEMS), "request": context.get("request")}


def news_json(area, request, count):
    updates = visible(area.updates.all()).order_by("-date", "-pk").prefetch_related("topics")
    return [
        {
            "title": update.title,
            "url": update.get_full_url(request),
            "date": update.date.isoformat(),
            "summary": update.summary,
            "topics": [topic.name for topic in update.topics.all()],
        }
        for update in updates[:count]
    ]


def reuse_links(area, request):
    """The addresses a parish website can use, absolute, for copying."""
    base = area.get_full_url(request)
    return {
        "rss": f"{base}feed.rss",
        "atom": f"{base}feed.atom",
        "ics": f"{base}events.ics",
        "webcal": "webcal://" + f"{base}events.ics".split("://", 1)[1],
        "json": f"{base}updates.json",
        "embed": f"{base}embed/",
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

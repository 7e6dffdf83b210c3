"""An area page's views: the page itself, and what parishes reuse (the calendar, JSON, embed).

areas gathers what the other feature apps publish about a place; it may import them, and none
of them imports areas (they refer to "areas.AreaPage" by name)."""

from django.apps import apps
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import patch_cache_control

from areas.feeds import FEED_MAX_AGE, you_said_we_did_index
from home.visibility import visible
from local_events.views import calendar_response

AREA_ITEMS = 5
EMBED_ITEMS = 3


def upcoming_dates(area, count):
    Occurrence = apps.get_model("events", "Occurrence")
    return list(Occurrence.objects.coming_up_in(area)[:count])


def latest_updates(area, count):
    return list(visible(area.updates.all()).order_by("-date", "-pk")[:count])


def latest_you_said_we_did(area, count):
    return list(area.you_said_we_did.published().for_listing()[:count])


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
    EventPage = apps.get_model("events", "EventPage")
    events = visible(EventPage.objects.filter(parish=area)).prefetch_related("changes")
    return calendar_response(request, events.order_by("path"), f"Events in {area.title}")


def iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def area_json(area, request):
    """updates.json: documented on the area page ("For your parish website") and in the README."""
    index_url = you_said_we_did_index(request)
    updates = visible(area.updates.all()).order_by("-date", "-pk").prefetch_related("topics")[:20]
    items = area.you_said_we_did.published().for_listing()[:20]
    data = {
        "area": {"name": area.title, "kind": area.kind, "url": area.get_full_url(request)},
        "generated": iso(timezone.now()),
        "updates": [
            {
                "title": update.title,
                "url": update.get_full_url(request),
                "date": update.date.isoformat(),
                "summary": update.summary,
                "topics": [topic.name for topic in update.topics.all()],
            }
            for update in updates
        ],
        "you_said_we_did": [
            {
                "title": item.title,
                "url": f"{index_url}{item.pk}/" if index_url else None,
                "you_said": item.said,
                "said_on": item.said_on.isoformat(),
                "how": item.get_channel_display(),
                "place": item.place,
                "we_did": item.did,
                "done_on": item.done_on.isoformat() if item.done_on else None,
                "progress": item.progress,
                "priority": item.shown_priority.title if item.shown_priority else None,
            }
            for item in items
        ],
        "events": [
            {
                "title": occurrence.event.title,
                "url": occurrence.event.get_full_url(request),
                "start": iso(occurrence.start),
                "end": iso(occurrence.end),
                "all_day": occurrence.all_day,
                "cancelled": occurrence.cancelled,
                "note": occurrence.reason,
                "venue": occurrence.event.venue,
            }
            for occurrence in upcoming_dates(area, 20)
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    # Parish websites may fetch this from their own pages' scripts.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def area_embed(area, request):
    """A compact page for an iframe on a parish council's website: the one route any site may
    frame. Everything else keeps frame-ancestors 'none' and X-Frame-Options DENY."""
    response = area.render(
        request,
        template="areas/embed.html",
        context_overrides={
            "updates": latest_updates(area, EMBED_ITEMS),
            "you_said_we_did": latest_you_said_we_did(area, EMBED_ITEMS),
            "dates": upcoming_dates(area, EMBED_ITEMS),
            "you_said_we_did_url": you_said_we_did_index(request),
        },
    )
    response.xframe_options_exempt = True
    response._csp_replace = {"frame-ancestors": ["*"]}
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response

"""What events publish about a place: its coming dates, for the area's updates.json and
embeddable page, and its calendar (registered in local_events/wagtail_hooks.py; see
home/registry.py)."""

from home.dates import iso_local
from home.visibility import visible
from local_events.models import EventPage, Occurrence
from local_events.views import calendar_response


def upcoming_dates(area, count):
    return list(Occurrence.objects.coming_up_in(area)[:count])


def json_entries(area, request, count):
    return [
        {
            "title": occurrence.event.title,
            "url": occurrence.event.get_full_url(request),
            "start": iso_local(occurrence.start),
            "end": iso_local(occurrence.end),
            "all_day": occurrence.all_day,
            "cancelled": occurrence.cancelled,
            "note": occurrence.reason,
            "venue": occurrence.event.venue,
        }
        for occurrence in upcoming_dates(area, count)
    ]


def embed_context(context, area, count=3):
    return {"dates": upcoming_dates(area, count), "request": context.get("request")}


def calendar(area, request):
    events = visible(EventPage.objects.filter(parish=area)).prefetch_related("changes")
    return calendar_response(request, events.order_by("path"), f"Events in {area.title}")

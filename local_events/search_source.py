"""What events let residents find in search: events with a date still to come, each with its
next date (registered in local_events/wagtail_hooks.py; see home/registry.py)."""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from areas.models import AreaPage
from home.dates import weekday_date
from home.registry import Found, labels_of
from home.visibility import visible
from local_events.models import EventPage, Occurrence


def coming():
    return Occurrence.objects.filter(end__gt=timezone.now()).exclude(status="cancelled")


def events(site):
    """A past one-off event drops out; a repeating one is found by its next date."""
    pages = EventPage.objects.descendant_of(site.root_page).filter(pk__in=coming().values("event"))
    return visible(pages)


def with_next_date(events):
    next_start = coming().filter(event=OuterRef("pk")).order_by("start").values("start")[:1]
    return events.annotate(next_start=Subquery(next_start))


def event_found(event, request):
    return Found(
        kind="Event",
        title=event.title,
        summary=event.summary,
        url=event.get_url(request),
        date=event.last_published_at,
        note=f"Next: {weekday_date(event.next_start)}" if event.next_start else "",
    )


def areas(events):
    return labels_of(events, "area", "parish", "title", shown=visible(AreaPage.objects.all()))

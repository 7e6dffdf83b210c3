from django import template
from django.utils import timezone

from home.dates import clock, day_month, weekday_date
from local_events.models import EventIndexPage, Occurrence

register = template.Library()

NEXT_EVENTS_ON_HOME_PAGE = 4


@register.filter
def time_span(occurrence):
    """'7pm to 8:30pm', 'All day', or for a span of days 'until 3 December'."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    if occurrence.all_day:
        last = (end - timezone.timedelta(seconds=1)).date()
        return "All day" if last == start.date() else f"All day until {day_month(last)}"
    if end.date() != start.date():
        return f"{clock(start)} until {day_month(end)}, {clock(end)}"
    return f"{clock(start)} to {clock(end)}"


@register.filter
def time_only(value):
    """'7pm' from an aware datetime or a wall-clock time."""
    return clock(timezone.localtime(value) if hasattr(value, "date") else value)


@register.filter
def long_date(value):
    """'Tuesday 24 November 2026'."""
    return weekday_date(value)


@register.inclusion_tag("events/includes/home_events.html", takes_context=True)
def next_events(context):
    """For the home page: the next few dates, cancelled ones left out. One query."""
    occurrences = list(
        Occurrence.objects.overlapping(
            timezone.now(), timezone.now() + timezone.timedelta(days=366)
        )
        .exclude(status="cancelled")
        .public()
        .for_listing()[:NEXT_EVENTS_ON_HOME_PAGE]
    )
    request = context.get("request")
    events_url = EventIndexPage.url_for(request) if occurrences else None
    return {"occurrences": occurrences, "events_url": events_url, "request": request}


@register.inclusion_tag("events/includes/parish_events.html", takes_context=True)
def events_in(context, parish, count=5):
    """The next dates of a parish's events, for its area page. One query."""
    occurrences = list(Occurrence.objects.coming_up_in(parish)[:count])
    request = context.get("request")
    return {
        "occurrences": occurrences,
        "events_url": EventIndexPage.url_for(request) if occurrences else None,
        "parish": parish,
        "request": request,
    }

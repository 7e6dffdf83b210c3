"""The event index's routes (upcoming list, month grid, calendar feed) and an event's own."""

import calendar
from datetime import date, timedelta

import django_filters
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import patch_cache_control

from areas.models import AreaPage, councils_of
from home.caching import cached_for_version
from home.feeds import FEED_MAX_AGE
from home.filters import PublicFilterSet, SlugChoiceFilter
from home.models import Council, SiteSettings
from home.pagination import paginate
from home.routes import file_url
from home.visibility import visible
from local_events import recurrence
from local_events.choices import EventType
from local_events.ical import build_calendar
from local_events.recurrence import occurrence_window

PER_PAGE = 20
FEED_CACHE_SECONDS = 60 * 60 * 6
WHEN = {
    "today": "Today",
    "this-week": "This week",
    "this-month": "This month",
    "next-month": "Next month",
}
PLURALS = {
    EventType.BEAT_SURGERY: "beat surgeries",
    EventType.PATCH_WALK: "patch walks",
    EventType.COMMUNITY_EVENT: "community events",
    EventType.MEETING: "public meetings",
    EventType.TRAINING: "training sessions",
    EventType.AWARENESS_DAY: "awareness days",
}


class EventFilters(PublicFilterSet):
    """What a resident narrowed the events to: of events, or (via="event__") of their dates."""

    area = SlugChoiceFilter(field_name="parish")
    council = SlugChoiceFilter(field_name="parish__council")
    type = django_filters.ChoiceFilter(field_name="event_type", choices=EventType.choices)

    not_found = {
        "area": "There is no such area.",
        "council": "There is no such council.",
        "type": "There is no such type of event.",
        "when": "There is no such choice of dates.",
    }

    def __init__(self, data, queryset, *, via="", **kwargs):
        super().__init__(data, queryset, **kwargs)
        for filter_ in self.filters.values():
            if filter_.field_name:
                filter_.field_name = via + filter_.field_name

    @property
    def when(self):
        return self.chosen.get("when", "")

    def query_without_when(self):
        return self.query(when="")

    def describe(self):
        chosen = self.chosen
        words = [PLURALS[chosen["type"]]] if "type" in chosen else ["events"]
        if "area" in chosen:
            words.append(f"in {chosen['area'].title}")
        if "council" in chosen:
            words.append(f"in {chosen['council'].name}’s area")
        if "when" in chosen:
            words.append(WHEN[chosen["when"]].lower())
        return " ".join(words)


class UpcomingEventFilters(EventFilters):
    # A span of dates, which the listing applies as a range (date_range).
    when = django_filters.ChoiceFilter(choices=list(WHEN.items()), method="dates_in_view")

    def dates_in_view(self, queryset, name, value):
        return queryset


def date_range(when, now):
    """The span of time a 'when' choice stands for, starting no earlier than now."""
    today = timezone.localdate(now)
    first_of_month = today.replace(day=1)
    ends = {
        "today": today + timedelta(days=1),
        "this-week": today + timedelta(days=7 - today.weekday()),
        "this-month": recurrence.add_months(first_of_month, 1),
    }
    if when == "next-month":
        return (
            recurrence.local(recurrence.add_months(first_of_month, 1), None),
            recurrence.local(recurrence.add_months(first_of_month, 2), None),
        )
    if when in ends:
        return now, recurrence.local(ends[when], None)
    return now, occurrence_window(today)[1]


def by_day(occurrences, today):
    """[(date, [occurrence…])…] in order, for lists with a heading per day. An event over
    several days that began before today is listed under today."""
    days = {}
    for occurrence in occurrences:
        day = max(timezone.localtime(occurrence.start).date(), today)
        days.setdefault(day, []).append(occurrence)
    return sorted(days.items())


def parishes():
    """The places residents may filter by: any they may see, with events or not, and the
    councils they are in."""
    return {"area": visible(AreaPage.objects.all()), "council": Council.objects.all()}


def filter_options(index):
    parishes = (
        visible(AreaPage.objects.all())
        .filter(events__in=index.events())
        .distinct()
        .order_by("title")
    )
    return {
        "parishes": parishes,
        "councils": councils_of(parishes),
        "event_types": EventType.choices,
        "when_choices": WHEN.items(),
    }


def upcoming(index, request):
    filters = UpcomingEventFilters(
        request.GET, index.occurrences(), via="event__", choices=parishes()
    )
    now = timezone.now()
    occurrences = filters.qs.overlapping(*date_range(filters.when, now))
    page_obj = paginate(request, occurrences, PER_PAGE)
    today = timezone.localdate(now)
    shown = recurrence.add_months(today.replace(day=1), 1 if filters.when == "next-month" else 0)
    return index.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "filters": filters,
            "page_obj": page_obj,
            "days": by_day(page_obj.object_list, today),
            "this_month": index.reverse_subpage("month", args=[shown.year, f"{shown.month:02}"]),
            **filter_options(index),
            **calendar_links(index, request, filters),
        },
    )


def month_grid(index, request, year, month):
    window_start, window_end = occurrence_window()
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise Http404("There is no such month.")
    first = date(year, month, 1)
    if not window_start.date() <= first < window_end.date():
        raise Http404("Dates that far away are not in the calendar.")
    filters = EventFilters(request.GET, index.occurrences(), via="event__", choices=parishes())
    next_first = recurrence.add_months(first, 1)
    occurrences = filters.qs.overlapping(
        recurrence.local(first, None), recurrence.local(next_first, None)
    )
    days = {}
    for occurrence in occurrences:
        # An event over several days is listed on each of them.
        day = max(timezone.localtime(occurrence.start).date(), first)
        last = (timezone.localtime(occurrence.end) - timedelta(microseconds=1)).date()
        while day <= last and day < next_first:
            days.setdefault(day, []).append(occurrence)
            day += timedelta(days=1)
    weeks = [
        [(day, days.get(day, [])) if day.month == month else (None, []) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous_first = recurrence.add_months(first, -1)

    def month_url(first_of_month, query=None):
        if window_start.date() <= first_of_month < window_end.date():
            path = index.reverse_subpage(
                "month", args=[first_of_month.year, f"{first_of_month.month:02}"]
            )
            return f"{index.get_url(request)}{path}{filters.query() if query is None else query}"
        return None

    return index.render(
        request,
        template="events/month.html",
        context_overrides={
            "filters": filters,
            "month": first,
            "weeks": weeks,
            "weekdays": recurrence.WEEKDAY_NAMES,
            "month_days": sorted(days.items()),
            "previous": (previous_first, month_url(previous_first)),
            "next": (next_first, month_url(next_first)),
            "today": timezone.localdate(),
            "month_url": month_url(first, query=""),
            # The site's own address, whatever Host the request named.
            "canonical_url": index.get_full_url(request)
            + index.reverse_subpage("month", args=[first.year, f"{first.month:02}"]),
            "crumb_extra": [(index.title, index.get_url(request))],
            **filter_options(index),
            **calendar_links(index, request, filters),
        },
    )


def calendar_links(index, request, filters):
    """The calendar feed's address for the filters shown, and the same for calendar apps."""
    feed_url = file_url(index, "calendar", request, full=True) + filters.query(when="")
    return {"feed_url": feed_url, "webcal_url": "webcal://" + feed_url.split("://", 1)[1]}


def calendar_response(request, events, name, filename=None, variant=""):
    # Calendar apps poll feeds all day; the file only changes when content does. The key names
    # only what changes the file, so made-up query strings cannot fill the cache.
    body = cached_for_version(
        f"events-ics:{request.path}:{variant}",
        lambda: build_calendar(
            [event.calendar_event(request) for event in events], name, timezone.now()
        ),
        FEED_CACHE_SECONDS,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def calendar_feed(index, request):
    filters = EventFilters(request.GET, index.events(), choices=parishes())
    events = filters.qs.prefetch_related("changes").order_by("path")
    partnership = SiteSettings.for_request(request).partnership_name
    name = f"{partnership}: events"
    if filters.active:
        name = f"{name} ({filters.describe()})"
    return calendar_response(request, events, name, variant=filters.query(when=""))


def event_feed(event, request):
    return calendar_response(request, [event], event.title, filename=f"{event.slug}.ics")


def event_context(event, request):
    now = timezone.now()
    if getattr(request, "is_preview", False):
        # The dates as the editor has them in the form, not as last published.
        event.rrule = event.build_rrule()
        dates = sorted(event.occurrences_between(*occurrence_window()), key=lambda o: o.start)
        upcoming_dates = [occurrence for occurrence in dates if occurrence.end > now][:10]
        past = [occurrence for occurrence in dates if occurrence.end <= now]
        last_date = None if upcoming_dates or not past else past[-1]
    else:
        upcoming_dates = list(event.occurrences.filter(end__gt=now).order_by("start")[:10])
        last_date = (
            None
            if upcoming_dates
            else event.occurrences.filter(end__lte=now).order_by("-start").first()
        )
    return {
        "upcoming_dates": upcoming_dates,
        "last_date": last_date,
        "index": event.get_parent(),
    }

"""iCalendar (RFC 5545) files from plain event values, with the `icalendar` package.

A repeating event is one VEVENT with its RRULE and EXDATEs, not a VEVENT per date, so a
subscriber's calendar keeps up with a rule that runs beyond any window. A moved date is a second
VEVENT with the same UID and a RECURRENCE-ID naming the date it replaces.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

PRODID = "-//Community Safety Partnership website//Events//EN"
REFRESH = timedelta(hours=12)


@dataclass(frozen=True)
class MovedDate:
    due: datetime
    start: datetime
    end: datetime
    reason: str = ""


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    start: datetime  # aware, Europe/London
    end: datetime
    all_day: bool = False
    rrule: str = ""
    description: str = ""
    location: str = ""
    url: str = ""
    last_modified: datetime | None = None
    cancelled: bool = False
    cancelled_dates: list[datetime] = field(default_factory=list)
    moved_dates: list[MovedDate] = field(default_factory=list)


def build_calendar(events: list[CalendarEvent], name: str, stamp: datetime) -> bytes:
    """The calendar file. `stamp` is DTSTAMP for every event (when the file was made)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    # Subscribing apps that honour it check back twice a day.
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    for event in events:
        calendar.add_component(_vevent(event, stamp))
        for moved in event.moved_dates:
            calendar.add_component(_moved_vevent(event, moved, stamp))
    calendar.add_component(london_timezone())
    return calendar.to_ical()


def london_timezone() -> Timezone:
    """Europe/London as calendar apps write it: BST from 1am GMT on the last Sunday in March to
    1am GMT (2am BST) on the last Sunday in October, by rule rather than a list of dates."""
    zone = Timezone()
    zone.add("tzid", "Europe/London")
    zone.add("x-lic-location", "Europe/London")
    for kind, name, month, hour, before, after in (
        (TimezoneDaylight, "BST", 3, 1, 0, 1),
        (TimezoneStandard, "GMT", 10, 2, 1, 0),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", datetime(1970, month, 29 if month == 3 else 25, hour))
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _when(moment: datetime, all_day: bool):
    return moment.date() if all_day else moment


def _common(vevent: Event, event: CalendarEvent, stamp: datetime):
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.title)
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    if event.url:
        vevent.add("url", event.url)
    if event.last_modified:
        vevent.add("last-modified", event.last_modified)


def _vevent(event: CalendarEvent, stamp: datetime) -> Event:
    vevent = Event()
    _common(vevent, event, stamp)
    vevent.add("dtstart", _when(event.start, event.all_day))
    vevent.add("dtend", _when(event.end, event.all_day))
    if event.cancelled:
        vevent.add("status", "CANCELLED")
    if event.rrule:
        vevent.add("rrule", vRecur.from_ical(event.rrule))
        # Cancelled dates only: a moved date is replaced by its RECURRENCE-ID override.
        for due in event.cancelled_dates:
            vevent.add("exdate", _when(due, event.all_day))
    return vevent


def _moved_vevent(event: CalendarEvent, moved: MovedDate, stamp: datetime) -> Event:
    vevent = Event()
    _common(vevent, event, stamp)
    vevent.add("recurrence-id", _when(moved.due, event.all_day))
    vevent.add("dtstart", _when(moved.start, event.all_day))
    vevent.add("dtend", _when(moved.end, event.all_day))
    if moved.reason:
        vevent["description"] = f"Moved: {moved.reason}\n\n{event.description}".strip()
    return vevent

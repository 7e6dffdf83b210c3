"""Repeating events as plain values: the RRULE an officer's simple choices stand for, and the
dates it gives in a window, with cancellations and moves applied.

Times are wall-clock times in Europe/London: a weekly 7pm surgery is at 7pm in January and in
July, whatever the offset from UTC. Expansion works in local time and only then attaches the zone.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.utils import timezone

from home.dates import day_month_year

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
# Dates outside these are typing mistakes, and far enough out to break date arithmetic.
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)

ONCE = ""
WEEKLY = "weekly"
MONTHLY_BY_WEEKDAY = "monthly-weekday"
MONTHLY_BY_DATE = "monthly-date"

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}

SCHEDULED = "scheduled"
CANCELLED = "cancelled"
MOVED = "moved"


@dataclass(frozen=True)
class Change:
    """One occurrence cancelled or moved. `on` is the date it was due; a move gives the new
    local date and, optionally, a new start time (otherwise the usual time)."""

    on: date
    cancelled: bool
    reason: str = ""
    new_date: date | None = None
    new_time: time | None = None


@dataclass(frozen=True)
class Occurrence:
    start: datetime  # aware, Europe/London
    end: datetime
    status: str = SCHEDULED
    reason: str = ""
    original_start: datetime | None = None  # for a moved occurrence, when it was due


def week_of_month(day: date) -> int:
    """1 for the first Tuesday of a month, 2 for the second… and -1 for a last one that is
    also the fifth, so 'the last Tuesday' is what an officer picking the 29th meant."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def build_rrule(
    frequency: str,
    start: date,
    *,
    interval: int = 1,
    weekday: int | None = None,
    week: int | None = None,
    until: date | None = None,
    count: int | None = None,
    all_day: bool = False,
) -> str:
    """The RRULE (RFC 5545, without the 'RRULE:' prefix) for an officer's choices, or '' for a
    one-off event. The weekday and week of the month default to those of the first date."""
    if frequency == ONCE:
        return ""
    parts = []
    if frequency == WEEKLY:
        parts += [
            "FREQ=WEEKLY",
            f"BYDAY={WEEKDAY_CODES[start.weekday() if weekday is None else weekday]}",
        ]
    elif frequency == MONTHLY_BY_WEEKDAY:
        day = WEEKDAY_CODES[start.weekday() if weekday is None else weekday]
        parts += ["FREQ=MONTHLY", f"BYDAY={week or week_of_month(start)}{day}"]
    elif frequency == MONTHLY_BY_DATE:
        parts += ["FREQ=MONTHLY", f"BYMONTHDAY={start.day}"]
    else:
        raise ValueError(f"Unknown frequency {frequency!r}")
    if interval and interval > 1:
        parts.append(f"INTERVAL={interval}")
    if count:
        parts.append(f"COUNT={count}")
    elif until:
        parts.append(f"UNTIL={until_value(until, all_day)}")
    return ";".join(parts)


def until_value(until: date, all_day: bool) -> str:
    """RFC 5545: UNTIL is a date for all-day events, and in UTC when the start has a time zone.
    The end of the chosen day in London, so an event on that day is still included."""
    if all_day:
        return until.strftime("%Y%m%d")
    last_moment = datetime.combine(until, time(23, 59, 59), tzinfo=LONDON)
    return last_moment.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


def describe(rrule: str, start: date) -> str:
    """The rule in words: 'Every Tuesday', 'The first Tuesday of every month until 3 March 2027'."""
    if not rrule:
        return ""
    fields = dict(part.split("=", 1) for part in rrule.split(";"))
    interval = int(fields.get("INTERVAL", 1))
    byday = fields.get("BYDAY", "")
    weekday = WEEKDAY_NAMES[WEEKDAY_CODES.index(byday[-2:])] if byday else ""
    if fields["FREQ"] == "WEEKLY":
        words = f"Every {weekday}" if interval == 1 else f"Every {interval} weeks on {weekday}"
    else:
        every = "every month" if interval == 1 else f"every {interval} months"
        if byday:
            words = f"The {ORDINALS[int(byday[:-2])]} {weekday} of {every}"
        else:
            words = f"On day {fields['BYMONTHDAY']} of {every}"
    if "COUNT" in fields:
        words += f", {fields['COUNT']} times"
    elif "UNTIL" in fields:
        last = datetime.strptime(fields["UNTIL"][:8], "%Y%m%d").date()
        if "T" in fields["UNTIL"]:
            last = (
                datetime.strptime(fields["UNTIL"], "%Y%m%dT%H%M%SZ")
                .replace(tzinfo=ZoneInfo("UTC"))
                .astimezone(LONDON)
                .date()
            )
        words += f" until {day_month_year(last)}"
    return words


def local(day: date, at: time | None) -> datetime:
    """An aware datetime for a wall-clock time in London (midnight for all-day events)."""
    return real(datetime.combine(day, at or time(0), tzinfo=LONDON))


def real(moment: datetime) -> datetime:
    """The same instant with London's offset for it. A clock time that does not exist (1:30am on
    the night the clocks go forward) becomes the time it is by then (2:30am BST)."""
    return moment.astimezone(UTC).astimezone(LONDON)


def expand(
    first_start: datetime,
    duration: timedelta,
    rrule: str,
    window_start: datetime,
    window_end: datetime,
    changes: list[Change] = (),
    all_day: bool = False,
) -> list[Occurrence]:
    """Every occurrence overlapping [window_start, window_end), in start order.

    `first_start` is aware (Europe/London). Cancelled occurrences are kept, marked, so pages can
    say so; moved ones appear at their new time with the time they were due.
    """
    if rrule:
        # dateutil keeps the tzinfo and changes only the wall-clock fields, so each date keeps
        # its local time across the clock change. All-day rules use dates, hence a naive start.
        start = first_start.replace(tzinfo=None) if all_day else first_start
        rule = rrulestr(f"RRULE:{rrule}", dtstart=start)
        # Look back by the duration so a long event that began before the window is included.
        after = window_start - duration
        if all_day:
            after = after.replace(tzinfo=None)
            before = window_end.replace(tzinfo=None)
        else:
            before = window_end
        starts = [
            real(moment.replace(tzinfo=LONDON)) for moment in rule.between(after, before, inc=True)
        ]
    else:
        starts = [first_start]

    by_date = {change.on: change for change in changes}
    occurrences = []
    for start in starts:
        change = by_date.get(start.date())
        if change is None:
            occurrence = Occurrence(start, end_of(start, duration, all_day))
        elif change.cancelled:
            occurrence = Occurrence(
                start, end_of(start, duration, all_day), CANCELLED, change.reason
            )
        else:
            new_start = local(
                change.new_date or start.date(),
                change.new_time or start.timetz().replace(tzinfo=None),
            )
            occurrence = Occurrence(
                new_start, end_of(new_start, duration, all_day), MOVED, change.reason, start
            )
        if occurrence.end > window_start and occurrence.start < window_end:
            occurrences.append(occurrence)
    return sorted(occurrences, key=lambda occurrence: occurrence.start)


def end_of(start: datetime, duration: timedelta, all_day: bool) -> datetime:
    """The end in wall-clock terms: a 2-hour meeting ends 2 hours later on the clock, and an
    all-day event at the next midnight, even on the 23- or 25-hour days of the clock change."""
    if all_day:
        days = max(1, duration.days)
        return local(start.date() + timedelta(days=days), None)
    end = real((start.replace(tzinfo=None) + duration).replace(tzinfo=LONDON))
    # Across the hour the clocks skip, the clock-time end can come too soon: keep the length.
    return end if end > start else real(start.astimezone(UTC) + duration)


def window_around(today: date, months_back: int = 12, months_ahead: int = 24):
    """The rolling window the occurrence table holds: from the first of the month a year ago
    to the first of the month two years on."""
    return (
        local(add_months(today.replace(day=1), -months_back), None),
        local(add_months(today.replace(day=1), months_ahead + 1), None),
    )


def occurrence_window(today=None):
    """The window this site keeps (settings.EVENT_OCCURRENCES_MONTHS_BACK and _AHEAD)."""
    return window_around(
        today or timezone.localdate(),
        settings.EVENT_OCCURRENCES_MONTHS_BACK,
        settings.EVENT_OCCURRENCES_MONTHS_AHEAD,
    )


def add_months(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)

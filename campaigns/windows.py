"""Campaign windows as plain functions: when a campaign is on, and whether it is on now.

A window is a first day and a last day. A yearly window (Hate Crime Awareness Week, 9 to 16
October; White Ribbon's 16 days from 25 November) rolls on to its next occurrence once it ends,
so it is never past. A window may cross the new year (1 December to 6 January).
"""

import calendar
from dataclasses import dataclass
from datetime import date

ON_NOW = "on_now"
COMING_UP = "coming_up"
PAST = "past"


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    repeats_yearly: bool = False


def same_day_in(day: date, year: int) -> date:
    """The same day in another year; 29 February becomes the 28th in a year without one."""
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def occurrence(window: Window, today: date) -> tuple[date, date]:
    """The dates the campaign runs: for a yearly window, the occurrence that contains `today`,
    or else the next one (never one before the first); otherwise the window itself."""
    if not window.repeats_yearly:
        return window.start, window.end
    years_across = window.end.year - window.start.year
    first = max(window.start.year, today.year - years_across - 1)
    for year in range(first, max(first, today.year) + 2):
        start = same_day_in(window.start, year)
        end = same_day_in(window.end, year + years_across)
        if end >= today:
            return start, end
    raise AssertionError("unreachable: next year's occurrence always ends after today")


def state(window: Window, today: date) -> str:
    start, end = occurrence(window, today)
    if today < start:
        return COMING_UP
    if today > end:
        return PAST
    return ON_NOW

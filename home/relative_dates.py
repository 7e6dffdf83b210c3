"""Dates for demo content, relative to the day it is loaded, so that the demo never empties:
what is coming up stays ahead, what has happened stays recent, and each keeps its season and its
day of the week (plain functions: `today` is passed in)."""

import re
from datetime import date, datetime, timedelta


def moved_years(value, years):
    """`value` (a date or datetime) the same day and time `years` later (29 February becomes
    the 28th in a year without it)."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def day_of(value):
    return value.date() if isinstance(value, datetime) else value


def years_ahead(value, today):
    """How many years to move `value` so that it is the next time its day of the year comes
    round after `today` (0 for a date less than a year ahead)."""
    years = today.year - day_of(value).year - 1
    while day_of(moved_years(value, years)) <= today:
        years += 1
    return years


def coming(value, today):
    """The next time after `today` that `value`'s day of the year comes round, moved by up to
    three days to fall on the same day of the week (a Saturday market stays on a Saturday)."""
    moved = moved_years(value, years_ahead(value, today))
    nudge = (day_of(value).weekday() - day_of(moved).weekday() + 3) % 7 - 3
    moved += timedelta(days=nudge)
    return moved if day_of(moved) > today else moved + timedelta(days=7)


def years_back(dates, today):
    """How many years to move a set of related dates (said, then done) so that the last of them
    is as recent as it can be without being after `today`; the gaps between them are kept."""
    latest = max(day_of(value) for value in dates)
    years = today.year - latest.year
    while day_of(moved_years(latest, years)) > today:
        years -= 1
    return years


def financial_year(today):
    """The year the financial year holding `today` starts in (1 April to 31 March)."""
    return today.year if today.month >= 4 else today.year - 1


def quarters_finished(today):
    """How many quarters of the financial year holding `today` have ended (0 to 3)."""
    return (today.month - 4) % 12 // 3


def period_label(start_year):
    """The financial year starting in `start_year` as plans write it: 2026/27."""
    return f"{start_year}/{(start_year + 1) % 100:02}"


def start_of_financial_year(start_year):
    return date(start_year, 4, 1)


def written_years(around, since=None):
    """A pattern for the years words were written around: from `since` (the year before `around`
    unless given) to two years after `around`, each alone or as a financial year ("2025/26").
    Earlier years (the Domestic Abuse Act 2021, for a demo written in 2026) are history."""
    years = "|".join(str(year) for year in range((since or around - 1), around + 3))
    return re.compile(rf"\b({years})(?:/(\d\d))?\b")


def dated(years, around=2026, since=None):
    """moved(value): `value` with every date, datetime and year written around `around` in it
    (in text, in a number under a "year" key, in lists, tuples and dicts) `years` later; see
    written_years for which years in text move."""
    pattern = written_years(around, since)

    def in_text(match):
        year = int(match.group(1)) + years
        return period_label(year) if match.group(2) else str(year)

    def moved(value, key=None):
        if years == 0:
            return value
        if isinstance(value, date):
            return moved_years(value, years)
        if isinstance(value, str):
            return pattern.sub(in_text, value)
        if isinstance(value, int) and key == "year":
            return value + years
        if isinstance(value, dict):
            return {name: moved(item, name) for name, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(moved(item) for item in value)
        return value

    return moved

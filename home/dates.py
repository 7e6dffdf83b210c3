"""Dates and times the GOV.UK way, for every app: "9 October 2026, 7pm".

The one place the site's wording of a date is written: no leading zeros, no commas in a date,
no "th", the month in full, and times as 7pm, 7:30pm, midday. A date and time may be given as an
aware datetime, which is worded in London time."""

from django.utils import timezone


def clock(moment):
    """GOV.UK style: 7pm, 7:30pm, midday, midnight."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def _day(value):
    return timezone.localtime(value).date() if hasattr(value, "hour") else value


def day_month_year(value):
    """'9 October 2026'."""
    value = _day(value)
    return f"{value.day} {value:%B %Y}"


def day_month(value):
    """'9 October', where the year goes without saying."""
    value = _day(value)
    return f"{value.day} {value:%B}"


def month_year(value):
    """'October 2026'."""
    return f"{_day(value):%B %Y}"


def weekday_date(value):
    """'Tuesday 24 November 2026'."""
    value = _day(value)
    return f"{value:%A} {day_month_year(value)}"


def date_and_time(moment):
    """'1 December 2026, 6:59am', in London time."""
    moment = timezone.localtime(moment)
    return f"{day_month_year(moment)}, {clock(moment)}"


def date_span(start, end):
    """'9 to 16 October 2026', '25 November to 10 December 2026',
    '1 December 2026 to 6 January 2027', or one date: '5 November 2026'."""
    if start == end:
        return day_month_year(start)
    if start.year != end.year:
        return f"{day_month_year(start)} to {day_month_year(end)}"
    if start.month != end.month:
        return f"{day_month(start)} to {day_month_year(end)}"
    return f"{start.day} to {day_month_year(end)}"


def iso_local(moment):
    """ISO 8601 in London time, for open data and JSON: '2026-11-24T19:00:00+00:00'."""
    return timezone.localtime(moment).isoformat() if moment else None

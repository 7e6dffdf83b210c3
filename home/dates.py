"""Dates and times the GOV.UK way, for every app: "9 October 2026, 7pm"."""

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


def iso_local(moment):
    """ISO 8601 in London time, for open data and JSON: '2026-11-24T19:00:00+00:00'."""
    return timezone.localtime(moment).isoformat() if moment else None

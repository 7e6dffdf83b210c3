"""The iCalendar feeds, read back by a second, independent library (recurring-ical-events)."""

from datetime import timedelta

import icalendar
import pytest
import recurring_ical_events
from django.core.cache import cache
from django.utils import timezone

from local_events import recurrence
from local_events.models import EventPage
from tests.events.factories import beat_surgeries, first_of_next_month, make_event, month_path


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def dates_in_feed(calendar, first, last):
    return sorted(
        (str(event["SUMMARY"]), as_text(event.DTSTART))
        for event in recurring_ical_events.of(calendar).between(first, last)
    )


def as_text(start):
    """Comparable across both sources: a date for all-day events, London time for the rest."""
    return (timezone.localtime(start) if hasattr(start, "hour") else start).isoformat()


def dates_in_month_view(client, first, query=None):
    response = client.get(month_path(first), query or {})
    seen = set()
    for _day, occurrences in response.context["month_days"]:
        for occurrence in occurrences:
            if occurrence.cancelled or occurrence.pk in seen:
                continue
            seen.add(occurrence.pk)
            start = timezone.localtime(occurrence.start)
            yield occurrence.event.title, as_text(start.date() if occurrence.all_day else start)


@pytest.fixture
def surgeries(home_page):
    return beat_surgeries(home_page)


@pytest.fixture
def moved_and_cancelled(home_page):
    start = first_of_next_month().replace(day=4)
    return make_event(
        home_page,
        "feed-surgery",
        title="Feed surgery",
        start_date=start,
        repeats=recurrence.WEEKLY,
        changes=[
            {"date": start + timedelta(days=7), "cancelled": True, "reason": "Closed"},
            {
                "date": start + timedelta(days=14),
                "cancelled": False,
                "new_date": start + timedelta(days=16),
                "reason": "Moved along",
            },
        ],
    )


@pytest.mark.parametrize("months_ahead", [0, 1, 4, 7])
def test_the_feed_gives_the_same_dates_as_the_month_view(
    client, surgeries, moved_and_cancelled, months_ahead
):
    # Several months, so that at least one holds a clock change whenever the tests run.
    calendar = parse(client.get("/events/calendar.ics"))
    first = recurrence.add_months(timezone.localdate().replace(day=1), months_ahead)
    last = recurrence.add_months(first, 1)
    from_feed = dates_in_feed(calendar, first, last)
    from_view = sorted(dates_in_month_view(client, first))
    assert from_feed == from_view
    assert from_view  # the monthly surgeries are in every month


def test_a_repeating_event_is_one_vevent_with_its_rule_and_exceptions(client, moved_and_cancelled):
    calendar = parse(client.get(f"{moved_and_cancelled.url}event.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 2  # the series and the moved date's override
    series, moved = events
    assert series["UID"] == moved["UID"] == f"event-{moved_and_cancelled.pk}@testserver"
    assert series["RRULE"]["FREQ"] == ["WEEKLY"]
    start = moved_and_cancelled.first_start
    [exdate] = series["EXDATE"].dts
    assert exdate.dt == start + timedelta(days=7)
    assert moved["RECURRENCE-ID"].dt == start + timedelta(days=14)
    assert start + timedelta(days=16) == moved.DTSTART
    assert series.DTSTART.tzinfo.key == "Europe/London"
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/London"
    # Read back, the fourth date is gone and the fifth is two days late.
    dates = [
        e.DTSTART.date()
        for e in recurring_ical_events.of(calendar).between(start, start + timedelta(days=29))
    ]
    assert dates == [
        start.date(),
        start.date() + timedelta(days=16),
        start.date() + timedelta(days=21),
        start.date() + timedelta(days=28),
    ]


def test_uids_are_stable_and_the_feed_has_every_live_event_once(client, surgeries):
    first = parse(client.get("/events/calendar.ics"))
    cache.clear()  # built again, not served from the cache
    again = parse(client.get("/events/calendar.ics"))
    series = [e for e in first.walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert sorted(str(e["UID"]) for e in series) == sorted(
        str(e["UID"]) for e in again.walk("VEVENT") if "RECURRENCE-ID" not in e
    )
    assert len({str(e["UID"]) for e in series}) == len(series) == EventPage.objects.live().count()
    assert all(str(e["URL"]).startswith("http://testserver/events/") for e in series)


def test_a_published_change_reaches_the_cached_feed(client, home_page):
    before = client.get("/events/calendar.ics").content.decode()
    assert "Brand new event" not in before
    make_event(home_page, "brand-new", title="Brand new event")
    assert "Brand new event" in client.get("/events/calendar.ics").content.decode()


def test_the_feed_takes_the_parish_and_type_filters(client, surgeries):
    calendar = parse(
        client.get("/events/calendar.ics", {"parish": "kibworth", "type": "beat-surgery"})
    )
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Kibworth beat surgery"] * 2
    assert "Kibworth" in str(calendar["X-WR-CALNAME"])


def test_an_all_day_event_uses_dates(client, home_page):
    event = make_event(
        home_page,
        "all-day",
        start_time=None,
        end_time=None,
        end_date=first_of_next_month().replace(day=11),
    )
    calendar = parse(client.get(f"{event.url}event.ics"))
    [vevent] = calendar.walk("VEVENT")
    assert first_of_next_month().replace(day=10) == vevent.DTSTART
    assert first_of_next_month().replace(day=12) == vevent.DTEND  # exclusive


def test_event_ics_downloads_and_pages_link_to_the_feeds(client, surgeries):
    event = surgeries["lutterworth-beat-surgery"]
    response = client.get(f"{event.url}event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="lutterworth-beat-surgery.ics"'
    assert "max-age=" in response["Cache-Control"]
    html = client.get("/events/", {"parish": "lutterworth"}).content.decode()
    assert 'href="webcal://testserver/events/calendar.ics?area=lutterworth"' in html
    assert "http://testserver/events/calendar.ics?area=lutterworth" in html


def test_a_cancelled_or_moved_one_off_event_says_so_in_its_file(client, home_page):
    day = first_of_next_month().replace(day=12)
    cancelled = make_event(
        home_page,
        "one-off-cancelled",
        start_date=day,
        changes=[{"date": day, "cancelled": True, "reason": "Storm"}],
    )
    [vevent] = parse(client.get(f"{cancelled.url}event.ics")).walk("VEVENT")
    assert vevent["STATUS"] == "CANCELLED"
    moved = make_event(
        home_page,
        "one-off-moved",
        start_date=day,
        changes=[
            {"date": day, "cancelled": False, "new_date": day + timedelta(days=2), "reason": "Hall"}
        ],
    )
    [vevent] = parse(client.get(f"{moved.url}event.ics")).walk("VEVENT")
    assert vevent.DTSTART.date() == day + timedelta(days=2)
    assert "STATUS" not in vevent


def test_made_up_query_strings_share_the_cached_feed(client, surgeries):
    plain = client.get("/events/calendar.ics").content
    assert client.get("/events/calendar.ics", {"x": "1"}).content == plain  # same DTSTAMP: cached
    filtered = client.get("/events/calendar.ics", {"parish": "kibworth"}).content
    assert filtered != plain

"""Repeat rules and their dates, as plain functions: no database."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from local_events import recurrence
from local_events.recurrence import Change, build_rrule, describe, expand, local

UTC = ZoneInfo("UTC")


def hours_and_offsets(occurrences):
    return [(o.start.hour, o.start.utcoffset()) for o in occurrences]


@pytest.mark.parametrize(
    ("frequency", "start", "options", "rule"),
    [
        (recurrence.ONCE, date(2026, 11, 3), {}, ""),
        (recurrence.WEEKLY, date(2026, 11, 3), {}, "FREQ=WEEKLY;BYDAY=TU"),
        (
            recurrence.WEEKLY,
            date(2026, 11, 3),
            {"interval": 2, "weekday": 3},
            "FREQ=WEEKLY;BYDAY=TH;INTERVAL=2",
        ),
        (recurrence.MONTHLY_BY_WEEKDAY, date(2026, 11, 3), {}, "FREQ=MONTHLY;BYDAY=1TU"),
        (recurrence.MONTHLY_BY_WEEKDAY, date(2026, 11, 24), {}, "FREQ=MONTHLY;BYDAY=4TU"),
        # The 29th to the 31st can only be a fifth weekday: 'the last' is what that means.
        (recurrence.MONTHLY_BY_WEEKDAY, date(2026, 12, 29), {}, "FREQ=MONTHLY;BYDAY=-1TU"),
        (recurrence.MONTHLY_BY_WEEKDAY, date(2026, 11, 3), {"week": -1}, "FREQ=MONTHLY;BYDAY=-1TU"),
        (
            recurrence.MONTHLY_BY_DATE,
            date(2026, 11, 15),
            {"count": 6},
            "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6",
        ),
        # The end of the last day in London, in UTC: 23:59:59 GMT in winter, 22:59:59 in summer.
        (
            recurrence.WEEKLY,
            date(2026, 11, 3),
            {"until": date(2027, 1, 26)},
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T235959Z",
        ),
        (
            recurrence.WEEKLY,
            date(2026, 5, 5),
            {"until": date(2026, 7, 28)},
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20260728T225959Z",
        ),
        # All-day events count in dates.
        (
            recurrence.WEEKLY,
            date(2026, 11, 3),
            {"until": date(2027, 1, 26), "all_day": True},
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126",
        ),
        # A count wins over an end date (the form refuses both; the function still decides).
        (
            recurrence.WEEKLY,
            date(2026, 11, 3),
            {"count": 3, "until": date(2027, 1, 1)},
            "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        ),
    ],
)
def test_an_officers_choices_become_an_rrule(frequency, start, options, rule):
    assert build_rrule(frequency, start, **options) == rule


def test_an_unknown_frequency_is_refused():
    with pytest.raises(ValueError):
        build_rrule("yearly", date(2026, 1, 1))


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "Every Tuesday"),
        ("FREQ=WEEKLY;BYDAY=TH;INTERVAL=2", "Every 2 weeks on Thursday"),
        ("FREQ=MONTHLY;BYDAY=1TU", "The first Tuesday of every month"),
        ("FREQ=MONTHLY;BYDAY=-1SA", "The last Saturday of every month"),
        ("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", "On day 15 of every month, 6 times"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260728T225959Z", "Every Tuesday until 28 July 2026"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126", "Every Tuesday until 26 January 2027"),
    ],
)
def test_a_rule_in_words(rule, words):
    assert describe(rule, date(2026, 1, 1)) == words


def test_a_weekly_7pm_event_stays_at_7pm_across_both_clock_changes():
    # Clocks go back on 25 October 2026 and forward on 28 March 2027.
    first = local(date(2026, 10, 14), time(19))
    occurrences = expand(
        first,
        timedelta(hours=1),
        build_rrule(recurrence.WEEKLY, first.date()),
        local(date(2026, 10, 1), None),
        local(date(2027, 4, 15), None),
    )
    assert {o.start.hour for o in occurrences} == {19}
    assert {o.end.hour for o in occurrences} == {20}
    by_date = {o.start.date(): o for o in occurrences}
    assert by_date[date(2026, 10, 21)].start.utcoffset() == timedelta(hours=1)  # BST
    assert by_date[date(2026, 10, 28)].start.utcoffset() == timedelta(0)  # GMT
    assert by_date[date(2027, 3, 24)].start.utcoffset() == timedelta(0)
    assert by_date[date(2027, 3, 31)].start.utcoffset() == timedelta(hours=1)
    # In UTC the event moves, as it should: 18:00Z in summer, 19:00Z in winter.
    assert by_date[date(2026, 10, 21)].start.astimezone(UTC).hour == 18
    assert by_date[date(2026, 10, 28)].start.astimezone(UTC).hour == 19
    assert len(occurrences) == 27


def test_an_event_that_spans_the_night_of_the_clock_change_keeps_its_clock_times():
    # 11pm to 3am on the night the clocks go back is 5 hours long, and still ends at 3am.
    first = local(date(2026, 10, 24), time(23))
    [occurrence] = expand(
        first,
        timedelta(hours=4),
        "",
        local(date(2026, 10, 1), None),
        local(date(2026, 11, 1), None),
    )
    assert occurrence.end == datetime(2026, 10, 25, 3, tzinfo=recurrence.LONDON)
    elapsed = occurrence.end.astimezone(UTC) - occurrence.start.astimezone(UTC)
    assert elapsed == timedelta(hours=5)


def test_the_first_tuesday_of_every_month():
    first = local(date(2026, 1, 6), time(18))
    occurrences = expand(
        first,
        timedelta(hours=1),
        build_rrule(recurrence.MONTHLY_BY_WEEKDAY, first.date()),
        local(date(2026, 1, 1), None),
        local(date(2027, 1, 1), None),
    )
    assert [o.start.date() for o in occurrences] == [
        date(2026, 1, 6), date(2026, 2, 3), date(2026, 3, 3), date(2026, 4, 7),
        date(2026, 5, 5), date(2026, 6, 2), date(2026, 7, 7), date(2026, 8, 4),
        date(2026, 9, 1), date(2026, 10, 6), date(2026, 11, 3), date(2026, 12, 1),
    ]  # fmt: skip
    assert {o.start.hour for o in occurrences} == {18}


def test_the_last_friday_of_the_month_at_month_ends():
    first = local(date(2026, 1, 30), time(10))
    occurrences = expand(
        first,
        timedelta(hours=2),
        build_rrule(recurrence.MONTHLY_BY_WEEKDAY, first.date(), week=-1),
        local(date(2026, 1, 1), None),
        local(date(2026, 6, 1), None),
    )
    assert [o.start.date() for o in occurrences] == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
        date(2026, 4, 24),
        date(2026, 5, 29),
    ]


def test_the_31st_of_the_month_skips_shorter_months():
    # RFC 5545: a month without the day has no occurrence (it is not moved to the 30th).
    first = local(date(2026, 1, 31), time(9))
    occurrences = expand(
        first,
        timedelta(hours=1),
        build_rrule(recurrence.MONTHLY_BY_DATE, first.date()),
        local(date(2026, 1, 1), None),
        local(date(2026, 9, 1), None),
    )
    assert [o.start.date() for o in occurrences] == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
        date(2026, 8, 31),
    ]


def test_until_and_count_end_a_series():
    first = local(date(2026, 11, 3), time(19))
    window = (local(date(2026, 1, 1), None), local(date(2028, 1, 1), None))
    until = expand(
        first,
        timedelta(hours=1),
        build_rrule(recurrence.WEEKLY, first.date(), until=date(2026, 11, 24)),
        *window,
    )
    assert [o.start.day for o in until] == [3, 10, 17, 24]  # the last day is included
    count = expand(
        first, timedelta(hours=1), build_rrule(recurrence.WEEKLY, first.date(), count=2), *window
    )
    assert [o.start.day for o in count] == [3, 10]


def test_cancelled_and_moved_dates():
    first = local(date(2026, 11, 3), time(19))
    changes = [
        Change(date(2026, 11, 10), cancelled=True, reason="Hall closed"),
        Change(
            date(2026, 11, 17),
            cancelled=False,
            reason="Room change",
            new_date=date(2026, 11, 18),
            new_time=time(18, 30),
        ),
    ]
    occurrences = expand(
        first,
        timedelta(hours=1),
        build_rrule(recurrence.WEEKLY, first.date()),
        local(date(2026, 11, 1), None),
        local(date(2026, 12, 1), None),
        changes,
    )
    summary = [(o.start.day, o.start.hour, o.start.minute, o.status, o.reason) for o in occurrences]
    assert summary == [
        (3, 19, 0, "scheduled", ""),
        (10, 19, 0, "cancelled", "Hall closed"),
        (18, 18, 30, "moved", "Room change"),
        (24, 19, 0, "scheduled", ""),
    ]
    moved = occurrences[2]
    assert moved.original_start == local(date(2026, 11, 17), time(19))
    assert moved.end == local(date(2026, 11, 18), time(19, 30))


def test_all_day_events_end_at_the_next_midnight_even_on_the_long_day():
    first = local(date(2026, 10, 25), None)  # a 25-hour day
    [occurrence] = expand(
        first,
        timedelta(days=1),
        "",
        local(date(2026, 10, 1), None),
        local(date(2026, 11, 1), None),
        all_day=True,
    )
    assert occurrence.end == local(date(2026, 10, 26), None)
    repeating = expand(
        first,
        timedelta(days=1),
        build_rrule(recurrence.WEEKLY, first.date(), until=date(2026, 11, 8), all_day=True),
        local(date(2026, 10, 1), None),
        local(date(2026, 12, 1), None),
        all_day=True,
    )
    assert [(o.start.day, o.start.hour, o.end.day, o.end.hour) for o in repeating] == [
        (25, 0, 26, 0),
        (1, 0, 2, 0),
        (8, 0, 9, 0),
    ]


def test_only_dates_overlapping_the_window_are_returned():
    # A three-day event that began before the window is still on during it.
    first = local(date(2026, 10, 30), None)
    occurrences = expand(
        first,
        timedelta(days=3),
        "",
        local(date(2026, 11, 1), None),
        local(date(2026, 12, 1), None),
        all_day=True,
    )
    assert len(occurrences) == 1
    assert (
        expand(
            first,
            timedelta(days=1),
            "",
            local(date(2026, 11, 1), None),
            local(date(2026, 12, 1), None),
            all_day=True,
        )
        == []
    )


def test_the_rolling_window():
    start, end = recurrence.window_around(date(2026, 11, 22))
    assert start == local(date(2025, 11, 1), None)
    assert end == local(date(2028, 12, 1), None)


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2026, 11, 3), 1),
        (date(2026, 11, 10), 2),
        (date(2026, 11, 24), 4),
        (date(2026, 12, 29), -1),
    ],
)
def test_week_of_the_month(day, week):
    assert recurrence.week_of_month(day) == week


def test_a_time_the_clocks_skip_becomes_the_time_it_is_by_then():
    # 1:30am on 28 March 2027 does not exist in London: the clocks go from 1am to 2am.
    first = local(date(2027, 3, 21), time(1, 30))
    occurrences = expand(
        first,
        timedelta(hours=1),
        build_rrule(recurrence.WEEKLY, first.date(), count=3),
        local(date(2027, 3, 1), None),
        local(date(2027, 5, 1), None),
    )
    skipped = occurrences[1]
    assert (skipped.start.hour, skipped.start.minute) == (2, 30)
    assert skipped.start.utcoffset() == timedelta(hours=1)
    assert skipped.end - skipped.start == timedelta(hours=1)
    assert skipped.end.astimezone(UTC) - skipped.start.astimezone(UTC) == timedelta(hours=1)
    assert [(o.start.hour, o.start.minute) for o in occurrences] == [(1, 30), (2, 30), (1, 30)]

"""Campaign windows as plain functions: yearly, across the new year, leap years, before, in, after."""

from datetime import date

import pytest

from campaigns.windows import (
    COMING_UP,
    ON_NOW,
    PAST,
    Window,
    occurrence,
    same_day_in,
    state,
)
from home.dates import date_span as describe

HATE_CRIME_WEEK = Window(date(2024, 10, 9), date(2024, 10, 16), repeats_yearly=True)
WHITE_RIBBON = Window(date(2024, 11, 25), date(2024, 12, 10), repeats_yearly=True)
SAFER_CHRISTMAS = Window(date(2024, 12, 1), date(2025, 1, 6), repeats_yearly=True)
LEAP_DAY = Window(date(2024, 2, 29), date(2024, 2, 29), repeats_yearly=True)
ONE_OFF = Window(date(2026, 6, 1), date(2026, 8, 31))


@pytest.mark.parametrize(
    ("window", "today", "expected_state", "expected_dates"),
    [
        # A yearly week: before, on its first and last days, and after (rolls to next year).
        (HATE_CRIME_WEEK, date(2026, 10, 1), COMING_UP, (date(2026, 10, 9), date(2026, 10, 16))),
        (HATE_CRIME_WEEK, date(2026, 10, 9), ON_NOW, (date(2026, 10, 9), date(2026, 10, 16))),
        (HATE_CRIME_WEEK, date(2026, 10, 16), ON_NOW, (date(2026, 10, 9), date(2026, 10, 16))),
        (HATE_CRIME_WEEK, date(2026, 10, 17), COMING_UP, (date(2027, 10, 9), date(2027, 10, 16))),
        # 16 days from 25 November.
        (WHITE_RIBBON, date(2026, 11, 22), COMING_UP, (date(2026, 11, 25), date(2026, 12, 10))),
        (WHITE_RIBBON, date(2026, 12, 1), ON_NOW, (date(2026, 11, 25), date(2026, 12, 10))),
        # Across the new year: on in December and in January, the January part of last year's.
        (SAFER_CHRISTMAS, date(2026, 12, 24), ON_NOW, (date(2026, 12, 1), date(2027, 1, 6))),
        (SAFER_CHRISTMAS, date(2027, 1, 3), ON_NOW, (date(2026, 12, 1), date(2027, 1, 6))),
        (SAFER_CHRISTMAS, date(2027, 1, 7), COMING_UP, (date(2027, 12, 1), date(2028, 1, 6))),
        (SAFER_CHRISTMAS, date(2026, 7, 1), COMING_UP, (date(2026, 12, 1), date(2027, 1, 6))),
        # Leap day: the 28th in other years, the 29th in leap years.
        (LEAP_DAY, date(2026, 2, 28), ON_NOW, (date(2026, 2, 28), date(2026, 2, 28))),
        (LEAP_DAY, date(2026, 3, 1), COMING_UP, (date(2027, 2, 28), date(2027, 2, 28))),
        (LEAP_DAY, date(2027, 12, 1), COMING_UP, (date(2028, 2, 29), date(2028, 2, 29))),
        # Never an occurrence before the first one.
        (HATE_CRIME_WEEK, date(2020, 1, 1), COMING_UP, (date(2024, 10, 9), date(2024, 10, 16))),
        # A one-off window: before, inside, after.
        (ONE_OFF, date(2026, 5, 31), COMING_UP, (date(2026, 6, 1), date(2026, 8, 31))),
        (ONE_OFF, date(2026, 7, 1), ON_NOW, (date(2026, 6, 1), date(2026, 8, 31))),
        (ONE_OFF, date(2026, 9, 1), PAST, (date(2026, 6, 1), date(2026, 8, 31))),
    ],
)
def test_state_and_dates(window, today, expected_state, expected_dates):
    assert occurrence(window, today) == expected_dates
    assert state(window, today) == expected_state


def test_a_yearly_window_is_never_past():
    for year in range(2024, 2040):
        for month in range(1, 13):
            assert state(SAFER_CHRISTMAS, date(year, month, 15)) != PAST


def test_same_day_in_another_year():
    assert same_day_in(date(2024, 2, 29), 2025) == date(2025, 2, 28)
    assert same_day_in(date(2024, 2, 29), 2028) == date(2028, 2, 29)
    assert same_day_in(date(2024, 10, 9), 2030) == date(2030, 10, 9)


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2026, 10, 9), date(2026, 10, 16), "9 to 16 October 2026"),
        (date(2026, 11, 25), date(2026, 12, 10), "25 November to 10 December 2026"),
        (date(2026, 12, 1), date(2027, 1, 6), "1 December 2026 to 6 January 2027"),
        (date(2026, 11, 5), date(2026, 11, 5), "5 November 2026"),
    ],
)
def test_dates_in_words(start, end, words):
    assert describe(start, end) == words

"""Dates for demo content, relative to the day it is loaded (plain functions)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from home.relative_dates import (
    coming,
    dated,
    financial_year,
    moved_years,
    quarters_finished,
    years_ahead,
    years_back,
)

LONDON = ZoneInfo("Europe/London")


def test_what_is_coming_up_stays_ahead_in_its_season_and_on_its_weekday():
    market = date(2026, 12, 5)  # a Saturday
    assert coming(market, date(2026, 11, 20)) == market
    later = coming(market, date(2028, 3, 1))
    assert later.year == 2028 and later.month == 12 and later.weekday() == 5
    assert abs((later - date(2028, 12, 5)).days) <= 3
    assert coming(market, date(2028, 12, 4)) > date(2028, 12, 4)
    # A moment keeps its time of day.
    moment = datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    assert coming(moment, date(2027, 8, 1)).hour == 9


def test_what_has_happened_stays_recent_and_keeps_its_gaps():
    said, done = date(2025, 4, 8), date(2025, 6, 30)
    assert years_back([said, done], date(2026, 11, 20)) == 1
    years = years_back([said, done], date(2028, 3, 1))
    assert moved_years(done, years) <= date(2028, 3, 1) < moved_years(done, years + 1)
    assert years_ahead(date(2027, 1, 2), date(2026, 11, 20)) == 0
    assert years_ahead(date(2027, 1, 2), date(2028, 3, 1)) == 2
    assert moved_years(date(2028, 2, 29), 1) == date(2029, 2, 28)


def test_the_financial_year_and_its_quarters_that_have_ended():
    assert financial_year(date(2027, 3, 31)) == 2026 and financial_year(date(2027, 4, 1)) == 2027
    assert [quarters_finished(date(2027, month, 1)) for month in (4, 7, 10, 1)] == [0, 1, 2, 3]


def test_years_written_around_the_demos_are_moved_and_history_is_not():
    moved = dated(2)
    assert moved("Community safety action plan 2026 to 2027") == (
        "Community safety action plan 2028 to 2029"
    )
    assert moved("5% lower than in 2025/26") == "5% lower than in 2027/28"
    assert moved("under the Domestic Abuse Act 2021, on 0808 2000 247") == (
        "under the Domestic Abuse Act 2021, on 0808 2000 247"
    )
    assert moved({"year": 2026, "quarter": 2, "due": date(2027, 3, 31)}) == {
        "year": 2028,
        "quarter": 2,
        "due": date(2029, 3, 31),
    }

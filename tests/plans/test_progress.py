"""Progress arithmetic, as plain functions: periods, roll-ups, grouping."""

from datetime import date

import pytest

from plans.progress import (
    Status,
    financial_quarter_of,
    financial_year_label,
    group_in_order,
    parse_period,
    quarter_label,
    rollup,
)


def test_financial_years_are_written_the_uk_way():
    assert financial_year_label(2021) == "2021/22"
    assert financial_year_label(1999) == "1999/00"
    assert quarter_label(2026, 2) == "2026/27 Q2"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 4, 1), (2026, 1)),
        (date(2026, 6, 30), (2026, 1)),
        (date(2026, 7, 1), (2026, 2)),
        (date(2026, 11, 22), (2026, 3)),
        (date(2027, 1, 1), (2026, 4)),
        (date(2027, 3, 31), (2026, 4)),
    ],
)
def test_financial_quarter_of_a_day(day, expected):
    assert financial_quarter_of(day) == expected


@pytest.mark.parametrize(
    ("text", "start", "label"),
    [
        ("2021/22", date(2021, 4, 1), "2021/22"),
        ("2021-22", date(2021, 4, 1), "2021/22"),
        (" 2021 / 2022 ", date(2021, 4, 1), "2021/22"),
        ("1999/00", date(1999, 4, 1), "1999/00"),
        ("2021/22 Q1", date(2021, 4, 1), "2021/22 Q1"),
        ("2021/22 q3", date(2021, 10, 1), "2021/22 Q3"),
        ("Q4 2021/22", date(2022, 1, 1), "2021/22 Q4"),
        ("2019", date(2019, 1, 1), "2019"),
    ],
)
def test_periods_as_people_write_them(text, start, label):
    period = parse_period(text)
    assert (period.start, period.label) == (start, label)


@pytest.mark.parametrize(
    "text", ["", "2021/23", "21/22", "2021/22 Q5", "Q2 2021", "last year", "2021/22/23"]
)
def test_periods_that_are_not_periods(text):
    with pytest.raises(ValueError, match="not a"):
        parse_period(text)


def test_rollup_counts_in_the_standard_order_with_words():
    result = rollup(
        [Status.ON_TRACK, Status.COMPLETE, Status.ON_TRACK, Status.AT_RISK, "", Status.COMPLETE]
    )
    assert [(item.label, item.count) for item in result.counts] == [
        ("Complete", 2),
        ("On track", 2),
        ("At risk", 1),
        ("No update yet", 1),
    ]
    assert result.total == 6
    assert result.percent_complete == 33
    assert result.summary == "6 actions: 2 complete, 2 on track, 1 at risk, 1 no update yet"


def test_rollup_of_nothing():
    result = rollup([])
    assert result.total == 0
    assert result.percent_complete == 0
    assert result.summary == "No actions yet"


def test_rollup_of_one_action_is_singular():
    assert rollup([Status.OFF_TRACK]).summary == "1 action: 1 off track"


def test_every_status_has_a_tag_and_words():
    for status, label in Status.CHOICES:
        assert label
        assert status in Status.TAG_CLASSES


def test_groups_keep_the_order_they_first_appear_in():
    items = [("b", 1), ("a", 2), ("b", 3), ("", 4), ("a", 5)]
    assert group_in_order(items, key=lambda item: item[0]) == [
        ("b", [("b", 1), ("b", 3)]),
        ("a", [("a", 2), ("a", 5)]),
        ("", [("", 4)]),
    ]


def test_rollups_combine_into_one():
    from plans.progress import combine

    whole = combine([rollup([Status.COMPLETE, ""]), rollup([Status.COMPLETE, Status.AT_RISK])])
    assert whole.summary == "4 actions: 2 complete, 1 at risk, 1 no update yet"
    assert combine([]).total == 0

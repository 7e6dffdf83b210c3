"""Progress arithmetic, as plain functions: periods, roll-ups, grouping."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

from plans.blocks import ProgressFigureBlock
from plans.progress import (
    CALENDAR_YEAR,
    HALF,
    NO_UPDATE,
    QUARTER,
    YEAR,
    YEAR_TO_DATE,
    Period,
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


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # Half-years.
        ("2023/24 H1", "2023/24 H1"),
        ("h1 2023/24", "2023/24 H1"),
        ("H2 2023/24", "2023/24 H2"),
        ("2023/24 April to September", "2023/24 H1"),
        ("2023/24 Apr - Sept", "2023/24 H1"),
        ("first half of 2023/24", "2023/24 H1"),
        ("2023/24 second half", "2023/24 H2"),
        ("2023/24 October to March", "2023/24 H2"),
        ("2023/24 Q3 to Q4", "2023/24 H2"),
        ("2023/24 YTD Q2", "2023/24 H1"),  # the year to September is the first half
        # The year to date to December.
        ("2023/24 YTD Q3", "2023/24 Q1 to Q3"),
        ("YTD Q3 2023/24", "2023/24 Q1 to Q3"),
        ("2023/24 Q3 YTD", "2023/24 Q1 to Q3"),
        ("2023/24 year to date (Q1 to Q3)", "2023/24 Q1 to Q3"),
        ("2023/24 Year-to-date to December", "2023/24 Q1 to Q3"),
        ("2023/24 YTD (April \u2013 December)", "2023/24 Q1 to Q3"),
        ("2023/24 April to December", "2023/24 Q1 to Q3"),
        ("2023/24 Q1-Q3", "2023/24 Q1 to Q3"),
        ("2023-24 q1 to q3", "2023/24 Q1 to Q3"),
        # Whole years and quarters written as ranges are whole years and quarters.
        ("2023/24 YTD Q4", "2023/24"),
        ("2023/24 April to March", "2023/24"),
        ("2023/24 Q1 to Q4", "2023/24"),
        ("2023/24 YTD Q1", "2023/24 Q1"),
        ("2023/24 July to September", "2023/24 Q2"),
        ("2023/24 January to March", "2023/24 Q4"),
    ],
)
def test_half_years_and_the_year_to_date_as_people_write_them(text, label):
    assert parse_period(text).label == label


@pytest.mark.parametrize(
    ("label", "kind", "start", "end", "months"),
    [
        ("2023/24", YEAR, date(2023, 4, 1), date(2024, 3, 31), "April to March"),
        ("2023/24 H1", HALF, date(2023, 4, 1), date(2023, 9, 30), "April to September"),
        ("2023/24 H2", HALF, date(2023, 10, 1), date(2024, 3, 31), "October to March"),
        ("2023/24 Q1", QUARTER, date(2023, 4, 1), date(2023, 6, 30), "April to June"),
        ("2023/24 Q4", QUARTER, date(2024, 1, 1), date(2024, 3, 31), "January to March"),
        (
            "2023/24 Q1 to Q3",
            YEAR_TO_DATE,
            date(2023, 4, 1),
            date(2023, 12, 31),
            "April to December",
        ),
        ("2021", CALENDAR_YEAR, date(2021, 1, 1), date(2021, 12, 31), "January to December"),
    ],
)
def test_each_period_knows_its_kind_and_end(label, kind, start, end, months):
    period = parse_period(label)
    assert (period.label, period.kind, period.start, period.end) == (label, kind, start, end)
    assert period.months == months
    assert parse_period(period.label) == period  # a tidied label reads back as itself
    assert len(period.label) <= 20  # IndicatorValue.period holds 20 characters
    assert Period(start, label) == period  # a period built from its start and label alone


def test_periods_starting_together_are_ordered_by_their_end():
    """A year, its first half and its first quarter all start on 1 April."""
    labels = ["2023/24", "2023/24 Q4", "2023/24 H1", "2023/24 Q1 to Q3", "2023/24 Q1", "2023/24 H2"]
    ordered = sorted((parse_period(label) for label in labels), key=lambda p: p.order)
    assert [p.label for p in ordered] == [
        "2023/24 Q1",
        "2023/24 H1",
        "2023/24 Q1 to Q3",
        "2023/24 Q4",
        "2023/24 H2",
        "2023/24",
    ]


@pytest.mark.parametrize(
    ("label", "earlier", "year"),
    [
        ("2024/25", "2023/24", "2024/25"),
        ("2024/25 Q1 to Q3", "2023/24 Q1 to Q3", "2024/25"),
        ("2024/25 Q4", "2023/24 Q4", "2024/25"),
        ("2024/25 H2", "2023/24 H2", "2024/25"),
        ("2000/01 Q2", "1999/00 Q2", "2000/01"),
        ("2021", "2020", "2021"),
    ],
)
def test_the_same_period_a_year_earlier(label, earlier, year):
    period = parse_period(label)
    assert period.a_year_earlier() == parse_period(earlier)
    assert period.year_label == year


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2023/24 YTD", "say which quarter the year to date runs to"),
        ("2023/24 Q2 to Q3", "Q2 to Q3 is not a quarter, a half-year or the year to date"),
        ("2023/24 May to September", "from the start of a quarter to the end of one"),
        ("2023/24 January to June", "in order within one financial year"),
        ("2023/24 YTD Q2 to Q3", "the year to date starts in April"),
        ("2023/24 H3", ""),
        ("H1 2021", ""),  # halves and quarters are of financial years
        ("2023/24 H1 2024/25", ""),
    ],
)
def test_bad_periods_say_why_and_what_to_write(text, reason):
    with pytest.raises(ValueError) as raised:
        parse_period(text)
    message = str(raised.value)
    assert message.startswith(f"'{text}' is not a period: ")
    assert reason in message
    for example in ("2021/22,", "2021/22 Q2", "2021/22 H1", "2021/22 Q1 to Q3", "2021."):
        assert example in message


def test_a_figure_may_have_the_same_period_last_year():
    block = ProgressFigureBlock()
    assert list(block.child_blocks) == ["label", "value", "target", "same_period_last_year"]
    assert not block.child_blocks["same_period_last_year"].required
    # Figures saved before the field existed read as having none.
    old = block.to_python({"label": "Referrals", "value": "4", "target": "5"})
    assert not old["same_period_last_year"]


@pytest.mark.parametrize(
    ("target", "last_year", "expected"),
    [
        ("", "", "<li>Referrals: <strong>4</strong></li>"),
        ("5", "", "<li>Referrals: <strong>4</strong> (target 5)</li>"),
        ("", "3", "<li>Referrals: <strong>4</strong> (same period last year: 3)</li>"),
        ("5", "3", "<li>Referrals: <strong>4</strong> (target 5; same period last year: 3)</li>"),
    ],
)
def test_figures_show_the_same_period_last_year_in_words(target, last_year, expected):
    value = {"label": "Referrals", "value": "4", "target": target}
    if last_year:
        value["same_period_last_year"] = last_year
    content = render_to_string(
        "plans/includes/figures.html", {"figures": [SimpleNamespace(value=value)]}
    )
    assert expected in content


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
    from home.status import COLOURS

    for status, label in Status.CHOICES:
        assert label
        assert status in COLOURS
    assert NO_UPDATE in COLOURS


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

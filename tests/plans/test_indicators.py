"""Indicator arithmetic, as plain functions: trend wording and chart geometry."""

import itertools
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

from plans.indicators import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEITHER,
    bar_chart,
    describe_latest,
    describe_trend,
    format_number,
    in_period_order,
    like_for_like,
    same_period_last_year,
)

YEARS = ["2021/22", "2022/23", "2023/24"]


@pytest.mark.parametrize(
    ("values", "better", "expected"),
    [
        ([100, 88], LOWER_IS_BETTER, "Down 12% on 2021/22, which is better."),
        ([100, 88], HIGHER_IS_BETTER, "Down 12% on 2021/22, which is worse."),
        ([100, 112], HIGHER_IS_BETTER, "Up 12% on 2021/22, which is better."),
        ([100, 112], LOWER_IS_BETTER, "Up 12% on 2021/22, which is worse."),
        ([100, 112], NEITHER, "Up 12% on 2021/22."),
        ([5000, 5001], LOWER_IS_BETTER, "Up less than 0.1% on 2021/22, which is worse."),
        ([400, 401], LOWER_IS_BETTER, "Up 0.3% on 2021/22, which is worse."),
        ([200, 199], LOWER_IS_BETTER, "Down 0.5% on 2021/22, which is better."),
        ([0, 7], LOWER_IS_BETTER, "Up from 0 in 2021/22, which is worse."),
        ([50, 50], LOWER_IS_BETTER, "No change on 2021/22."),
    ],
)
def test_trend_in_words(values, better, expected):
    points = list(zip(YEARS, values, strict=False))
    assert describe_trend(points, better) == expected


def test_trend_compares_the_last_two_periods_then_the_whole_series():
    points = [("2021/22", 10), ("2022/23", 200), ("2023/24", 100)]
    assert describe_trend(points, LOWER_IS_BETTER) == (
        "Down 50% on 2022/23, which is better. "
        "Over 3 years from 2021/22 it has risen from 10 to 100; the highest was 200 in 2022/23."
    )


FIVE_YEARS = [
    ("2019/20", 1400),
    ("2020/21", 1300),
    ("2021/22", 1250),
    ("2022/23", 1050),
    ("2023/24", 1100),
]


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (
            FIVE_YEARS,
            "Up 5% on 2022/23, which is worse. Over 5 years from 2019/20 it has fallen from "
            "1,400 to 1,100; the lowest was 1,050 in 2022/23.",
        ),
        (
            [("2019", 5), ("2020", 4), ("2021", 9)],
            "Up 125% on 2020, which is worse. Over 3 years from 2019 it has risen from 5 to 9, "
            "the highest in that time; the lowest was 4 in 2020.",
        ),
        (
            [("2019/20", 900), ("2020/21", 800), ("2021/22", 700)],
            "Down 13% on 2020/21, which is better. Over 3 years from 2019/20 it has fallen "
            "from 900 to 700, the lowest in that time.",
        ),
        (
            [("2019", 5), ("2020", 9), ("2021", 2), ("2022", 5)],
            "Up 150% on 2021, which is worse. Over 4 years from 2019 it has ended where it "
            "started, at 5; the highest was 9 in 2020 and the lowest 2 in 2021.",
        ),
        (
            [("2019", 5), ("2020", 5), ("2021", 5)],
            "No change on 2020. Over 3 years from 2019 it has stayed at 5.",
        ),
        (
            [
                ("2023/24 Q1", 285),
                ("2023/24 Q2", 300),
                ("2023/24 Q3", 310),
                ("2023/24 Q4", 290),
                ("2024/25 Q1", 280),
                ("2024/25 Q2", 300),
            ],
            "Up 7% on 2024/25 Q1, which is worse. Over 6 quarters from 2023/24 Q1 it has risen "
            "from 285 to 300; the highest was 310 in 2023/24 Q3 and the lowest 280 in 2024/25 Q1.",
        ),
        (
            [("2022/23 H1", 50), ("2022/23 H2", 60), ("2023/24 H1", 40)],
            "Down 33% on 2022/23 H2, which is better. Over 3 half-years from 2022/23 H1 it has "
            "fallen from 50 to 40, the lowest in that time; the highest was 60 in 2022/23 H2.",
        ),
    ],
)
def test_trend_over_the_whole_series(points, expected):
    assert describe_trend(points, LOWER_IS_BETTER) == expected


def test_a_gap_in_the_series_still_counts_the_years_it_covers():
    points = [("2015/16", 10), ("2019/20", 12), ("2023/24", 8)]
    assert "Over 9 years from 2015/16" in describe_trend(points, NEITHER)


def test_trend_orders_the_points_itself():
    """The database orders by start date alone, which cannot order 2023/24 and its Q1."""
    assert describe_trend(list(reversed(FIVE_YEARS)), LOWER_IS_BETTER) == describe_trend(
        FIVE_YEARS, LOWER_IS_BETTER
    )
    assert in_period_order([("2023/24", 100), ("2023/24 Q4", 30), ("2023/24 H1", 45)]) == [
        ("2023/24 H1", 45),
        ("2023/24 Q4", 30),
        ("2023/24", 100),  # ends with its Q4, and is the fuller figure
    ]


YEARS_THEN_PART_OF_A_YEAR = [*FIVE_YEARS[:4], ("2023/24 Q1 to Q3", 900)]


def test_part_of_a_year_is_not_compared_with_whole_years():
    """Years and then one value for April to December: the trend and chart are of the years."""
    assert like_for_like(YEARS_THEN_PART_OF_A_YEAR) == FIVE_YEARS[:4]
    assert describe_trend(YEARS_THEN_PART_OF_A_YEAR, LOWER_IS_BETTER) == (
        "Down 16% on 2021/22, which is better. "
        "Over 4 years from 2019/20 it has fallen from 1,400 to 1,050, the lowest in that time."
    )
    assert [bar.label for bar in bar_chart(YEARS_THEN_PART_OF_A_YEAR)] == [
        "2019/20",
        "2020/21",
        "2021/22",
        "2022/23",
    ]
    assert bar_chart(YEARS_THEN_PART_OF_A_YEAR)[-1].latest
    assert describe_latest(YEARS_THEN_PART_OF_A_YEAR, LOWER_IS_BETTER) == (
        "The latest figure, 900 for 2023/24 Q1 to Q3, covers April to December only, "
        "so it is not compared with whole years."
    )


YEAR_TO_DATE_SERIES = [
    ("2021/22 Q1 to Q3", 1000),
    ("2021/22", 1500),
    ("2022/23 Q1 to Q3", 1175),
    ("2022/23", 1600),
    ("2023/24 Q1 to Q3", 1234),
]


def test_the_year_to_date_is_compared_with_the_same_months_of_other_years():
    assert like_for_like(YEAR_TO_DATE_SERIES) == [
        ("2021/22 Q1 to Q3", 1000),
        ("2022/23 Q1 to Q3", 1175),
        ("2023/24 Q1 to Q3", 1234),
    ]
    assert describe_trend(YEAR_TO_DATE_SERIES, LOWER_IS_BETTER) == (
        "Up 5% on 2022/23 Q1 to Q3, which is worse. For April to December of each year, over "
        "3 years from 2021/22 it has risen from 1,000 to 1,234, the highest in that time."
    )
    assert [bar.label for bar in bar_chart(YEAR_TO_DATE_SERIES)] == [
        "2021/22 Q1 to Q3",
        "2022/23 Q1 to Q3",
        "2023/24 Q1 to Q3",
    ]


@pytest.mark.parametrize(
    ("points", "better", "expected"),
    [
        (
            [("2023/24 Q1 to Q3", 1175), ("2023/24", 1500), ("2024/25 Q1 to Q3", 1234)],
            LOWER_IS_BETTER,
            "1,234 in 2024/25 Q1 to Q3 (April to December), up 5% on the same period of "
            "2023/24 (1,175), which is worse.",
        ),
        (
            [("2023/24 Q2", 285), ("2023/24 Q3", 250), ("2024/25 Q1", 280), ("2024/25 Q2", 300)],
            HIGHER_IS_BETTER,
            "300 in 2024/25 Q2 (July to September), up 5% on the same period of 2023/24 (285), "
            "which is better.",
        ),
        (
            [("2022/23 H1", 50), ("2023/24 H1", 40)],
            NEITHER,
            "40 in 2023/24 H1 (April to September), down 20% on the same period of 2022/23 (50).",
        ),
        (
            [("2023/24 Q2", 0), ("2024/25 Q2", 7)],
            LOWER_IS_BETTER,
            "7 in 2024/25 Q2 (July to September), up from 0 in the same period of 2023/24, "
            "which is worse.",
        ),
        (
            [("2023/24 Q2", 12), ("2024/25 Q2", 12)],
            LOWER_IS_BETTER,
            "12 in 2024/25 Q2 (July to September), no change on the same period of 2023/24.",
        ),
        (
            [("2022/23", 1050), ("2023/24", 1100)],
            LOWER_IS_BETTER,
            "1,100 in 2023/24, up 5% on 2022/23 (1,050), which is worse.",
        ),
        (
            [("2020", 10), ("2021", 9)],
            LOWER_IS_BETTER,
            "9 in 2021, down 10% on 2020 (10), which is better.",
        ),
    ],
)
def test_same_period_last_year(points, better, expected):
    assert same_period_last_year(points, better).text == expected


def test_same_period_last_year_is_of_the_same_kind():
    # 2023/24 as a whole year and its Q3 are not the same period as 2024/25 Q1 to Q3.
    assert (
        same_period_last_year([("2023/24", 1500), ("2023/24 Q3", 400), ("2024/25 Q1 to Q3", 1)])
        is None
    )
    # The year before that is not "last year".
    assert same_period_last_year([("2022/23 Q2", 5), ("2024/25 Q2", 6)]) is None
    assert same_period_last_year([]) is None
    comparison = same_period_last_year([("2024/25 Q2", 6), ("2023/24 Q2", 5)])
    assert (comparison.label, comparison.earlier_label, comparison.direction) == (
        "2024/25 Q2",
        "2023/24 Q2",
        "up",
    )


def test_the_latest_is_described_only_where_the_trend_does_not_say_it():
    # Years: the trend already compares the latest year with the year before.
    assert describe_latest(FIVE_YEARS, LOWER_IS_BETTER) == ""
    # The year to date: the trend already compares it with the same months of last year.
    assert describe_latest(YEAR_TO_DATE_SERIES, LOWER_IS_BETTER) == ""
    # Quarters: the trend compares with the quarter before; this with the same quarter last year.
    quarters = [("2023/24 Q2", 285), ("2024/25 Q1", 280), ("2024/25 Q2", 300)]
    assert describe_latest(quarters, LOWER_IS_BETTER).startswith("300 in 2024/25 Q2 (July")
    # Quarters with no quarter a year before: nothing to add.
    assert describe_latest([("2024/25 Q1", 280), ("2024/25 Q2", 300)], LOWER_IS_BETTER) == ""
    assert describe_latest([("2024/25 Q2", 300)], LOWER_IS_BETTER) == ""
    assert describe_latest([], LOWER_IS_BETTER) == ""
    assert (
        describe_latest([("2022/23 Q1", 1), ("2022/23 Q2", 2), ("2023/24", 10)], LOWER_IS_BETTER)
        == "The latest figure, 10 for 2023/24, covers the whole year, so it is not compared with quarters."
    )


def test_labels_that_are_not_periods_are_taken_as_they_come():
    points = [("b", 1), ("a", 2), ("c", 4)]
    assert like_for_like(points) == points
    assert in_period_order(points) == points
    assert describe_trend(points, NEITHER) == "Up 100% on a."
    assert describe_latest(points) == "" and same_period_last_year(points) is None


def test_indicator_template_shows_the_comparison_when_there_is_one():
    indicator = SimpleNamespace(
        pk=1,
        name="Burglary",
        name_with_area="Burglary, Blaby",
        unit="crimes",
        trend="Up 5% on 2023/24 Q1, which is worse.",
        comparison="300 in 2024/25 Q2 (July to September), up 5% on the same period of 2023/24 (285).",
        chart=[],
        points=[("2024/25 Q2", 300)],
        better_in_words="A lower figure is better.",
        source="",
    )
    content = render_to_string("plans/includes/indicator.html", {"indicator": indicator})
    assert (
        '<p class="govuk-body app-indicator__comparison">300 in 2024/25 Q2 (July to September), '
        "up 5% on the same period of 2023/24 (285).</p>" in content
    )
    indicator.comparison = ""
    content = render_to_string("plans/includes/indicator.html", {"indicator": indicator})
    assert "app-indicator__comparison" not in content


def test_trend_needs_two_values():
    assert describe_trend([], LOWER_IS_BETTER) == "Not enough values yet to show a trend."
    assert (
        describe_trend([("2021/22", 5)], LOWER_IS_BETTER)
        == "Not enough values yet to show a trend."
    )


def test_bar_chart_scales_to_the_largest_value():
    bars = bar_chart(
        [("a", 50), ("b", 100), ("c", 0)], width=320, height=120, gap=10, label_space=20
    )
    assert [bar.label for bar in bars] == ["a", "b", "c"]
    tallest = bars[1]
    assert tallest.height == pytest.approx(96)  # 120 - 20 label space - 4 headroom
    assert bars[0].height == pytest.approx(48)
    assert bars[2].height == 0
    assert all(bar.y + bar.height == pytest.approx(100) for bar in bars)  # all on one baseline
    assert bars[0].width == pytest.approx(100)
    assert bars[1].x == pytest.approx(110)
    assert [bar.latest for bar in bars] == [False, False, True]


def test_bar_chart_of_nothing_or_zeros():
    assert bar_chart([]) == []
    assert all(bar.height == 0 for bar in bar_chart([("a", 0), ("b", 0)]))


def test_numbers_are_written_with_thousands_separators():
    assert format_number(5123) == "5,123"
    assert format_number("5123.00") == "5,123"
    assert format_number("12.50") == "12.5"


def test_axis_labels_drop_what_every_bar_shares_and_never_overlap():
    from plans.indicators import axis_labels

    year_to_date = [f"20{n}/{n + 1} Q1 to Q3" for n in range(19, 24)]
    assert axis_labels(year_to_date, bar_width=59, gap=6) == [
        "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"
    ]  # fmt: skip
    quarters = [f"2024/25 Q{q}" for q in range(1, 5)] + [f"2025/26 Q{q}" for q in range(1, 5)]
    shown = axis_labels(quarters, bar_width=34.75, gap=6)
    assert shown[-1] == "2025/26 Q4"  # the latest is always labelled
    assert all(
        not a or not b for a, b in itertools.pairwise(shown)
    )  # no two neighbours both labelled: they would overlap
    assert axis_labels(["a", "b", "c"], bar_width=100, gap=6) == ["a", "b", "c"]
    assert axis_labels(["2021/22"], bar_width=320, gap=6) == ["2021/22"]

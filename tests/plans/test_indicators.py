"""Indicator arithmetic, as plain functions: trend wording and chart geometry."""

import pytest

from plans.indicators import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEITHER,
    bar_chart,
    describe_trend,
    format_number,
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


def test_trend_compares_only_the_last_two_periods():
    points = [("2021/22", 10), ("2022/23", 200), ("2023/24", 100)]
    assert describe_trend(points, LOWER_IS_BETTER) == "Down 50% on 2022/23, which is better."


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

"""Indicator arithmetic as plain functions: trend wording and chart geometry."""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from plans.progress import CALENDAR_YEAR, HALF, QUARTER, YEAR, YEAR_TO_DATE, parse_period

HIGHER_IS_BETTER = "higher"
LOWER_IS_BETTER = "lower"
NEITHER = "neither"


def name_with_area(name, area, brackets=False) -> str:
    """An indicator's name with its area, unless the name already says where: "Total crime,
    Hinckley and Bosworth" is never followed by "Hinckley and Bosworth" again."""
    name, area = name.strip(), (area or "").strip()
    if not area or area.casefold() in name.casefold():
        return name
    return f"{name} ({area})" if brackets else f"{name}, {area}"


# What residents read about which way is better. The admin's choice labels ("Neither: it is
# context") are written for officers choosing; these are written for residents reading.
BETTER_IN_WORDS = {
    LOWER_IS_BETTER: "A lower figure is better.",
    HIGHER_IS_BETTER: "A higher figure is better.",
    NEITHER: "This figure gives background: a rise or fall is not in itself good or bad.",
}


def better_in_words(better) -> str:
    return BETTER_IN_WORDS.get(better, "")


def format_number(value) -> str:
    """1234.0 -> '1,234'; 12.5 -> '12.5'."""
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,}"


def format_pounds(value) -> str:
    """34500 -> '£34,500'; 1234.5 -> '£1,234.50' (pence only where there are some)."""
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"£{int(value):,}"
    return f"£{value.quantize(Decimal('0.01')):,}"


# Like for like ----------------------------------------------------------------------------
#
# Points are (period label, value) pairs. A year is compared with a year, a quarter with a
# quarter, a half-year with a half-year and the year to date with the same months of another
# year, never one kind with another: a year's total beside April to December would look like a
# fall. The trend and the chart follow one series, the points of the latest point's kind; when
# the latest point is the only one of its kind (years and then one year-to-date value), they
# follow the kind with the most points (of those, the one most recent), and `describe_latest`
# says why the latest value is left out and compares it with the same period a year before.
# The table of values shows every point. Labels that are not periods (a test's "a", "b") are
# taken as they come, oldest first, with no grouping.


def _periods(points):
    """[(Period, label, value)] oldest first, or None if any label is not a period."""
    try:
        parsed = [(parse_period(label), label, value) for label, value in points]
    except ValueError:
        return None
    return sorted(parsed, key=lambda item: item[0].order)


def in_period_order(points):
    """Points oldest first by when each period ends (a year after its last quarter, which ends
    the same day): the database's start date alone cannot order a year, its first half and
    its first quarter, which all start on 1 April."""
    parsed = _periods(points)
    return list(points) if parsed is None else [(label, value) for _, label, value in parsed]


def _series(parsed):
    """The like-for-like series of parsed points, as the note above describes."""
    if not parsed:
        return []
    kinds: dict = {}
    for item in parsed:
        kinds.setdefault(item[0].kind, []).append(item)
    chosen = kinds[parsed[-1][0].kind]
    if len(chosen) < 2:
        chosen = max(kinds.values(), key=lambda items: (len(items), items[-1][0].order))
    return chosen


def like_for_like(points):
    """The points the trend and the chart use: one kind of period, oldest first."""
    parsed = _periods(points)
    if parsed is None:
        return list(points)
    return [(label, value) for _, label, value in _series(parsed)]


# Words ------------------------------------------------------------------------------------


def _change(previous, latest, against):
    """(direction, words) for a change from `previous` to `latest`: ('down', 'down 12% on
    2021/22'); direction is None for no change. Percentages are whole numbers from 1%, one
    decimal place below that."""
    if latest == previous:
        return None, f"no change on {against}"
    direction = "up" if latest > previous else "down"
    if previous == 0:
        return direction, f"{direction} from 0 in {against}"
    percent = abs((latest - previous) / previous * 100)
    places = Decimal(1) if percent >= 1 else Decimal("0.1")
    shown = percent.quantize(places, rounding=ROUND_HALF_UP)
    if shown == 0:
        return direction, f"{direction} less than 0.1% on {against}"
    return direction, f"{direction} {shown}% on {against}"


def _better_or_worse(direction, better) -> str:
    if direction is None or better not in (HIGHER_IS_BETTER, LOWER_IS_BETTER):
        return ""
    improved = (direction == "up") == (better == HIGHER_IS_BETTER)
    return f", which is {'better' if improved else 'worse'}"


def _capital(words: str) -> str:
    return words[0].upper() + words[1:]


SPAN_UNITS = {QUARTER: (3, "quarter", "quarters"), HALF: (6, "half-year", "half-years")}


def _span(first, last) -> str:
    """How long a series runs, counting its first and last periods: '5 years', '6 quarters'."""
    months = (last.start.year - first.start.year) * 12 + last.start.month - first.start.month
    step, one, many = SPAN_UNITS.get(first.kind, (12, "year", "years"))
    count = months // step + 1
    return f"{count} {one if count == 1 else many}"


def _over_the_series(series) -> str:
    """The whole series in a sentence: 'Over 5 years from 2019/20 it has fallen from 1,400 to
    1,100; the lowest was 1,050 in 2022/23.'"""
    (first, first_label, first_value), (last, _, last_value) = series[0], series[-1]
    values = [Decimal(str(value)) for _, _, value in series]
    start, end = values[0], values[-1]
    if first.kind == YEAR_TO_DATE:
        opening = (
            f"For {first.months} of each year, over {_span(first, last)} from {first.year_label}"
        )
    else:
        opening = f"Over {_span(first, last)} from {first_label}"
    if min(values) == max(values):
        return f"{opening} it has stayed at {format_number(first_value)}."
    if end == start:
        moved = f"it has ended where it started, at {format_number(last_value)}"
    else:
        verb = "risen" if end > start else "fallen"
        moved = f"it has {verb} from {format_number(first_value)} to {format_number(last_value)}"
    earlier = values[:-1]
    if end < min(earlier):
        moved += ", the lowest in that time"
    elif end > max(earlier):
        moved += ", the highest in that time"
    extremes = []
    for words, pick in (("highest", max), ("lowest", min)):
        extreme = pick(values)
        if extreme not in (start, end):
            # The most recent time it was at its highest (lowest).
            _, label, value = next(
                item for item in reversed(series) if Decimal(str(item[2])) == extreme
            )
            extremes.append((words, label, value))
    if len(extremes) == 2:
        (_, high_label, high), (_, low_label, low) = extremes
        moved += (
            f"; the highest was {format_number(high)} in {high_label} "
            f"and the lowest {format_number(low)} in {low_label}"
        )
    elif extremes:
        words, label, value = extremes[0]
        moved += f"; the {words} was {format_number(value)} in {label}"
    return f"{opening} {moved}."


def describe_trend(points, better=NEITHER) -> str:
    """The trend of the like-for-like series (see above), in words: the latest value against
    the one before ('Down 12% on 2021/22, which is better.') and, with three values or more,
    the whole series ('Over 5 years from 2019/20 it has fallen from 1,400 to 1,100; the lowest
    was 1,050 in 2022/23.'). `points` are (period label, value) pairs, in any order."""
    parsed = _periods(points)
    series = _series(parsed) if parsed is not None else [(None, *point) for point in points]
    if len(series) < 2:
        return "Not enough values yet to show a trend."
    (_, previous_label, previous), (_, _, latest) = series[-2], series[-1]
    direction, change = _change(Decimal(str(previous)), Decimal(str(latest)), previous_label)
    words = f"{_capital(change)}{_better_or_worse(direction, better)}."
    if parsed is not None and len(series) >= 3:
        words += " " + _over_the_series(series)
    return words


@dataclass(frozen=True)
class Comparison:
    """The latest value against the same period a year before."""

    label: str
    value: object
    earlier_label: str
    earlier_value: object
    direction: str | None  # "up", "down", or None for no change
    text: str


def same_period_last_year(points, better=NEITHER) -> Comparison | None:
    """The latest point against the same kind of period one year earlier (2024/25 Q1 to Q3
    against 2023/24 Q1 to Q3; 2024/25 Q2 against 2023/24 Q2), or None when there is no value
    for that period. The words, for residents: '1,234 in 2024/25 Q1 to Q3 (April to December),
    up 5% on the same period of 2023/24 (1,175), which is worse.'"""
    parsed = _periods(points)
    if not parsed:
        return None
    latest, label, value = parsed[-1]
    wanted = latest.a_year_earlier()
    found = [item for item in parsed if (item[0].start, item[0].end) == (wanted.start, wanted.end)]
    if not found:
        return None
    _, earlier_label, earlier_value = found[-1]
    if latest.part_of_a_year:
        where = f"{format_number(value)} in {label} ({latest.months})"
        against = f"the same period of {wanted.year_label}"
    else:
        where, against = f"{format_number(value)} in {label}", earlier_label
    new, old = Decimal(str(value)), Decimal(str(earlier_value))
    direction, change = _change(old, new, against)
    if direction is not None and old != 0:
        change += f" ({format_number(earlier_value)})"
    text = f"{where}, {change}{_better_or_worse(direction, better)}."
    return Comparison(label, value, earlier_label, earlier_value, direction, text)


KIND_PLURALS = {
    YEAR: "whole years",
    CALENDAR_YEAR: "calendar years",
    HALF: "half-years",
    QUARTER: "quarters",
    YEAR_TO_DATE: "year-to-date figures",
}


def describe_latest(points, better=NEITHER) -> str:
    """What the trend does not already say about the latest value, or "": the same period a
    year before, for a quarter, a half-year or the year to date ('300 in 2024/25 Q2 (July to
    September), up 5% on the same period of 2023/24 (285), which is worse.'), or, when the
    latest value is of another kind than the trend's series and has nothing to compare with,
    why it is left out ('The latest figure, 1,234 for 2024/25 Q1 to Q3, covers April to
    December only, so it is not compared with whole years.')."""
    parsed = _periods(points)
    if not parsed or len(parsed) < 2:
        return ""
    series = _series(parsed)
    latest, label, value = parsed[-1]
    comparison = same_period_last_year(points, better)
    if comparison is not None:
        said_by_trend = (
            len(series) >= 2
            and series[-1][1] == label
            and series[-2][1] == comparison.earlier_label
        )
        return "" if said_by_trend else comparison.text
    if series[-1][1] == label or len(series) < 2:
        return ""
    if latest.kind == YEAR:
        covers = "the whole year"
    elif latest.kind == CALENDAR_YEAR:
        covers = f"January to December {latest.start.year}"
    else:
        covers = f"{latest.months} only"
    return (
        f"The latest figure, {format_number(value)} for {label}, covers {covers}, "
        f"so it is not compared with {KIND_PLURALS[series[-1][0].kind]}."
    )


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    latest: bool
    # What the chart writes under the bar: the label without what every bar shares ("2021/22"
    # for "2021/22 Q1 to Q3"), or "" where there is no room (the text alternative and the table
    # below the chart have every label).
    axis_label: str = ""


LABEL_CHARACTER_WIDTH = 6.2  # SVG user units a character of the 11px axis labels takes


def axis_labels(labels, bar_width, gap):
    """Labels short enough to stand under their bars: the part all of them share at the end is
    dropped, and where they would still overlap only every second (third...) one is shown,
    always including the latest."""
    words = [label.split() for label in labels]
    shared = 0
    while len(labels) > 1 and all(
        len(each) > shared + 1 and each[-1 - shared] == words[0][-1 - shared] for each in words
    ):
        shared += 1
    short = [" ".join(each[: len(each) - shared]) for each in words]
    widest = max(len(label) for label in short) * LABEL_CHARACTER_WIDTH
    step = max(1, math.ceil(widest / (bar_width + gap)))
    last = len(short) - 1
    return [label if (last - index) % step == 0 else "" for index, label in enumerate(short)]


def bar_chart(points, width=320, height=120, gap=6, label_space=18):
    """Geometry for a small bar chart of (label, value) pairs, all in SVG user units: the
    like-for-like series only (see above), oldest first, so that a part of a year never
    stands beside whole years. Values below zero are drawn as zero: indicators here count
    things."""
    points = like_for_like(points)
    if not points:
        return []
    top = max(max(Decimal(str(value)) for _, value in points), Decimal(1))
    plot_height = height - label_space
    bar_width = (width - gap * (len(points) - 1)) / len(points)
    shown = axis_labels([label for label, _ in points], bar_width, gap)
    bars = []
    for index, (label, value) in enumerate(points):
        number = max(Decimal(str(value)), Decimal(0))
        bar_height = float(number / top) * (plot_height - 4)
        bars.append(
            Bar(
                x=round(index * (bar_width + gap), 2),
                y=round(plot_height - bar_height, 2),
                width=round(bar_width, 2),
                height=round(bar_height, 2),
                label=label,
                value=format_number(value),
                latest=index == len(points) - 1,
                axis_label=shown[index],
            )
        )
    return bars


# Side by side ------------------------------------------------------------------------------
# The same measure for several areas (anti-social behaviour in each district of a joint
# partnership): one table with a column for each area and one grouped bar chart, on the periods
# any of them has, in period order. A period an area has no figure for is shown as such.


@dataclass(frozen=True)
class SideBySide:
    columns: list  # the series' names
    rows: list  # (period label, [formatted value or "" for each column])
    groups: list  # [(axis label, x of the group's middle, [Bar for each column])]
    width: int
    height: int


def side_by_side(series, width=640, height=160, gap=12, label_space=18):
    """A SideBySide of `series`, [(name, [(period label, value)])]: every period any of them
    has (like for like: one kind of period, see above), oldest first."""
    names = [name for name, _ in series]
    values = [dict(like_for_like(points)) for _, points in series]
    labels = list(dict.fromkeys(label for each in values for label in each))
    ordered = _periods([(label, 0) for label in labels])
    if ordered is not None:
        labels = [label for _, label, _ in ordered]
    rows = [
        (label, [format_number(each[label]) if label in each else "" for each in values])
        for label in labels
    ]
    if not labels or not names:
        return SideBySide(names, rows, [], width, height)
    numbers = [Decimal(str(v)) for each in values for v in each.values()]
    top = max(max(numbers, default=Decimal(1)), Decimal(1))
    plot_height = height - label_space
    group_width = (width - gap * (len(labels) - 1)) / len(labels)
    bar_width = group_width / len(names)
    shown = axis_labels(labels, group_width, gap)
    groups = []
    for index, label in enumerate(labels):
        left = index * (group_width + gap)
        bars = []
        for column, each in enumerate(values):
            number = max(Decimal(str(each.get(label, 0))), Decimal(0))
            bar_height = float(number / top) * (plot_height - 4)
            bars.append(
                Bar(
                    x=round(left + column * bar_width, 2),
                    y=round(plot_height - bar_height, 2),
                    width=round(bar_width - 1, 2),
                    height=round(bar_height, 2),
                    label=names[column],
                    value=format_number(each[label]) if label in each else "",
                    latest=False,
                )
            )
        groups.append((shown[index], round(left + group_width / 2, 2), bars))
    return SideBySide(names, rows, groups, width, height)

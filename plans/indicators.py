"""Indicator arithmetic as plain functions: trend wording and chart geometry."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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


def describe_trend(points, better=NEITHER) -> str:
    """The latest value against the one before, in words: 'down 12% on 2021/22, which is
    better'. `points` are (period label, value) pairs, oldest first."""
    if len(points) < 2:
        return "Not enough values yet to show a trend."
    (previous_label, previous), (_, latest) = points[-2], points[-1]
    previous, latest = Decimal(str(previous)), Decimal(str(latest))
    if latest == previous:
        return f"No change on {previous_label}."
    direction = "up" if latest > previous else "down"
    if previous == 0:
        change = f"{direction} from 0 in {previous_label}"
    else:
        percent = abs((latest - previous) / previous * 100)
        places = Decimal(1) if percent >= 1 else Decimal("0.1")
        shown = percent.quantize(places, rounding=ROUND_HALF_UP)
        change = (
            f"{direction} less than 0.1% on {previous_label}"
            if shown == 0
            else f"{direction} {shown}% on {previous_label}"
        )
    if better == NEITHER:
        return change[0].upper() + change[1:] + "."
    improved = (direction == "up") == (better == HIGHER_IS_BETTER)
    return f"{change[0].upper() + change[1:]}, which is {'better' if improved else 'worse'}."


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    latest: bool


def bar_chart(points, width=320, height=120, gap=6, label_space=18):
    """Geometry for a small bar chart of (label, value) pairs, all in SVG user units.
    Values below zero are drawn as zero: indicators here count things."""
    if not points:
        return []
    top = max(max(Decimal(str(value)) for _, value in points), Decimal(1))
    plot_height = height - label_space
    bar_width = (width - gap * (len(points) - 1)) / len(points)
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
            )
        )
    return bars

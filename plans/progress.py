"""Progress arithmetic as plain functions: periods, statuses, roll-ups and grouping.

Nothing here touches the database, so all of it is tested with plain values.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date


class Status:
    """How an action is going. The order is the order a roll-up lists them in."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ON_HOLD = "on_hold"
    COMPLETE = "complete"

    CHOICES = [
        (COMPLETE, "Complete"),
        (ON_TRACK, "On track"),
        (AT_RISK, "At risk"),
        (OFF_TRACK, "Off track"),
        (ON_HOLD, "On hold"),
        (NOT_STARTED, "Not started"),
    ]
    LABELS = dict(CHOICES)
    # GOV.UK Frontend tag colours. The tag always carries the words too, never colour alone.
    TAG_CLASSES = {
        COMPLETE: "",  # the default tag colour
        ON_TRACK: "govuk-tag--green",
        AT_RISK: "govuk-tag--yellow",
        OFF_TRACK: "govuk-tag--red",
        ON_HOLD: "govuk-tag--grey",
        NOT_STARTED: "govuk-tag--grey",
    }


NO_UPDATE = "no_update"
NO_UPDATE_LABEL = "No update yet"


def financial_year_label(year: int) -> str:
    """2026 -> '2026/27': UK public bodies count years from April."""
    return f"{year}/{(year + 1) % 100:02d}"


def quarter_label(year: int, quarter: int) -> str:
    return f"{financial_year_label(year)} Q{quarter}"


def quarter_months(quarter: int) -> str:
    return {
        1: "April to June",
        2: "July to September",
        3: "October to December",
        4: "January to March",
    }[quarter]


def financial_quarter_of(day: date) -> tuple[int, int]:
    """The financial year and quarter a date falls in: 22 November 2026 is 2026/27 Q3."""
    year = day.year if day.month >= 4 else day.year - 1
    quarter = ((day.month - 4) % 12) // 3 + 1
    return year, quarter


@dataclass(frozen=True)
class Period:
    start: date
    label: str


_FINANCIAL_YEAR = re.compile(r"^(?P<first>\d{4})\s*[/-]\s*(?P<second>\d{2}|\d{4})$")
_QUARTER_AFTER = re.compile(r"^(?P<year>.+?)\s+Q(?P<quarter>[1-4])$", re.IGNORECASE)
_QUARTER_BEFORE = re.compile(r"^Q(?P<quarter>[1-4])\s+(?P<year>.+)$", re.IGNORECASE)


def parse_period(text: str) -> Period:
    """A period as people write it: '2021/22', '2021-22', '2021/2022' (financial years),
    '2021/22 Q2' or 'Q2 2021/22' (quarters), or '2021' (a calendar year).

    Raises ValueError with a sentence a person can act on."""
    cleaned = " ".join(str(text).split())
    quarter = None
    for pattern in (_QUARTER_AFTER, _QUARTER_BEFORE):
        match = pattern.match(cleaned)
        if match:
            cleaned, quarter = match["year"], int(match["quarter"])
            break
    match = _FINANCIAL_YEAR.match(cleaned)
    if match:
        first = int(match["first"])
        second = int(match["second"])
        if second != (first + 1) % (100 if second < 100 else 10000):
            raise ValueError(
                f"'{text}' is not a financial year: the second year must follow the first."
            )
        if quarter:
            month = 4 + 3 * (quarter - 1)
            start = date(first + (month > 12), (month - 1) % 12 + 1, 1)
            return Period(start, quarter_label(first, quarter))
        return Period(date(first, 4, 1), financial_year_label(first))
    if re.fullmatch(r"\d{4}", cleaned) and quarter is None:
        return Period(date(int(cleaned), 1, 1), cleaned)
    raise ValueError(
        f"'{text}' is not a period: write a financial year such as 2021/22, a quarter such as 2021/22 Q2, or a year such as 2021."
    )


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int
    tag_class: str


@dataclass(frozen=True)
class Rollup:
    counts: list[StatusCount]
    total: int
    complete: int

    @property
    def percent_complete(self) -> int:
        return round(100 * self.complete / self.total) if self.total else 0

    @property
    def summary(self) -> str:
        """'12 actions: 3 complete, 7 on track, 2 at risk'"""
        if not self.total:
            return "No actions yet"
        parts = ", ".join(f"{item.count} {item.label.lower()}" for item in self.counts)
        return f"{self.total} action{'s' if self.total != 1 else ''}: {parts}"


def rollup(statuses) -> Rollup:
    """Counts of each status, in the standard order, leaving out statuses with none.
    An action with no update yet is counted as such."""
    return rollup_counts(Counter(status or NO_UPDATE for status in statuses))


def rollup_counts(tally) -> Rollup:
    """The same from counts already made: {status: count}, with "" or NO_UPDATE for none yet."""
    tally = Counter({(status or NO_UPDATE): count for status, count in tally.items()})
    counts = [
        StatusCount(status, label, tally[status], Status.TAG_CLASSES[status])
        for status, label in Status.CHOICES
        if tally[status]
    ]
    if tally[NO_UPDATE]:
        counts.append(StatusCount(NO_UPDATE, NO_UPDATE_LABEL, tally[NO_UPDATE], "govuk-tag--grey"))
    return Rollup(counts=counts, total=sum(tally.values()), complete=tally[Status.COMPLETE])


def combine(rollups) -> Rollup:
    """One roll-up of several, such as a whole plan's from its priorities'."""
    total = Counter()
    for each in rollups:
        total.update({item.status: item.count for item in each.counts})
    return rollup_counts(total)


def group_in_order(items, key):
    """Group items by key, keeping the order in which each group first appears:
    [(group, [items]), ...]. How a plan groups its actions (objective, section, tier) is data."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())

"""Progress arithmetic as plain functions: periods, statuses, roll-ups and grouping.

Nothing here touches the database, so all of it is tested with plain values.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta


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


YEAR = "year"
HALF = "half"
QUARTER = "quarter"
YEAR_TO_DATE = "year to date"
CALENDAR_YEAR = "calendar year"

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _quarter_start(year: int, quarter: int) -> date:
    """The first day of a financial year's quarter: 2021/22 Q4 starts on 1 January 2022."""
    month = 4 + 3 * (quarter - 1)
    return date(year + (month > 12), (month - 1) % 12 + 1, 1)


def _quarter_end(year: int, quarter: int) -> date:
    """The last day of a financial year's quarter: 2021/22 Q4 ends on 31 March 2022."""
    following = _quarter_start(year, quarter + 1) if quarter < 4 else date(year + 1, 4, 1)
    return following - timedelta(days=1)


def _quarters_of(start: date, end: date) -> tuple[int, int, int]:
    """(financial year, first quarter, last quarter) of a financial period."""
    year, first = financial_quarter_of(start)
    return year, first, financial_quarter_of(end)[1]


@dataclass(frozen=True)
class Period:
    """A period that values are published for, from `start` to `end` (its last day).

    `kind` says which periods compare like for like: a year with a year, a quarter with a
    quarter, a half-year with a half-year, the year to date (April to December) with the same
    months of another year. Periods that start on the same day (a year, its first half and
    its first quarter) are told apart by their end, so order them by `order`, never by start."""

    start: date
    label: str
    end: date | None = None
    kind: str = ""

    def __post_init__(self):
        if self.end is None or not self.kind:  # built from a start and a label alone
            parsed = parse_period(self.label)
            object.__setattr__(self, "end", parsed.end)
            object.__setattr__(self, "kind", parsed.kind)

    @property
    def order(self):
        """Oldest first, by when a period ends; of periods ending together (2021/22 Q4, H2 and
        the whole year), the longest last, as the fullest figure."""
        return (self.end, -self.start.toordinal())

    @property
    def months(self) -> str:
        """The months covered, in words: 'April to December'."""
        return f"{MONTHS[self.start.month - 1]} to {MONTHS[self.end.month - 1]}"

    @property
    def year_label(self) -> str:
        """The year the period is part of: '2023/24' for 2023/24 Q1 to Q3, '2021' for 2021."""
        if self.kind == CALENDAR_YEAR:
            return str(self.start.year)
        return financial_year_label(financial_quarter_of(self.start)[0])

    @property
    def part_of_a_year(self) -> bool:
        return self.kind not in (YEAR, CALENDAR_YEAR)

    def a_year_earlier(self) -> "Period":
        """The same period of the year before: 2024/25 Q1 to Q3 -> 2023/24 Q1 to Q3."""
        if self.kind == CALENDAR_YEAR:
            return _calendar_year(self.start.year - 1)
        year, first, last = _quarters_of(self.start, self.end)
        return _financial(year - 1, first, last)


def _calendar_year(year: int) -> Period:
    return Period(date(year, 1, 1), str(year), date(year, 12, 31), CALENDAR_YEAR)


def _financial(year: int, first: int, last: int) -> Period | None:
    """The period of a financial year from one quarter to another, with its one label, or None
    for quarters that are not a period here (Q2 to Q3)."""
    start, end = _quarter_start(year, first), _quarter_end(year, last)
    whole = financial_year_label(year)
    if (first, last) == (1, 4):
        return Period(start, whole, end, YEAR)
    if first == last:
        return Period(start, quarter_label(year, first), end, QUARTER)
    if (first, last) in ((1, 2), (3, 4)):
        return Period(start, f"{whole} H{1 if first == 1 else 2}", end, HALF)
    if (first, last) == (1, 3):
        return Period(start, f"{whole} Q1 to Q3", end, YEAR_TO_DATE)
    return None


ACCEPTED_PERIODS = (
    "a financial year such as 2021/22, a quarter such as 2021/22 Q2, a half-year such as "
    "2021/22 H1 (April to September) or 2021/22 H2 (October to March), the year to date to "
    "December such as 2021/22 Q1 to Q3 or 2021/22 YTD Q3, or a calendar year such as 2021"
)

_FINANCIAL_YEAR = re.compile(r"(?<!\d)(?P<first>\d{4})\s*[/-]\s*(?P<second>\d{4}|\d{2})(?!\d)")
_MONTH_NUMBERS = (
    {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
    | {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
    | {"sept": 9}
)
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_YEAR_TO_DATE = re.compile(r"\b(?:ytd|year to date)\b")
_QUARTER = re.compile(r"q([1-4])")
_QUARTERS = re.compile(r"q([1-4]) to q([1-4])")
_MONTHS = re.compile(rf"({_MONTH}) to ({_MONTH})")
_HALF = re.compile(r"h([12])|(first|1st|second|2nd) half(?: year)?|half(?: year)? ([12])")


def _not_a_period(text, reason="") -> ValueError:
    because = f"{reason}. Write" if reason else "write"
    return ValueError(f"'{text}' is not a period: {because} {ACCEPTED_PERIODS}.")


def _month_quarter(month: int, end: bool) -> int | None:
    """The quarter a month starts (or, with end, finishes), or None if it does neither."""
    place = (month - 4) % 12  # 0 for April
    return place // 3 + 1 if place % 3 == (2 if end else 0) else None


def _quarters_in(part: str, text: str, year_to_date: bool) -> tuple[int, int]:
    """(first quarter, last quarter) of what is written beside the financial year."""
    if year_to_date:
        part = re.sub(r"^(?:up )?to ", "", part)
        if not part:
            raise _not_a_period(text, "say which quarter the year to date runs to")
        if match := _QUARTER.fullmatch(part):
            return 1, int(match[1])
        if match := re.fullmatch(_MONTH, part):
            part = f"april to {part}"
    if not part or part in ("full year", "whole year"):
        return 1, 4
    if match := _QUARTER.fullmatch(part):
        return int(match[1]), int(match[1])
    if match := _QUARTERS.fullmatch(part):
        first, last = int(match[1]), int(match[2])
    elif match := _HALF.fullmatch(part):
        half = match[1] or match[3] or ("1" if match[2] in ("first", "1st") else "2")
        return (1, 2) if half == "1" else (3, 4)
    elif match := _MONTHS.fullmatch(part):
        first = _month_quarter(_MONTH_NUMBERS[match[1]], end=False)
        last = _month_quarter(_MONTH_NUMBERS[match[2]], end=True)
        if first is None or last is None:
            raise _not_a_period(text, "a period runs from the start of a quarter to the end of one")
    else:
        raise _not_a_period(text)
    if year_to_date and first != 1:
        raise _not_a_period(text, "the year to date starts in April, with Q1")
    if first > last:
        raise _not_a_period(
            text, "the months must run in order within one financial year, April to March"
        )
    return first, last


def parse_period(text: str) -> Period:
    """A period as people write it, tidied to its one label:

    - a financial year: '2021/22', '2021-22', '2021/2022' -> '2021/22'
    - a quarter: '2021/22 Q2', 'Q2 2021/22', '2021/22 July to September' -> '2021/22 Q2'
    - a half-year: '2023/24 H1', 'H1 2023/24', 'first half of 2023/24',
      '2023/24 April to September', '2023/24 YTD Q2' -> '2023/24 H1';
      '2023/24 October to March', '2023/24 Q3 to Q4' -> '2023/24 H2'
    - the year to date to December: '2023/24 YTD Q3', '2023/24 year to date (Q1 to Q3)',
      '2023/24 April to December', 'Q1-Q3 2023/24' -> '2023/24 Q1 to Q3'
    - a calendar year: '2021' -> '2021'

    The year to date to June is Q1, to September H1 and to March the whole year: each period
    has one label, whatever it was called. Labels stay within 20 characters (the field holding
    them). Raises ValueError with a sentence a person can act on, listing what is accepted."""
    cleaned = " ".join(str(text).split())
    match = _FINANCIAL_YEAR.search(cleaned)
    if not match:
        if re.fullmatch(r"\d{4}", cleaned):
            return _calendar_year(int(cleaned))
        raise _not_a_period(text)
    first, second = int(match["first"]), int(match["second"])
    if second != (first + 1) % (100 if second < 100 else 10000):
        raise ValueError(
            f"'{text}' is not a financial year: the second year must follow the first."
        )
    part = f"{cleaned[: match.start()]} {cleaned[match.end() :]}".lower()
    part = re.sub(r"year\s*-\s*to\s*-\s*date", "year to date", part)
    part = re.sub(r"\s*[-\u2013\u2014]\s*", " to ", part)
    part = re.sub(r"[(),:]", " ", part)
    part = " ".join(word for word in part.split() if word not in ("of", "the"))
    year_to_date = bool(_YEAR_TO_DATE.search(part))
    if year_to_date:
        part = " ".join(_YEAR_TO_DATE.sub(" ", part).split())
    quarters = _quarters_in(part, text, year_to_date)
    period = _financial(first, *quarters)
    if period is None:
        raise _not_a_period(
            text,
            f"Q{quarters[0]} to Q{quarters[1]} is not a quarter, a half-year or the year to date",
        )
    return period


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


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
        StatusCount(status, label, tally[status])
        for status, label in Status.CHOICES
        if tally[status]
    ]
    if tally[NO_UPDATE]:
        counts.append(StatusCount(NO_UPDATE, NO_UPDATE_LABEL, tally[NO_UPDATE]))
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

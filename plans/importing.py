"""Checking a spreadsheet of indicator values before anything is imported: a plain function."""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from plans.progress import Period, parse_period

REQUIRED_COLUMNS = ("indicator", "period", "value")
# What IndicatorValue.value holds: 14 digits, 2 of them after the point.
MAX_WHOLE_DIGITS = 12
MAX_DECIMAL_PLACES = 2


@dataclass(frozen=True)
class ValueRow:
    line: int
    indicator: str
    period: Period
    value: Decimal


def fits(value: Decimal) -> bool:
    _sign, digits, exponent = value.as_tuple()
    decimal_places = max(0, -exponent)
    whole_digits = len(digits) - decimal_places if exponent < 0 else len(digits) + exponent
    return decimal_places <= MAX_DECIMAL_PLACES and whole_digits <= MAX_WHOLE_DIGITS


def check_rows(lines, known_indicators) -> tuple[list[ValueRow], list[str]]:
    """Read CSV lines with the columns indicator (its slug), period and value.

    Returns the rows and a list of problems, each naming its line as a spreadsheet shows it
    (the header is line 1). The caller imports nothing unless the list of problems is empty."""
    lines = list(lines)
    if lines and lines[0].startswith("\ufeff"):  # a byte order mark, as Excel writes
        lines[0] = lines[0][1:]
    reader = csv.DictReader(lines)
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        return [], [
            f"line 1: the header needs the columns {', '.join(REQUIRED_COLUMNS)}; missing {', '.join(missing)}"
        ]
    reader.fieldnames = header
    rows, problems, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        slug = (row.get("indicator") or "").strip()
        period_text = (row.get("period") or "").strip()
        raw_value = (row.get("value") or "").strip()
        value_text = raw_value.replace(",", "")
        if not any([slug, period_text, value_text]):
            continue
        line_problems = []
        if slug not in known_indicators:
            line_problems.append(f"line {line}: there is no indicator '{slug}'")
        try:
            period = parse_period(period_text)
        except ValueError as error:
            period = None
            line_problems.append(f"line {line}: {error}")
        try:
            value = Decimal(value_text)
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            value = None
            line_problems.append(f"line {line}: '{raw_value}' is not a number")
        if value is not None and not fits(value):
            line_problems.append(
                f"line {line}: {raw_value} is too large or has more than {MAX_DECIMAL_PLACES} decimal places"
            )
        if not line_problems:
            key = (slug, period.label)
            if key in seen:
                line_problems.append(
                    f"line {line}: {slug} {period.label} is already on line {seen[key]}"
                )
            else:
                seen[key] = line
                rows.append(ValueRow(line, slug, period, value))
        problems.extend(line_problems)
    return rows, problems

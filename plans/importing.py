"""Checking a spreadsheet of indicator values before anything is imported: a plain function."""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from plans.progress import Period, parse_period

REQUIRED_COLUMNS = ("indicator", "period", "value")


@dataclass(frozen=True)
class ValueRow:
    line: int
    indicator: str
    period: Period
    value: Decimal


def check_rows(lines, known_indicators) -> tuple[list[ValueRow], list[str]]:
    """Read CSV lines with the columns indicator (its slug), period and value.

    Returns the rows and a list of problems, each naming its line as a spreadsheet shows it
    (the header is line 1). The caller imports nothing unless the list of problems is empty."""
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
        value_text = (row.get("value") or "").strip().replace(",", "")
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
            line_problems.append(f"line {line}: '{row.get('value', '')}' is not a number")
        if not line_problems:
            key = (slug, period.start)
            if key in seen:
                line_problems.append(
                    f"line {line}: {slug} {period.label} is already on line {seen[key]}"
                )
            else:
                seen[key] = line
                rows.append(ValueRow(line, slug, period, value))
        problems.extend(line_problems)
    return rows, problems

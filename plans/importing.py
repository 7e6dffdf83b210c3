"""Checking a spreadsheet of indicator values before anything is imported: a plain function."""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from plans.progress import Period, parse_period

REQUIRED_COLUMNS = ("indicator", "period", "value")
# What IndicatorValue.value holds: 14 digits, 2 of them after the point.
MAX_WHOLE_DIGITS = 12
MAX_DECIMAL_PLACES = 2

# ASCII digits only: Decimal() would also read other scripts' digits and underscores.
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Commas between groups of three digits, the first group not starting with 0: 1,234 and 12,345.5.
GROUPED_NUMBER = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")
# One comma that is not grouping, such as 1,5: a decimal comma, or a grouping typed wrongly.
ONE_COMMA = re.compile(r"([+-]?)([0-9]*),([0-9]+)")
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Zs"}


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


def parse_number(text: str) -> Decimal:
    """A number as a spreadsheet writes it, read only if it can be read one way.

    Accepted: plain numbers (-2.5, .5, +5, 1E+3) and commas grouping thousands (1,234.5).
    Refused, with a message saying what to write: a decimal comma (1,5 may be 1.5 or 15),
    misplaced commas, spaces inside (1 234 may be one number or two run together), % and
    currency signs (the indicator's unit says what a value measures)."""
    text = text.strip()
    signs = [char for char in text if char == "%" or unicodedata.category(char) == "Sc"]
    if signs:
        bare = text.replace(signs[0], "").strip()
        try:
            parse_number(bare)
            example = f", such as {bare}"
        except ValueError:
            example = ""
        raise ValueError(
            f"'{text}' has a {signs[0]} sign: write the number alone{example} "
            "(the indicator's unit says what it measures)"
        )
    if any(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in text):
        raise ValueError(
            f"'{text}' has a space or an invisible character in it: write the number without it"
        )
    if PLAIN_NUMBER.fullmatch(text):
        digits = text
    elif GROUPED_NUMBER.fullmatch(text):
        digits = text.replace(",", "")
    elif match := ONE_COMMA.fullmatch(text):
        sign, before, after = match.groups()
        as_decimal = f"{sign}{before or '0'}.{after}"
        as_grouped = f"{sign}{int(before + after)}"
        raise ValueError(f"'{text}' is ambiguous: write {as_decimal} or {as_grouped}")
    elif "," in text and re.fullmatch(r"[0-9+\-.,]+", text):
        raise ValueError(
            f"'{text}' is not a number: use a point for decimals, and commas only between "
            "groups of three digits, such as 1,234.5"
        )
    else:
        raise ValueError(f"'{text}' is not a number")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # not expected after the patterns above, but never a crash
        raise ValueError(f"'{text}' is not a number") from None
    return value


def csv_rows(lines):
    """(row number as a spreadsheet shows it, how a problem names it, cells) for each row,
    blank rows included.

    Rows end only at real CSV line breaks (\\n, \\r\\n or \\r) outside quotes: read the file with
    newline="" and pass it (or its whole text), never str.splitlines(), which also breaks at
    form feeds and other Unicode separators and drops line breaks inside quoted cells. After a
    cell with a line break in it, a spreadsheet's row numbers and a text editor's line numbers
    differ, and a problem names both."""
    if isinstance(lines, str):
        lines = io.StringIO(lines, newline="")
    reader = csv.reader(without_byte_order_mark(lines))
    number = 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            where = name_line(number + 1, start)
            raise CsvProblem(f"{where}: this row cannot be read as CSV: {error}") from error
        number += 1
        yield number, name_line(number, start), cells


def name_line(number, file_line):
    if number == file_line:
        return f"line {number}"
    return f"line {number} (line {file_line} in a text editor)"


class CsvProblem(Exception):
    pass


def without_byte_order_mark(lines):
    """The lines, the first without the byte order mark Excel writes at the start of a file."""
    lines = iter(lines)
    for first in lines:
        yield first.removeprefix("\ufeff")
        break
    yield from lines


def check_rows(lines, known_indicators) -> tuple[list[ValueRow], list[str]]:
    """Read CSV with the columns indicator (its slug), period and value.

    `lines` is an open text file (opened with newline=""), the whole text as a string, or a list
    of lines. Returns the rows and a list of problems, each naming its line as a spreadsheet
    shows it (the header is line 1; a cell with a line break in it is still one row, and the
    text editor's line is named too). The caller imports nothing unless the list of problems is
    empty."""
    return check_numbered_rows(csv_rows(lines), known_indicators)


def check_numbered_rows(numbered_rows, known_indicators) -> tuple[list[ValueRow], list[str]]:
    """The same checks for rows from any spreadsheet, such as an XLSX sheet: `numbered_rows`
    gives (row number, how a problem names the row, [cell text]) for each row, header first."""
    rows, problems, seen = [], [], {}
    header = None
    try:
        for line, where, cells in numbered_rows:
            if header is None:
                if not cells:
                    continue
                header = [name.strip().lower() for name in cells]
                missing = [column for column in REQUIRED_COLUMNS if column not in header]
                if missing:
                    return [], [
                        f"{where}: the header needs the columns {', '.join(REQUIRED_COLUMNS)}; "
                        f"missing {', '.join(missing)}"
                    ]
                continue
            row = dict(zip(header, cells, strict=False))
            row_problems, value_row = check_row(line, where, row, known_indicators, seen)
            problems.extend(row_problems)
            if value_row:
                rows.append(value_row)
    except CsvProblem as problem:
        problems.append(str(problem))
    if header is None and not problems:
        return [], [
            f"line 1: the header needs the columns {', '.join(REQUIRED_COLUMNS)}; "
            f"missing {', '.join(REQUIRED_COLUMNS)}"
        ]
    return rows, problems


def check_row(line, where, row, known_indicators, seen):
    slug = (row.get("indicator") or "").strip()
    period_text = (row.get("period") or "").strip()
    raw_value = (row.get("value") or "").strip()
    if not any([slug, period_text, raw_value]):
        return [], None
    problems = []
    if slug not in known_indicators:
        problems.append(f"{where}: there is no indicator '{slug}'")
    try:
        period = parse_period(period_text)
    except ValueError as error:
        period = None
        problems.append(f"{where}: {error}")
    try:
        value = parse_number(raw_value)
    except ValueError as error:
        value = None
        problems.append(f"{where}: {error}")
    if value is not None and not fits(value):
        problems.append(
            f"{where}: {raw_value} is too large or has more than "
            f"{MAX_DECIMAL_PLACES} decimal places"
        )
    if problems:
        return problems, None
    key = (slug, period.label)
    if key in seen:
        return [f"{where}: {slug} {period.label} is already on line {seen[key]}"], None
    seen[key] = line
    return [], ValueRow(line, slug, period, value)

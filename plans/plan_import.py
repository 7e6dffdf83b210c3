"""Importing a whole plan's actions from a spreadsheet (CSV or XLSX), as plain functions.

Three steps, each testable on its own:

1. `read_table(filename, data)`: the uploaded bytes as a header and rows of text, each row with
   its number as the spreadsheet shows it. A file that cannot be read at all raises FileProblem
   with a sentence to act on; a cell that cannot be read (a formula with no saved result, an
   error such as #REF!) is a problem by row and column.
2. `plan_changes(table, plan_data, allowed_partners)`: what each row would do (create, change or
   leave an action as it is), and every problem, "Row 7, target date: ...". Nothing is saved.
3. `apply_changes(plan, user)`: saves the planned changes, all or nothing, each action through
   its own save (so its latest status is kept) with a revision by the officer.

CSV must be UTF-8 (Excel's "CSV UTF-8"; a byte order mark is fine): other encodings are refused
with a message saying how to save the file, never guessed, so that no letter is silently changed.
"""

import calendar
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from home.dates import day_month_year
from plans.importing import CsvProblem, csv_rows
from plans.progress import Status, parse_period

MAX_BYTES = 5 * 1024 * 1024
# Each action is saved with a revision, and Wagtail updates its search and reference indexes on
# every save: about 15 to 50 milliseconds an action on a small server, so 500 actions take up to
# about 25 seconds, inside gunicorn's 30-second limit for a request (2,000 took a minute).
MAX_ROWS = 500
# Indicator values are plain rows, quick to save.
MAX_VALUE_ROWS = 5000
# Formatting can make a sheet look thousands of rows long: this many blank rows end it.
BLANK_ROWS_END_SHEET = 1000

# Each column a person may write, and the field it fills. The first name is the one the
# template uses.
ACTION_COLUMNS = {
    "priority": "priority",
    "group": "group",
    "reference": "reference",
    "action": "description",
    "intended outcome": "intended_outcome",
    "success measures": "success_measures",
    "lead partners": "lead_partners",
    "supporting partners": "supporting_partners",
    "possible barriers": "possible_barriers",
    "target date": "target_date",
    "period": "period",
    "status": "status",
    "summary": "summary",
}
COLUMN_ALIASES = {
    "description": "action",
    "lead partner": "lead partners",
    "supporting partner": "supporting partners",
    "how success is measured": "success measures",
    "what happened": "summary",
}
REQUIRED_ACTION_COLUMNS = ("priority", "action")
UPDATE_COLUMNS = ("period", "status", "summary")
TEMPLATE_EXAMPLE = {
    "priority": "1",
    "group": "Reduce violence against women and girls",
    "reference": "V01",
    "action": "Run a Walk and Talk scheme in each town",
    "intended outcome": "Women and girls feel safer in public places",
    "success measures": "Number of walks held; feedback from those who took part",
    "lead partners": "Police",
    "supporting partners": "District council; Citizens Advice",
    "possible barriers": "Volunteers' availability in the evenings",
    "target date": "March 2027",
    "period": "2026/27 Q2",
    "status": "On track",
    "summary": "Four walks held, two in each town.",
}
# What the fields are called in a preview.
FIELD_NAMES = {
    "priority": "priority",
    "reference": "reference",
    "group": "group",
    "description": "action",
    "intended_outcome": "intended outcome",
    "success_measures": "success measures",
    "lead_partners": "lead partners",
    "supporting_partners": "supporting partners",
    "possible_barriers": "possible barriers",
    "target_date": "target date",
    "target_month_only": "target date",
}
PARTNER_LINKS = {
    "lead_partners": "lead_partner_links",
    "supporting_partners": "supporting_partner_links",
}
PARTNER_ROLES = {"lead_partners": "lead", "supporting_partners": "supporting"}
MAX_LENGTHS = {"reference": 20, "group": 255}
PARTNER_NAME_LENGTH = 150


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing in it is imported."""


@dataclass
class Table:
    """A spreadsheet's first sheet as text: the header and the rows under it."""

    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)
    problems: list[str] = field(default_factory=list)  # cells that could not be read
    header_line: int = 1

    def as_data(self):
        """For the session, between the preview and the import."""
        return {
            "header": self.header,
            "rows": self.rows,
            "problems": self.problems,
            "header_line": self.header_line,
        }

    @classmethod
    def from_data(cls, data):
        return cls(
            header=list(data["header"]),
            rows=[(int(line), list(cells)) for line, cells in data["rows"]],
            problems=list(data["problems"]),
            header_line=int(data.get("header_line", 1)),
        )


def column_letter(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# 1. Reading the file -------------------------------------------------------------------------


def read_grid(filename, data, max_rows=MAX_ROWS):
    """[(row number, [cell text])] for every row of the file, blank rows left out, and the
    problems with cells. Raises FileProblem for a file that is not a spreadsheet we can read."""
    name = (filename or "").lower()
    if not data:
        raise FileProblem("The file is empty: it has no header row and no rows.")
    if len(data) > MAX_BYTES:
        raise FileProblem(
            f"The file is {len(data) / 1024 / 1024:.1f} MB: it can be at most "
            f"{MAX_BYTES // 1024 // 1024} MB. Split it, or remove pictures and other sheets."
        )
    if name.endswith(".xlsx"):
        return read_xlsx_grid(data, max_rows)
    if name.endswith(".csv"):
        return read_csv_grid(data, max_rows), []
    if name.endswith((".xls", ".ods", ".numbers")):
        raise FileProblem(
            "This kind of spreadsheet cannot be read: save it as an Excel workbook (.xlsx) "
            "or as CSV UTF-8 (.csv), and upload that."
        )
    raise FileProblem("Upload a spreadsheet saved as an Excel workbook (.xlsx) or CSV (.csv).")


def read_csv_grid(data, max_rows=MAX_ROWS):
    if b"\x00" in data:
        raise FileProblem(
            "The file is not CSV text (it has binary data in it): save your spreadsheet as "
            "CSV UTF-8 (.csv) or as an Excel workbook (.xlsx)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            "The CSV file is not saved as UTF-8, so some letters (such as é or £) could be read "
            "wrongly. In Excel, choose File › Save As › 'CSV UTF-8 (Comma delimited) (.csv)'; "
            "in LibreOffice, choose the character set 'Unicode (UTF-8)'. Then upload it again."
        ) from None
    grid = []
    try:
        for number, _where, cells in csv_rows(text):
            if any(cell.strip() for cell in cells):
                grid.append((number, [cell.strip() for cell in cells]))
                check_row_count(grid, max_rows)
    except CsvProblem as problem:
        raise FileProblem(f"The file cannot be read as CSV: {problem}") from None
    except csv.Error as error:
        raise FileProblem(f"The file cannot be read as CSV: {error}") from None
    return grid


def check_row_count(grid, max_rows):
    if len(grid) > max_rows + 1:  # the header and the rows
        raise FileProblem(
            f"The file has more than {max_rows:,} rows: import at most {max_rows:,} rows at a "
            "time. Split it into smaller files."
        )


def cell_text(value):
    """What a cell holds, as the text a person would type for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx_grid(data, max_rows=MAX_ROWS):
    """The first sheet of a workbook. Formulas are read as the result Excel saved with them
    (`data_only=True`); a formula with no saved result (a file written by a program, never
    opened in Excel) is a problem, as is a cell showing an error such as #REF!."""
    from openpyxl import load_workbook

    if not data.startswith(b"PK\x03\x04"):
        raise FileProblem(
            "The file is not an Excel workbook, though its name ends in .xlsx: save your "
            "spreadsheet as an Excel workbook (.xlsx) or as CSV UTF-8 (.csv)."
        )
    try:
        values_book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas_book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        values = values_book.worksheets[0]
        formulas = formulas_book.worksheets[0]
        # Some programs write a wrong size for the sheet: read what is there instead.
        values.reset_dimensions()
        formulas.reset_dimensions()
        grid, problems, blanks = [], [], 0
        for value_row, formula_row in zip(values.iter_rows(), formulas.iter_rows(), strict=False):
            cells, row_problems, line = [], [], None
            for index, (value_cell, formula_cell) in enumerate(
                zip(value_row, formula_row, strict=False)
            ):
                line = line or getattr(value_cell, "row", None)
                value = value_cell.value
                if getattr(value_cell, "data_type", None) == "e":
                    row_problems.append((index, f"the cell shows an error ({value})"))
                    value = None
                elif value is None and getattr(formula_cell, "data_type", None) == "f":
                    row_problems.append(
                        (
                            index,
                            f"the cell has a formula ({formula_cell.value}) with no saved "
                            "result: open the file in Excel and save it, or paste the values "
                            "in place of the formula",
                        )
                    )
                cells.append(cell_text(value))
            if not any(cells) and not row_problems:
                blanks += 1
                if blanks >= BLANK_ROWS_END_SHEET:
                    break
                continue
            blanks = 0
            line = line or (grid[-1][0] + 1 if grid else 1)
            grid.append((line, cells))
            check_row_count(grid, max_rows)
            problems.extend((line, index, text) for index, text in row_problems)
        values_book.close()
        formulas_book.close()
    except FileProblem:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as error:
        raise FileProblem(
            "The file cannot be read as an Excel workbook (it may be damaged, or another kind "
            "of file): save your spreadsheet as .xlsx or as CSV UTF-8 (.csv), and upload it "
            f"again. ({type(error).__name__})"
        ) from None
    except Exception as error:  # openpyxl raises many kinds for a broken file: never a 500
        raise FileProblem(
            "The file cannot be read as an Excel workbook: save your spreadsheet as .xlsx or "
            f"as CSV UTF-8 (.csv), and upload it again. ({type(error).__name__})"
        ) from None
    return grid, problems


def normal_column(name):
    return " ".join(name.replace("_", " ").lower().split())


def read_table(filename, data):
    """The file as a Table: the first row with anything in it is the header."""
    grid, cell_problems = read_grid(filename, data)
    if not grid:
        raise FileProblem("The file is empty: it has no header row and no rows.")
    (header_line, header_cells), rows = grid[0], grid[1:]
    header = [normal_column(cell) for cell in header_cells]
    width = len(header)
    problems = [
        f"Row {line}, {column_name(header, index)}: {text}" for line, index, text in cell_problems
    ]
    return Table(
        header=header,
        rows=[(line, (cells + [""] * width)[: max(width, len(cells))]) for line, cells in rows],
        problems=problems,
        header_line=header_line,
    )


def column_name(header, index):
    if index < len(header) and header[index]:
        return header[index]
    return f"column {column_letter(index)}"


# 2. Checking the rows and planning the changes -----------------------------------------------


def key(text):
    """How names are compared: case, and spaces between words, do not matter."""
    return " ".join(str(text).split()).casefold()


def parse_date(text):
    """2027-03-31, 31/03/2027, or a month alone (March 2027, Mar 2027: its last day)."""
    return parse_target(text)[0]


def parse_target(text):
    """(the date, whether it was given as a month alone): a plan that says "March 2027" is
    shown as March 2027, not as 31 March 2027."""
    cleaned = " ".join(text.split())
    wrong = ValueError(
        f"'{text}' is not a date: write it as 31/03/2027, 2027-03-31, or March 2027 for the "
        "last day of a month"
    )
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: 00:00(?::00)?)?", cleaned):
        year, month, day = (int(part) for part in match.groups())
        month_only = False
    elif match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", cleaned):
        day, month, year = (int(part) for part in match.groups())
        month_only = False
    elif match := re.fullmatch(r"([A-Za-z]+)\.? (\d{4})", cleaned):
        month = MONTHS.get(match[1].lower())
        year = int(match[2])
        if month is None:
            raise wrong
        day = calendar.monthrange(year, month)[1]
        month_only = True
    else:
        raise wrong
    try:
        return date(year, month, day), month_only
    except ValueError:
        raise wrong from None


MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}

STATUSES = {
    **{key(label): code for code, label in Status.CHOICES},
    **{key(code.replace("_", " ")): code for code, _label in Status.CHOICES},
    **{key(code): code for code, _label in Status.CHOICES},
}


def parse_status(text):
    found = STATUSES.get(key(text.replace("-", " ")))
    if found is None:
        words = ", ".join(label for _code, label in Status.CHOICES)
        raise ValueError(f"'{text}' is not a status: use one of {words}")
    return found


def parse_quarter(text):
    """'2026/27 Q2' -> (2026, 2). Only a quarter: each update is for one quarter."""
    period = parse_period(text)
    match = re.fullmatch(r"(\d{4})/\d{2} Q([1-4])", period.label)
    if not match:
        raise ValueError(f"'{text}' is not a quarter: write it as a quarter such as 2026/27 Q2")
    return int(match[1]), int(match[2])


@dataclass
class PlanData:
    """What the checks compare the rows with, read from the database by the caller."""

    plan_title: str
    priorities: list  # PriorityPage objects of the plan
    partners: list  # every Partner
    actions: list  # the plan's Actions, with partners and progress updates prefetched
    can_add_partners: bool = True
    starts_on: date | None = None  # the plan's period, to warn of a target date outside it
    ends_on: date | None = None


@dataclass
class Change:
    line: int
    outcome: str  # "create", "change" or "unchanged"
    values: dict  # field -> value, for the columns the file has
    action: object = None  # the existing action, for a change
    changed: list = field(default_factory=list)  # words: "target date", "2026/27 Q2 update"
    update: tuple | None = None  # (year, quarter, status, summary)
    new_partners: dict = field(default_factory=dict)  # field -> [partner keys to create]
    partner_names: dict = field(default_factory=dict)  # partner key -> the name as written

    @property
    def priority(self):
        return self.values.get("priority") or self.action.priority

    @property
    def details(self):
        """For a new action, in words: who leads it, when it is due, its update."""
        if self.outcome != "create":
            return self.changed
        words = []
        lead = [
            self.partner_names[p] if isinstance(p, str) else p.display_name
            for p in self.values.get("lead_partners", [])
        ]
        if lead:
            words.append("lead: " + ", ".join(lead))
        if due := self.values.get("target_date"):
            words.append(f"target date: {day_month_year(due)}")
        if self.update:
            year, quarter, status, _summary = self.update
            words.append(
                f"{year}/{(year + 1) % 100:02d} Q{quarter} update: {Status.LABELS[status]}"
            )
        return words

    @property
    def reference(self):
        if "reference" in self.values:
            return self.values["reference"]
        return self.action.reference if self.action else ""

    @property
    def description(self):
        return self.values.get("description") or (self.action.description if self.action else "")


@dataclass
class ImportPlan:
    changes: list
    problems: list
    new_partners: dict  # partner key -> the name as first written
    new_partner_rows: dict  # partner key -> [row numbers]
    warnings: list = field(default_factory=list)  # worth a look, but imported all the same

    @property
    def counts(self):
        outcomes = [change.outcome for change in self.changes]
        return {outcome: outcomes.count(outcome) for outcome in ("create", "change", "unchanged")}

    @property
    def has_changes(self):
        return any(change.outcome != "unchanged" for change in self.changes) or bool(
            self.new_partners
        )


def check_header(header, line=1):
    """Problems with the header row: missing, unknown or repeated columns."""
    problems = []
    named = [COLUMN_ALIASES.get(name, name) for name in header]
    expected = ", ".join(ACTION_COLUMNS)
    missing = [column for column in REQUIRED_ACTION_COLUMNS if column not in named]
    if missing:
        problems.append(
            f"Row {line}: the header has no {' or '.join(repr(m) for m in missing)} column. The first "
            f"row must name the columns: {expected} (download the template to start from)."
        )
    for index, name in enumerate(named):
        if name and name not in ACTION_COLUMNS:
            problems.append(
                f"Row {line}, column {column_letter(index)}: '{header[index]}' is not a column this "
                f"import reads. The columns are: {expected}."
            )
        elif name and named.index(name) != index:
            problems.append(
                f"Row {line}, column {column_letter(index)}: the column '{name}' is there twice."
            )
    present_updates = [column for column in UPDATE_COLUMNS if column in named]
    if present_updates and len(present_updates) != len(UPDATE_COLUMNS):
        absent = [column for column in UPDATE_COLUMNS if column not in named]
        problems.append(
            f"Row {line}: a quarterly update needs the columns period, status and summary; "
            f"missing {', '.join(absent)}."
        )
    return problems


def plan_changes(table, data, allowed_partners=None):
    """What importing the table into the plan would do, and every problem with it.

    For the preview `allowed_partners` is None: partners not yet in the admin are listed, to be
    ticked. For the import it is the names the officer ticked: an unknown partner not ticked is
    a problem."""
    problems = check_header(table.header, table.header_line)
    if problems:
        return ImportPlan([], problems + table.problems, {}, {})
    if not table.rows:
        return ImportPlan(
            [], ["The file has a header row but no actions under it.", *table.problems], {}, {}
        )
    columns = {}
    for index, name in enumerate(table.header):
        name = COLUMN_ALIASES.get(name, name)
        if name:
            columns[ACTION_COLUMNS[name]] = index
    allowed = None if allowed_partners is None else {key(name) for name in allowed_partners}

    priorities_by_number, priorities_by_name = {}, {}
    for priority in data.priorities:
        priorities_by_number.setdefault(str(priority.number), []).append(priority)
        for name in (priority.title, priority.short_name):
            if name:
                priorities_by_name.setdefault(key(name), []).append(priority)
    partners_by_name, partners_by_short = {}, {}
    for partner in data.partners:
        partners_by_name[key(partner.name)] = partner
        if partner.short_name:
            partners_by_short.setdefault(key(partner.short_name), []).append(partner)
    by_reference, by_description = {}, {}
    for action in data.actions:
        if action.reference:
            by_reference.setdefault(key(action.reference), action)
        by_description.setdefault(action.description.strip(), action)

    changes, new_partners, new_partner_rows, warnings = [], {}, {}, []
    seen_references, seen_descriptions, matched = {}, {}, {}
    problems = list(table.problems)
    for line, cells in table.rows:
        row = {name: cells[index] for name, index in columns.items()}
        row_problems = []

        def problem(column, text, line=line, row_problems=row_problems):
            row_problems.append(f"Row {line}, {column}: {text}")

        values = {}
        # The priority
        priority_text = row["priority"]
        if not priority_text:
            problem("priority", f"empty: give the priority's number or title in {data.plan_title}")
        else:
            found = priorities_by_number.get(priority_text.removeprefix("Priority ").strip())
            found = found or priorities_by_name.get(key(priority_text))
            if not found:
                numbers = ", ".join(str(p.number) for p in data.priorities) or "none yet"
                problem(
                    "priority",
                    f"there is no priority '{priority_text}' in {data.plan_title}: give its "
                    f"number ({numbers}) or its title",
                )
            elif len(found) > 1:
                problem(
                    "priority",
                    f"'{priority_text}' could be more than one priority in {data.plan_title}: "
                    "give its title",
                )
            else:
                values["priority"] = found[0]
        # Text
        description = row["description"]
        if not description:
            problem("action", "empty: say what the action is")
        values["description"] = description
        for name in (
            "reference",
            "group",
            "intended_outcome",
            "success_measures",
            "possible_barriers",
        ):
            if name in row:
                values[name] = row[name]
                limit = MAX_LENGTHS.get(name)
                if limit and len(row[name]) > limit:
                    problem(
                        FIELD_NAMES[name],
                        f"'{row[name][:40]}' is {len(row[name])} characters long: at most {limit}",
                    )
        # The date
        if "target_date" in row:
            if row["target_date"]:
                try:
                    due, values["target_month_only"] = parse_target(row["target_date"])
                    values["target_date"] = due
                except ValueError as error:
                    problem("target date", str(error))
                else:
                    if (
                        data.starts_on
                        and data.ends_on
                        and not data.starts_on <= due <= data.ends_on
                    ):
                        warnings.append(
                            f"Row {line}, target date: {day_month_year(due)} is outside the plan's "
                            f"period ({day_month_year(data.starts_on)} to {day_month_year(data.ends_on)}); "
                            "it will be imported all the same"
                        )
            else:
                values["target_date"], values["target_month_only"] = None, False
        # Partners
        row_new_partners = {}
        for name in ("lead_partners", "supporting_partners"):
            if name not in row:
                continue
            chosen, to_create = [], []
            for written in [part.strip() for part in row[name].split(";")]:
                if not written:
                    continue
                partner = partners_by_name.get(key(written))
                shorts = partners_by_short.get(key(written), [])
                if partner is None and len(shorts) == 1:
                    partner = shorts[0]
                if partner is None and len(shorts) > 1:
                    names = " or ".join(p.name for p in shorts)
                    problem(FIELD_NAMES[name], f"'{written}' could be {names}: give the full name")
                elif partner is not None:
                    if partner not in chosen:
                        chosen.append(partner)
                elif len(written) > PARTNER_NAME_LENGTH:
                    problem(
                        FIELD_NAMES[name],
                        f"'{written[:40]}…' is too long for a partner's name (at most "
                        f"{PARTNER_NAME_LENGTH} characters): separate partners with ;",
                    )
                elif not data.can_add_partners:
                    problem(
                        FIELD_NAMES[name],
                        f"'{written}' is not a partner, and you cannot add partners: ask "
                        "someone who can to add it first",
                    )
                else:
                    new_partners.setdefault(key(written), written)
                    new_partner_rows.setdefault(key(written), [])
                    if line not in new_partner_rows[key(written)]:
                        new_partner_rows[key(written)].append(line)
                    if key(written) not in to_create:
                        to_create.append(key(written))
                        chosen.append(key(written))
                    if allowed is not None and key(written) not in allowed:
                        problem(
                            FIELD_NAMES[name],
                            f"'{written}' is not a partner yet: tick 'Create {written}' "
                            "to add it, or correct the name",
                        )
            # In the order written: Partners, and the keys of partners to create.
            values[name] = chosen
            row_new_partners[name] = to_create
        # The quarterly update
        update = None
        if "period" in row and any(row[column] for column in UPDATE_COLUMNS):
            year = quarter = status = None
            if not row["period"]:
                problem("period", "empty: an update needs its quarter, such as 2026/27 Q2")
            else:
                try:
                    year, quarter = parse_quarter(row["period"])
                except ValueError as error:
                    problem("period", str(error))
            if not row["status"]:
                problem("status", "empty: an update needs its status, such as On track")
            else:
                try:
                    status = parse_status(row["status"])
                except ValueError as error:
                    problem("status", str(error))
            if not row["summary"]:
                problem("summary", "empty: say what happened in the quarter")
            if year and status and row["summary"]:
                update = (year, quarter, status, row["summary"])
        # Which action it is, and that no two rows are the same action
        reference_key = key(values.get("reference", ""))
        if reference_key:
            if reference_key in seen_references:
                problem(
                    "reference",
                    f"'{values['reference']}' is already on row {seen_references[reference_key]}",
                )
            seen_references.setdefault(reference_key, line)
        elif description:
            if description in seen_descriptions:
                problem(
                    "action",
                    f"the same action, with no reference, is already on row "
                    f"{seen_descriptions[description]}: give each a reference",
                )
            seen_descriptions.setdefault(description, line)
        existing = by_reference.get(reference_key) if reference_key else None
        if existing is None and description:
            candidate = by_description.get(description)
            if candidate is not None and not (
                reference_key and candidate.reference and key(candidate.reference) != reference_key
            ):
                existing = candidate
        if existing is not None:
            if existing.pk in matched:
                problem(
                    "action",
                    f"row {matched[existing.pk]} already updates the action '{existing}'",
                )
            matched.setdefault(existing.pk, line)

        problems.extend(row_problems)
        if row_problems:
            continue
        change = Change(
            line=line,
            outcome="create",
            values=values,
            action=existing,
            update=update,
            new_partners=row_new_partners,
            partner_names=new_partners,
        )
        if existing is not None:
            change.changed = differences(existing, values, update, row_new_partners)
            change.outcome = "change" if change.changed else "unchanged"
        changes.append(change)
    return ImportPlan(changes, problems, new_partners, new_partner_rows, warnings)


def differences(action, values, update, new_partners):
    changed = []
    for name, value in values.items():
        if name in ("lead_partners", "supporting_partners"):
            now = [link.partner_id for link in getattr(action, PARTNER_LINKS[name]).all()]
            if now != [getattr(partner, "pk", partner) for partner in value]:
                changed.append(FIELD_NAMES[name])
        elif name == "priority":
            if action.priority_id != value.pk:
                changed.append("priority")
        elif getattr(action, name) != value and FIELD_NAMES[name] not in changed:
            changed.append(FIELD_NAMES[name])
    if update:
        year, quarter, status, summary = update
        existing = [
            each
            for each in action.progress_updates.all()
            if (each.year, each.quarter) == (year, quarter)
        ]
        label = f"{year}/{(year + 1) % 100:02d} Q{quarter} update"
        if not existing:
            changed.append(f"adds the {label}")
        elif (existing[0].status, existing[0].summary) != (status, summary):
            changed.append(f"the {label}")
    return changed


# 3. Saving ------------------------------------------------------------------------------------


def apply_changes(import_plan, user):
    """Save what the plan says, all or nothing. The caller has checked there are no problems.
    Returns (actions created, actions changed, partners created)."""
    from django.db import transaction
    from wagtail.log_actions import log
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from plans.models import Action, Partner, ProgressUpdate

    if import_plan.problems:
        raise ValueError("An import with problems cannot be saved.")
    created = changed = 0
    saved = []
    # Each action is saved twice (itself, then its new revision): the reference index is
    # brought up to date once per action, after both, instead of after each save.
    with transaction.atomic(), disable_reference_index_auto_update():
        partners = {}
        for partner_key, name in import_plan.new_partners.items():
            partner = Partner(name=name)
            partner.save()
            partner.save_revision(user=user)
            log(instance=partner, action="wagtail.create", user=user)
            partners[partner_key] = partner
            saved.append(partner)
        next_order = {}
        for change in import_plan.changes:
            if change.outcome == "unchanged":
                continue
            action = change.action or Action()
            for name, value in change.values.items():
                if name in ("lead_partners", "supporting_partners"):
                    ordered = [partners[p] if isinstance(p, str) else p for p in value]
                    action.set_partners(**{PARTNER_ROLES[name]: ordered})
                else:
                    setattr(action, name, value)
            if change.action is None:
                priority = change.values["priority"]
                if priority.pk not in next_order:
                    last = (
                        Action.objects.filter(priority=priority)
                        .order_by("-sort_order")
                        .values_list("sort_order", flat=True)
                        .first()
                    )
                    next_order[priority.pk] = (last or 0) + 1
                action.sort_order = next_order[priority.pk]
                next_order[priority.pk] += 1
            if change.update:
                year, quarter, status, summary = change.update
                updates = list(action.progress_updates.all())
                same = [u for u in updates if (u.year, u.quarter) == (year, quarter)]
                if same:
                    same[0].status, same[0].summary = status, summary
                else:
                    updates.append(
                        ProgressUpdate(year=year, quarter=quarter, status=status, summary=summary)
                    )
                action.progress_updates = updates
            action.save()
            if change.action is None:
                action.save_revision(user=user)
                log(instance=action, action="wagtail.create", user=user)
                created += 1
            else:
                action.save_revision(user=user, log_action=True)
                changed += 1
            saved.append(action)
        for instance in saved:
            ReferenceIndex.create_or_update_for_object(instance)
    return created, changed, len(partners)


# Templates ------------------------------------------------------------------------------------


def template_csv():
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(list(ACTION_COLUMNS))
    writer.writerow([TEMPLATE_EXAMPLE[column] for column in ACTION_COLUMNS])
    return "\ufeff" + out.getvalue()


def template_xlsx(header=None, example=None, title="Actions"):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    header = header or list(ACTION_COLUMNS)
    example = example or [TEMPLATE_EXAMPLE[column] for column in ACTION_COLUMNS]
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    sheet.append(example)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, name in enumerate(header):
        sheet.column_dimensions[column_letter(index)].width = max(14, min(40, len(name) + 6))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""Each plan's actions and every quarterly update on them as open data: CSV and JSON.

Three files, documented on every plan page (templates/plans/plan_page.html) from the lists below:

- progress.csv: one row per action, with its latest update (OPEN_DATA_FIELDS but `updates`);
- updates.csv (saved as <plan>-progress-updates.csv): one row per update, newest first within
  each action (UPDATES_CSV_FIELDS), for a spreadsheet user to filter or pivot every quarter;
- progress.json: one object per action (OPEN_DATA_FIELDS), each with its `updates` as a list of
  objects (UPDATE_FIELDS).

PlanPage routes each file to the response below, with the actions from PlanPage.actions(): the
actions of its live priorities only, with their partners and updates prefetched, so that no file
makes a query per action.
"""

import csv
import re

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from plans.progress import Status

FIGURES_DESCRIPTION = (
    "Figures reported with it (CSV: 'label: value (target t; same period last year: v)' "
    "separated by semicolons; JSON: a list of {label, value, target, same_period_last_year})"
)

# (name, description): the keys of each action in the JSON, and but for `updates` the columns of
# progress.csv. New columns go at the end, so that a spreadsheet reading columns by position
# (a VLOOKUP's column number) still reads the ones it had.
OPEN_DATA_FIELDS = [
    ("priority_number", "The priority's number within the plan"),
    ("priority", "The priority's title"),
    ("group", "The objective, section or tier the action sits under"),
    ("reference", "The plan's own code for the action, where it has one"),
    ("action", "What the partnership said it would do"),
    ("intended_outcome", "What it should lead to"),
    ("success_measures", "How success is measured"),
    ("lead_partners", "Who leads it (CSV: separated by semicolons; JSON: a list)"),
    ("supporting_partners", "Who supports it (as above)"),
    (
        "target_date",
        "When it should be done, as YYYY-MM-DD, or YYYY-MM where the plan gives a month, or empty",
    ),
    ("latest_period", "The quarter of the latest update, such as 2026/27 Q2, or empty"),
    ("latest_status", "complete, on_track, at_risk, off_track, on_hold, not_started, or empty"),
    ("latest_status_label", "The same status in words"),
    ("latest_summary", "What happened in that quarter"),
    ("latest_figures", FIGURES_DESCRIPTION),
    ("possible_barriers", "What the plan says could get in the way, or empty"),
    (
        "owners",
        "The people named as owning it, where the partnership publishes their names (CSV: "
        "separated by semicolons; JSON: a list)",
    ),
    (
        "updates",
        "JSON only: every quarterly update, newest first, as a list of {period, year, quarter, "
        "status, status_label, summary, figures} (described under the updates file; in the JSON, "
        "under update_fields). For spreadsheets the same updates are in the updates file, "
        "updates.csv, one row each.",
    ),
]
JSON_ONLY_FIELDS = {"updates"}
CSV_FIELDS = [name for name, _ in OPEN_DATA_FIELDS if name not in JSON_ONLY_FIELDS]

# (name, description): the keys of each update in an action's `updates` in the JSON, and the
# columns of updates.csv after those naming the action.
UPDATE_FIELDS = [
    ("period", "The quarter, such as 2026/27 Q2"),
    ("year", "The financial year, as the year it starts in: 2026 for 2026/27"),
    ("quarter", "The quarter of that year, 1 to 4: 1 is April to June, 4 is January to March"),
    ("status", "complete, on_track, at_risk, off_track, on_hold or not_started"),
    ("status_label", "The same status in words"),
    ("summary", "What happened in that quarter"),
    ("figures", FIGURES_DESCRIPTION),
]
# The columns of updates.csv: which action each update is for, as progress.csv names it
# (the reference may be empty: the priority number and the action's words tell actions apart).
UPDATES_CSV_FIELDS = [
    ("priority_number", "The priority's number within the plan, as in progress.csv"),
    ("reference", "The plan's own code for the action, where it has one, as in progress.csv"),
    ("action", "What the partnership said it would do, as in progress.csv"),
    *UPDATE_FIELDS,
]

NO_UPDATE = {"period": "", "status": "", "status_label": "", "summary": "", "figures": []}


def figure_records(update):
    return [
        {
            "label": figure["label"],
            "value": figure["value"],
            "target": figure.get("target") or "",
            "same_period_last_year": figure.get("same_period_last_year") or "",
        }
        for figure in (dict(block.value) for block in update.figures)
    ]


def update_record(update):
    return {
        "period": update.period_label,
        "year": update.year,
        "quarter": update.quarter,
        "status": update.status,
        "status_label": Status.LABELS.get(update.status, update.status),
        "summary": update.summary,
        "figures": figure_records(update),
    }


def target_date(action):
    if not action.target_date:
        return ""
    return (
        f"{action.target_date:%Y-%m}"
        if action.target_month_only
        else action.target_date.isoformat()
    )


def action_record(action):
    # Action.updates: newest first, from the updates PlanPage.actions() prefetched.
    updates = [update_record(update) for update in action.updates]
    latest = updates[0] if updates else NO_UPDATE
    return {
        "priority_number": action.priority.number,
        "priority": action.priority.title,
        "group": action.group,
        "reference": action.reference,
        "action": action.description,
        "intended_outcome": action.intended_outcome,
        "success_measures": action.success_measures,
        "lead_partners": [partner.name for partner in action.leads],
        "supporting_partners": [partner.name for partner in action.supporters],
        "target_date": target_date(action),
        "latest_period": latest["period"],
        "latest_status": latest["status"],
        "latest_status_label": latest["status_label"],
        "latest_summary": latest["summary"],
        "latest_figures": latest["figures"],
        "possible_barriers": action.possible_barriers,
        "owners": action.owner_names,  # none unless the officer said they may be shown
        "updates": updates,
    }


def figures_text(figures):
    def one(figure):
        notes = []
        if figure["target"]:
            notes.append(f"target {figure['target']}")
        if figure["same_period_last_year"]:
            notes.append(f"same period last year: {figure['same_period_last_year']}")
        return f"{figure['label']}: {figure['value']}" + (f" ({'; '.join(notes)})" if notes else "")

    return "; ".join(one(figure) for figure in figures)


def flatten_for_csv(record):
    """A row of progress.csv: lists joined by semicolons, and no `updates`."""
    row = {name: record[name] for name in CSV_FIELDS}
    row["lead_partners"] = "; ".join(record["lead_partners"])
    row["supporting_partners"] = "; ".join(record["supporting_partners"])
    row["owners"] = "; ".join(record["owners"])
    row["latest_figures"] = figures_text(record["latest_figures"])
    return row


def update_rows(record):
    """The rows of updates.csv for one action, newest first."""
    for update in record["updates"]:
        yield {
            "priority_number": record["priority_number"],
            "reference": record["reference"],
            "action": record["action"],
            **update,
            "figures": figures_text(update["figures"]),
        }


def filename(plan, extension, name="progress"):
    return f"{plan.slug}-{name}.{extension}"


# A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as text rather than running as a formula: a quote
    before what could start one. Plain numbers such as -5 cannot carry a formula and are left."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def write_csv(download_name, fieldnames, rows):
    """A CSV download any site may fetch, that Excel reads as UTF-8, every cell spreadsheet-safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download_name}"'
    response["Access-Control-Allow-Origin"] = "*"
    # A byte order mark, so that Excel reads the file as UTF-8.
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=fieldnames)
    writer.writeheader()
    for row in rows:
        writer.writerow({name: spreadsheet_safe(value) for name, value in row.items()})
    return response


def csv_response(plan, actions, request):
    """progress.csv: one row per action, with its latest update."""
    return write_csv(
        filename(plan, "csv"),
        CSV_FIELDS,
        (flatten_for_csv(action_record(action)) for action in actions),
    )


def updates_csv_response(plan, actions, request):
    """updates.csv: one row per update, the actions in plan order, each newest first.

    PlanPage routes it as updates.csv:

        @file_route("updates.csv", name="updates_csv")
        def updates_csv(self, request):
            return open_data.updates_csv_response(self, self.actions(), request)
    """
    return write_csv(
        filename(plan, "csv", "progress-updates"),
        [name for name, _ in UPDATES_CSV_FIELDS],
        (row for action in actions for row in update_rows(action_record(action))),
    )


def json_response(plan, actions, request):
    data = {
        "plan": {
            "title": plan.title,
            "url": plan.get_full_url(request),
            "starts_on": plan.starts_on.isoformat(),
            "ends_on": plan.ends_on.isoformat(),
        },
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "fields": dict(OPEN_DATA_FIELDS),
        "update_fields": dict(UPDATE_FIELDS),
        "actions": [action_record(action) for action in actions],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response

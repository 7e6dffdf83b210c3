"""Each plan's actions and their latest progress as open data: CSV and JSON.

The fields are documented on every plan page (templates/plans/plan_page.html) and in
OPEN_DATA_FIELDS below, which both formats follow.
"""

import csv
import re

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from plans.progress import Status

# (name, description): the columns of the CSV and the keys of each action in the JSON.
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
    ("target_date", "When it should be done, as YYYY-MM-DD, or empty"),
    ("latest_period", "The quarter of the latest update, such as 2026/27 Q2, or empty"),
    ("latest_status", "complete, on_track, at_risk, off_track, on_hold, not_started, or empty"),
    ("latest_status_label", "The same status in words"),
    ("latest_summary", "What happened in that quarter"),
    (
        "latest_figures",
        "Figures reported with it (CSV: 'label: value (target t)' separated by semicolons; JSON: a list of {label, value, target})",
    ),
]


def action_record(action):
    update = action.latest_update
    figures = [dict(block.value) for block in update.figures] if update else []
    return {
        "priority_number": action.priority.number,
        "priority": action.priority.title,
        "group": action.group,
        "reference": action.reference,
        "action": action.description,
        "intended_outcome": action.intended_outcome,
        "success_measures": action.success_measures,
        "lead_partners": [partner.name for partner in action.lead_partners.all()],
        "supporting_partners": [partner.name for partner in action.supporting_partners.all()],
        "target_date": action.target_date.isoformat() if action.target_date else "",
        "latest_period": update.period_label if update else "",
        "latest_status": update.status if update else "",
        "latest_status_label": Status.LABELS[update.status] if update else "",
        "latest_summary": update.summary if update else "",
        "latest_figures": [
            {"label": f["label"], "value": f["value"], "target": f.get("target") or ""}
            for f in figures
        ],
    }


def flatten_for_csv(record):
    row = dict(record)
    row["lead_partners"] = "; ".join(record["lead_partners"])
    row["supporting_partners"] = "; ".join(record["supporting_partners"])
    row["latest_figures"] = "; ".join(
        f"{f['label']}: {f['value']}" + (f" (target {f['target']})" if f["target"] else "")
        for f in record["latest_figures"]
    )
    return row


def filename(plan, extension):
    return f"{plan.slug}-progress.{extension}"


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


def csv_response(plan, actions, request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(plan, "csv")}"'
    response["Access-Control-Allow-Origin"] = "*"
    # A byte order mark, so that Excel reads the file as UTF-8.
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=[name for name, _ in OPEN_DATA_FIELDS])
    writer.writeheader()
    for action in actions:
        row = flatten_for_csv(action_record(action))
        writer.writerow({name: spreadsheet_safe(value) for name, value in row.items()})
    return response


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
        "actions": [action_record(action) for action in actions],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response

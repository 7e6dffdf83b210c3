"""Officers import a whole plan's actions, and indicator values, from a spreadsheet in the admin:
upload, preview (nothing saved), import (all or nothing)."""

import csv
import io
import time
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook
from wagtail.models import ReferenceIndex

from home.models import HomePage
from plans import plan_import
from plans.models import Action, IndicatorValue, Partner, PlanPage, PriorityPage
from plans.progress import Status
from tests.database import made_once_per_module
from tests.factories import signed_in
from tests.plans.factories import make_action, make_indicator, make_plan, make_priority, partner

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/plans/import-actions/"
CONFIRM_URL = "/admin/plans/import-actions/confirm/"
VALUES_URL = "/admin/plans/import-indicator-values/"
VALUES_CONFIRM_URL = "/admin/plans/import-indicator-values/confirm/"
COLUMNS = list(plan_import.ACTION_COLUMNS)


def a_plan():
    """This year's plan with three priorities, an action with a quarter's update, and the
    partners an officer's spreadsheet names: made once for the module."""
    partner("Harborough District Council", "HDC")
    police = partner("Leicestershire Police", "Police")
    partner("Leicestershire Fire and Rescue Service", "LFRS")
    plan = make_plan(HomePage.objects.get(), "2026-2027")
    for number, title in enumerate(["People", "Places", "Partnership working"], start=1):
        make_priority(plan, number, title=title)
    make_action(
        PriorityPage.objects.child_of(plan).get(number=1),
        "Run a perpetrator programme",
        reference="1.1",
        leads=[police],
        updates=[
            (2026, 1, Status.ON_TRACK, "Twelve places taken.", []),
            (2026, 2, Status.ON_TRACK, "Eighteen places taken.", []),
        ],
    )


plan_made = made_once_per_module(a_plan)


@pytest.fixture
def plan(plan_made, db):
    return PlanPage.objects.get(slug="2026-2027")


@pytest.fixture
def indicators(db):
    make_indicator("total-recorded-crime", "Total recorded crime")
    make_indicator("residential-burglary", "Residential burglary", unit="burglaries")


@pytest.fixture
def officer(client, db):
    return signed_in(client, "officer")


def plan_actions(plan):
    return Action.objects.filter(priority__in=PriorityPage.objects.child_of(plan))


def csv_bytes(rows, header=COLUMNS):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows, header=COLUMNS, raw=False):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row if raw else [row.get(column, "") or None for column in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def spreadsheet(rows, file_format, header=COLUMNS):
    if file_format == "csv":
        return "actions.csv", csv_bytes(rows, header)
    return "actions.xlsx", xlsx_bytes(rows, header)


def twenty_actions(plan, total=20):
    """A plan's worth of actions, as an officer's spreadsheet has them."""
    numbers = [p.number for p in PriorityPage.objects.child_of(plan).order_by("number")]
    dates = ["2027-03-31", "31/12/2026", "September 2026"]
    rows = []
    for index in range(1, total + 1):
        row = {
            "priority": str(numbers[index % len(numbers)]),
            "group": f"Objective {index % 4 + 1}",
            "reference": f"IMP{index:02d}",
            "action": f"Imported action number {index}: run a scheme in each town",
            "intended outcome": "Residents feel safer",
            "success measures": "Sessions held; feedback",
            "lead partners": "HDC" if index % 2 else "Leicestershire Police",
            "supporting partners": "Police; LFRS" if index % 3 == 0 else "",
            "possible barriers": "Funding" if index % 5 == 0 else "",
            "target date": dates[index % 3],
        }
        if index % 4 == 0:
            row |= {"period": "2026/27 Q2", "status": "At risk", "summary": "Two venues closed."}
        rows.append(row)
    return rows


def upload(client, plan, filename, content, url=IMPORT_URL):
    data = {"file": SimpleUploadedFile(filename, content)}
    if plan is not None:
        data["plan"] = plan.pk
    return client.post(url, data)


def confirm(client, preview, partners=(), url=CONFIRM_URL):
    return client.post(url, {"token": preview.context["token"], "create_partner": list(partners)})


def text(response):
    return response.content.decode()


# The whole flow ---------------------------------------------------------------------------------


def test_twenty_actions_with_two_mistakes_show_both_problems_and_import_nothing(officer, plan):
    rows = twenty_actions(plan)
    rows[2]["priority"] = "9"  # row 4 of the spreadsheet: the header is row 1
    rows[6]["target date"] = "31/02/2027"  # row 8
    before = plan_actions(plan).count()

    preview = upload(officer, plan, *spreadsheet(rows, "csv"))

    assert preview.status_code == 200
    page = text(preview)
    assert "2 problems: nothing will be imported" in page
    assert "Row 4, priority: there is no priority &#x27;9&#x27; in" in page
    assert "Row 8, target date: &#x27;31/02/2027&#x27; is not a date" in page
    assert preview.context["import_plan"].problems == [
        f"Row 4, priority: there is no priority '9' in {plan.title}: give its number (1, 2, 3) "
        "or its title",
        "Row 8, target date: '31/02/2027' is not a date: write it as 31/03/2027, 2027-03-31, "
        "or March 2027 for the last day of a month",
    ]
    assert ">Import</button>" not in page
    # Even forced through, the import refuses.
    forced = confirm(officer, preview)
    assert forced.status_code == 200
    assert "Row 4, priority" in text(forced)
    assert plan_actions(plan).count() == before


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_plan_is_previewed_imported_whole_and_a_second_import_changes_nothing(
    officer, plan, file_format
):
    rows = twenty_actions(plan)
    before = plan_actions(plan).count()
    hdc = Partner.objects.get(short_name="HDC")
    police = Partner.objects.get(name="Leicestershire Police")
    lfrs = Partner.objects.get(short_name="LFRS")

    preview = upload(officer, plan, *spreadsheet(rows, file_format))

    assert preview.status_code == 200, text(preview)[:2000]
    assert preview.context["import_plan"].problems == []
    assert preview.context["counts"] == {"create": 20, "change": 0, "unchanged": 0}
    assert "20 to create, 0 to change, 0 left as they are." in text(preview)
    assert text(preview).count("Will be created") == 20
    assert "lead: HDC; target date: 31 December 2026" in text(preview)
    assert plan_actions(plan).count() == before  # nothing saved by the preview

    done = confirm(officer, preview)

    assert done.status_code == 302
    assert done["Location"] == f"/admin/snippets/plans/action/?plan={plan.pk}"
    assert plan_actions(plan).count() == before + 20
    imported = {action.reference: action for action in plan_actions(plan)}
    first, third, fourth = imported["IMP01"], imported["IMP03"], imported["IMP04"]
    assert first.description == "Imported action number 1: run a scheme in each town"
    assert first.priority.number == 2
    assert list(first.lead_partners.all()) == [hdc]
    assert list(first.supporting_partners.all()) == []
    assert first.target_date == date(2026, 12, 31)
    assert imported["IMP02"].target_date == date(2026, 9, 30)  # "September 2026": its last day
    assert third.target_date == date(2027, 3, 31)
    assert set(third.supporting_partners.all()) == {police, lfrs}
    assert list(imported["IMP02"].lead_partners.all()) == [police]
    update = fourth.progress_updates.get()
    assert (update.year, update.quarter, update.status) == (2026, 2, Status.AT_RISK)
    assert update.summary == "Two venues closed."
    assert fourth.latest_status == Status.AT_RISK  # kept by the action's own save
    assert ReferenceIndex.get_references_for_object(first).exists()
    revision = first.revisions.get()
    assert revision.user.username == "officer"
    assert first.latest_revision == revision

    again = upload(officer, plan, *spreadsheet(rows, file_format))

    assert again.context["counts"] == {"create": 0, "change": 0, "unchanged": 20}
    assert "No changes" in text(again)
    assert ">Import</button>" not in text(again)
    confirm(officer, again)
    assert plan_actions(plan).count() == before + 20
    assert first.revisions.count() == 1


def test_a_row_changes_the_action_with_its_reference_or_its_exact_words(officer, plan):
    priority = PriorityPage.objects.child_of(plan).get(number=1)
    by_reference = Action.objects.create(
        priority=priority, reference="CHG01", description="Old words", target_date=date(2027, 1, 1)
    )
    by_words = Action.objects.create(priority=priority, description="Hold a summer roadshow")
    rows = [
        {"priority": "1", "reference": "CHG01", "action": "New words", "target date": "Jan 2027"},
        {"priority": priority.title, "action": "Hold a summer roadshow", "group": "Engagement"},
    ]
    header = ["priority", "reference", "action", "target date", "group"]
    preview = upload(officer, plan, "plan.csv", csv_bytes(rows, header))

    changes = preview.context["import_plan"].changes
    assert [(c.outcome, c.action, c.changed) for c in changes] == [
        ("change", by_reference, ["action", "target date"]),
        ("change", by_words, ["group"]),
    ]
    confirm(officer, preview)
    by_reference.refresh_from_db()
    by_words.refresh_from_db()
    assert (by_reference.description, by_reference.target_date) == ("New words", date(2027, 1, 31))
    assert by_words.group == "Engagement"
    assert by_words.revisions.get().user.username == "officer"
    assert plan_actions(plan).filter(description="New words").count() == 1


def test_a_quarterly_update_replaces_that_quarters_and_keeps_the_others(officer, plan):
    action = plan_actions(plan).filter(progress_updates__isnull=False).distinct().first()
    quarters = {(u.year, u.quarter) for u in action.progress_updates.all()}
    year, quarter = max(quarters)
    row = {
        "priority": str(action.priority.number),
        "reference": action.reference,
        "action": action.description,
        "period": f"Q{quarter} {year}/{(year + 1) % 100:02d}",
        "status": "off_track",
        "summary": "The venue fell through.",
    }
    header = ["priority", "reference", "action", "period", "status", "summary"]
    preview = upload(officer, plan, "plan.csv", csv_bytes([row], header))
    assert preview.context["import_plan"].changes[0].changed == [
        f"the {year}/{(year + 1) % 100:02d} Q{quarter} update"
    ]
    confirm(officer, preview)
    action.refresh_from_db()
    assert {(u.year, u.quarter) for u in action.progress_updates.all()} == quarters
    assert action.progress_updates.get(year=year, quarter=quarter).summary == (
        "The venue fell through."
    )
    assert action.latest_status == Status.OFF_TRACK


def test_unknown_partners_are_created_only_when_ticked(officer, plan):
    rows = twenty_actions(plan, total=3)
    rows[0]["lead partners"] = "Safer Streets Trust; HDC"
    rows[2]["supporting partners"] = "safer streets  trust"
    before = plan_actions(plan).count()

    preview = upload(officer, plan, *spreadsheet(rows, "csv"))

    assert preview.context["import_plan"].problems == []
    page = text(preview)
    assert "Create Safer Streets Trust" in page
    assert "(will be created; rows 2, 4)" in page
    # The preview names a new partner as it was written, never lowercased, in the row's order.
    assert preview.context["import_plan"].changes[0].details[0] == "lead: Safer Streets Trust, HDC"
    assert "lead: Safer Streets Trust, HDC" in page
    assert ">Import</button>" in page

    unticked = confirm(officer, preview)

    assert unticked.status_code == 200
    assert unticked.context["import_plan"].problems == [
        "Row 2, lead partners: 'Safer Streets Trust' is not a partner yet: tick 'Create Safer "
        "Streets Trust' to add it, or correct the name",
        "Row 4, supporting partners: 'safer streets  trust' is not a partner yet: tick 'Create "
        "safer streets  trust' to add it, or correct the name",
    ]
    assert not Partner.objects.filter(name="Safer Streets Trust").exists()
    assert plan_actions(plan).count() == before

    ticked = confirm(officer, preview, partners=["safer streets trust"])

    assert ticked.status_code == 302
    trust = Partner.objects.get(name="Safer Streets Trust")
    assert trust.revisions.get().user.username == "officer"
    first = plan_actions(plan).get(reference="IMP01")
    assert set(first.lead_partners.values_list("short_name", flat=True)) == {"", "HDC"}
    assert list(plan_actions(plan).get(reference="IMP03").supporting_partners.all()) == [trust]


def test_the_token_works_once(officer, plan):
    preview = upload(officer, plan, *spreadsheet(twenty_actions(plan, total=2), "csv"))
    assert confirm(officer, preview).status_code == 302
    again = confirm(officer, preview)
    assert again.status_code == 302
    assert again["Location"] == IMPORT_URL
    follow = officer.get(IMPORT_URL)
    assert "That import is no longer waiting" in text(follow)
    assert plan_actions(plan).filter(reference__startswith="IMP").count() == 2
    forged = officer.post(CONFIRM_URL, {"token": "made-up"})
    assert forged["Location"] == IMPORT_URL


@pytest.mark.parametrize(
    "written, expected",
    [
        ("2027-03-31", date(2027, 3, 31)),
        ("31/03/2027", date(2027, 3, 31)),
        ("March 2027", date(2027, 3, 31)),
        ("feb 2028", date(2028, 2, 29)),
        ("1/4/2026", date(2026, 4, 1)),
    ],
)
def test_target_dates_as_people_write_them(written, expected):
    assert plan_import.parse_date(written) == expected
    # A month alone is kept as a month: the site shows "March 2027", not "31 March 2027".
    assert plan_import.parse_target(written) == (expected, written[0].isalpha())


def test_a_month_target_is_imported_as_a_month_and_reimporting_changes_nothing(officer, plan):
    rows = twenty_actions(plan, total=2)
    rows[0]["target date"] = "March 2027"
    rows[1]["target date"] = "31/03/2027"
    preview = upload(officer, plan, *spreadsheet(rows, "csv"))
    assert confirm(officer, preview).status_code == 302
    imported = {a.target_month_only: a for a in plan_actions(plan).filter(target_date="2027-03-31")}
    assert imported[True].target_in_words == "March 2027"
    assert imported[False].target_in_words == "31 March 2027"
    again = upload(officer, plan, *spreadsheet(rows, "csv"))
    assert again.context["counts"] == {"create": 0, "change": 0, "unchanged": 2}
    rows[1]["target date"] = "March 2027"
    changed = upload(officer, plan, *spreadsheet(rows, "csv"))
    assert changed.context["counts"] == {"create": 0, "change": 1, "unchanged": 1}
    assert [c.changed for c in changed.context["import_plan"].changes if c.changed] == [
        ["target date"]
    ]


@pytest.mark.parametrize(
    "written", ["31/02/2027", "2027/03/31", "Marchember 2027", "soon", "3/2027"]
)
def test_what_is_not_a_date(written):
    with pytest.raises(ValueError, match="is not a date"):
        plan_import.parse_date(written)


def test_xlsx_dates_and_numbers_are_read_as_typed(officer, plan):
    header = ["priority", "reference", "action", "target date", "period", "status", "summary"]
    content = xlsx_bytes(
        [
            [
                2,
                7,
                "An action in a real workbook",
                date(2027, 6, 30),
                "2026/27 Q1",
                "Complete",
                "Done",
            ]
        ],
        header,
        raw=True,
    )
    preview = upload(officer, plan, "plan.xlsx", content)
    assert preview.context["import_plan"].problems == []
    change = preview.context["import_plan"].changes[0]
    assert change.values["target_date"] == date(2027, 6, 30)
    assert change.values["reference"] == "7"
    assert change.priority.number == 2
    assert change.update == (2026, 1, Status.COMPLETE, "Done")


# Bad input ----------------------------------------------------------------------------------------


def formula_without_result():
    book = Workbook()
    sheet = book.active
    sheet.append(["priority", "action", "target date"])
    sheet.append(["1", "An action", "=DATE(2027,3,31)"])  # openpyxl saves no result for it
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_saved_result(workbook, cell, result):
    """The workbook as Excel saves it: each formula with the result it last showed."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                xml = xml.replace(f'<c r="{cell}">', f'<c r="{cell}" t="str">')
                xml = xml.replace("<v /></c>", f"<v>{result}</v></c>")
                data = xml.encode()
            target.writestr(item, data)
    return out.getvalue()


def test_a_formula_is_read_as_the_result_excel_saved(officer, plan):
    book = Workbook()
    sheet = book.active
    sheet.append(["priority", "action", "target date"])
    sheet.append(["1", "An action with a worked-out date", '="March "&"2027"'])
    out = io.BytesIO()
    book.save(out)
    content = with_saved_result(out.getvalue(), "C2", "March 2027")
    preview = upload(officer, plan, "plan.xlsx", content)
    assert preview.context["import_plan"].problems == []
    assert preview.context["import_plan"].changes[0].values["target_date"] == date(2027, 3, 31)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100


@pytest.mark.parametrize(
    "filename, content, message",
    [
        (
            "plan.csv",
            b"priority,reference,target date\r\n1,V01,2027-03-31\r\n",
            "Row 1: the header has no &#x27;action&#x27; column.",
        ),
        (
            "plan.csv",
            b"indicator,period,value\r\ntotal-recorded-crime,2025/26,10\r\n",
            "Row 1: the header has no &#x27;priority&#x27; or &#x27;action&#x27; column.",
        ),
        (
            "plan.csv",
            b"priority,action,colour\r\n1,An action,red\r\n",
            "Row 1, column C: &#x27;colour&#x27; is not a column this import reads.",
        ),
        (
            "plan.csv",
            b"priority,action,action\r\n1,An action,again\r\n",
            "Row 1, column C: the column &#x27;action&#x27; is there twice.",
        ),
        (
            "plan.csv",
            b"priority,action,period\r\n1,An action,2026/27 Q1\r\n",
            "a quarterly update needs the columns period, status and summary; missing status, "
            "summary.",
        ),
        ("plan.csv", b"", "The file is empty"),
        ("plan.csv", b"\r\n,,\r\n", "The file is empty"),
        ("plan.csv", b"priority,action\r\n", "The file has a header row but no actions under it."),
        (
            "plan.csv",
            b"priority,action\r\n" + b"1,An action\r\n" * 10_000,
            "The file has more than 500 rows: import at most 500 rows at a time.",
        ),
        (
            "plan.xlsx",
            formula_without_result(),
            "Row 2, target date: the cell has a formula (=DATE(2027,3,31)) with no saved result",
        ),
        (
            "plan.csv",
            "priority,action\r\n1,Café patrols\r\n".encode("cp1252"),
            "The CSV file is not saved as UTF-8",
        ),
        ("plan.xlsx", PNG, "The file is not an Excel workbook, though its name ends in .xlsx"),
        ("plan.csv", PNG, "The file is not CSV text"),
        (
            "plan.xlsx",
            b"PK\x03\x04" + b"not really a zip" * 20,
            "The file cannot be read as an Excel workbook",
        ),
        ("plan.png", PNG, "Upload a spreadsheet saved as an Excel workbook (.xlsx) or CSV (.csv)."),
        ("plan.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "save it as an Excel workbook (.xlsx)"),
        (
            "plan.csv",
            b"priority,action\r\n" + b"1," + b"x" * (plan_import.MAX_BYTES + 10) + b"\r\n",
            "it can be at most 5 MB",
        ),
        (
            "plan.csv",
            b'priority,action\r\n1,"' + b"x" * 200_000 + b'"\r\n',
            "The file cannot be read as CSV: line 2: this row cannot be read as CSV",
        ),
    ],
    ids=[
        "missing column",
        "another file's columns",
        "unknown column",
        "column twice",
        "half an update",
        "empty",
        "blank rows only",
        "header only",
        "10,000 rows",
        "formula with no result",
        "not UTF-8",
        "PNG named .xlsx",
        "PNG named .csv",
        "damaged workbook",
        "not a spreadsheet name",
        "old Excel",
        "too large",
        "broken CSV",
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_imported(
    officer, plan, filename, content, message
):
    before = (Action.objects.count(), Partner.objects.count())
    response = upload(officer, plan, filename, content)
    assert response.status_code == 200
    assert message in text(response)
    assert (Action.objects.count(), Partner.objects.count()) == before
    if "token" in (response.context or {}):
        assert ">Import</button>" not in text(response)
        confirm(officer, response)
        assert (Action.objects.count(), Partner.objects.count()) == before


@pytest.mark.parametrize(
    "change, message",
    [
        ({"priority": "Somewhere else"}, "Row 2, priority: there is no priority"),
        ({"priority": ""}, "Row 2, priority: empty"),
        ({"action": ""}, "Row 2, action: empty: say what the action is"),
        ({"reference": "R" * 21}, "Row 2, reference: "),
        ({"status": "Going well"}, "Row 2, status: &#x27;Going well&#x27; is not a status"),
        ({"period": "2026/27"}, "Row 2, period: &#x27;2026/27&#x27; is not a quarter"),
        ({"summary": ""}, "Row 2, summary: empty"),
    ],
)
def test_bad_cells_are_named_by_row_and_column(officer, plan, change, message):
    row = twenty_actions(plan, total=4)[3] | change
    response = upload(officer, plan, *spreadsheet([row], "csv"))
    assert message in text(response)
    assert ">Import</button>" not in text(response)


def test_two_rows_for_one_action_are_refused(officer, plan):
    rows = twenty_actions(plan, total=2)
    rows[1]["reference"] = "imp01"
    response = upload(officer, plan, *spreadsheet(rows, "csv"))
    assert "Row 3, reference: &#x27;imp01&#x27; is already on row 2" in text(response)


def test_the_upload_form_asks_for_a_plan_and_a_file(officer, plan):
    form = officer.get(IMPORT_URL, {"plan": plan.pk})
    assert form.status_code == 200
    assert form.context["form"].initial == {"plan": str(plan.pk)}
    # The browser tab says which screen it is, as Wagtail's own screens do.
    assert "<title>Import actions - " in form.content.decode()
    assert "<title>Import indicator values - " in officer.get(VALUES_URL).content.decode()
    missing = officer.post(IMPORT_URL, {})
    assert "Choose the plan to import the actions into." in text(missing)
    assert "Choose the spreadsheet to upload." in text(missing)


# Templates ----------------------------------------------------------------------------------------


def test_the_templates_have_the_columns_and_an_example_that_previews(officer, plan):
    workbook = officer.get(IMPORT_URL + "template.xlsx")
    assert workbook["Content-Disposition"] == 'attachment; filename="actions-template.xlsx"'
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == COLUMNS
    assert len(rows) == 2

    as_csv = officer.get(IMPORT_URL + "template.csv")
    lines = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert lines[0] == COLUMNS and len(lines) == 2

    for name, content in [("t.xlsx", workbook.content), ("t.csv", as_csv.content)]:
        preview = upload(officer, plan, name, content)
        assert preview.context["import_plan"].problems == []
        assert preview.context["counts"]["create"] == 1


# Permissions --------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["comms", "lead", "parish"])
def test_only_those_who_can_add_and_change_actions_may_import(client, plan, username):
    signed_in(client, username)
    for url in [IMPORT_URL, IMPORT_URL + "template.csv", VALUES_URL]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    before = Action.objects.count()
    response = upload(client, plan, *spreadsheet(twenty_actions(plan, total=2), "csv"))
    assert response["Location"] == "/admin/"
    assert client.post(CONFIRM_URL, {"token": "x"})["Location"] == "/admin/"
    assert Action.objects.count() == before
    assert "Import actions" not in text(client.get("/admin/"))


def test_nobody_signed_out_may_import(client, db):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_officers_and_superusers_find_the_import_in_the_menu_and_on_the_plan(client, plan):
    for username in ["officer", "admin"]:
        signed_in(client, username)
        assert client.get(IMPORT_URL).status_code == 200
        home = text(client.get("/admin/"))
        assert IMPORT_URL in home and VALUES_URL in home
        listing = text(client.get(f"/admin/pages/{plan.get_parent().pk}/"))
        assert f"{IMPORT_URL}?plan={plan.pk}" in listing
        editor = text(client.get(f"/admin/pages/{plan.pk}/edit/"))
        assert f"{IMPORT_URL}?plan={plan.pk}" in editor
        client.logout()


# Indicator values ---------------------------------------------------------------------------------


def test_indicator_values_are_previewed_then_imported_from_csv(officer, indicators):
    content = (
        b"indicator,period,value\r\n"
        b'total-recorded-crime,2030/31,"1,234"\r\n'
        b"residential-burglary,2030/31 Q1,12.5\r\n"
    )
    preview = upload(officer, None, "values.csv", content, url=VALUES_URL)
    assert preview.status_code == 200
    assert preview.context["problems"] == []
    assert preview.context["counts"] == {"create": 2, "change": 0, "unchanged": 0}
    assert not IndicatorValue.objects.filter(period__startswith="2030/31").exists()

    done = confirm(officer, preview, url=VALUES_CONFIRM_URL)

    assert done.status_code == 302
    saved = IndicatorValue.objects.get(indicator__slug="total-recorded-crime", period="2030/31")
    assert saved.value == Decimal("1234")
    assert saved.indicator.revisions.latest("created_at").user.username == "officer"
    again = upload(officer, None, "values.csv", content, url=VALUES_URL)
    assert "No changes" in text(again)


def test_indicator_values_from_xlsx_with_problems_by_row(officer, indicators):
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value"])
    sheet.append(["total-recorded-crime", "2031/32", 4321])
    sheet.append(["no-such-indicator", "2031/32", "1,5"])
    sheet.append(["residential-burglary", "2031/32", "=1+1"])
    out = io.BytesIO()
    book.save(out)

    preview = upload(officer, None, "values.xlsx", out.getvalue(), url=VALUES_URL)

    problems = preview.context["problems"]
    assert "row 4, value: the cell has a formula (=1+1) with no saved result" in problems[0]
    assert "row 3: there is no indicator 'no-such-indicator'" in problems
    assert "row 3: '1,5' is ambiguous: write 1.5 or 15" in problems
    assert ">Import</button>" not in text(preview)
    confirm(officer, preview, url=VALUES_CONFIRM_URL)
    assert not IndicatorValue.objects.filter(period="2031/32").exists()

    good = Workbook()
    good.active.append(["Indicator", "Period", "Value"])
    good.active.append(["total-recorded-crime", "2031/32", 4321])
    out = io.BytesIO()
    good.save(out)
    preview = upload(officer, None, "values.xlsx", out.getvalue(), url=VALUES_URL)
    assert preview.context["counts"]["create"] == 1
    confirm(officer, preview, url=VALUES_CONFIRM_URL)
    assert IndicatorValue.objects.get(period="2031/32").value == 4321


def test_indicator_values_bad_files(officer, indicators):
    for filename, content, message in [
        ("values.csv", "indicator,period,value\r\nx,2020,£5\r\n".encode("cp1252"), "UTF-8"),
        ("values.xlsx", PNG, "not an Excel workbook"),
        ("values.csv", b"", "The file is empty"),
    ]:
        response = upload(officer, None, filename, content, url=VALUES_URL)
        assert response.status_code == 200
        assert message in text(response)


# Timing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("total", [20, 500])
def test_timing_of_an_import(officer, plan, total):
    rows = twenty_actions(plan, total=total)
    started = time.perf_counter()
    preview = upload(officer, plan, *spreadsheet(rows, "xlsx"))
    previewed = time.perf_counter()
    assert confirm(officer, preview).status_code == 302
    imported = time.perf_counter()
    again = upload(officer, plan, *spreadsheet(rows, "xlsx"))
    rechecked = time.perf_counter()
    assert again.context["counts"]["unchanged"] == total
    print(
        f"\n{total} actions: preview {previewed - started:.2f}s, import "
        f"{imported - previewed:.2f}s, re-import preview {rechecked - imported:.2f}s"
    )


def test_rows_are_named_as_the_sheet_numbers_them_with_blank_rows_above_the_header(officer, plan):
    book = Workbook()
    sheet = book.active
    sheet["A3"], sheet["B3"] = "Priority", "Action"
    sheet["A4"], sheet["B4"] = "1", "Fine"
    sheet["A6"], sheet["B6"] = "Nowhere", "Not fine"
    out = io.BytesIO()
    book.save(out)
    response = upload(officer, plan, "plan.xlsx", out.getvalue())
    problems = response.context["import_plan"].problems
    assert len(problems) == 1 and problems[0].startswith("Row 6, priority: there is no priority")


def test_a_target_date_outside_the_plan_is_a_warning_not_a_problem(officer, plan):
    row = twenty_actions(plan, total=1)[0] | {"target date": "30/06/2029"}
    preview = upload(officer, plan, *spreadsheet([row], "csv"))
    import_plan = preview.context["import_plan"]
    assert import_plan.problems == []
    assert import_plan.warnings == [
        "Row 2, target date: 30 June 2029 is outside the plan's period (1 April 2026 to "
        "31 March 2027); it will be imported all the same"
    ]
    assert "Worth checking" in text(preview)
    assert confirm(officer, preview).status_code == 302
    assert plan_actions(plan).get(reference="IMP01").target_date == date(2029, 6, 30)


def test_a_workbook_of_10000_rows_is_refused_with_the_limit(officer, plan):
    rows = [["1", f"Action {number}"] for number in range(10_000)]
    content = xlsx_bytes(rows, ["priority", "action"], raw=True)
    before = Action.objects.count()
    response = upload(officer, plan, "plan.xlsx", content)
    assert "The file has more than 500 rows: import at most 500 rows at a time." in text(response)
    assert Action.objects.count() == before


def test_indicator_values_have_their_own_larger_limit(officer, indicators):
    ok = "indicator,period,value\r\n" + "".join(
        f"total-recorded-crime,{year},{year}\r\n" for year in range(1001, 1001 + 600)
    )
    preview = upload(officer, None, "values.csv", ok.encode(), url=VALUES_URL)
    assert preview.context["problems"] == []
    assert preview.context["counts"]["create"] == 600
    too_many = "indicator,period,value\r\n" + "x,2020,1\r\n" * 10_000
    refused = upload(officer, None, "values.csv", too_many.encode(), url=VALUES_URL)
    assert "The file has more than 5,000 rows" in text(refused)

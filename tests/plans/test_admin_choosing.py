"""Less hunting in the officers' admin: a new action opens on its own fields, priorities say
which plan and year they belong to, partners are chosen (and added) in order, several things are
ticked rather than Ctrl-clicked, an indicator's slug makes itself, and the actions listing says
which have no update yet and which are overdue."""

import re
from datetime import date

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from plans.models import Action, Indicator, Partner, PriorityPage
from plans.progress import Status
from tests.areas.factories import make_you_said_we_did
from tests.campaigns.factories import make_campaign
from tests.factories import signed_in
from tests.plans.factories import make_action, make_plan, make_plan_for_year, make_priority, partner

pytestmark = pytest.mark.django_db

ACTIONS = "/admin/snippets/plans/action/"


@pytest.fixture
def officer(client, db):
    return signed_in(client, "officer")


@pytest.fixture
def current_plan(home_page):
    """This year's plan with three priorities, each with an action reported on, and an
    earlier plan's priority."""
    plan = make_plan(home_page, "2026-2027")
    police = partner("Northshire Police", "Police")
    for number, title in enumerate(["People", "Places", "Partnership working"], start=1):
        make_action(
            make_priority(plan, number, title=title),
            f"Action for {title.lower()}",
            updates=[(2026, 2, Status.ON_TRACK, "Going well.", [])],
            leads=[police],
        )
    old = make_plan_for_year(home_page, 2017)
    make_priority(old, 1, "violence", title="Violence and abuse")
    return plan


def options(html, select_name):
    """The (value, label) options of a <select name=...>, in order."""
    select = re.search(rf'<select[^>]* name="{select_name}".*?</select>', html, re.S)
    assert select, f"no <select name={select_name}>"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[0])


def test_a_new_action_opens_on_its_own_fields(officer):
    content = officer.get(f"{ACTIONS}add/").content.decode()
    assert content.index('id="tab-label-action"') < content.index('id="tab-label-progress"')


def test_the_priority_is_chosen_from_a_list_that_names_the_plan_and_year(officer, current_plan):
    content = officer.get(f"{ACTIONS}add/").content.decode()
    labels = [label for value, label in options(content, "priority") if value]
    assert labels[0] == "Priority 1: People, 2026 to 2027"
    assert "Priority 1: Violence and abuse, 2017 to 2018" in labels or any(
        label.endswith(", 2017 to 2018") for label in labels
    )
    # Newest plan first, each plan's priorities in their order.
    current = [label for label in labels if label.endswith("2026 to 2027")]
    assert current == sorted(current, key=lambda label: int(label.split()[1].rstrip(":")))
    assert labels.index(current[-1]) < min(
        labels.index(label) for label in labels if label.endswith("2017 to 2018")
    )


def test_the_listing_filter_and_column_name_the_plan_too(officer, current_plan):
    content = officer.get(ACTIONS, {"plan": current_plan.pk}).content.decode()
    labels = [label for value, label in options(content, "priority") if value]
    assert "Priority 1: People, 2026 to 2027" in labels
    listing = content.split('<table class="listing')[1]
    assert re.search(r"Priority 1: People, 2026 to 2027\s*</td>", listing)


def test_the_listing_costs_no_query_per_action(officer, home_page):
    """Each priority's plan comes with the priorities: as many queries for 2 actions as for 8."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n, total in enumerate((2, 8)):
        plan = make_plan(home_page, slug=f"count-plan-{n}", title=f"Count plan {n}")
        for number in range(1, total + 1):
            make_action(make_priority(plan, number, title=f"P{number}"), f"Action {number}")
        officer.get(ACTIONS, {"plan": plan.pk})
        with CaptureQueriesContext(connection) as context:
            content = officer.get(ACTIONS, {"plan": plan.pk}).content.decode()
        assert content.count(f"Priority {total}: P{total}, 2026 to 2027") >= 1
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


def test_the_action_form_has_choosers_and_no_ctrl_click_lists(officer):
    content = officer.get(f"{ACTIONS}add/").content.decode()
    assert "<select multiple" not in content and " multiple>" not in content
    assert 'name="lead_partner_links-TOTAL_FORMS"' in content
    assert 'name="supporting_partner_links-TOTAL_FORMS"' in content


def test_campaign_topics_priorities_and_partners_are_checkboxes(client, current_plan):
    campaign = make_campaign(current_plan.get_parent().get_parent().specific, "white-ribbon-day")
    content = signed_in(client, "admin").get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    assert "<select multiple" not in content
    for name in ("topics", "priorities", "partners"):
        assert f'type="checkbox" name="{name}"' in content, name
    assert "Priority 1: People, 2026 to 2027" in content


def action_form(priority, lead=(), supporting=(), **fields):
    def links(partners):
        rows = [{"partner": p.pk, "ORDER": n} for n, p in enumerate(partners)]
        return inline_formset(rows)

    data = {
        "priority": priority.pk,
        "reference": "",
        "sort_order": 0,
        "group": "",
        "description": "Walk the town centre with the night-time economy team",
        "intended_outcome": "",
        "success_measures": "",
        "lead_partner_links": links(lead),
        "supporting_partner_links": links(supporting),
        "owners": "",
        "possible_barriers": "",
        "target_date": "",
        "progress_updates": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


def test_partners_keep_the_order_the_officer_gave(officer, current_plan):
    priority = PriorityPage.objects.child_of(current_plan).first()
    police, hdc, lfrs = partner("Police"), partner("Harborough District Council"), partner("Fire")
    response = officer.post(
        f"{ACTIONS}add/", action_form(priority, lead=[police, hdc], supporting=[lfrs, hdc])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    action = Action.objects.get(description__startswith="Walk the town centre")
    assert [p.name for p in action.leads] == ["Police", "Harborough District Council"]
    assert [p.name for p in action.supporters] == ["Fire", "Harborough District Council"]
    page = officer.get(priority.url).content.decode()
    assert "Police, Harborough District Council" in page


def test_a_partner_listed_twice_is_a_clear_message(officer, current_plan):
    priority = PriorityPage.objects.child_of(current_plan).first()
    police = partner("Police")
    before = Action.objects.count()
    response = officer.post(f"{ACTIONS}add/", action_form(priority, lead=[police, police]))
    assert response.status_code == 200
    assert "Police is already listed: remove this row." in response.content.decode()
    assert Action.objects.count() == before


def test_a_partner_can_be_added_from_the_actions_chooser(officer):
    chooser = officer.get("/admin/snippets/choose/plans/partner/").json()["html"]
    assert "Add a partner" in chooser
    assert 'maxlength="150"' not in chooser and "Up to 150 characters." in chooser
    response = officer.post(
        "/admin/snippets/choose/plans/partner/create/",
        {"name": "Safer Streets Trust", "short_name": "SST", "kind": "voluntary", "website": ""},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    created = Partner.objects.get(name="Safer Streets Trust")
    assert created.revisions.count() == 1
    # Searching the chooser works on every database.
    found = officer.get("/admin/snippets/choose/plans/partner/results/", {"q": "safer str"})
    assert found.status_code == 200 and "Safer Streets Trust" in found.content.decode()


def test_named_owners_are_shown_only_when_the_officer_says_so(client, home_page):
    plan = make_plan(home_page, slug="owners-plan", title="Owners plan 2026 to 2027")
    priority = make_priority(plan, 1, title="People")
    make_action(priority, "Hidden owner", owners="Jo Smith, CSP officer")
    make_action(priority, "Shown owners", owners="Sam Patel, Inspector\nAl Jones", show_owners=True)
    page = client.get(priority.url).content.decode()
    assert "Jo Smith" not in page
    assert "<dt>Owners</dt><dd>Sam Patel, Inspector<br>Al Jones</dd>" in page
    data = client.get(plan.url + "progress.json").json()
    assert "Jo Smith" not in str(data)
    owners = {record["action"]: record["owners"] for record in data["actions"]}
    assert owners == {"Hidden owner": [], "Shown owners": ["Sam Patel, Inspector", "Al Jones"]}
    csv_text = client.get(plan.url + "progress.csv").content.decode()
    assert "Jo Smith" not in csv_text and "Sam Patel, Inspector; Al Jones" in csv_text


def test_a_month_target_is_shown_as_a_month(client, home_page):
    plan = make_plan(home_page, slug="month-plan", title="Month plan 2026 to 2027")
    priority = make_priority(plan, 1, title="People")
    make_action(priority, "By a month", target_date=date(2027, 3, 1), target_month_only=True)
    make_action(priority, "By a day", target_date=date(2027, 3, 1))
    page = client.get(priority.url).content.decode()
    assert "<dt>Target date</dt><dd>March 2027</dd>" in page
    assert "<dt>Target date</dt><dd>1 March 2027</dd>" in page
    data = client.get(plan.url + "progress.json").json()
    dates = {record["action"]: record["target_date"] for record in data["actions"]}
    assert dates == {"By a month": "2027-03", "By a day": "2027-03-01"}


def test_the_indicator_slug_makes_itself_from_the_name(officer):
    form = officer.get("/admin/snippets/plans/indicator/add/").content.decode()
    name_input = re.search(r'<input[^>]*name="name"[^>]*>', form)[0]
    assert 'data-controller="w-sync"' in name_input or "w-sync" in name_input
    assert 'data-w-sync-target-value="#id_slug"' in name_input
    for expected in ("repeat-victims-of-asb", "repeat-victims-of-asb-2"):
        response = officer.post(
            "/admin/snippets/plans/indicator/add/",
            nested_form_data(
                {
                    "name": "Repeat victims of ASB",
                    "slug": "",
                    "area": "Harborough District",
                    "unit": "people",
                    "better": "lower",
                    "description": "",
                    "source": "",
                    "values": inline_formset([]),
                }
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Indicator.objects.filter(slug=expected).exists()


def test_the_listing_finds_actions_with_no_update_yet(officer, current_plan):
    priority = PriorityPage.objects.child_of(current_plan).first()
    make_action(priority, "Not reported on yet")
    response = officer.get(ACTIONS, {"latest_status": "no_update"})
    assert response.status_code == 200
    content = response.content.decode()
    without = Action.objects.filter(latest_status="")
    with_update = Action.objects.exclude(latest_status="")
    assert without.exists() and with_update.exists()
    for action in without[:20]:
        assert f"{ACTIONS}edit/{action.pk}/" in content
    for action in with_update[:20]:
        assert f"{ACTIONS}edit/{action.pk}/" not in content
    assert ">No update yet<" in content


def test_the_listing_marks_and_filters_overdue_actions_in_words(officer, home_page):
    plan = make_plan(
        home_page,
        slug="late-plan",
        title="Late plan 2020 to 2021",
        starts_on=date(2020, 4, 1),
        ends_on=date(2021, 3, 31),
    )
    priority = make_priority(plan, 1, title="People")
    late = make_action(priority, "Late one", target_date=date(2021, 3, 31))
    done = make_action(
        priority,
        "Done one",
        target_date=date(2021, 3, 31),
        updates=[(2020, 4, Status.COMPLETE, "Done", [])],
    )
    month = make_action(
        priority, "This month", target_date=date.today().replace(day=1), target_month_only=True
    )
    content = officer.get(ACTIONS, {"plan": plan.pk}).content.decode()
    assert "31 March 2021: overdue" in content
    row = content.split(f"{ACTIONS}edit/{done.pk}/")[1].split("</tr>")[0]
    assert "overdue" not in row
    row = content.split(f"{ACTIONS}edit/{month.pk}/")[1].split("</tr>")[0]
    assert "overdue" not in row  # a month's target runs to the month's end

    overdue = officer.get(ACTIONS, {"plan": plan.pk, "overdue": "yes"}).content.decode()
    assert f"{ACTIONS}edit/{late.pk}/" in overdue
    assert f"{ACTIONS}edit/{done.pk}/" not in overdue
    assert f"{ACTIONS}edit/{month.pk}/" not in overdue
    on_time = officer.get(ACTIONS, {"plan": plan.pk, "overdue": "no"}).content.decode()
    assert f"{ACTIONS}edit/{late.pk}/" not in on_time
    assert f"{ACTIONS}edit/{done.pk}/" in on_time and f"{ACTIONS}edit/{month.pk}/" in on_time
    # The filter says what it does in words.
    assert ">Overdue</" in overdue and ">Not overdue</" in overdue


def test_the_public_filter_of_you_said_we_did_names_the_plan_too(client, current_plan):
    for priority in PriorityPage.objects.all():
        make_you_said_we_did(title=f"About {priority.title}", priority=priority)
    content = client.get("/you-said-we-did/").content.decode()
    labels = [label for value, label in options(content, "priority") if value]
    assert labels and all(re.fullmatch(r"Priority \d+: .+, \d{4}( to \d{4})?", x) for x in labels)


def indicator_form(name, values, slug=""):
    return nested_form_data(
        {
            "name": name,
            "slug": slug,
            "area": "Harborough District",
            "unit": "incidents",
            "better": "lower",
            "description": "",
            "source": "",
            "values": inline_formset(
                [{"period": period, "value": value} for period, value in values]
            ),
        }
    )


def test_one_period_written_two_ways_is_a_clear_message_not_a_500(officer):
    before = Indicator.objects.count()
    response = officer.post(
        "/admin/snippets/plans/indicator/add/",
        indicator_form("Burglary", [("2023/24", "10"), ("2023-24", "12")]),
    )
    assert response.status_code == 200
    assert (
        "&#x27;2023-24&#x27; is the same period as &#x27;2023/24&#x27; (2023/24) in another row"
        in response.content.decode()
    )
    assert Indicator.objects.count() == before


def test_a_second_indicator_of_the_same_name_is_told_a_free_slug(officer):
    name = "Anti-social behaviour incidents reported to the police in Blaby and Harborough"
    first = officer.post("/admin/snippets/plans/indicator/add/", indicator_form(name, []))
    assert first.status_code == 302
    made = Indicator.objects.get(name=name).slug
    assert made == "anti-social-behaviour-incidents-reported-to-the-police-in-blaby-and-harborough"
    # The form fills the slug from the name as the officer types: the same again.
    second = officer.post("/admin/snippets/plans/indicator/add/", indicator_form(name, [], made))
    assert second.status_code == 200
    assert (
        f"Another indicator already has the slug &#x27;{made}&#x27;: give this one its own, "
        f"such as &#x27;{made}-2&#x27;." in second.content.decode()
    )
    # Left empty, the server makes a free one.
    third = officer.post("/admin/snippets/plans/indicator/add/", indicator_form(name, [], ""))
    assert third.status_code == 302
    assert Indicator.objects.filter(slug=f"{made}-2").exists()

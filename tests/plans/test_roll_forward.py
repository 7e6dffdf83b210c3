"""Starting next year's plan from this one: the plan, its priorities and its open actions are
copied as drafts, with new dates and without their progress; the old plan is untouched."""

from datetime import date

import pytest

from plans.models import Action, PlanPage, PriorityPage
from plans.progress import Status
from plans.roll_forward import next_title
from tests.factories import signed_in
from tests.plans.factories import make_action, make_plan, make_priority, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(home_page):
    plan = make_plan(home_page, slug="roll-plan", title="Roll plan 2026 to 2027")
    plan.themes.create(name="Safer places", aim="Places people feel safe in")
    plan.save()
    theme = plan.themes.get()
    people = make_priority(plan, 1, title="People", short_name="People", theme=theme)
    places = make_priority(plan, 2, title="Places", short_name="Places")
    hdc, police = partner("Harborough District Council", "HDC"), partner("Police")
    make_action(
        people,
        "Open action with a day",
        reference="R01",
        updates=[(2026, 2, Status.ON_TRACK, "Going well", [("Referrals", "4", "5")])],
        leads=[police, hdc],
        supporting=[hdc],
        target_date=date(2027, 3, 31),
        owners="Jo Smith, Community Safety Officer",
        show_owners=True,
    )
    make_action(
        people,
        "Done already",
        reference="R02",
        updates=[(2026, 2, Status.COMPLETE, "Finished", [])],
    )
    make_action(
        places,
        "Open action with a month",
        reference="R03",
        target_date=date(2027, 2, 28),
        target_month_only=True,
    )
    return plan


def roll(client, plan, **data):
    form = {
        "title": "Roll plan 2027 to 2028",
        "starts_on": "2027-04-01",
        "ends_on": "2028-03-31",
        **data,
    }
    return client.post(f"/admin/plans/{plan.pk}/start-next-year/", form)


def test_the_next_title_moves_the_years_on():
    assert next_title("Community safety action plan 2026 to 2027") == (
        "Community safety action plan 2027 to 2028"
    )
    assert next_title("Partnership plan 2026/27") == "Partnership plan 2027/28"
    assert next_title("Our plan") == "Our plan (next year)"


def test_the_form_suggests_next_years_title_and_dates_and_says_what_it_copies(client, plan):
    response = signed_in(client, "officer").get(f"/admin/plans/{plan.pk}/start-next-year/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial == {
        "title": "Roll plan 2027 to 2028",
        "starts_on": date(2027, 4, 1),
        "ends_on": date(2028, 3, 31),
    }
    content = response.content.decode()
    assert "its 2 priorities" in content
    assert "its 2 open actions" in content
    assert "The 1 completed action stays with this plan" in content


def test_rolling_forward_copies_priorities_and_open_actions_as_drafts(client, plan):
    before = Action.objects.count()
    response = roll(signed_in(client, "officer"), plan)

    new_plan = PlanPage.objects.get(title="Roll plan 2027 to 2028")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{new_plan.pk}/"
    assert (new_plan.starts_on, new_plan.ends_on) == (date(2027, 4, 1), date(2028, 3, 31))
    assert new_plan.slug == "roll-plan-2027-to-2028"
    assert not new_plan.live
    priorities = list(PriorityPage.objects.child_of(new_plan).order_by("number"))
    assert [(p.title, p.live) for p in priorities] == [("People", False), ("Places", False)]
    # The theme is the new plan's own copy, not the old plan's.
    assert priorities[0].theme.plan_id == new_plan.pk
    assert priorities[0].theme.name == "Safer places"

    copied = {a.reference: a for a in Action.objects.filter(priority__in=priorities)}
    assert sorted(copied) == ["R01", "R03"]  # not the completed one
    assert Action.objects.count() == before + 2
    first = copied["R01"]
    assert first.priority == priorities[0]
    assert first.progress_updates.count() == 0
    assert first.latest_status == ""
    assert first.target_date == date(2028, 3, 31)
    assert [p.name for p in first.leads] == ["Police", "Harborough District Council"]
    assert [p.name for p in first.supporters] == ["Harborough District Council"]
    assert first.owners == "Jo Smith, Community Safety Officer" and first.show_owners
    assert first.revisions.count() == 1
    month = copied["R03"]
    assert (month.target_date, month.target_month_only) == (date(2028, 2, 29), True)
    assert month.target_in_words == "February 2028"

    # The old plan is as it was.
    old = Action.objects.filter(priority__in=PriorityPage.objects.child_of(plan))
    assert old.count() == 3
    assert old.get(reference="R01").progress_updates.count() == 1

    # Nothing of the new plan is public until it is published.
    client.logout()
    assert client.get(plan.url).status_code == 200
    assert client.get(f"{plan.get_parent().url}roll-plan-2027-to-2028/").status_code == 404


def test_the_message_says_what_was_copied(client, plan):
    response = roll(signed_in(client, "officer"), plan)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [
        "Started Roll plan 2027 to 2028 from Roll plan 2026 to 2027: 2 priorities and 2 open "
        "actions copied, without their progress updates. The new plan and its priorities are "
        "drafts: check them, then publish."
    ]


def test_rolling_forward_twice_is_refused_and_another_title_gets_its_own_address(client, plan):
    officer = signed_in(client, "officer")
    roll(officer, plan)
    again = roll(officer, plan)
    assert again.status_code == 200
    assert again.context["form"].errors["title"] == [
        "There is already a plan called Roll plan 2027 to 2028 (a draft): open that one from "
        "the page tree, or give this plan another title."
    ]
    assert PlanPage.objects.filter(title="Roll plan 2027 to 2028").count() == 1
    # A title that makes the same address gets an address of its own.
    assert roll(officer, plan, title="Roll plan 2027 to 2028!").status_code == 302
    slugs = sorted(
        PlanPage.objects.filter(title__startswith="Roll plan 2027 to 2028").values_list(
            "slug", flat=True
        )
    )
    assert slugs == ["roll-plan-2027-to-2028", "roll-plan-2027-to-2028-2"]


def test_targets_move_as_far_as_the_plans_start(client, plan):
    """A plan moved on by six months moves its targets six months, not a whole year."""
    roll(signed_in(client, "officer"), plan, starts_on="2026-10-01", ends_on="2027-09-30")
    new_plan = PlanPage.objects.get(title="Roll plan 2027 to 2028")
    copied = {
        a.reference: a
        for a in Action.objects.filter(priority__in=PriorityPage.objects.child_of(new_plan))
    }
    assert copied["R01"].target_date == date(2027, 9, 30)
    assert copied["R03"].target_date == date(2027, 8, 31)  # February 2027 + 6 months, a month


def test_a_draft_plans_priorities_are_marked_in_every_list(client, plan):
    officer = signed_in(client, "officer")
    roll(officer, plan)
    content = officer.get("/admin/snippets/plans/action/add/").content.decode()
    assert "Priority 1: People, 2027 to 2028 (draft plan)" in content
    assert "Priority 1: People, 2026 to 2027</option>" in content


def test_the_form_has_working_date_pickers(client, plan):
    content = signed_in(client, "officer").get(f"/admin/plans/{plan.pk}/start-next-year/")
    html = content.content.decode()
    assert "date-time-chooser" in html or "datetimepicker" in html
    assert "For example 01/04/2027." in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"ends_on": "2027-01-01"}, "ends_on", "The plan cannot end before it starts"),
        ({"starts_on": "not a date"}, "starts_on", "Enter a valid date"),
        ({"title": ""}, "title", "This field is required"),
        ({"title": "x" * 300}, "title", "the limit is 255"),
    ],
)
def test_bad_input_is_a_clear_message_and_copies_nothing(client, plan, data, field, message):
    pages, actions = PlanPage.objects.count(), Action.objects.count()
    response = roll(signed_in(client, "officer"), plan, **data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert (PlanPage.objects.count(), Action.objects.count()) == (pages, actions)


def test_only_those_who_can_add_plans_and_actions_roll_forward(client, plan):
    comms = signed_in(client, "comms")
    assert comms.get(f"/admin/plans/{plan.pk}/start-next-year/").status_code in (302, 403)
    assert roll(comms, plan).status_code in (302, 403)
    assert not PlanPage.objects.filter(title="Roll plan 2027 to 2028").exists()
    assert (
        signed_in(client, "officer").get("/admin/plans/999999/start-next-year/").status_code == 404
    )


def test_the_plan_offers_rolling_forward_in_the_admin(client, plan):
    officer = signed_in(client, "officer")
    listing = officer.get(f"/admin/pages/{plan.get_parent().pk}/").content.decode()
    assert f"/admin/plans/{plan.pk}/start-next-year/" in listing
    assert "Start next year&#x27;s plan from this one" in listing
    header = officer.get(f"/admin/pages/{plan.pk}/").content.decode()
    assert f"/admin/plans/{plan.pk}/start-next-year/" in header

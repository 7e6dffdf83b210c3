"""Officers keep plans and actions current; the comms team cannot touch them."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import StandardPage
from plans.models import Action, PlanPage, PriorityPage
from plans.progress import Status
from tests.factories import signed_in
from tests.plans.factories import (
    make_action,
    make_indicator,
    make_plan,
    make_plan_for_year,
    make_priority,
    partner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def current_plan(home_page):
    """This year's plan with an action on track and one off track, and an earlier plan with
    one of its own."""
    police = partner("Northshire Police", "Police")
    plan = make_plan(home_page, "2026-2027")
    people, places = make_priority(plan, 1, "people"), make_priority(plan, 2, "places")
    for priority, status in ((people, Status.ON_TRACK), (places, Status.OFF_TRACK)):
        make_action(
            priority,
            f"Run the {priority.slug} programme",
            updates=[
                (2026, 1, Status.ON_TRACK, "Started.", [("Sessions", "4", "5")]),
                (2026, 2, status, "Carried on.", []),
            ],
            leads=[police],
            reference=f"{priority.number}.1",
        )
    old = make_plan_for_year(home_page, 2017)
    make_action(make_priority(old, 1, "violence"), "Reduce violence in the town centre")
    make_indicator()
    return plan


def action_form(action, updates):
    """The action's edit form as the browser sends it: its own fields unchanged, and `updates`."""
    return nested_form_data(
        {
            "priority": action.priority_id,
            "reference": action.reference,
            "sort_order": action.sort_order,
            "group": action.group,
            "description": action.description,
            "intended_outcome": action.intended_outcome,
            "success_measures": action.success_measures,
            "lead_partner_links": partner_links(action.lead_partner_links.all()),
            "supporting_partner_links": partner_links(action.supporting_partner_links.all()),
            "owners": action.owners,
            "possible_barriers": action.possible_barriers,
            "target_date": action.target_date.isoformat() if action.target_date else "",
            "progress_updates": inline_formset(
                updates, initial=len([u for u in updates if u.get("id")])
            ),
        }
    )


def partner_links(links):
    """The action's partners as the form's ordered rows of chosen partners."""
    rows = [{"id": link.pk, "partner": link.partner_id, "ORDER": n} for n, link in enumerate(links)]
    return inline_formset(rows, initial=len(rows))


def existing_updates(action):
    return [
        {
            "id": update.pk,
            "year": update.year,
            "quarter": update.quarter,
            "status": update.status,
            "summary": update.summary,
            "figures": streamfield(
                [
                    ("figure", {k: "" if v is None else v for k, v in block.value.items()})
                    for block in update.figures
                ]
            ),
        }
        for update in action.progress_updates.order_by("year", "quarter")
    ]


def test_an_officer_adds_this_quarters_update_without_touching_the_action(client, current_plan):
    action = Action.objects.filter(priority__in=PriorityPage.objects.child_of(current_plan)).first()
    before = {
        field: getattr(action, field)
        for field in ("description", "group", "success_measures", "reference")
    }
    revisions = action.revisions.count()
    new_update = {
        "year": 2026,
        "quarter": 3,
        "status": Status.AT_RISK,
        "summary": "Two venues closed for refurbishment.",
        "figures": streamfield(
            [("figure", {"label": "Venues signed up", "value": "18", "target": "20"})]
        ),
    }
    officer = signed_in(client, "officer")
    response = officer.post(
        f"/admin/snippets/plans/action/edit/{action.pk}/",
        action_form(action, [*existing_updates(action), new_update]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    action.refresh_from_db()
    assert {field: getattr(action, field) for field in before} == before
    assert action.latest_status == Status.AT_RISK
    latest = action.progress_updates.get(year=2026, quarter=3)
    assert latest.summary == "Two venues closed for refurbishment."
    figure = latest.figures[0].value
    assert (figure["label"], figure["value"], figure["target"]) == ("Venues signed up", "18", "20")
    assert action.revisions.count() == revisions + 1
    # The priority page shows it straight away.
    assert (
        "Two venues closed for refurbishment." in client.get(action.priority.url).content.decode()
    )


def test_the_same_quarter_cannot_be_reported_twice(client, current_plan):
    action = Action.objects.filter(priority__in=PriorityPage.objects.child_of(current_plan)).first()
    updates = existing_updates(action)
    duplicate = {**updates[0]}
    duplicate.pop("id")
    response = signed_in(client, "officer").post(
        f"/admin/snippets/plans/action/edit/{action.pk}/",
        action_form(action, [*updates, duplicate]),
    )
    assert response.status_code == 200  # the form again, with the error
    assert action.progress_updates.count() == len(updates)


def test_action_edit_opens_on_the_progress_tab(client, current_plan):
    action = Action.objects.first()
    content = (
        signed_in(client, "officer")
        .get(f"/admin/snippets/plans/action/edit/{action.pk}/")
        .content.decode()
    )
    assert 'id="tab-label-progress"' in content and 'id="tab-label-action"' in content
    assert content.index('id="tab-label-progress"') < content.index('id="tab-label-action"')


def test_officers_edit_plans_and_actions(client, current_plan):
    officer = signed_in(client, "officer")
    priority = PriorityPage.objects.child_of(current_plan).first()
    assert officer.get(f"/admin/pages/{current_plan.pk}/edit/").status_code == 200
    assert officer.get(f"/admin/pages/{priority.pk}/edit/").status_code == 200
    assert officer.get(f"/admin/pages/add/plans/prioritypage/{current_plan.pk}/").status_code == 200
    assert officer.get("/admin/snippets/plans/action/").status_code == 200
    assert officer.get("/admin/snippets/plans/action/add/").status_code == 200
    assert officer.get("/admin/snippets/plans/indicator/").status_code == 200
    assert officer.get("/admin/snippets/plans/partner/").status_code == 200


def test_the_comms_team_cannot_edit_plans_or_actions(client, current_plan):
    comms = signed_in(client, "comms")
    action = Action.objects.first()
    assert comms.get(f"/admin/pages/{current_plan.pk}/edit/").status_code in (302, 403)
    assert comms.get(f"/admin/snippets/plans/action/edit/{action.pk}/").status_code in (302, 403)
    assert comms.get("/admin/snippets/plans/action/").status_code in (302, 403)
    # ...but still edits its own pages.
    privacy = StandardPage.objects.get(slug="privacy")
    assert comms.get(f"/admin/pages/{privacy.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"latest_status": Status.OFF_TRACK}, lambda a: a.latest_status == Status.OFF_TRACK),
        ({"plan": "2017-2018"}, lambda a: a.priority.get_parent().slug == "2017-2018"),
    ],
)
def test_the_action_listing_filters(client, current_plan, query, expected):
    if "plan" in query:
        query = {"plan": PlanPage.objects.get(slug=query["plan"]).pk}
    response = signed_in(client, "officer").get("/admin/snippets/plans/action/", query)
    assert response.status_code == 200
    content = response.content.decode()
    matching = [a for a in Action.objects.select_related("priority") if expected(a)]
    assert matching
    for action in Action.objects.all()[:60]:
        listed = f"/admin/snippets/plans/action/edit/{action.pk}/" in content
        assert listed == (action in matching), action


@pytest.mark.parametrize("model_name", ["action", "partner", "indicator"])
def test_every_plans_snippet_keeps_revisions(client, current_plan, model_name):
    from django.apps import apps

    model = apps.get_model("plans", model_name)
    instance = model.objects.first()
    officer = signed_in(client, "officer")
    history = officer.get(f"/admin/snippets/plans/{model_name}/history/{instance.pk}/")
    assert history.status_code == 200
    instance.save_revision()
    assert instance.revisions.count() >= 1

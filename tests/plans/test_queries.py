"""A priority page costs the same queries with 10 actions or 100 of 4 updates each."""

from datetime import date

import pytest

from plans.models import Action, ProgressUpdate
from plans.progress import Status
from tests.plans.factories import make_action, make_plan, make_priority, partner

pytestmark = pytest.mark.django_db

STATUSES = [Status.ON_TRACK, Status.AT_RISK, Status.COMPLETE, Status.OFF_TRACK]


def add_actions(priority, total):
    """Grow the priority to `total` actions, each with four quarterly updates with figures."""
    leads = [partner("Harborough District Council"), partner("Leicestershire Police")]
    for number in range(priority.actions.count(), total):
        make_action(
            priority,
            f"Action {number}",
            reference=f"A{number:03d}",
            group=f"Objective {number % 4}",
            leads=leads[: number % 2 + 1],
            supporting=leads[:1],
            target_date=date(2027, 3, 31),
            updates=[
                (
                    2026,
                    quarter,
                    STATUSES[(number + quarter) % 4],
                    f"Quarter {quarter} of action {number}.",
                    [("Referrals", str(quarter), "4")],
                )
                for quarter in range(1, 5)
            ],
        )


def test_priority_page_queries_are_the_same_for_10_and_100_actions(queries, home_page):
    priority = make_priority(make_plan(home_page), title="People")
    add_actions(priority, 10)
    ten = queries.get(priority.url)
    add_actions(priority, 100)
    hundred = queries.get(priority.url)
    assert ProgressUpdate.objects.filter(action__priority=priority).count() == 400
    assert "Action 99" in hundred.content.decode()
    assert ten.query_count == hundred.query_count, "\n".join(hundred.queries)


def test_plan_page_and_open_data_queries_do_not_grow_with_actions(queries, home_page):
    plan = make_plan(home_page)
    people = make_priority(plan, 1, title="People")
    places = make_priority(plan, 2, title="Places", slug="places")
    add_actions(people, 5)
    add_actions(places, 5)
    small = [queries.get(plan.url).query_count, queries.get(plan.url + "progress.json").query_count]
    add_actions(people, 50)
    add_actions(places, 50)
    assert Action.objects.filter(priority__in=[people, places]).count() == 100
    large = [queries.get(plan.url).query_count, queries.get(plan.url + "progress.json").query_count]
    assert small == large


def test_plan_index_queries_do_not_grow_with_plans(queries, home_page):
    for number in range(5):
        make_plan(home_page, f"plan-{number}", f"Plan {number}")
    five = queries.get("/plans/").query_count
    for number in range(5, 50):
        make_plan(home_page, f"plan-{number}", f"Plan {number}")
    assert queries.get("/plans/").query_count == five

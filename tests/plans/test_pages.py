"""Plan, priority and index pages: what residents see of the partnership's plans."""

from datetime import date

import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage
from plans.models import Action, PlanIndexPage, PlanPage, PlanTheme, PriorityIndicator, PriorityPage
from plans.progress import Status
from tests.plans.factories import (
    make_action,
    make_indicator,
    make_plan,
    make_priority,
    partner,
    plan_index,
)

pytestmark = pytest.mark.django_db


def test_where_plan_pages_may_be_created(home_page):
    index = plan_index(home_page)
    plan = make_plan(home_page)
    assert PlanIndexPage.can_create_at(home_page) is False  # one per home page, and it exists
    assert PlanPage.can_create_at(index)
    assert not PlanPage.can_create_at(home_page)
    assert PriorityPage.can_create_at(plan)
    assert not PriorityPage.can_create_at(index)
    assert not StandardPage.can_create_at(plan)
    assert PlanIndexPage.allowed_parent_page_models() == [HomePage]
    assert not PlanIndexPage.can_create_at(Page.get_first_root_node())


def test_index_lists_current_plans_first_then_coming_up_then_past(client, home_page):
    make_plan(
        home_page, "now", "Plan for now", starts_on=date(2020, 1, 1), ends_on=date(2099, 1, 1)
    )
    make_plan(home_page, "old", "Old plan", starts_on=date(2017, 4, 1), ends_on=date(2018, 3, 31))
    make_plan(home_page, "next", "Next plan", starts_on=date(2099, 4, 1), ends_on=date(2100, 3, 31))
    content = client.get("/plans/").content.decode()
    assert (
        content.index("Current plans") < content.index("Plan for now") < content.index("Coming up")
    )
    assert content.index("Coming up") < content.index("Next plan") < content.index("Past plans")
    assert content.index("Past plans") < content.index("Old plan")


def test_priority_page_shows_actions_in_groups_with_status_words_and_figures(client, home_page):
    plan = make_plan(home_page, action_group_label="Objective")
    priority = make_priority(plan, focus="<p>Domestic abuse and exploitation</p>")
    lead = partner("Living Without Abuse", "LWA")
    make_action(
        priority,
        "Run the Jenkins Centre perpetrator programme",
        group="Reduce repeat abuse",
        success_measures="12 perpetrators a year",
        leads=[lead],
        supporting=[partner("Leicestershire Police")],
        target_date=date(2027, 3, 31),
        updates=[
            (
                2026,
                1,
                Status.ON_TRACK,
                "Three perpetrators joined.",
                [("Perpetrators supported", "3", "12 a year")],
            ),
            (
                2026,
                2,
                Status.AT_RISK,
                "Two dropped out in the summer.",
                [("Perpetrators supported", "4", "")],
            ),
        ],
    )
    make_action(priority, "Refresh Ask for Angela with pubs", group="Night-time economy")
    make_action(priority, "Train frontline staff", group="Reduce repeat abuse")

    content = client.get(priority.url).content.decode()
    # Groups in the order they first appear, each action under its group.
    first_group = content.index("Objective: Reduce repeat abuse")
    second_group = content.index("Objective: Night-time economy")
    assert first_group < content.index("Train frontline staff") < second_group
    # The latest status, in words, on a tag; the latest update and its figures.
    assert '<strong class="govuk-tag govuk-tag--yellow">At risk</strong>' in content
    assert "Latest update: 2026/27 Q2" in content
    assert "Two dropped out in the summer." in content
    assert "Perpetrators supported: <strong>4</strong>" in content
    # The earlier update behind a details element.
    details = content[content.index('<details class="govuk-details">') :]
    assert "Earlier updates (1)" in details
    assert "2026/27 Q1: On track" in details and "(target 12 a year)" in details
    # Lead partners, supporting partners and the target date.
    assert "Living Without Abuse" in content and "Leicestershire Police" in content
    assert "31 March 2027" in content
    # The roll-up: two with no update yet, one at risk.
    assert "3 actions: 1 at risk, 2 no update yet" in content


def test_plan_page_rolls_up_each_priority_and_the_whole_plan(client, home_page):
    plan = make_plan(home_page)
    people = make_priority(plan, 1, title="People")
    places = make_priority(plan, 2, title="Places")
    for status in (Status.COMPLETE, Status.ON_TRACK):
        make_action(people, f"People action {status}", updates=[(2026, 1, status, "Done.", [])])
    make_action(places, "Places action", updates=[(2026, 1, Status.OFF_TRACK, "Late.", [])])
    content = client.get(plan.url).content.decode()
    assert "3 actions: 1 complete, 1 on track, 1 off track" in content  # the whole plan
    assert "2 actions: 1 complete, 1 on track" in content  # People
    assert "1 action: 1 off track" in content  # Places
    assert content.index("Priority 1: People") < content.index("Priority 2: Places")


def test_plan_page_groups_priorities_under_themes_when_the_plan_has_them(client, home_page):
    """Charnwood's plans put priorities under themes."""
    plan = make_plan(home_page, "charnwood", "Partnership plan 2017 to 2020")
    plan.themes.add(
        PlanTheme(name="Make our communities safer", aim="Reduce crime and repeat victims")
    )
    plan.save_revision().publish()
    theme = PlanTheme.objects.get(plan=plan)
    make_priority(plan, 1, title="Tackle burglary", theme=theme)
    make_priority(plan, 2, title="Reduce re-offending")
    content = client.get(plan.url).content.decode()
    assert content.index("Theme: Make our communities safer") < content.index("Tackle burglary")
    assert "Reduce re-offending" in content


def test_headline_indicators_show_table_trend_and_chart(client, home_page):
    plan = make_plan(home_page)
    indicator = make_indicator(
        "domestic-abuse",
        "Domestic abuse incidents reported",
        better="higher",
        unit="incidents",
        values=[("2022/23", 1000), ("2023/24", 1200)],
    )
    priority = make_priority(plan, headline_indicators=[PriorityIndicator(indicator=indicator)])
    content = client.get(priority.url).content.decode()
    assert "Up 20% on 2022/23, which is better." in content
    assert (
        '<th scope="row" class="govuk-table__header">2023/24</th><td class="govuk-table__cell govuk-table__cell--numeric">1,200</td>'
        in content
    )
    assert 'role="img"' in content
    assert "<title id=" in content and "2022/23: 1,000; 2023/24: 1,200" in content
    assert content.count("<rect ") == 2


def test_a_priority_with_no_actions_says_so(client, home_page):
    priority = make_priority(make_plan(home_page))
    assert (
        "No actions have been added to this priority yet."
        in client.get(priority.url).content.decode()
    )


def test_home_page_shows_the_current_plans_priorities_with_their_rollup(client, home_page):
    plan = make_plan(
        home_page, "current", "Current plan", starts_on=date(2020, 1, 1), ends_on=date(2099, 1, 1)
    )
    for other in PlanPage.objects.live().exclude(pk=plan.pk):
        other.unpublish()  # so that this is the one current plan
    people = make_priority(plan, 1, title="People", short_name="People")
    make_action(people, "An action", updates=[(2026, 1, Status.ON_TRACK, "Fine.", [])])
    content = client.get("/").content.decode()
    assert "Our priorities" in content
    assert f'href="{people.url}">People</a>' in content
    assert "1 action: 1 on track" in content


def test_an_action_saved_keeps_its_latest_status_in_step(home_page):
    priority = make_priority(make_plan(home_page))
    action = make_action(priority, updates=[(2026, 1, Status.ON_TRACK, "Q1.", [])])
    assert Action.objects.get(pk=action.pk).latest_status == Status.ON_TRACK
    action.progress_updates.add(
        action.progress_updates.model(year=2026, quarter=2, status=Status.COMPLETE, summary="Q2.")
    )
    action.save()
    assert Action.objects.get(pk=action.pk).latest_status == Status.COMPLETE


def test_action_headings_never_skip_a_level(client, home_page):
    plan = make_plan(home_page, "levels", "Levels")
    no_groups = make_priority(plan, 1, title="No groups")
    make_action(no_groups, "Ungrouped action", updates=[(2026, 1, Status.ON_TRACK, "Fine.", [])])
    content = client.get(no_groups.url).content.decode()
    assert '<h3 class="govuk-heading-s app-action__title">Ungrouped action</h3>' in content
    assert '<h4 class="govuk-heading-s app-update__title">Latest update: 2026/27 Q1</h4>' in content
    mixed = make_priority(plan, 2, title="Mixed", slug="mixed")
    make_action(mixed, "Grouped action", group="An objective")
    make_action(mixed, "Loose action")
    content = client.get(mixed.url).content.decode()
    assert content.index("Objective: An objective") < content.index("Grouped action")
    assert content.index("Other actions</h3>") < content.index("Loose action")

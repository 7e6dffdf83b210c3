"""Build plans, priorities and actions for tests, as an officer would enter them."""

from datetime import date

from home.ensure import ensure_page
from plans.models import (
    Action,
    Indicator,
    IndicatorValue,
    Partner,
    PlanIndexPage,
    PlanPage,
    PriorityPage,
    ProgressUpdate,
)


def plan_index(home):
    return ensure_page(home, PlanIndexPage, "plans", title="Plans and progress")


def make_plan(home, slug="test-plan", title="Test plan 2026 to 2027", **fields):
    fields.setdefault("starts_on", date(2026, 4, 1))
    fields.setdefault("ends_on", date(2027, 3, 31))
    return ensure_page(plan_index(home), PlanPage, slug, title=title, **fields)


def make_plan_for_year(home, first_year, **fields):
    """The plan for the financial year from 1 April `first_year`, at /plans/2017-2018/."""
    last_year = first_year + 1
    return make_plan(
        home,
        f"{first_year}-{last_year}",
        f"Community safety plan {first_year} to {last_year}",
        starts_on=date(first_year, 4, 1),
        ends_on=date(last_year, 3, 31),
        **fields,
    )


def make_priority(plan, number=1, slug=None, title="People", **fields):
    return ensure_page(
        plan, PriorityPage, slug or f"priority-{number}", title=title, number=number, **fields
    )


def partner(name, short_name=""):
    return Partner.objects.get_or_create(name=name, defaults={"short_name": short_name})[0]


def make_action(
    priority,
    description="Run a perpetrator programme",
    updates=(),
    leads=(),
    supporting=(),
    **fields,
):
    """`updates` are (year, quarter, status, summary, figures) with figures as (label, value, target)."""
    action = Action(priority=priority, description=description, **fields)
    for year, quarter, status, summary, figures in updates:
        action.progress_updates.add(
            ProgressUpdate(
                year=year,
                quarter=quarter,
                status=status,
                summary=summary,
                figures=[
                    ("figure", {"label": label, "value": value, "target": target})
                    for label, value, target in figures
                ],
            )
        )
    action.set_partners(lead=leads, supporting=supporting)
    action.save()
    return action


def make_indicator(slug="total-crime", name="Total recorded crime", values=(), **fields):
    fields.setdefault("unit", "crimes")
    indicator = Indicator.objects.create(slug=slug, name=name, **fields)
    for period, value in values:
        IndicatorValue.objects.create(indicator=indicator, period=period, value=value)
    return indicator

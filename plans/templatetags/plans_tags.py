from django import template
from django.utils import timezone

from plans import indicators
from plans.models import PlanPage

register = template.Library()


@register.filter
def number(value):
    return indicators.format_number(value)


@register.filter
def add_half(x, width):
    """The middle of a bar, for its label."""
    return round(float(x) + float(width) / 2, 2)


@register.inclusion_tag("plans/includes/home_priorities.html", takes_context=True)
def current_plan_priorities(context):
    """For the home page: the current plan's priorities, each with its roll-up. Two queries."""
    today = timezone.localdate()
    plan = (
        PlanPage.objects.live()
        .filter(starts_on__lte=today, ends_on__gte=today)
        .order_by("-starts_on")
        .first()
    )
    if plan is None:
        return {"plan": None}
    return {
        "plan": plan,
        "priorities": plan.priorities_with_rollups(),
        "request": context.get("request"),
    }

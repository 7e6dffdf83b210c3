from django import template
from django.utils import timezone

from home.visibility import visible
from plans import indicators
from plans.models import PlanPage, YouSaidWeDid, YouSaidWeDidIndexPage

register = template.Library()


@register.filter
def number(value):
    return indicators.format_number(value)


@register.filter
def pounds(value):
    """34500 -> '£34,500'; 1234.5 -> '£1,234.50'."""
    return indicators.format_pounds(value)


@register.filter
def add_half(x, width):
    """The middle of a bar, for its label."""
    return round(float(x) + float(width) / 2, 2)


@register.inclusion_tag("plans/includes/home_priorities.html", takes_context=True)
def current_plan_priorities(context):
    """For the home page: the current plan's priorities, each with its roll-up. Two queries."""
    today = timezone.localdate()
    plan = (
        visible(PlanPage.objects.all())
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


@register.inclusion_tag("plans/includes/you_said_we_did_panel.html", takes_context=True)
def you_said_we_did_panel(context, parish=None, priority=None, count=3, heading="You said, we did"):
    """The latest "you said, we did" for the home page, an area or a priority. One query (the index is cached)."""
    items = YouSaidWeDid.objects.published().for_listing()
    query = ""
    if any(page is not None and page.pk is None for page in (parish, priority)):
        items = items.none()  # a preview of a page not yet saved: nothing is tagged to it
    else:
        if parish is not None:
            items, query = items.filter(parish=parish), f"?parish={parish.slug}"
        if priority is not None:
            items, query = items.filter(priority=priority), f"?priority={priority.pk}"
    request = context.get("request")
    return {
        "items": list(items[:count]),
        "index_url": YouSaidWeDidIndexPage.url_for(request),
        "query": query,
        "heading": heading,
        "hide_parish": parish is not None,
        "request": context.get("request"),
    }

"""What plans let residents find in search: priorities, the actions on their pages and "you
said, we did" (registered in plans/wagtail_hooks.py; see home/registry.py)."""

from django.db.models import Q, Subquery
from django.utils.text import Truncator

from areas.models import AreaPage
from home.registry import Found, labels_of
from home.visibility import visible
from plans.models import (
    Action,
    ActionLeadPartner,
    ActionSupportingPartner,
    Partner,
    PlanIndexPage,
    PlanPage,
    PriorityPage,
    YouSaidWeDid,
    YouSaidWeDidIndexPage,
)

SUMMARY_LENGTH = 200


def plan_years(starts_on, ends_on):
    """'the 2026 to 2027 plan'."""
    if not starts_on:
        return "the plan"
    return f"the {starts_on.year} to {ends_on.year} plan"


def _plan_of(path_field):
    plans = PlanPage.above(path_field)
    return {
        "plan_starts_on": Subquery(plans.values("starts_on")[:1]),
        "plan_ends_on": Subquery(plans.values("ends_on")[:1]),
    }


def priorities(site):
    return visible(PriorityPage.objects.descendant_of(site.root_page))


def with_plan(priorities):
    return priorities.annotate(**_plan_of("path"))


def priority_found(priority, request):
    return Found(
        kind=f"Priority in {plan_years(priority.plan_starts_on, priority.plan_ends_on)}",
        title=priority.title,
        summary=Truncator(priority.search_description or priority.short_name).chars(SUMMARY_LENGTH),
        url=priority.get_url(request),
        date=priority.last_published_at,
    )


def actions(site):
    """Actions on the priority pages residents may see: each is found where it is listed."""
    return Action.objects.filter(priority__in=priorities(site).values("pk"))


def with_priority(actions):
    return actions.select_related("priority").annotate(**_plan_of("priority__path"))


def action_found(action, request):
    return Found(
        kind=f"Action in {plan_years(action.plan_starts_on, action.plan_ends_on)}",
        title=action.description_heading,
        summary=Truncator(action.intended_outcome).chars(SUMMARY_LENGTH),
        url=f"{action.priority.get_url(request)}#action-{action.pk}",
    )


def partners(site):
    """The partners named on the actions residents may see."""
    shown = actions(site)
    return Partner.objects.filter(
        Q(pk__in=ActionLeadPartner.objects.filter(action__in=shown).values("partner"))
        | Q(pk__in=ActionSupportingPartner.objects.filter(action__in=shown).values("partner"))
    )


def partner_found(partner, request):
    """A partner, linking to its own website where it has one, else to the plans that name it."""
    return Found(
        kind="Partner",
        title=partner.name,
        summary=f"{partner.get_kind_display()}, working on the partnership's plans.",
        url=partner.website or PlanIndexPage.url_for(request) or "/",
    )


def you_said_we_did(site):
    if YouSaidWeDidIndexPage.for_site(site) is None:
        return YouSaidWeDid.objects.none()
    return YouSaidWeDid.objects.published()


def you_said_we_did_found(entry, request):
    index_url = YouSaidWeDidIndexPage.url_for(request)
    return Found(
        kind="You said, we did",
        title=entry.title,
        summary=Truncator(f"You said: {entry.said} We did: {entry.did}").chars(SUMMARY_LENGTH),
        url=f"{index_url}{entry.pk}/",
        date=entry.said_on,
    )


def you_said_we_did_areas(entries):
    return labels_of(entries, "area", "parish", "title", shown=visible(AreaPage.objects.all()))

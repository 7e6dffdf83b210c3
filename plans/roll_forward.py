"""Start next year's plan from this one.

A partnership's plan for next year is mostly this year's, moved on: the same priorities, the
actions not yet done, new dates. Rolling a plan forward copies the plan page and its priorities
as drafts (nothing new is public until someone publishes it) and the open actions (those whose
latest update is not "Complete") under the copied priorities, with their target dates moved on
as far as the plan's start is, and without their progress updates: the new plan
starts with no progress. The old plan, its actions and their updates are left as they are.

All or nothing: if anything fails, nothing is copied.
"""

import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.slugs import free_slug
from plans.models import Action, PriorityPage
from plans.progress import Status
from plans.target_dates import month_end

FINANCIAL_YEAR = re.compile(r"\b(?P<first>(?:19|20)\d{2})(?P<sep>\s*[/-]\s*)(?P<second>\d{2})\b")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def next_title(title, years=1):
    """'Action plan 2026 to 2027' -> 'Action plan 2027 to 2028'; '2026/27' -> '2027/28'."""

    def financial(match):
        first = int(match["first"]) + years
        return f"{first}{match['sep']}{(first + 1) % 100:02d}"

    moved = FINANCIAL_YEAR.sub(financial, title)
    if moved != title:
        return moved
    moved = YEAR.sub(lambda match: str(int(match[0]) + years), title)
    return moved if moved != title else f"{title} (next year)"


def moved_target(action, shift):
    """The action's target moved on as the plan's start is (`shift`, a relativedelta): a month
    stays a month (February 2028 ends on the 29th), a day stays that day (29 February becomes
    28 February)."""
    if not action.target_date:
        return None
    moved = action.target_date + shift
    return month_end(moved) if action.target_month_only else moved


@dataclass
class Summary:
    """What rolling a plan forward copies, and what it leaves behind."""

    priorities: int
    open_actions: int
    completed_actions: int


def open_actions(priorities):
    return (
        Action.objects.filter(priority__in=priorities)
        .exclude(latest_status=Status.COMPLETE)
        .prefetch_related("lead_partner_links", "supporting_partner_links")
        .order_by("priority__path", "sort_order", "reference", "pk")
    )


def summarise(plan):
    priorities = PriorityPage.objects.child_of(plan)
    actions = Action.objects.filter(priority__in=priorities)
    completed = actions.filter(latest_status=Status.COMPLETE).count()
    return Summary(priorities.count(), actions.count() - completed, completed)


def roll_forward(plan, *, title, starts_on, ends_on, user):
    """The new plan (a draft), with its priorities (drafts) and the open actions."""
    shift = relativedelta(starts_on, plan.starts_on)
    with transaction.atomic(), disable_reference_index_auto_update():
        parent = plan.get_parent()
        new_plan = plan.copy(
            recursive=True,
            to=parent,
            update_attrs={
                "title": title,
                "draft_title": title,
                "slug": free_slug(
                    title,
                    lambda base: (
                        Page.objects.child_of(parent)
                        .filter(slug__startswith=base)
                        .values_list("slug", flat=True)
                    ),
                    max_length=255,
                    fallback="plan",
                ),
                "starts_on": starts_on,
                "ends_on": ends_on,
                "seo_title": "",
            },
            copy_revisions=False,
            keep_live=False,
            user=user,
        ).specific
        # Each copied priority still points at the old plan's theme: point it at the copy's.
        themes = {theme.sort_order: theme for theme in new_plan.themes.all()}
        old_themes = {theme.pk: theme.sort_order for theme in plan.themes.all()}
        new_priorities = {
            priority.slug: priority for priority in PriorityPage.objects.child_of(new_plan)
        }
        for priority in new_priorities.values():
            if priority.theme_id in old_themes:
                priority.theme = themes.get(old_themes[priority.theme_id])
                priority.save(update_fields=["theme"])
        old_priorities = PriorityPage.objects.child_of(plan)
        slugs = dict(old_priorities.values_list("pk", "slug"))
        for action in open_actions(old_priorities):
            copy = Action(
                priority=new_priorities[slugs[action.priority_id]],
                reference=action.reference,
                group=action.group,
                description=action.description,
                intended_outcome=action.intended_outcome,
                success_measures=action.success_measures,
                owners=action.owners,
                show_owners=action.show_owners,
                possible_barriers=action.possible_barriers,
                target_date=moved_target(action, shift),
                target_month_only=action.target_month_only,
                sort_order=action.sort_order,
            )
            copy.set_partners(lead=action.leads, supporting=action.supporters)
            copy.save()
            copy.save_revision(user=user)
            log(instance=copy, action="wagtail.create", user=user)
    return new_plan

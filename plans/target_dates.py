"""Target dates: the last day of a month, and a warning for an officer, after saving an action,
when its target date is outside its plan's period.

The action is saved all the same (a plan may carry an action over into the next), but Wagtail
shows the warning beside its "saved" message, on the page the officer lands on.

Registered by plans/wagtail_hooks.py, which imports this module.
"""

import calendar

from django.contrib import messages
from wagtail import hooks


def month_end(day):
    """The last day of the month `day` is in: a target of "March 2027" is 31 March 2027."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_of_a_target_date_outside_the_plan(request, instance):
    warning = getattr(instance, "target_date_warning", None)
    if instance._meta.label == "plans.Action" and warning and (text := warning()):
        messages.warning(request, text)

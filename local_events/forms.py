"""The event editor's form: checks the cancelled and moved dates against the event's own dates,
which neither the page nor a single row can do alone."""

from datetime import timedelta

from wagtail.admin.forms import WagtailAdminPageForm

from home.forms import kept_rows
from local_events import recurrence

WHEN_FIELDS = [
    "start_date", "start_time", "end_time", "end_date", "repeats", "repeat_every",
    "repeat_weekday", "repeat_week", "repeat_until", "repeat_count",
]  # fmt: skip


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("changes")
        if formset is None or any(name in self.errors for name in WHEN_FIELDS):
            return cleaned
        event = self._meta.model(**{name: cleaned.get(name) for name in WHEN_FIELDS})
        if not event.start_date:
            return cleaned
        rule = event.build_rrule()
        seen = set()
        for form in kept_rows(formset):
            day = form.cleaned_data.get("date")
            if day is None:
                continue
            if day in seen:
                form.add_error("date", "Another row already changes this date.")
            elif not falls_on(event, rule, day):
                form.add_error(
                    "date", "The event is not on this date: give one of the dates it is on."
                )
            if event.all_day and form.cleaned_data.get("new_time"):
                form.add_error("new_time", "This event is all day: give a new date instead.")
            seen.add(day)
        return cleaned


def falls_on(event, rule, day):
    """Whether the event (without its changes) has a date on `day`."""
    if not rule:
        return day == event.start_date
    if not recurrence.EARLIEST <= day <= recurrence.LATEST:
        return False
    dates = recurrence.expand(
        event.first_start,
        event.duration,
        rule,
        recurrence.local(day, None),
        recurrence.local(day + timedelta(days=1), None),
        all_day=event.all_day,
    )
    return any(occurrence.start.date() == day for occurrence in dates)

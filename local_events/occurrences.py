"""Keeping the occurrence table in step with the published events."""

from django.db import transaction

from local_events.models import EventPage, Occurrence
from local_events.recurrence import occurrence_window


def rebuild(event, window=None):
    """Replace the event's occurrences: its dates in the window if it is live, none if not."""
    event = event.specific if not isinstance(event, EventPage) else event
    window = window or occurrence_window()
    with transaction.atomic():
        Occurrence.objects.filter(event_id=event.pk).delete()
        if event.live:
            Occurrence.objects.bulk_create(event.occurrences_between(*window))


def rebuild_all(window=None):
    """Every event, for a window that has moved on (the daily command) or after an import.
    Returns how many events and occurrences there are now."""
    window = window or occurrence_window()
    events = EventPage.objects.prefetch_related("changes")
    with transaction.atomic():
        Occurrence.objects.exclude(event__in=events.live()).delete()
        for event in events.live():
            rebuild(event, window)
    return events.live().count(), Occurrence.objects.count()


def event_changed(sender, instance, **kwargs):
    """For Wagtail's page_published and post_page_move signals."""
    rebuild(instance)


def event_unpublished(sender, instance, **kwargs):
    # Wagtail also sends this just before deleting a live page, while it still reads as live.
    Occurrence.objects.filter(event_id=instance.pk).delete()

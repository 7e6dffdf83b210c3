"""The occurrence table follows what is published."""

from datetime import time, timedelta

from django.core.management import call_command
from django.utils import timezone

from local_events import recurrence
from local_events.models import Occurrence
from local_events.occurrences import rebuild_all
from local_events.recurrence import occurrence_window
from tests.events.factories import first_of_next_month, make_event


def local_times(event):
    return [
        (timezone.localtime(o.start).date(), timezone.localtime(o.start).time(), o.status)
        for o in Occurrence.objects.filter(event=event).order_by("start")
    ]


def test_publishing_a_repeating_event_fills_the_window(home_page):
    start = first_of_next_month().replace(day=1)
    event = make_event(home_page, "weekly-surgery", start_date=start, repeats=recurrence.WEEKLY)
    window_start, window_end = occurrence_window()
    rows = local_times(event)
    expected = event.expand(window_start, window_end)
    assert len(rows) == len(expected) > 90  # about two years of Tuesdays (or whichever day)
    assert rows[0][0] == start
    assert {at for _, at, _ in rows} == {time(19)}  # both sides of every clock change
    assert all(
        timezone.localtime(o.start) < window_end for o in Occurrence.objects.filter(event=event)
    )


def test_unpublishing_removes_the_dates_and_publishing_brings_them_back(home_page):
    event = make_event(home_page, "patch-walk")
    assert Occurrence.objects.filter(event=event).count() == 1
    event.unpublish()
    assert not Occurrence.objects.filter(event=event).exists()
    event.save_revision().publish()
    assert Occurrence.objects.filter(event=event).count() == 1


def test_deleting_an_event_deletes_its_dates(home_page):
    event = make_event(home_page, "roadshow", repeats=recurrence.MONTHLY_BY_WEEKDAY)
    assert Occurrence.objects.filter(event=event).exists()
    pk = event.pk
    event.delete()
    assert not Occurrence.objects.filter(event_id=pk).exists()


def test_a_draft_edit_changes_nothing_until_it_is_published(home_page):
    event = make_event(home_page, "surgery", repeats=recurrence.WEEKLY, repeat_count=3)
    event.start_time, event.end_time = time(18, 30), time(19, 30)
    event.save_revision()
    assert {at for _, at, _ in local_times(event)} == {time(19)}
    event.get_latest_revision().publish()
    assert {at for _, at, _ in local_times(event)} == {time(18, 30)}
    assert len(local_times(event)) == 3


def test_a_cancellation_added_in_an_edit_shows_once_published(home_page):
    start = first_of_next_month().replace(day=3)
    event = make_event(
        home_page, "surgery", start_date=start, repeats=recurrence.WEEKLY, repeat_count=3
    )
    event = event.get_latest_revision_as_object()
    from local_events.models import EventChange

    event.changes.add(
        EventChange(date=start + timedelta(days=7), cancelled=True, reason="Hall closed")
    )
    event.save_revision().publish()
    statuses = [status for _, _, status in local_times(event)]
    assert statuses == ["scheduled", "cancelled", "scheduled"]
    assert Occurrence.objects.get(event=event, status="cancelled").reason == "Hall closed"


def test_the_daily_command_moves_the_window_on(home_page):
    event = make_event(home_page, "monthly", repeats=recurrence.MONTHLY_BY_DATE)
    last = Occurrence.objects.filter(event=event).latest("start").start
    # As if the window had moved on a year: the later dates join, the earliest leave.
    later = recurrence.window_around(timezone.localdate() + timedelta(days=366))
    rebuild_all(later)
    assert Occurrence.objects.filter(event=event).latest("start").start > last
    call_command("extend_occurrences", verbosity=0)
    assert Occurrence.objects.filter(event=event).latest("start").start == last


def test_the_daily_command_repairs_a_table_that_drifted(home_page):
    event = make_event(home_page, "weekly", repeats=recurrence.WEEKLY, repeat_count=5)
    Occurrence.objects.filter(event=event).delete()
    call_command("extend_occurrences", verbosity=0)
    assert Occurrence.objects.filter(event=event).count() == 5


def test_the_demo_has_the_events_the_issue_asks_for(demo):
    from local_events.models import EventChange, EventPage

    events = EventPage.objects.live()
    beat_surgeries = events.filter(event_type="beat-surgery", repeats=recurrence.MONTHLY_BY_WEEKDAY)
    assert beat_surgeries.values("parish").distinct().count() >= 4
    assert events.filter(event_type="patch-walk").count() >= 2
    assert events.get(slug="rural-crime-event").start_date.month == 1
    assert events.get(slug="parish-liaison-meeting").start_date.month == 11
    assert events.filter(title__contains="roadshow").count() >= 3
    assert events.filter(campaign__isnull=False).values("campaign").distinct().count() >= 4
    assert EventChange.objects.filter(cancelled=True).exists()
    assert EventChange.objects.filter(cancelled=False).exists()
    # The monthly surgeries run on, so the calendar always has dates ahead.
    assert Occurrence.objects.filter(event__in=beat_surgeries, start__gt=timezone.now()).exists()

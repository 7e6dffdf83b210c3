"""Officers add events through Wagtail's page editor: simple repeat choices, inline changes."""

from datetime import timedelta

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from local_events.models import EventIndexPage, EventPage, Occurrence
from tests.events.factories import beat_surgeries, first_of_next_month
from tests.factories import signed_in

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    first = first_of_next_month().replace(day=3)
    data = {
        "title": "Fleckney drop-in",
        "slug": "fleckney-drop-in",
        "summary": "Meet the PCSOs.",
        "event_type": "beat-surgery",
        "start_date": first.isoformat(),
        "start_time": "19:00",
        "end_time": "20:00",
        "end_date": "",
        "repeats": "weekly",
        "repeat_every": "1",
        "repeat_weekday": "",
        "repeat_week": "",
        "repeat_until": "",
        "repeat_count": "4",
        "venue": "Fleckney Village Hall",
        "address": "",
        "online_link": "",
        "parish": "",
        "booking_link": "",
        "cost": "",
        "accessibility": "",
        "campaign": "",
        "body": streamfield([]),
        "changes": inline_formset(
            [
                {
                    "date": (first + timedelta(days=7)).isoformat(),
                    "cancelled": "on",
                    "new_date": "",
                    "new_time": "",
                    "reason": "Hall closed",
                }
            ]
        ),
        "action-publish": "publish",
        **overrides,
    }
    return nested_form_data(data)


def add_url():
    index = EventIndexPage.objects.get()
    return f"/admin/pages/add/events/eventpage/{index.pk}/"


def test_an_officer_publishes_a_repeating_event_with_a_cancelled_date(client):
    signed_in(client, "officer")
    response = client.post(add_url(), event_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="fleckney-drop-in")
    assert event.live
    assert (
        event.rrule
        == "FREQ=WEEKLY;BYDAY="
        + ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][event.start_date.weekday()]
        + ";COUNT=4"
    )
    statuses = list(Occurrence.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["scheduled", "cancelled", "scheduled", "scheduled"]


def test_the_preview_shows_the_dates_as_typed_before_anything_is_saved(client):
    from local_events.templatetags.events_tags import long_date

    signed_in(client, "officer")
    preview = f"{add_url()}preview/"
    posted = client.post(preview, event_form())
    assert posted.json()["is_valid"], posted.content
    html = client.get(preview).content.decode()
    assert "Next dates" in html
    first = first_of_next_month().replace(day=3)
    for week in range(4):
        assert long_date(first + timedelta(days=7 * week)) in html
    assert "Hall closed" in html  # the cancelled week, with its reason
    assert long_date(first + timedelta(days=28)) not in html  # four times only
    assert not EventPage.objects.filter(slug="fleckney-drop-in").exists()
    assert not Occurrence.objects.filter(event__slug="fleckney-drop-in").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "18:00"}, "The end time must be after the start time."),
        ({"repeat_until": "2030-01-01"}, "Give an end date or a number of times, not both."),
        ({"start_time": "", "end_time": "20:00"}, "Give a start time too"),
    ],
)
def test_mistakes_are_explained_and_nothing_typed_is_lost(client, overrides, message):
    signed_in(client, "officer")
    response = client.post(add_url(), event_form(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Fleckney Village Hall" in html and "Hall closed" in html
    assert not EventPage.objects.filter(slug="fleckney-drop-in").exists()


def test_the_editor_opens_for_a_repeating_event_with_a_change(client, home_page):
    signed_in(client, "comms")
    event = beat_surgeries(home_page)["kibworth-beat-surgery"]
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"repeat_weekday": "4"}, "make it a Friday"),
        ({"start_date": "9999-12-31", "repeat_count": ""}, "Give a date between 2000 and 2100."),
        ({"repeat_count": "0"}, "greater than or equal to 1"),
        ({"repeats": "monthly-date", "start_date": "2027-01-31"}, "Some months have no such date."),
        (
            {"repeats": "monthly-weekday", "repeat_week": "2", "start_date": "2027-01-05"},
            "is not the second Tuesday",
        ),
    ],
)
def test_repeat_choices_that_contradict_the_first_date_are_refused(client, overrides, message):
    signed_in(client, "officer")
    data = event_form(**overrides)
    if "start_date" in overrides:
        data["changes-TOTAL_FORMS"] = "0"
    html = client.post(add_url(), data).content.decode()
    assert message in html
    assert not EventPage.objects.filter(slug="fleckney-drop-in").exists()


def test_changes_must_fall_on_the_events_dates(client):
    signed_in(client, "officer")
    first = first_of_next_month().replace(day=3)
    rows = [
        {
            "date": (first + timedelta(days=1)).isoformat(),
            "cancelled": "on",
            "new_date": "",
            "new_time": "",
            "reason": "Wrong day",
        },
        {
            "date": (first + timedelta(days=7)).isoformat(),
            "cancelled": "on",
            "new_date": "",
            "new_time": "",
            "reason": "One",
        },
        {
            "date": (first + timedelta(days=7)).isoformat(),
            "cancelled": "on",
            "new_date": "",
            "new_time": "",
            "reason": "Twice",
        },
    ]
    html = client.post(add_url(), event_form(changes=inline_formset(rows))).content.decode()
    assert "The event is not on this date" in html
    assert "Another row already changes this date." in html
    assert not EventPage.objects.filter(slug="fleckney-drop-in").exists()


def test_an_event_cannot_end_before_it_starts(client):
    first = first_of_next_month().replace(day=3)
    signed_in(client, "officer")
    data = event_form(repeats="", repeat_count="", end_date=(first - timedelta(days=1)).isoformat())
    data["changes-TOTAL_FORMS"] = "0"
    response = client.post(add_url(), data)
    assert response.status_code == 200
    assert "The last day cannot be before the first." in response.content.decode()
    assert not EventPage.objects.filter(slug="fleckney-drop-in").exists()


def test_an_event_over_several_days_may_end_earlier_in_the_day_than_it_started(client):
    first = first_of_next_month().replace(day=3)
    signed_in(client, "officer")
    data = event_form(
        repeats="",
        repeat_count="",
        start_time="19:00",
        end_time="10:00",
        end_date=(first + timedelta(days=1)).isoformat(),
    )
    data["changes-TOTAL_FORMS"] = "0"
    response = client.post(add_url(), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert EventPage.objects.get(slug="fleckney-drop-in").live

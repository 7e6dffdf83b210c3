"""What a resident sees at /events/, in the month view and on an event's page."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from areas.models import AreaPage
from local_events import recurrence
from tests.areas.factories import make_area
from tests.events.factories import first_of_next_month, make_event, month_path


@pytest.fixture
def places(home_page):
    """Lutterworth, and Fleckney with a beat surgery every week next month."""
    make_area("lutterworth", kind=AreaPage.Kind.TOWN)
    make_event(
        home_page,
        "fleckney-beat-surgery",
        title="Fleckney beat surgery",
        start_date=first_of_next_month().replace(day=3),
        repeats=recurrence.WEEKLY,
        repeat_count=4,
        event_type="beat-surgery",
        parish=make_area("fleckney", kind=AreaPage.Kind.PARISH),
    )


@pytest.fixture
def surgery(home_page, places):
    """Weekly surgery next month in Lutterworth, with its second date cancelled."""
    start = first_of_next_month().replace(day=2)
    return make_event(
        home_page,
        "test-surgery",
        title="Test beat surgery",
        start_date=start,
        repeats=recurrence.WEEKLY,
        repeat_count=4,
        event_type="beat-surgery",
        venue="Test Hall",
        parish=AreaPage.objects.get(slug="lutterworth"),
        changes=[
            {"date": start + timedelta(days=7), "cancelled": True, "reason": "The hall floods"}
        ],
    )


def test_the_list_shows_upcoming_dates_with_cancellations(client, surgery):
    response = client.get(
        "/events/", {"parish": "lutterworth", "type": "beat-surgery", "when": "next-month"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Test beat surgery") == 4
    assert "Cancelled" in html and "The hall floods" in html
    assert "Fleckney beat surgery" not in html  # another parish
    assert "Beat surgeries in Lutterworth next month" in html


def test_filters_narrow_the_list(client, surgery, home_page):
    make_event(home_page, "test-walk", title="Test patch walk", event_type="patch-walk")
    by_type = client.get("/events/", {"type": "patch-walk", "when": "next-month"}).content.decode()
    assert "Test patch walk" in by_type and "Test beat surgery" not in by_type
    by_parish = client.get(
        "/events/", {"parish": "lutterworth", "when": "next-month"}
    ).content.decode()
    assert "Test beat surgery" in by_parish and "Test patch walk" not in by_parish
    this_month = client.get("/events/", {"when": "this-month"}).content.decode()
    assert "Test beat surgery" not in this_month


def test_today_and_this_week(client, home_page):
    now = timezone.localtime()
    later_today = (now + timedelta(minutes=30)).time().replace(second=0, microsecond=0)
    if (now + timedelta(minutes=90)).date() != now.date():
        pytest.skip("too close to midnight for an event later today")
    make_event(
        home_page,
        "today-thing",
        title="Later today",
        start_date=now.date(),
        start_time=later_today,
        end_time=(now + timedelta(minutes=90)).time(),
    )
    make_event(home_page, "far-thing", title="In two months", start_date=first_of_next_month(2))
    today = client.get("/events/", {"when": "today"}).content.decode()
    assert "Later today" in today and "In two months" not in today
    this_week = client.get("/events/", {"when": "this-week"}).content.decode()
    assert "Later today" in this_week and "In two months" not in this_week


def test_the_month_grid_is_a_table_with_each_days_events(client, surgery):
    first = first_of_next_month()
    response = client.get(month_path(first))
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f'<caption class="govuk-table__caption govuk-table__caption--m">Events in {first:%B %Y}'
        in html
    )
    assert html.count('scope="col"') == 7
    assert html.count("Test beat surgery") == 4
    assert "(cancelled)" in html
    days = dict(response.context["month_days"])
    assert [
        o.event.title for o in days[first.replace(day=2)] if o.event.title == "Test beat surgery"
    ]
    # Previous and next months, keeping the filters.
    filtered = client.get(month_path(first), {"parish": "lutterworth"}).content.decode()
    after = recurrence.add_months(first, 1)
    assert f'{month_path(after)}?area=lutterworth" rel="next"' in filtered
    assert "Fleckney beat surgery" not in filtered


def test_the_month_grid_stops_at_the_ends_of_the_window(client, places):
    from local_events.recurrence import occurrence_window

    start, end = occurrence_window()
    first = start.date()
    html = client.get(month_path(first)).content.decode()
    assert 'rel="prev"' not in html and 'rel="next"' in html
    last = recurrence.add_months(end.date(), -1)
    html = client.get(month_path(last)).content.decode()
    assert 'rel="next"' not in html and 'rel="prev"' in html
    assert client.get(month_path(end.date())).status_code == 404
    assert client.get(month_path(recurrence.add_months(first, -1))).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/events/2026/13/",
        "/events/2026/0/",
        "/events/0/1/",
        "/events/99999/1/",
        "/events/2026/-1/",
        "/events/?parish=nowhere",
        "/events/?parish=%00",
        "/events/?parish=lutterworth%27%20or%201=1",
        "/events/?type=rave",
        "/events/?when=yesterday",
        "/events/?page=999",
        "/events/?page=-1",
        "/events/?page=abc",
        "/events/2026/11/?type=rave",
        "/events/calendar.ics?parish=nowhere",
        "/events/calendar.ics?type=%00",
        "/events/no-such-event/",
        "/events/no-such-event/event.ics",
    ],
)
def test_bad_input_is_a_404(client, places, url):
    assert client.get(url).status_code == 404


def test_an_event_page_shows_its_next_dates_and_cancellations(client, surgery):
    html = client.get(surgery.url).content.decode()
    assert "Every " in html and ", 4 times" in html
    assert html.count("app-event--cancelled") == 1
    assert "The hall floods" in html
    assert f'href="{surgery.url}event.ics"' in html
    assert "Events in Lutterworth" in html
    assert "Free" in html


def test_a_finished_event_says_so(client, home_page):
    event = make_event(home_page, "old-thing", start_date=timezone.localdate() - timedelta(days=40))
    html = client.get(event.url).content.decode()
    assert "This event has finished." in html


def test_a_moved_date_shows_where_it_went(client, home_page):
    start = first_of_next_month().replace(day=5)
    event = make_event(
        home_page,
        "moved-thing",
        start_date=start,
        repeats=recurrence.WEEKLY,
        repeat_count=3,
        changes=[
            {
                "date": start + timedelta(days=7),
                "cancelled": False,
                "new_time": time(18),
                "reason": "Room booked",
            }
        ],
    )
    html = client.get(event.url).content.decode()
    assert "Moved" in html and "Room booked" in html and "6pm to 7pm" in html


def test_the_home_page_lists_the_next_events(client, home_page):
    make_event(
        home_page,
        "soon",
        title="Very soon",
        start_date=timezone.localdate() + timedelta(days=1),
        start_time=time(0, 1),
        end_time=time(0, 2),
    )
    html = client.get("/").content.decode()
    assert "Next events" in html and "Very soon" in html


def make_many(home_page, count, first):
    for number in range(count):
        make_event(
            home_page,
            f"bulk-{number}",
            start_date=first + timedelta(days=number % 28),
            repeats=recurrence.WEEKLY if number % 5 == 0 else "",
            repeat_count=4 if number % 5 == 0 else None,
        )


def test_list_and_month_queries_do_not_grow_with_events(queries, home_page):
    first = first_of_next_month()
    counted = ("/events/", month_path(first))
    counts = {}
    for events in (10, 200):
        make_many(home_page, events, first)  # the first ten are there already the second time
        for url in counted:
            response = queries.get(url)
            assert response.status_code == 200, url
            counts.setdefault(url, []).append(response.query_count)
    assert {url: ten for url, (ten, more) in counts.items()} == {
        url: more for url, (ten, more) in counts.items()
    }


def test_events_behind_a_login_or_password_are_not_listed(client, home_page):
    from wagtail.models import PageViewRestriction

    soon = timezone.localdate() + timedelta(days=1)
    event = make_event(
        home_page,
        "private-thing",
        title="Members only meeting",
        start_date=soon,
        start_time=time(0, 5),
        end_time=time(0, 10),
    )
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    for url in ["/events/", month_path(soon.replace(day=1)), "/", "/events/calendar.ics"]:
        assert "Members only meeting" not in client.get(url).content.decode(), url


def test_an_event_over_several_days_that_began_yesterday_is_listed_under_today(client, home_page):
    today = timezone.localdate()
    make_event(
        home_page,
        "long-thing",
        title="Three day show",
        start_date=today - timedelta(days=1),
        start_time=None,
        end_time=None,
        end_date=today + timedelta(days=1),
    )
    response = client.get("/events/", {"when": "today"})
    [day] = [
        d for d, o in response.context["days"] if any(x.event.title == "Three day show" for x in o)
    ]
    assert day == today

from datetime import date, time, timedelta

from django.utils import timezone

from home.ensure import ensure_page
from local_events.models import EventChange, EventIndexPage, EventPage
from local_events.recurrence import add_months


def event_index(home):
    return ensure_page(home, EventIndexPage, "events", title="Events")


def first_of_next_month(months=1):
    return add_months(timezone.localdate().replace(day=1), months)


def make_event(
    home, slug, start_date=None, start_time=time(19), end_time=time(20), changes=(), **fields
):
    """A published event (so its dates are in the occurrence table), next month by default."""
    fields.setdefault("summary", f"What happens at {slug}.")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    page = ensure_page(
        event_index(home),
        EventPage,
        slug,
        start_date=start_date or first_of_next_month().replace(day=10),
        start_time=start_time,
        end_time=end_time,
        changes=[EventChange(**change) for change in changes],
        **fields,
    )
    return EventPage.objects.get(pk=page.pk)


def month_path(first: date):
    return f"/events/{first.year}/{first.month:02}/"


def nth_weekday(first: date, weekday: int, week: int):
    """The `week`th `weekday` (0 for Monday) of the month that starts on `first`."""
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


def beat_surgeries(home):
    """Monthly beat surgeries in a town and a parish, from a year ago with no end: Lutterworth's
    on the first Tuesday at 6pm, Kibworth's on the third Thursday at 7pm, with next month's
    moved to the Friday. {slug: event}."""
    from areas.models import AreaPage
    from tests.areas.factories import make_area

    year_ago = add_months(timezone.localdate().replace(day=1), -12)
    kibworth_next = nth_weekday(first_of_next_month(), 3, 3)
    surgeries = [
        (make_area("lutterworth", kind=AreaPage.Kind.TOWN), 1, 1, time(18), []),
        (
            make_area("kibworth", kind=AreaPage.Kind.PARISH),
            3,
            3,
            time(19),
            [
                {
                    "date": kibworth_next,
                    "cancelled": False,
                    "new_date": kibworth_next + timedelta(days=1),
                    "reason": "Hall",
                }
            ],
        ),
    ]
    return {
        f"{place.slug}-beat-surgery": make_event(
            home,
            f"{place.slug}-beat-surgery",
            title=f"{place.title} beat surgery",
            event_type="beat-surgery",
            start_date=nth_weekday(year_ago, weekday, week),
            start_time=at,
            end_time=time(at.hour + 1),
            repeats="monthly-weekday",
            repeat_week=week,
            parish=place,
            venue=f"{place.title} library",
            changes=changes,
        )
        for place, weekday, week, at, changes in surgeries
    }

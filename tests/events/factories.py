from datetime import date, time

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

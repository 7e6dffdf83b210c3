"""The demo loaded on any day is current: a plan for that financial year with progress up to the
last quarter that has ended, campaigns on now and coming up, events ahead, nothing scheduled in
the past."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import Page

from campaigns.models import CampaignPage
from home.packs import read_yaml
from home.relative_dates import financial_year, quarters_finished
from local_events.models import EventPage
from plans.models import PlanPage, ProgressUpdate
from tests.database import as_migrations_leave_it
from tests.server import DEMO_PACK, DEMO_WRITTEN

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize("day", [date(2028, 3, 1), date(2028, 8, 1), date(2029, 12, 1)])
def test_the_demo_is_current_whatever_day_it_is_loaded(client, day):
    as_migrations_leave_it()
    with time_machine.travel(datetime.combine(day, time(10), LONDON), tick=False):
        call_command("load_demo", verbosity=0)
        html = client.get("/").content.decode()
    year = financial_year(day)
    plan = PlanPage.objects.get(starts_on__lte=day, ends_on__gte=day)
    assert plan.title == f"Community safety action plan {year} to {year + 1}"
    assert f">{plan.title}</a>" in html  # the home page's current plan
    # Progress for the quarters that have ended, and none for those still to come.
    periods = {
        (u.year, u.quarter)
        for u in ProgressUpdate.objects.filter(action__priority__url_path__startswith=plan.url_path)
    }
    assert all(quarter <= quarters_finished(day) for _year, quarter in periods if _year == year)
    assert bool(periods) == (quarters_finished(day) > 0)
    assert '<h3 class="govuk-heading-m">On now</h3>' in html
    assert '<h3 class="govuk-heading-m">Coming up</h3>' in html
    assert 'id="next-events"' in html
    # What was coming up when the demo was written still is, and nothing waits on a past time.
    written = date.fromisoformat(DEMO_WRITTEN)
    was_coming = [
        entry["title"]
        for entry in read_yaml(DEMO_PACK / "events.yaml")
        if not entry.get("repeats") and entry["start_date"] > written
    ]
    assert was_coming
    for event in EventPage.objects.filter(title__in=was_coming):
        assert day < event.start_date < date(day.year + 1, day.month, day.day), event.title
    for campaign in CampaignPage.objects.filter(go_live_at__isnull=False):
        assert campaign.go_live_at > datetime.combine(day, time(10), LONDON)


def test_loaded_as_of_the_day_it_was_written_the_demo_is_as_the_tests_know_it(demo):
    assert Page.objects.filter(url_path="/home/plans/2026-2027/").exists()
    assert Page.objects.filter(slug="christmas-market-safety-stall").exists()

"""A change made by any process is seen by every other at once.

Two real servers (gunicorn, two worker processes each, each process with its own local-memory
cache: the default, with no Redis) share one database. A third process, the cron command or an
editor's shell, changes the content; every request to every worker then shows the change.
"""

import urllib.error
import urllib.request

import pytest
from icalendar import Calendar

from tests.server import DemoServer

REQUESTS_EACH = 12


def fetch(server, path):
    try:
        with urllib.request.urlopen(server.url + path, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def summaries(body):
    """The titles of the events in a calendar file."""
    return {str(event.get("summary")) for event in Calendar.from_ical(body).walk("VEVENT")}


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("two-servers")
    # No Redis, whatever the environment says: each process caches in its own memory.
    local_memory = {"REDIS_URL": ""}
    first = DemoServer(workdir, workers=2, extra_env=local_memory).prepare()
    second = DemoServer(workdir, workers=2, extra_env=local_memory)
    first.start()
    second.start()
    yield first, second
    first.stop()
    second.stop()


def every_worker(servers, path):
    """The same address asked of both servers often enough to reach each of their workers."""
    return [fetch(server, path) for server in servers for _ in range(REQUESTS_EACH)]


def test_publish_scheduled_run_by_cron_is_seen_by_every_server_at_once(servers):
    first, _second = servers
    title = first.shell(
        "from django.utils import timezone; from local_events.models import Occurrence; "
        "print(Occurrence.objects.filter(start__gt=timezone.now()).public()"
        ".order_by('start').first().event.title)",
    )
    answers = every_worker(servers, "/events/calendar.ics")
    assert all(title in summaries(body) for _, body in answers)

    # An expiry time that has just passed, as an editor would have scheduled it: until the cron
    # command runs, the calendar file each process has cached still lists the event.
    first.shell(
        "from datetime import timedelta; from django.utils import timezone; "
        "from local_events.models import EventPage; "
        f"EventPage.objects.filter(title={title!r})"
        ".update(expire_at=timezone.now() - timedelta(minutes=1))",
    )
    # A worker that answered nothing above has cached nothing, and lists it no more: only the
    # workers that did still have the old file (this is what publish_scheduled must clear).
    answers = every_worker(servers, "/events/calendar.ics")
    assert any(title in summaries(body) for _, body in answers)

    first.manage("publish_scheduled")

    answers = every_worker(servers, "/events/calendar.ics")
    assert all(status == 200 for status, _body in answers)
    stale = [body for _status, body in answers if title in summaries(body)]
    assert not stale, f"{len(stale)} of {len(answers)} answers still list the expired event"


def test_a_page_made_private_by_an_editor_is_gone_from_every_server_at_once(servers):
    first, _second = servers
    slug, url = first.shell(
        "from areas.models import AreaPage; "
        "area = AreaPage.objects.live().public().order_by('title').first(); "
        "print(area.slug, area.url, sep='|')",
    ).split("|")
    link = f'href="{url}"'
    for status, body in every_worker(servers, "/"):
        assert status == 200 and link in body
    assert {status for status, _ in every_worker(servers, f"/events/?parish={slug}")} == {200}

    first.shell(
        "from wagtail.models import PageViewRestriction; from areas.models import AreaPage; "
        f"PageViewRestriction.objects.create(page=AreaPage.objects.get(slug={slug!r}), "
        "restriction_type=PageViewRestriction.LOGIN)",
    )

    home_pages = every_worker(servers, "/")
    assert not [body for _status, body in home_pages if link in body]
    assert {status for status, _ in every_worker(servers, f"/events/?parish={slug}")} == {404}

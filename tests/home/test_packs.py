"""Content packs (home/packs.py): the North West Leicestershire pack, loaded with one command into
a database that has nothing else, and what the loader does with a pack that is wrong."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, WorkflowState

from campaigns.models import CampaignPage
from home.models import AlertBanner, HomePage, SiteSettings, StandardPage
from home.packs import read_pack
from home.relative_dates import financial_year
from local_events.models import EventPage
from news.models import UpdatePage
from plans.models import Action, PlanPage, ProgressUpdate, YouSaidWeDid
from tests.database import as_migrations_leave_it
from tests.home.test_demo import snapshot

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
PACK = "north-west-leicestershire"
WRITTEN = read_pack(PACK)["written"]


def load(**options):
    call_command("load_pack", PACK, verbosity=0, **options)


@pytest.fixture
def nwl(db):
    as_migrations_leave_it()
    load(today=WRITTEN)
    return HomePage.objects.get()


def public_addresses():
    pages = [page.url for page in Page.objects.live().public().specific() if page.url]
    return [
        *pages,
        f"/events/{WRITTEN:%Y/%m}/",
        "/events/calendar.ics",
        "/search/?q=closure+order",
        "/you-said-we-did/?area=coalville",
        "/areas/coalville/feed.rss",
        "/plans/2026-2027/progress.csv",
    ]


def test_one_command_makes_the_whole_partnership(client, nwl):
    settings = SiteSettings.for_site(nwl.get_site())
    assert settings.partnership_name == read_pack(PACK)["name"]
    assert settings.short_name == "Safer North West"
    assert [c.name for c in settings.councils.all()] == [
        "North West Leicestershire District Council"
    ]
    assert nwl.title == "Working together for a safer North West Leicestershire"
    assert [block.value["heading"] for block in nwl.signposts] == [
        "Report a crime online",
        "Anti-social behaviour",
        "About the partnership",
    ]
    addresses = public_addresses()
    assert len(addresses) > 30
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        # Nothing in the code assumes the demo's district.
        assert b"Harborough" not in response.content, address


def test_what_the_pack_holds_is_in_its_publishing_state(client, nwl):
    campaigns = {page.slug: page for page in CampaignPage.objects.all()}
    assert {slug for slug, page in campaigns.items() if page.live} == {
        "cyber-safe-north-west",
        "celebrate-safely",
        "hate-crime-awareness-week",
    }
    scheduled = campaigns["anti-social-behaviour-awareness-week"]
    assert scheduled.go_live_at > datetime.combine(WRITTEN, time(), LONDON)
    assert scheduled.scheduled_revision is not None
    assert not campaigns["know-your-limits"].live
    assert client.get("/campaigns/know-your-limits/").status_code == 404
    waiting = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(campaigns["safer-summer-at-the-circuit"].pk)
    )
    assert waiting.status == "in_progress" and waiting.requested_by.username == "comms"
    # Topics, priorities and partners are linked by name and path, never by id.
    cyber = campaigns["cyber-safe-north-west"]
    assert [t.name for t in cyber.topics.all()] == ["Cybercrime", "Scams and fraud"]
    assert [p.slug for p in cyber.priorities.all()] == ["cybercrime"]
    banner = AlertBanner.objects.get(title__startswith="Coalville Christmas market")
    assert not banner.live and banner.go_live_at.date() > WRITTEN
    # The standard pages are completed and published, with every part the regulations ask for.
    statement = client.get("/accessibility-statement/").content.decode()
    for heading in ("Enforcement procedure", "Preparation of this statement"):
        assert f"<h2>{heading}</h2>" in statement, heading
    assert "[" not in client.get("/privacy/").content.decode().split("<main", 1)[1]
    # Logins for the demo, in their teams (the test settings allow demo users).
    lead = get_user_model().objects.get(username="lead")
    assert sorted(lead.groups.values_list("name", flat=True)) == ["Comms leads", "Comms team"]


def test_the_plan_has_progress_only_for_quarters_already_reported(nwl):
    plan = PlanPage.objects.get()
    assert plan.title == "Safer North West action plan 2026/27"
    asb01 = Action.objects.get(reference="ASB01")
    assert [u.quarter for u in asb01.progress_updates.order_by("quarter")] == [1, 2]
    assert [p.name for p in asb01.leads] == ["North West Leicestershire District Council"]
    assert Action.objects.count() == 12
    assert plan.performance_indicators.count() == 2
    # Three towns' indicators side by side in the plan's body, chosen by slug.
    (block,) = [b for b in plan.body if b.block_type == "indicator_comparison"]
    assert [i.area for i in block.value["indicators"]] == [
        "Coalville",
        "Ashby de la Zouch",
        "Castle Donington",
    ]
    indicator = plan.performance_indicators.first().indicator
    assert [v.period for v in indicator.values.all()][-1] == "2025/26"
    item = YouSaidWeDid.objects.get(title="Motorbikes on the Greenhill footpaths")
    assert item.priority.get_parent().specific == plan and item.parish.slug == "greenhill"
    assert item.first_published_at.date() == date(2026, 8, 14)


def test_loading_it_again_changes_nothing_on_the_day_or_weeks_later(nwl):
    first = snapshot()
    load(today=WRITTEN)
    assert snapshot() == first
    load(today=WRITTEN + timedelta(weeks=6))
    assert snapshot() == first


@pytest.mark.parametrize("day", [date(2028, 3, 1), date(2028, 8, 1), date(2029, 12, 1)])
def test_the_pack_is_current_whatever_day_it_is_loaded(client, day):
    as_migrations_leave_it()
    with time_machine.travel(datetime.combine(day, time(10), LONDON), tick=False):
        load()
        html = client.get("/").content.decode()
    year = financial_year(day)
    plan = PlanPage.objects.get()
    assert plan.title == f"Safer North West action plan {year}/{(year + 1) % 100:02}"
    assert (plan.starts_on, plan.ends_on) == (date(year, 4, 1), date(year + 1, 3, 31))
    assert f">{plan.title}</a>" in html
    # Each quarter's progress once it is due, and none before.
    due = {1: date(year, 7, 31), 2: date(year, 10, 31), 3: date(year + 1, 1, 31)}
    quarters = set(ProgressUpdate.objects.values_list("quarter", flat=True))
    assert quarters == {q for q, on in due.items() if on <= day}
    assert '<h3 class="govuk-heading-m">On now</h3>' in html
    assert 'id="next-events"' in html
    for event in EventPage.objects.filter(repeats=""):
        assert day < event.start_date < date(day.year + 1, day.month, day.day), event.title
    for campaign in CampaignPage.objects.filter(go_live_at__isnull=False):
        assert campaign.go_live_at > datetime.combine(day, time(10), LONDON)
    # The news is recent, and none of it is dated after the day.
    latest = UpdatePage.objects.order_by("-date").first().date
    assert day - timedelta(days=366) < latest <= day


# A pack that is wrong ------------------------------------------------------------------------


def write_pack(folder, entries):
    (folder / "pack.yaml").write_text(
        "name: Bramshire Community Safety Partnership\nshort_name: Safer Bramshire\n"
        "written: 2026-11-20\nfiles: [content.yaml]\n"
    )
    (folder / "content.yaml").write_text(entries)
    return str(folder)


@pytest.mark.parametrize(
    ("entries", "says"),
    [
        ("- page: areas.AreaPage\n  parent: /areas/\n  slug: a\n  title: A\n  colour: red\n",
         "areas.AreaPage has no field `colour`"),
        ("- page: areas.AreaPage\n  parent: /nowhere/\n  slug: a\n  title: A\n",
         "no page at /nowhere/"),
        ("- page: areas.AreaPage\n  parent: /areas/\n  slug: a\n  title: A\n  council: Atlantis\n",
         "no council 'Atlantis'"),
        ("- page: areas.AreaPage\n  parent: /areas/\n  slug: a\n  title: A\n  state: maybe\n",
         "`state` is one of live, draft, scheduled, in moderation"),
        ("- page: areas.Nothing\n", "no model 'areas.Nothing'"),
        ("- title: A\n", "an entry starts with one of page, snippet"),
        ("- image: A\n  draw: {motif: dragon}\n", "no motif 'dragon'"),
        ("- page: home.StandardPage\n  slug: a\n  title: A\n  body:\n    - paragraph: x\n",
         "no block `paragraph` here"),
        ("- page: areas.AreaPage\n  parent: /areas/\n  slug: [unclosed\n", "content.yaml"),
        ("- snippet: plans.Partner\n  name: Bramshire Police\n  dates: {ahead: name}\n",
         "`dates: ahead: name` names a field with no date"),
        ("- change: campaigns.ReportingRoute\n  organisation: Bramshire Police\n",
         "a change needs `where`"),
    ],
)  # fmt: skip
def test_a_pack_that_is_wrong_says_where_and_why_and_loads_nothing(tmp_path, db, entries, says):
    as_migrations_leave_it()
    folder = write_pack(tmp_path, "- snippet: plans.Partner\n  name: Bramshire Council\n" + entries)
    with pytest.raises(CommandError) as error:
        call_command("load_pack", folder, verbosity=0)
    assert says in str(error.value) and "content.yaml" in str(error.value)
    from plans.models import Partner

    assert not Partner.objects.exists()  # the entry before it is undone too


def test_an_unknown_pack_names_those_there_are(db):
    with pytest.raises(CommandError, match="north-west-leicestershire"):
        call_command("load_pack", "atlantis", verbosity=0)


# How dates move ------------------------------------------------------------------------------


MOVING = """
- page: events.EventPage
  parent: /events/
  dates: fixed
  slug: surgery
  title: Beat surgery
  summary: Meet the neighbourhood team.
  start_date: 2026-01-13
  start_time: "10:00"
  end_time: "11:00"
  repeats: monthly-weekday
  repeat_week: 2
  venue: The library
  changes:
    - {date: 2026-02-10, cancelled: true, reason: Training day.}
    - {date: 2026-12-08, dates: {next: date}, cancelled: false, new_date: 2026-12-09, reason: The hall is booked.}
- snippet: home.AlertBanner
  title: Road closures
  state: scheduled
  dates: {ahead: go_live_at}
  level: warning
  message: <p>The town centre is closed.</p>
  go_live_at: 2026-12-04 16:00:00
  expire_at: 2026-12-05 18:00:00
"""


@pytest.mark.parametrize(
    ("day", "changes", "goes_live"),
    [
        # The day it was written for: nothing moves.
        (date(2026, 11, 20), [(date(2026, 2, 10), None), (date(2026, 12, 8), date(2026, 12, 9))],
         datetime(2026, 12, 4, 16, tzinfo=LONDON)),
        # The next December's change is on the event's own second Tuesday (the 14th), not the
        # Tuesday nearest a year on (the 7th); the banner moves by a whole year.
        (date(2027, 8, 1), [(date(2026, 2, 10), None), (date(2027, 12, 14), date(2027, 12, 15))],
         datetime(2027, 12, 4, 16, tzinfo=LONDON)),
    ],
)  # fmt: skip
def test_dates_move_as_each_entry_says(tmp_path, db, day, changes, goes_live):
    as_migrations_leave_it()
    call_command("load_pack", write_pack(tmp_path, MOVING), today=day, verbosity=0)
    event = EventPage.objects.get(slug="surgery")
    assert event.start_date == date(2026, 1, 13)
    assert [(one.date, one.new_date) for one in event.changes.order_by("sort_order")] == changes
    banner = AlertBanner.objects.get(title="Road closures")
    assert (banner.go_live_at, banner.expire_at - banner.go_live_at) == (
        goes_live,
        timedelta(hours=26),
    )


def test_a_scheduled_entry_stays_ahead_of_the_clock_whatever_day_it_is_loaded_as(tmp_path, db):
    as_migrations_leave_it()
    folder = write_pack(tmp_path, MOVING)
    # Loaded as of the day it was written, six weeks later: its go-live would have passed.
    with time_machine.travel(datetime(2027, 1, 10, 9, tzinfo=LONDON), tick=False):
        call_command("load_pack", folder, today=date(2026, 11, 20), verbosity=0)
        banner = AlertBanner.objects.get(title="Road closures")
        assert not banner.live
        assert banner.go_live_at == datetime(2027, 12, 4, 16, tzinfo=LONDON)
    # What is not scheduled moves with the day it is loaded as, not the clock.
    assert EventPage.objects.get().changes.order_by("sort_order")[1].date == date(2026, 12, 8)


def test_years_in_the_words_move_from_the_year_an_entry_says(tmp_path, db):
    as_migrations_leave_it()
    entries = "".join(
        f"- page: home.StandardPage\n  parent: /\n  slug: {slug}\n  title: {slug}\n"
        f"  dates: plan\n{extra}  introduction: Figures for 2021/22 to 2025/26.\n"
        for slug, extra in (("figures", "  years_from: 2021\n"), ("history", ""))
    )
    call_command("load_pack", write_pack(tmp_path, entries), today=date(2027, 8, 1), verbosity=0)
    words = dict(Page.objects.type(StandardPage).values_list("slug", "standardpage__introduction"))
    assert words["figures"] == "Figures for 2022/23 to 2026/27."
    assert words["history"] == "Figures for 2021/22 to 2026/27."


def test_the_footer_gets_the_links_a_pack_gives_once(tmp_path, db):
    as_migrations_leave_it()
    entries = (
        "- page: home.StandardPage\n  parent: /\n  slug: about\n  title: About us\n"
        "- settings: home.SiteSettings\n  footer_links:\n"
        "    - link: {text: About us, page: /about/, url: ''}\n"
        "    - link: {text: Accessibility statement, page: /accessibility-statement/, url: ''}\n"
    )
    folder = write_pack(tmp_path, entries)
    call_command("load_pack", folder, verbosity=0)
    call_command("load_pack", folder, verbosity=0)
    links = SiteSettings.for_site(HomePage.objects.get().get_site()).footer_links
    # The pack's links first, in its order, then the starter's that it did not give.
    assert [link.value["text"] for link in links] == [
        "About us",
        "Accessibility statement",
        "Privacy notice",
    ]


def test_a_change_to_what_the_starter_made_is_made_once(tmp_path, db):
    from campaigns.models import ReportingRoute

    as_migrations_leave_it()
    entries = (
        "- change: campaigns.ReportingRoute\n  where: {organisation: Police, is_emergency: false}\n"
        "  organisation: Bramshire Police\n  channels:\n"
        "    - {kind: online, value: 'https://bramshire.police.uk/report', sort_order: -1}\n"
    )
    folder = write_pack(tmp_path, entries)
    call_command("load_pack", folder, verbosity=0)
    call_command("load_pack", folder, verbosity=0)
    route = ReportingRoute.objects.get(organisation="Bramshire Police")
    assert not route.is_emergency
    channels = list(route.channels.order_by("sort_order").values_list("kind", "value"))
    assert channels[0] == ("online", "https://bramshire.police.uk/report")
    assert [value for _kind, value in channels].count("https://bramshire.police.uk/report") == 1
    # The emergency route is not picked, and stays as the starter made it.
    assert ReportingRoute.objects.get(organisation="Police").is_emergency


def test_the_command_says_what_it_added_in_words(tmp_path, db):
    from io import StringIO

    as_migrations_leave_it()
    entries = (
        "- snippet: plans.Partner\n  name: Bramshire Council\n"
        "- snippet: plans.Partner\n  name: Bramshire Police\n"
        "- page: areas.AreaPage\n  parent: /areas/\n  slug: a\n  title: A\n"
    )
    folder = write_pack(tmp_path, entries)
    said = StringIO()
    call_command("load_pack", folder, stdout=said)
    assert "Added: 2 partners, 1 area page." in said.getvalue()
    said = StringIO()
    call_command("load_pack", folder, stdout=said)
    assert "Added: nothing new." in said.getvalue()

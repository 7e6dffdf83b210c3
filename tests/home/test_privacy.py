"""Nothing restricted, unpublished or expired reaches the public, by any route.

One object of every kind is marked with a word found nowhere else, then hidden (behind a login,
behind a password, unpublished, expired, or under a section that is), and the whole public site
is crawled from the home page, the sitemap, the feeds, the searches and the filters that name it:
every page, feed, calendar, JSON file and CSV export that any of them links to. The word must
appear in none. A control crawl, with the same objects marked but left visible, proves that the
crawl reaches each of them, so the test can fail.
"""

import re
from collections import deque
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from areas.models import AreaIndexPage, AreaPage
from campaigns.models import CampaignIndexPage, CampaignPage, ReportPage
from home.models import AlertBanner, HomePage, StandardPage
from local_events.models import EventIndexPage, EventPage, Occurrence
from news.models import UpdateIndexPage, UpdatePage
from plans.models import Action, PlanIndexPage, PlanPage, PriorityPage, YouSaidWeDid

MARK = "zqxhidden"
FOUND = re.compile(rf"{MARK}\d+", re.IGNORECASE)
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
ABSOLUTE = re.compile(r"https?://(?:testserver|localhost|127\.0\.0\.1)(?::\d+)?/[^\s\"'<>\\]*")
SKIP = ("/admin/", "/static/", "/media/", "/documents/")
CRAWL_LIMIT = 2000

LOGIN = PageViewRestriction.LOGIN
PASSWORD = PageViewRestriction.PASSWORD


HOSTS = ("testserver", "localhost", "127.0.0.1")


def internal(base, found):
    """The path and query of a link found on `base`, if it is one of this site's to crawl."""
    parts = urlsplit(urljoin(f"http://testserver{base}", found.replace("&amp;", "&")))
    if parts.scheme not in ("http", "https") or parts.hostname not in HOSTS:
        return None
    if parts.path.startswith(SKIP):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, seeds):
    """{url: response} for every internal address reachable from the seeds."""
    seen, queue, responses = set(), deque(seeds), {}
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        assert len(seen) < CRAWL_LIMIT, "The crawl found more addresses than it allows for."
        response = client.get(url)
        responses[url] = response
        if response.status_code in (301, 302):
            target = internal(url, response["Location"])
            if target:
                queue.append(target)
            continue
        if response.status_code != 200 or response.streaming:
            continue
        # Calendar files fold long lines; unfolded, their addresses are whole again.
        body = response.content.decode("utf-8", "replace").replace("\r\n ", "")
        for found in [*LINK.findall(body), *ABSOLUTE.findall(body)]:
            target = internal(url, found)
            if target and target not in seen:
                queue.append(target)
    return responses


def leaks(responses):
    """{marker: [urls]} for every marker found in a response body."""
    found = {}
    for url, response in responses.items():
        if response.streaming:
            continue
        body = response.content.decode("utf-8", "replace")
        if url.startswith("/search/?q="):
            # The search page repeats what was searched for (in lower case); a result's title
            # carries the marker capitalised.
            body = body.replace(url.removeprefix("/search/?q="), "")
        for marker in FOUND.findall(body):
            found.setdefault(marker.lower(), []).append(url)
    return found


class Site:
    """The site's objects of every kind (two of each), and ways to mark and hide them."""

    def __init__(self):
        today = timezone.localdate()
        self.home = HomePage.objects.get()
        self.plans = PlanIndexPage.objects.get()
        self.current_plan = PlanPage.objects.filter(
            starts_on__lte=today, ends_on__gte=today
        ).first()
        self.old_plan = PlanPage.objects.filter(ends_on__lt=today).order_by("starts_on").first()
        self.old_priority = PriorityPage.objects.child_of(self.old_plan).first()
        self.priority = PriorityPage.objects.child_of(self.current_plan).get(slug="places")
        self.action = Action.objects.filter(priority=self.priority).first()
        self.standard = StandardPage.objects.child_of(self.home).get(slug="about")
        events = EventPage.objects.live().filter(
            pk__in=Occurrence.objects.filter(start__gt=timezone.now()).values("event")
        )
        self.event, self.other_event = events.order_by("path")[:2]
        self.campaigns = CampaignIndexPage.objects.get()
        live_campaigns = CampaignPage.objects.live().order_by("path")
        self.campaign, self.other_campaign = live_campaigns[:2]
        self.events = EventIndexPage.objects.get()
        self.areas = AreaIndexPage.objects.get()
        self.area, self.other_area = AreaPage.objects.live().order_by("path")[:2]
        self.news_index = UpdateIndexPage.objects.get()
        self.news, self.other_news = UpdatePage.objects.live().order_by("path")[:2]
        self.report = ReportPage.objects.get()
        entries = YouSaidWeDid.objects.filter(live=True).order_by("pk")
        self.entry, self.other_entry = entries[:2]
        self.banner = AlertBanner.objects.filter(live=True, whole_site=True).first()
        self.numbers = {}
        self.link_everything()

    def link_everything(self):
        """What stays visible points at what will be hidden, so a leak has somewhere to show."""
        self.other_event.parish, self.other_event.campaign = self.area, self.campaign
        self.other_event.save_revision().publish()
        self.other_entry.parish, self.other_entry.priority = self.area, self.priority
        self.other_entry.save_revision().publish()
        self.other_news.parishes.set([self.area, self.other_area])
        self.other_news.priorities.set([self.priority])
        self.other_news.save_revision().publish()
        self.other_campaign.priorities.set([self.priority])
        self.other_campaign.save_revision().publish()
        self.event.parish = self.other_area
        self.event.save_revision().publish()
        self.entry.parish = self.other_area
        self.entry.save_revision().publish()
        banner = AlertBanner(
            title="Road closed for resurfacing",
            message="<p>The High Street is closed on Sunday.</p>",
            link_text="Read more",
            link_page=self.standard,
            live=False,
        )
        banner.save()
        banner.save_revision().publish()

    def marker(self, name):
        number = self.numbers.setdefault(name, len(self.numbers) + 1)
        return f"{MARK}{number}"

    def mark(self, name, obj, slug=True):
        """The marker in the object's title (and its page's address, so links give it away)."""
        word = self.marker(name)
        if isinstance(obj, Page):
            obj.title = f"{obj.title} {word.capitalize()}"
            if slug:
                obj.slug = f"{obj.slug}-{word}"
            obj.save_revision().publish()
        elif isinstance(obj, Action):
            obj.description = f"{obj.description} {word}"
            obj.save()
        else:
            obj.title = f"{obj.title} {word.capitalize()}"
            obj.save_revision().publish()
        return obj

    @property
    def month(self):
        return timezone.localdate().strftime("%Y/%m")

    def filters(self):
        """Filters naming the area and the priority: a 404 once either is hidden."""
        return self.filter_seeds(self.area.slug, self.priority.pk, self.month)

    def seeds(self):
        return [
            "/",
            "/sitemap.xml",
            "/news/feed.rss",
            "/news/feed.atom",
            "/events/calendar.ics",
            f"/events/{self.month}/",
            "/you-said-we-did/",
            "/report/",
            *(f"/search/?q={self.marker(name)}" for name in self.numbers),
            *self.filters(),
        ]

    @staticmethod
    def filter_seeds(area, priority, month):
        return [
            f"/events/?parish={area}",
            f"/events/calendar.ics?parish={area}",
            f"/events/{month}/?parish={area}",
            f"/you-said-we-did/?parish={area}",
            f"/you-said-we-did/?priority={priority}",
        ]


def restrict(page, kind):
    PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="a-secret" if kind == PASSWORD else ""
    )


def hide(page, how):
    if how == "unpublished":
        page.unpublish()
    elif how == "expired":
        # Past its expiry time, in the minute before publish_scheduled takes it down.
        type(page).objects.filter(pk=page.pk).update(
            expire_at=timezone.now() - timedelta(minutes=1)
        )
    else:
        restrict(page, how)


def pages_of_every_kind(site):
    return {
        "standard page": site.standard,
        "plan": site.old_plan,
        "priority": site.priority,
        "campaign": site.campaign,
        "event": site.event,
        "area": site.area,
        "news": site.news,
    }


def hide_pages(site, how):
    pages = pages_of_every_kind(site)
    for name, page in pages.items():
        site.mark(name, page)
    # What is under a hidden page is hidden with it: the old plan's priority, a priority's actions.
    site.mark("under the plan", site.old_priority)
    site.mark("action", site.action)
    for page in pages.values():
        hide(Page.objects.get(pk=page.pk), how)


def hide_snippets(site):
    site.mark("entry", site.entry)
    site.mark("banner", site.banner)
    site.entry.unpublish()
    site.banner.unpublish()


def hide_sections(site):
    """Whole sections: what is below each goes with it, wherever else it would be shown."""
    sections = [
        (site.plans, LOGIN, site.current_plan),
        (site.campaigns, PASSWORD, site.campaign),
        (site.events, "unpublished", site.event),
        (site.areas, "unpublished", site.area),
        (site.news_index, LOGIN, site.news),
        (site.report, PASSWORD, None),
    ]
    for section, _how, child in sections:
        site.mark(f"section {section.slug}", section, slug=False)
        if child is not None:
            site.mark(f"in {section.slug}", child)
    site.mark("action", site.action)
    for section, how, _child in sections:
        hide(Page.objects.get(pk=section.pk).specific, how)


def assert_nothing_leaks(client, site):
    responses = crawl(client, site.seeds())
    assert not leaks(responses), f"Hidden things are shown at: {leaks(responses)}"
    statuses = {url: response.status_code for url, response in responses.items()}
    assert not [url for url, status in statuses.items() if status >= 500]
    for url in site.filters():
        # A hidden area or priority is no more a filter than one that does not exist.
        assert statuses[url] == 404, url
    return responses


@pytest.fixture
def site(every_kind_site):
    return Site()


def test_the_crawl_finds_every_marked_thing_while_it_is_visible(client, site):
    """The control: marked but not hidden, each is found (so the tests below can fail)."""
    for name, page in pages_of_every_kind(site).items():
        site.mark(name, page)
    site.mark("under the plan", site.old_priority)
    site.mark("action", site.action)
    site.mark("entry", site.entry)
    site.mark("banner", site.banner)
    for section in (site.plans, site.campaigns, site.events, site.areas, site.news_index):
        site.mark(f"section {section.slug}", section, slug=False)
    site.mark("section report", site.report, slug=False)

    responses = crawl(client, site.seeds())
    found = leaks(responses)
    missing = [name for name in site.numbers if site.marker(name) not in found]
    assert not missing, f"The crawl did not reach: {missing}"
    urls = set(responses)
    # Every kind of route is crawled: pages, feeds, calendars, JSON, CSV, the sitemap, searches.
    for route in ("feed.rss", "feed.atom", "events.ics", "updates.json", "embed/", "event.ics"):
        assert any(url.endswith(route) for url in urls), route
    assert any(url.endswith("progress.csv") for url in found[site.marker("action")])
    assert any(url.endswith("progress.json") for url in found[site.marker("action")])
    assert any("calendar.ics" in url for url in found[site.marker("area")])
    assert any(url.startswith("/search/") for url in found[site.marker("news")])
    assert all(responses[url].status_code == 200 for url in site.filters())


@pytest.mark.parametrize("how", [LOGIN, PASSWORD, "unpublished"])
def test_a_hidden_page_of_every_kind_is_shown_nowhere(client, site, how):
    hide_pages(site, how)
    if how == "unpublished":
        hide_snippets(site)
    responses = assert_nothing_leaks(client, site)
    assert len(responses) > 60


def test_the_password_page_names_nothing_of_what_it_protects(client, site):
    hide_pages(site, PASSWORD)
    for page in pages_of_every_kind(site).values():
        response = client.get(Page.objects.get(pk=page.pk).url)
        html = response.content.decode()
        assert response.status_code == 200 and "This page needs a password" in html
        # Only its own address, in the form, carries the marker: never its title or summary.
        assert not re.search(rf"{MARK.capitalize()}\d+", html)
        assert not re.search(r"<link rel=\"canonical\"", html)
        assert 'name="password"' in html and 'autocomplete="current-password"' in html


def test_an_expired_page_is_hidden_before_publish_scheduled_takes_it_down(client, site):
    hide_pages(site, "expired")
    assert_nothing_leaks(client, site)
    # Its own address too: Wagtail would still serve it until the command runs.
    assert client.get(Page.objects.get(pk=site.news.pk).url).status_code == 404


def test_pages_under_an_unpublished_page_are_not_served(client, site):
    """Wagtail serves a live page under an unpublished one; residents get a 404."""
    url = site.old_priority.url
    assert client.get(url).status_code == 200
    site.old_plan.unpublish()
    assert client.get(url).status_code == 404


def test_whole_sections_hidden_take_everything_below_them(client, site):
    hide_sections(site)
    assert_nothing_leaks(client, site)

"""Every page type, opened in a real browser: no accessibility violations, no errors."""

from datetime import date

import pytest

pytestmark = pytest.mark.browser

THIS_MONTH = f"/events/{date.today():%Y/%m}/"

PAGES = {
    "home page": "/",
    "standard page with images, documents and a call to action": "/about/",
    "standard page with an accordion and Exit this page": "/support-after-abuse/",
    "plan index": "/plans/",
    "plan with roll-ups, indicators and open data": "/plans/2026-2027/",
    "priority with actions, updates and indicators": "/plans/2026-2027/people/",
    "earlier plan's priority with action codes": "/plans/2017-2018/violence/",
    "campaign index": "/campaigns/",
    "campaign index filtered by topic": "/campaigns/?topic=hate-crime",
    "campaign with toolkit and Exit this page": "/campaigns/hate-crime-awareness-week/",
    "campaign on now": "/campaigns/white-ribbon-day/",
    "report page": "/report/",
    "report a topic (sensitive, with Exit this page)": "/report/domestic-abuse/",
    "safety advice": "/using-this-site-safely/",
    "events: upcoming list": "/events/",
    "events: filtered list": "/events/?area=lutterworth&type=beat-surgery&when=next-month",
    "events: month grid": THIS_MONTH,
    "event repeating, with a cancelled date": "/events/lutterworth-beat-surgery/",
    "event repeating, with a moved date": "/events/kibworth-beat-surgery/",
    "event over two days, part of a campaign": "/events/christmas-market-safety-stall/",
    "areas: find your town or parish": "/areas/",
    "area page with feeds and snippets": "/areas/lutterworth/",
    "area embed for parish websites": "/areas/lutterworth/embed/",
    "you said, we did": "/you-said-we-did/",
    "you said, we did, filtered": "/you-said-we-did/?area=market-harborough&year=2026",
    "you said, we did: one entry": "/you-said-we-did/1/",
    "news index": "/news/",
    "news update": "/news/closure-order-lutterworth/",
    "search results": "/search/?q=partnership",
    "search with no results": "/search/?q=xylophone",
    "search with counts by kind": "/search/?q=helpline",
    "search with topics and areas, one chosen": "/search/?q=scams&topic=scams-and-fraud",
    "search with did you mean": "/search/?q=crimestopers",
    "search with some of the words": "/search/?q=sanctuary+helpline+quokka",
    "page not found": "/no-such-page/",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations_and_no_errors(visit, path):
    page = visit(path)
    assert page.response.status in (200, 404)
    assert page.axe() == []
    assert page.problems == []


@pytest.mark.parametrize(
    "path", ["/", "/support-after-abuse/", THIS_MONTH, "/areas/lutterworth/embed/"]
)
def test_no_axe_violations_on_a_small_screen(visit, path):
    page = visit(path, viewport={"width": 320, "height": 640})
    assert page.axe() == []
    assert page.problems == []


def test_javascript_enhances_the_page(visit):
    page = visit("/support-after-abuse/")
    body_classes = page.page.evaluate("document.body.className")
    assert "govuk-frontend-supported" in body_classes  # the inline script, allowed by its hash, ran
    # The accordion's JavaScript has turned its sections into buttons.
    assert page.page.locator(".govuk-accordion__show-all").count() == 1
    page.page.locator(".govuk-accordion__show-all").click()
    assert page.page.locator(".govuk-accordion__section--expanded").count() == 3


def test_the_menu_collapses_into_a_button_on_a_small_screen(visit):
    page = visit("/", viewport={"width": 320, "height": 640})
    toggle = page.page.locator(".govuk-service-navigation__toggle")
    assert toggle.is_visible()
    assert not page.page.locator("#navigation").is_visible()
    toggle.click()
    assert page.page.locator("#navigation").is_visible()


def test_typing_narrows_the_list_of_areas(visit):
    visit_ = visit("/areas/")
    page = visit_.page
    box = page.get_by_label("Type the name of your town or parish")
    assert box.is_visible()
    box.fill("kib")
    assert page.get_by_role("link", name="Kibworth").is_visible()
    assert not page.get_by_role("link", name="Lutterworth").is_visible()
    # A group with nothing left in it goes, heading and all.
    assert page.get_by_role("heading", name="Parishes").is_visible()
    assert not page.get_by_role("heading", name="Towns").is_visible()
    assert page.locator('[role="status"]').inner_text() == "1 place matches."
    box.fill("zzz")
    assert "No towns or parishes match" in page.locator('[role="status"]').inner_text()
    assert visit_.axe() == []
    box.fill("")
    assert page.get_by_role("link", name="Lutterworth").is_visible()


@pytest.fixture
def joint_partnership(site_server):
    """The demo site for one test as a joint partnership: Kibworth in a second council."""
    site_server.shell(JOINT.format(change="add"))
    yield
    site_server.shell(JOINT.format(change="remove"))


JOINT = """
from areas.models import AreaPage
from home.models import Council, SiteSettings
from wagtail.models import Site
settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
kibworth = AreaPage.objects.get(slug="kibworth")
if "{change}" == "add":
    council = Council.objects.create(settings=settings, name="Northfield Borough Council", sort_order=9)
    kibworth.council = council
else:
    Council.objects.filter(name="Northfield Borough Council").delete()
    kibworth.council = Council.objects.get(name="Harborough District Council")
kibworth.save()
settings.save()
"""


@pytest.mark.usefixtures("joint_partnership")
def test_areas_of_several_councils_are_listed_by_council_and_narrowed_together(visit):
    visit_ = visit("/areas/")
    page = visit_.page
    assert page.get_by_role("heading", name="Northfield Borough Council").is_visible()
    assert visit_.axe() == []
    page.get_by_label("Type the name of your town or parish").fill("lutt")
    # A council with nothing left in it goes too.
    assert page.get_by_role("heading", name="Harborough District Council").is_visible()
    assert not page.get_by_role("heading", name="Northfield Borough Council").is_visible()
    assert visit_.problems == []


def test_snippets_have_a_copy_button_named_for_what_it_copies(visit):
    visit_ = visit("/areas/lutterworth/")
    page = visit_.page
    visit_.context.grant_permissions(["clipboard-read", "clipboard-write"])
    names = [button.inner_text() for button in page.locator(".app-copy__button").all()]
    assert names == [
        "Copy embed code",
        "Copy calendar address",
        "Copy feed address",
        "Copy JSON address",
    ]
    page.get_by_role("button", name="Copy calendar address").click()
    statuses = page.locator(".app-copy__status")
    statuses.nth(1).filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").endswith("/areas/lutterworth/events.ics")
    page.get_by_role("button", name="Copy embed code").click()
    statuses.nth(0).filter(has_text="Copied").wait_for()
    assert statuses.nth(1).inner_text() == ""
    assert page.evaluate("navigator.clipboard.readText()").startswith("<iframe src=")


def test_search_suggestions_by_keyboard_alone(visit):
    visit_ = visit("/search/")
    page = visit_.page
    box = page.get_by_label("Search this site")
    box.focus()
    page.keyboard.type("white rib", delay=30)
    option = page.get_by_role("option").first
    option.wait_for()
    assert "White Ribbon" in option.inner_text()
    assert visit_.axe() == []  # with the list of suggestions open
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=White+Ribbon" in page.url
    assert page.locator("#results-heading").inner_text().endswith(f"‘{option_text(page)}’")
    assert visit_.problems == []


def option_text(page):
    return page.get_by_label("Search this site").input_value()

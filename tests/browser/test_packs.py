"""The North West Leicestershire content pack, loaded with one command into an empty database:
each type of page, in a real browser, is there, has no errors and passes the accessibility audit."""

import pytest

from home.packs import read_pack
from tests.browser.conftest import assert_there_and_accessible, serving, visits_to

pytestmark = pytest.mark.browser

PACK = "north-west-leicestershire"
WRITTEN = read_pack(PACK)["written"]
PAGES = {
    "home page": ("/", "Working together for a safer North West Leicestershire"),
    "about": ("/about/", "How we are funded"),
    "plan": ("/plans/2026-2027/", "Anti-social behaviour in the three largest towns"),
    "plan: funding": ("/plans/2026-2027/#funding", "£52,500"),
    "priority": ("/plans/2026-2027/anti-social-behaviour/", "ASB01"),
    "campaigns": ("/campaigns/", "Cyber-safe North West"),
    "campaign": ("/campaigns/cyber-safe-north-west/", "Three things to do today"),
    "events": ("/events/", "Coalville beat surgery"),
    "month": (f"/events/{WRITTEN:%Y/%m}/", "Coalville beat surgery"),
    "event": ("/events/cybercrime-lunch-and-learn/", "lunch and learn"),
    "areas": ("/areas/", "Estates"),  # one council: listed by kind
    "area": ("/areas/coalville/", "Closure order granted for a Coalville flat"),
    "you said, we did": ("/you-said-we-did/", "Motorbikes on the Greenhill footpaths"),
    "news": ("/news/", "Eleven new anti-social behaviour champions"),
    "report it": ("/report/anti-social-behaviour/", "101"),
    "search": ("/search/?q=mediation", "Offer mediation for neighbour disputes"),
}


@pytest.fixture(scope="module")
def pack_site(tmp_path_factory):
    yield from serving(tmp_path_factory.mktemp("pack"), "load_pack", PACK, "--today", str(WRITTEN))


@pytest.fixture
def visit_pack(browser, pack_site):
    yield from visits_to(browser, pack_site)


@pytest.mark.parametrize(("path", "says"), PAGES.values(), ids=PAGES.keys())
def test_every_type_of_page_in_the_pack_is_there_and_accessible(visit_pack, path, says):
    assert_there_and_accessible(visit_pack(path), says)

"""A partnership that has run `setup_partnership` and nothing else: every section, opened in a
real browser, says what will be there and passes the accessibility audit, with no errors."""

from datetime import date

import pytest

from tests.browser.conftest import assert_there_and_accessible, serving, visits_to

pytestmark = pytest.mark.browser

SECTIONS = {
    "home page": ("/", "Bramshire Community Safety Partnership"),
    "plans": ("/plans/", "No plans have been published yet."),
    "campaigns": ("/campaigns/", "No campaigns have been published yet."),
    "report it": ("/report/", "In an emergency, call 999"),
    "report a topic": ("/report/domestic-abuse/", "National Domestic Abuse Helpline"),
    "events": ("/events/", "No events"),
    "events: month grid": (f"/events/{date.today():%Y/%m}/", "No events in"),
    "your area": ("/areas/", "No towns or parishes have pages yet."),
    "you said, we did": ("/you-said-we-did/", "Nothing has been published yet."),
    "news": ("/news/", "No news has been published yet."),
    "search": ("/search/", "Search this site"),
    "search for something": ("/search/?q=helpline", "National Domestic Abuse Helpline"),
}


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    yield from serving(
        tmp_path_factory.mktemp("new-partnership"),
        "setup_partnership",
        "Bramshire Community Safety Partnership",
    )


@pytest.fixture
def visit_new(browser, new_site):
    yield from visits_to(browser, new_site)


@pytest.mark.parametrize(("path", "says"), SECTIONS.values(), ids=SECTIONS.keys())
def test_every_section_of_a_new_site_is_there_and_accessible(visit_new, path, says):
    assert_there_and_accessible(visit_new(path), says)


def test_the_drafts_to_complete_are_not_public(visit_new):
    for path in ("/accessibility-statement/", "/privacy/", "/using-this-site-safely/"):
        assert visit_new(path).response.status == 404
    # Nor linked from the footer until they are published.
    footer = visit_new("/").page.inner_text("footer")
    assert "Privacy notice" not in footer and "Accessibility statement" not in footer

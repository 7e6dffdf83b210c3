"""A joint partnership of two councils, in a real browser: Your area council by council, a council
filter on events and "you said, we did", each council's news feeds; every page without errors and
passing the accessibility audit, and the filter used from the keyboard."""

import pytest

from home.packs import read_pack
from tests.browser.conftest import assert_there_and_accessible, serving, visits_to

pytestmark = pytest.mark.browser

PACK = "north-west-leicestershire"
WRITTEN = read_pack(PACK)["written"]
SECOND = "Northfield Borough Council"
# What an administrator does in Settings > Site settings and on two area pages: a second council,
# and two of the areas moved into it (published, as an editor publishes).
JOINT = f"""
from wagtail.models import Site
from areas.models import AreaPage
from home.models import Council, SiteSettings

settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
settings.councils.add(Council(name="{SECOND}", phone="0111 496 0000", email="safety@example.org"))
settings.save()
council = Council.objects.get(name="{SECOND}")
for area in AreaPage.objects.filter(slug__in=["castle-donington", "measham"]):
    area.council = council
    area.save_revision().publish()
"""
NORTHFIELD = "northfield-borough-council"
PAGES = {
    "areas": ("/areas/", SECOND),
    "events": ("/events/", "Any council"),
    "events of one council": (f"/events/?council={NORTHFIELD}", "Castle Donington"),
    "you said, we did": ("/you-said-we-did/", "Any council"),
    "you said, we did of one council": (f"/you-said-we-did/?council={NORTHFIELD}", "Measham"),
    "news": ("/news/", "Or follow one council’s towns and parishes"),
    "area": ("/areas/measham/", SECOND),
}


@pytest.fixture(scope="module")
def joint_site(tmp_path_factory):
    yield from serving(
        tmp_path_factory.mktemp("joint"), "load_pack", PACK, "--today", str(WRITTEN), then=JOINT
    )


@pytest.fixture
def visit_joint(browser, joint_site):
    yield from visits_to(browser, joint_site)


@pytest.mark.parametrize(("path", "says"), PAGES.values(), ids=PAGES.keys())
def test_a_joint_partnerships_pages_are_accessible(visit_joint, path, says):
    assert_there_and_accessible(visit_joint(path), says)


def test_a_resident_chooses_their_council_from_the_keyboard(visit_joint):
    page = visit_joint("/events/").page
    choice = page.get_by_label("Council")
    choice.focus()
    choice.select_option(label=SECOND)
    page.get_by_role("button", name="Show events").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**council={NORTHFIELD}**")
    main = page.inner_text("main")
    assert "Castle Donington" in main and "Coalville beat surgery" not in main

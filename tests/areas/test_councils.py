"""A partnership that covers several councils: each council's contact details in the footer and
on a contact page, and Your area grouped council by council."""

import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from areas.models import AreaPage
from home.ensure import ensure_page
from home.models import Council, SiteSettings, StandardPage
from tests.areas.factories import make_area, make_update, make_you_said_we_did
from tests.events.factories import first_of_next_month, make_event, month_path
from tests.factories import signed_in
from tests.home.factories import add_councils

pytestmark = pytest.mark.django_db

COUNCIL = "Bramshire District Council"


@pytest.fixture
def partnership(home_page):
    """A partnership of one council, with a town and two parishes in its area, and events,
    "you said, we did" and news for the town and one of the parishes."""
    council = add_councils(COUNCIL)[COUNCIL]
    council.website = "https://www.bramshire.example/"
    council.address = "Council Offices\nHigh Street"
    council.phone = "01632 960 000"
    council.save()
    town = make_area("northtown", kind=AreaPage.Kind.TOWN, council=council)
    parish = make_area("eastfield", kind=AreaPage.Kind.PARISH, council=council)
    make_area("westbrook", kind=AreaPage.Kind.PARISH, council=council)
    for place in (town, parish):
        make_event(
            home_page,
            f"{place.slug}-beat-surgery",
            title=f"{place.title} beat surgery",
            parish=place,
        )
    make_you_said_we_did(parish=parish, title="Speeding through Eastfield")
    make_you_said_we_did(parish=town, title="Groups gathering at the recreation ground")
    make_update(
        home_page, "speedwatch", title="Speedwatch volunteers out in Eastfield", parishes=[parish]
    )
    make_update(
        home_page,
        "closure-order",
        title="Closure order granted for a Northtown flat",
        parishes=[town],
    )
    return council


def joint(*names):
    """The partnership as a joint one: a council for each name, after its own."""
    return add_councils(*names)


def test_the_footer_gives_each_councils_contact_details(client, partnership):
    joint("Northfield Borough Council")
    html = client.get("/").content.decode()
    assert f">{COUNCIL}</a>:" in html
    assert (
        'Northfield Borough Council:\n            <a class="govuk-footer__link" href="tel:01114960000">'
        in html
    )
    assert 'href="mailto:safety0@example.org"' in html


def test_your_area_lists_the_areas_council_by_council_then_by_kind(client, partnership):
    councils = joint("Northfield Borough Council")
    AreaPage.objects.filter(slug="eastfield").update(
        council=councils["Northfield Borough Council"], kind=AreaPage.Kind.VILLAGE
    )
    AreaPage.objects.filter(slug="westbrook").update(council=None)
    html = client.get("/areas/").content.decode()
    own = html.index(f'<h2 class="govuk-heading-l">{COUNCIL}</h2>')
    northfield = html.index('<h2 class="govuk-heading-l">Northfield Borough Council</h2>')
    other = html.index('<h2 class="govuk-heading-l">Other areas</h2>')
    assert own < html.index(">Northtown</a>") < northfield
    assert northfield < html.index('<h3 class="govuk-heading-m">Villages</h3>') < other
    assert northfield < html.index(">Eastfield</a>") < other < html.index(">Westbrook</a>")


def test_your_area_takes_the_same_queries_for_one_council_or_three_and_more_areas(
    queries, partnership
):
    alone = queries.get("/areas/").query_count
    councils = joint("Northfield Borough Council", "Southfield District Council")
    index = AreaPage.objects.first().get_parent()
    for number, name in enumerate(
        ["Northfield Borough Council", "Southfield District Council"] * 3
    ):
        ensure_page(
            index, AreaPage, f"village-{number}", title=f"Village {number}", council=councils[name]
        )
    AreaPage.objects.filter(slug="westbrook").update(council=None)
    response = queries.get("/areas/")
    assert "Southfield District Council</h2>" in response.content.decode()
    # The banners for the page and the site are kept under the content version: no query for them.
    assert (alone, response.query_count) == (9, 9)


def test_one_council_is_not_a_heading(client, partnership):
    html = client.get("/areas/").content.decode()
    assert f"{COUNCIL}</h2>" not in html
    # But the page still says whose areas these are.
    assert f'<p class="govuk-body">These towns and parishes are in {COUNCIL}’s area.</p>' in html
    assert '<h2 class="govuk-heading-m">Towns</h2>' in html


def test_a_contact_page_shows_every_councils_details(client, home_page, partnership):
    joint("Northfield Borough Council")
    ensure_page(
        home_page, StandardPage, "contact", title="Contact us", body=[("council_contacts", None)]
    )
    html = client.get("/contact/").content.decode()
    assert '<dt class="govuk-summary-list__key">Northfield Borough Council</dt>' in html
    assert "Council Offices<br>High Street" in html
    assert 'href="mailto:safety0@example.org"' in html


def test_an_administrator_adds_a_council_in_the_site_settings(client, partnership):
    signed_in(client, "admin")
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    own = settings.councils.get()
    links = [
        ("link", {"text": link.value["text"], "page": link.value["page"].pk, "url": ""})
        for link in settings.footer_links
    ]
    data = nested_form_data(
        {
            "partnership_name": settings.partnership_name,
            "short_name": settings.short_name,
            "logo": "",
            "description": settings.description,
            "theme_colour": settings.theme_colour,
            "emergency_number": "999",
            "emergency_textphone": "18000",
            "non_emergency_number": "101",
            "non_emergency_textphone": "18001 101",
            "contact_email": settings.contact_email,
            "contact_phone": settings.contact_phone,
            "contact_address": settings.contact_address,
            "quick_exit_url": settings.quick_exit_url,
            "safety_advice_page": settings.safety_advice_page_id,
            "footer_links": streamfield(links),
            "social_links": streamfield([]),
            "councils": inline_formset(
                [
                    {"id": own.pk, "name": own.name, "ORDER": "1"},
                    {"name": "Northfield Borough Council", "phone": "0111 496 0000", "ORDER": "2"},
                ],
                initial=1,
            ),
        }
    )
    response = client.post(f"/admin/settings/home/sitesettings/{site.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(settings.councils.values_list("name", flat=True)) == [
        COUNCIL,
        "Northfield Borough Council",
    ]
    assert (
        'Northfield Borough Council:\n            <a class="govuk-footer__link" href="tel:01114960000">'
        in (client.get("/").content.decode())
    )


@pytest.mark.parametrize("listing", ["/events/", "/you-said-we-did/", "/events/calendar.ics"])
def test_the_area_filter_answers_to_its_old_name_parish(client, partnership, listing):
    def listed(query=None):
        response = client.get(listing, query)
        assert response.status_code == 200
        content = response.content.decode()
        # The page's own content, below the header and menus.
        return content[content.find("<main") :] if "<main" in content else content

    # The same, but for the links to the next pages, which keep the query as it was asked.
    old = listed({"parish": "northtown"}).replace("?parish=", "?area=")
    assert listed({"area": "northtown"}) == old != listed()
    assert client.get(listing, {"parish": "nowhere"}).status_code == 404


# A council's own links: ?council= on events, their calendars and "you said, we did" --------


def test_each_council_has_a_slug_made_from_its_name_and_never_twice(partnership):
    councils = joint("Northfield Borough Council", "Northfield Borough Council")
    slugs = sorted(council.slug for council in Council.objects.all())
    assert slugs == [
        "bramshire-district-council",
        "northfield-borough-council",
        "northfield-borough-council-2",
    ]
    assert councils["Northfield Borough Council"].slug.startswith("northfield-borough-council")


@pytest.fixture
def eastfield_elsewhere(partnership):
    """Eastfield moved into a second council, Northfield, with everything it has."""
    councils = joint("Northfield Borough Council")
    AreaPage.objects.filter(slug="eastfield").update(council=councils["Northfield Borough Council"])
    return councils


def test_events_and_their_calendar_for_one_councils_areas(client, eastfield_elsewhere):
    html = client.get("/events/?council=northfield-borough-council").content.decode()
    assert "Eastfield" in html and "Northtown beat surgery" not in html
    assert (
        '<span class="govuk-caption-l">Events in Northfield Borough Council’s area</span>' in html
    )
    # The filter is offered because there are two councils with events.
    assert 'id="filter-council"' in html
    assert '<option value="northfield-borough-council" selected>' in html
    month = client.get(f"{month_path(first_of_next_month())}?council=bramshire-district-council")
    month = month.content.decode()
    assert "Northtown beat surgery" in month and "Eastfield beat surgery" not in month
    ics = client.get("/events/calendar.ics?council=northfield-borough-council").content.decode()
    assert "Eastfield" in ics and "Northtown beat surgery" not in ics


def test_you_said_we_did_for_one_councils_areas(client, eastfield_elsewhere):
    html = client.get("/you-said-we-did/?council=northfield-borough-council").content.decode()
    assert "Speeding through Eastfield" in html
    assert "Groups gathering at the recreation ground" not in html
    assert 'id="filter-council"' in html
    # ?parish= still answers beside it.
    both = client.get("/you-said-we-did/?council=northfield-borough-council&parish=eastfield")
    assert both.status_code == 200 and "Speeding through Eastfield" in both.content.decode()


def test_with_one_council_the_filter_is_not_offered(client, partnership):
    assert 'id="filter-council"' not in client.get("/events/").content.decode()
    assert 'id="filter-council"' not in client.get("/you-said-we-did/").content.decode()
    # But a link that names it still works.
    response = client.get("/you-said-we-did/?council=bramshire-district-council")
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["atlantis", "north%00field", "a b", "x" * 300])
def test_an_unknown_council_is_a_clear_404(client, partnership, value):
    for path in ("/events/", "/events/calendar.ics", "/you-said-we-did/"):
        response = client.get(f"{path}?council={value}")
        assert response.status_code == 404, path
        assert "Page not found" in response.content.decode(), path


def test_an_area_page_names_its_council_and_how_to_contact_it(client, partnership):
    html = client.get("/areas/northtown/").content.decode()
    assert '<h2 class="govuk-heading-l">Your council</h2>' in html
    website = '<a class="govuk-link" href="https://www.bramshire.example/">'
    assert f"{website}{COUNCIL}</a>" in html
    assert 'href="tel:01632960000"' in html
    area = AreaPage.objects.get(slug="northtown")
    area.council = None
    area.save_revision().publish()
    assert "Your council" not in client.get("/areas/northtown/").content.decode()


def test_a_feed_of_one_councils_areas(client, eastfield_elsewhere):
    import feedparser

    feed = feedparser.parse(client.get("/news/feed.rss?council=northfield-borough-council").content)
    titles = [entry.title for entry in feed.entries]
    assert "Speedwatch volunteers out in Eastfield" in titles
    assert "You said, we did: Speeding through Eastfield" in titles
    assert "Closure order granted for a Northtown flat" not in titles
    assert feed.feed.title.endswith("news in Northfield Borough Council’s area")
    # Its id is its own address, council and all; the whole site's feed has everything.
    atom = feedparser.parse(
        client.get("/news/feed.atom?council=northfield-borough-council").content
    )
    assert atom.feed.id.endswith("/news/feed.atom?council=northfield-borough-council")
    everything = feedparser.parse(client.get("/news/feed.rss").content)
    assert "Closure order granted for a Northtown flat" in [e.title for e in everything.entries]
    # The news page offers a feed for each council.
    html = client.get("/news/").content.decode()
    assert 'href="/news/feed.rss?council=northfield-borough-council">RSS' in html


def test_a_feed_for_a_council_that_is_not_there_is_a_404(client, partnership):
    for value in ("atlantis", "a b", "x%00y"):
        assert client.get(f"/news/feed.rss?council={value}").status_code == 404
    assert "?council=" not in client.get("/news/").content.decode()  # one council: no list

"""A partnership that covers several councils: each council's contact details in the footer and
on a contact page, and Your area grouped council by council."""

import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from areas.models import AreaPage
from home.ensure import ensure_page
from home.models import Council, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def joint(*names):
    """The demo partnership as a joint one: a council for each name, after the demo's own."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for number, name in enumerate(names):
        settings.councils.add(
            Council(name=name, phone=f"0111 496 000{number}", email=f"safety{number}@example.org")
        )
    settings.save()
    return {council.name: council for council in Council.objects.all()}


def test_the_footer_gives_each_councils_contact_details(client, demo):
    joint("Northfield Borough Council")
    html = client.get("/").content.decode()
    assert ">Harborough District Council</a>:" in html
    assert (
        'Northfield Borough Council:\n            <a class="govuk-footer__link" href="tel:01114960000">'
        in html
    )
    assert 'href="mailto:safety0@example.org"' in html


def test_your_area_lists_the_areas_council_by_council_then_by_kind(client, demo):
    councils = joint("Northfield Borough Council")
    AreaPage.objects.filter(slug="kibworth").update(
        council=councils["Northfield Borough Council"], kind=AreaPage.Kind.VILLAGE
    )
    AreaPage.objects.filter(slug="fleckney").update(council=None)
    html = client.get("/areas/").content.decode()
    harborough = html.index('<h2 class="govuk-heading-l">Harborough District Council</h2>')
    northfield = html.index('<h2 class="govuk-heading-l">Northfield Borough Council</h2>')
    other = html.index('<h2 class="govuk-heading-l">Other areas</h2>')
    assert harborough < html.index(">Lutterworth</a>") < northfield
    assert northfield < html.index('<h3 class="govuk-heading-m">Villages</h3>') < other
    assert northfield < html.index(">Kibworth</a>") < other < html.index(">Fleckney</a>")


def test_your_area_takes_the_same_queries_for_one_council_or_three_and_more_areas(queries, demo):
    alone = queries.get("/areas/").query_count
    councils = joint("Northfield Borough Council", "Southfield District Council")
    index = AreaPage.objects.first().get_parent()
    for number, name in enumerate(
        ["Northfield Borough Council", "Southfield District Council"] * 3
    ):
        ensure_page(
            index, AreaPage, f"village-{number}", title=f"Village {number}", council=councils[name]
        )
    AreaPage.objects.filter(slug="fleckney").update(council=None)
    response = queries.get("/areas/")
    assert "Southfield District Council</h2>" in response.content.decode()
    assert (alone, response.query_count) == (11, 11)


def test_one_council_is_not_a_heading(client, demo):
    html = client.get("/areas/").content.decode()
    assert "Harborough District Council</h2>" not in html
    # But the page still says whose areas these are.
    assert (
        '<p class="govuk-body">These towns and parishes are in Harborough District Council’s '
        "area.</p>" in html
    )
    assert '<h2 class="govuk-heading-m">Towns</h2>' in html


def test_a_contact_page_shows_every_councils_details(client, home_page):
    joint("Northfield Borough Council")
    ensure_page(
        home_page, StandardPage, "contact", title="Contact us", body=[("council_contacts", None)]
    )
    html = client.get("/contact/").content.decode()
    assert '<dt class="govuk-summary-list__key">Northfield Borough Council</dt>' in html
    assert "The Symington Building<br>Adam and Eve Street" in html
    assert 'href="mailto:safety0@example.org"' in html


def test_an_administrator_adds_a_council_in_the_site_settings(client, demo):
    client.login(username="admin", password="changeme")
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    harborough = settings.councils.get()
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
                    {"id": harborough.pk, "name": harborough.name, "ORDER": "1"},
                    {"name": "Northfield Borough Council", "phone": "0111 496 0000", "ORDER": "2"},
                ],
                initial=1,
            ),
        }
    )
    response = client.post(f"/admin/settings/home/sitesettings/{site.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(settings.councils.values_list("name", flat=True)) == [
        "Harborough District Council",
        "Northfield Borough Council",
    ]
    assert (
        'Northfield Borough Council:\n            <a class="govuk-footer__link" href="tel:01114960000">'
        in (client.get("/").content.decode())
    )


@pytest.mark.parametrize("listing", ["/events/", "/you-said-we-did/", "/events/calendar.ics"])
def test_the_area_filter_answers_to_its_old_name_parish(client, demo, listing):
    def listed(query=None):
        response = client.get(listing, query)
        assert response.status_code == 200
        content = response.content.decode()
        # The page's own content (the rest holds a nonce that is new each time).
        return content[content.find("<main") :] if "<main" in content else content

    # The same, but for the links to the next pages, which keep the query as it was asked.
    old = listed({"parish": "lutterworth"}).replace("?parish=", "?area=")
    assert listed({"area": "lutterworth"}) == old != listed()
    assert client.get(listing, {"parish": "nowhere"}).status_code == 404


# A council's own links: ?council= on events, their calendars and "you said, we did" --------


def test_each_council_has_a_slug_made_from_its_name_and_never_twice(demo):
    councils = joint("Northfield Borough Council", "Northfield Borough Council")
    slugs = sorted(council.slug for council in Council.objects.all())
    assert slugs == [
        "harborough-district-council",
        "northfield-borough-council",
        "northfield-borough-council-2",
    ]
    assert councils["Northfield Borough Council"].slug.startswith("northfield-borough-council")


@pytest.fixture
def kibworth_elsewhere(demo):
    """Kibworth moved into a second council, Northfield, with everything it has."""
    councils = joint("Northfield Borough Council")
    AreaPage.objects.filter(slug="kibworth").update(council=councils["Northfield Borough Council"])
    return councils


def test_events_and_their_calendar_for_one_councils_areas(client, kibworth_elsewhere):
    html = client.get("/events/?council=northfield-borough-council").content.decode()
    assert "Kibworth" in html and "Lutterworth beat surgery" not in html
    assert (
        '<span class="govuk-caption-l">Events in Northfield Borough Council’s area</span>' in html
    )
    # The filter is offered because there are two councils with events.
    assert 'id="filter-council"' in html
    assert '<option value="northfield-borough-council" selected>' in html
    month = client.get("/events/2026/12/?council=harborough-district-council").content.decode()
    assert "Lutterworth beat surgery" in month and "Kibworth beat surgery" not in month
    ics = client.get("/events/calendar.ics?council=northfield-borough-council").content.decode()
    assert "Kibworth" in ics and "Lutterworth beat surgery" not in ics


def test_you_said_we_did_for_one_councils_areas(client, kibworth_elsewhere):
    html = client.get("/you-said-we-did/?council=northfield-borough-council").content.decode()
    assert "Speeding through Kibworth" in html
    assert "Groups gathering at Little Bowden Recreation Ground" not in html
    assert 'id="filter-council"' in html
    # ?parish= still answers beside it.
    both = client.get("/you-said-we-did/?council=northfield-borough-council&parish=kibworth")
    assert both.status_code == 200 and "Speeding through Kibworth" in both.content.decode()


def test_with_one_council_the_filter_is_not_offered(client, demo):
    assert 'id="filter-council"' not in client.get("/events/").content.decode()
    assert 'id="filter-council"' not in client.get("/you-said-we-did/").content.decode()
    # But a link that names it still works.
    response = client.get("/you-said-we-did/?council=harborough-district-council")
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["atlantis", "north%00field", "a b", "x" * 300])
def test_an_unknown_council_is_a_clear_404(client, demo, value):
    for path in ("/events/", "/events/calendar.ics", "/you-said-we-did/"):
        response = client.get(f"{path}?council={value}")
        assert response.status_code == 404, path
        assert "Page not found" in response.content.decode(), path


def test_an_area_page_names_its_council_and_how_to_contact_it(client, demo):
    html = client.get("/areas/lutterworth/").content.decode()
    assert '<h2 class="govuk-heading-l">Your council</h2>' in html
    website = '<a class="govuk-link" href="https://www.harborough.gov.uk/">'
    assert f"{website}Harborough District Council</a>" in html
    assert 'href="tel:01858828282"' in html
    AreaPage.objects.filter(slug="lutterworth").update(council=None)
    assert "Your council" not in client.get("/areas/lutterworth/").content.decode()


def test_a_feed_of_one_councils_areas(client, kibworth_elsewhere):
    import feedparser

    feed = feedparser.parse(client.get("/news/feed.rss?council=northfield-borough-council").content)
    titles = [entry.title for entry in feed.entries]
    assert "Speedwatch volunteers out in Kibworth" in titles
    assert "You said, we did: Speeding through Kibworth" in titles
    assert "Closure order granted for a Lutterworth flat" not in titles
    assert feed.feed.title.endswith("news in Northfield Borough Council’s area")
    # Its id is its own address, council and all; the whole site's feed has everything.
    atom = feedparser.parse(
        client.get("/news/feed.atom?council=northfield-borough-council").content
    )
    assert atom.feed.id.endswith("/news/feed.atom?council=northfield-borough-council")
    everything = feedparser.parse(client.get("/news/feed.rss").content)
    assert "Closure order granted for a Lutterworth flat" in [e.title for e in everything.entries]
    # The news page offers a feed for each council.
    html = client.get("/news/").content.decode()
    assert 'href="/news/feed.rss?council=northfield-borough-council">RSS' in html


def test_a_feed_for_a_council_that_is_not_there_is_a_404(client, demo):
    for value in ("atlantis", "a b", "x%00y"):
        assert client.get(f"/news/feed.rss?council={value}").status_code == 404
    assert "?council=" not in client.get("/news/").content.decode()  # one council: no list

"""Page types: where they may be created, and that each renders what a resident needs."""

from datetime import timedelta

import html5lib
import pytest
from django.utils import timezone
from wagtail.models import Page

from home.ensure import ensure_page, ensure_pdf, stream
from home.models import HomePage, SiteSettings, StandardPage
from tests.conftest import PARTNERSHIP
from tests.factories import ImageFactory
from tests.home.factories import make_standard_page, rich_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    """A page with a block of most kinds, in the menu."""
    plan = ensure_pdf("Plan on a page", ["Three priorities"])
    picture = ImageFactory()
    body = rich_body(picture, plan)
    alt = "Six partner organisations around a table"
    body[1] = ("figure", {"image": {"image": picture.pk, "alt_text": alt, "decorative": False}})
    return make_standard_page(
        home_page, "about", title="About the partnership", show_in_menus=True, body=body
    )


@pytest.fixture
def support(home_page, about):
    """A page with an accordion and 'Exit this page'."""
    return make_standard_page(
        home_page,
        "support-after-abuse",
        title="Support after abuse",
        show_quick_exit=True,
        body=rich_body(ImageFactory(), ensure_pdf("Plan on a page", []), page=about),
    )


def parse_strictly(content):
    """Parse as a browser would, failing on any HTML parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(content)


def test_home_page_may_only_sit_at_the_root():
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert HomePage.allowed_parent_page_models() == [Page]


def test_standard_pages_sit_under_the_home_page_or_each_other(home_page, about):
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(about)
    assert not StandardPage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home_page)
    assert not HomePage.can_create_at(about)


def test_home_page_shows_the_emergency_numbers_as_links(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="tel:999"' in html
    assert 'href="tel:101"' in html
    assert 'href="tel:18000"' in html  # Relay UK for textphone users
    assert f"<title>{PARTNERSHIP}</title>" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "How we can help"),
        ("/about/", "Who is in the partnership"),
        ("/support-after-abuse/", "Questions people often ask"),
        ("/accessibility-statement/", "Reporting a problem"),
        ("/privacy/", "set no cookies"),
    ],
)
def test_every_demo_page_renders_valid_html_with_a_description(client, demo, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert expected in content
    document = parse_strictly(content)
    description = document.find(".//meta[@name='description']").get("content")
    assert 20 < len(description) <= 160
    assert document.find(".//main[@id='main-content']") is not None
    assert document.find(".//h1") is not None


def test_standard_page_renders_every_body_block(client, about):
    content = client.get(about.url).content.decode()
    assert "<picture>" in content and 'type="image/webp"' in content  # renditions with srcset
    assert 'alt="Six partner organisations' in content
    assert "PDF," in content  # the document block names its type and size
    assert 'href="mailto:safer@bramshire.example"' in content  # call to action
    assert "app-statistic__value" in content
    assert "govuk-warning-text" in content and "govuk-inset-text" in content


def test_page_with_an_accordion_links_its_styles_and_script_once(client, support, home_page):
    content = client.get("/support-after-abuse/").content.decode()
    assert content.count("css/components/accordion.css") == 1
    assert content.count("js/accordion.js") == 1
    assert "govuk-accordion__section" in content
    # And a page without one does not load them.
    plain = make_standard_page(home_page, "contact", body=[("text", "<p>Write to us.</p>")])
    assert "accordion" not in client.get(plain.url).content.decode()


def test_quick_exit_only_where_the_editor_asked_for_it(client, support):
    assert "govuk-exit-this-page" in client.get("/support-after-abuse/").content.decode()
    assert "govuk-exit-this-page" not in client.get("/about/").content.decode()
    exit_link = 'href="https://www.bbc.co.uk/weather"'
    assert exit_link in client.get("/support-after-abuse/").content.decode()


def test_navigation_comes_from_the_page_tree(client, home_page, about):
    ensure_page(home_page, StandardPage, "hidden", title="Not in the menu")
    content = client.get("/about/").content.decode()
    assert 'aria-current="page"' in content
    nav = content[content.index('class="govuk-service-navigation__list"') :]
    nav = nav[: nav.index("</ul>")]
    assert "About the partnership" in nav
    assert "Not in the menu" not in nav


def test_breadcrumbs_lead_back_home(client, about):
    child = ensure_page(about, StandardPage, "members", title="Our members")
    content = client.get(child.url).content.decode()
    crumbs = content[content.index('class="govuk-breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert crumbs.index(">Home<") < crumbs.index(">About the partnership<")
    assert "Our members" not in crumbs


def test_a_missing_page_is_a_404_in_the_site_style(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    assert PARTNERSHIP in content
    parse_strictly(content)


def test_the_500_page_renders_without_the_database(rf, django_assert_num_queries):
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/anything/"))
    assert response.status_code == 500
    content = response.content.decode()
    assert "Sorry, there is a problem with the service" in content
    assert 'href="tel:999"' in content
    parse_strictly(content)


def test_sitemap_lists_live_pages_with_absolute_addresses(client, about):
    content = client.get("/sitemap.xml").content.decode()
    # The site's address comes from WAGTAILADMIN_BASE_URL (http://testserver in the tests).
    assert "<loc>http://testserver/about/</loc>" in content
    assert "<loc>http://testserver/</loc>" in content


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_footer_links_and_contact_come_from_site_settings(client, home_page):
    settings = SiteSettings.objects.get()
    settings.contact_email = "safer@bramshire.gov.uk"
    settings.contact_phone = "01632 960 000"
    settings.save()
    accessibility = StandardPage.objects.get(slug="accessibility-statement")
    accessibility.save_revision().publish()
    content = client.get("/").content.decode()
    footer = content[content.index('<footer class="govuk-footer">') :]
    assert (
        '<a class="govuk-footer__link" href="/accessibility-statement/">Accessibility statement</a>'
        in footer
    )
    assert 'href="mailto:safer@bramshire.gov.uk"' in footer
    assert 'href="tel:01632960000"' in footer
    # The privacy notice is still a draft: no link to a page residents cannot see.
    assert "Privacy notice" not in footer


def test_home_page_signposts_link_to_their_pages(client, home_page, support):
    link = {"text": "Support after abuse", "page": support.pk, "url": ""}
    away = {"text": "Report a crime online", "page": None, "url": "https://police.example/report"}
    home_page.signposts = stream(
        [
            ("signpost", {"heading": "Support after abuse", "text": "Free help.", "link": link}),
            ("signpost", {"heading": "Report a crime", "text": "Any time.", "link": away}),
        ]
    )
    home_page.save_revision().publish()
    content = client.get("/").content.decode()
    assert '<a class="govuk-link" href="/support-after-abuse/">Support after abuse</a>' in content
    assert 'href="https://police.example/report"' in content


def test_a_bad_request_gets_a_plain_styled_page(client, db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Sorry, we could not understand that request" in response.content.decode()
    parse_strictly(response.content.decode())


def test_a_status_tag_has_its_words_and_the_one_colour_for_its_status():
    from django.template import Context, Template

    template = Template("{% load site_tags %}{% status_tag status text %}")
    render = lambda status, text: template.render(Context({"status": status, "text": text})).strip()  # noqa: E731
    assert render("off_track", "Off track") == (
        '<strong class="govuk-tag govuk-tag--red">Off track</strong>'
    )
    assert render("cancelled", "Cancelled") == (
        '<strong class="govuk-tag govuk-tag--red">Cancelled</strong>'
    )
    # A status with no colour of its own has GOV.UK's default tag; the words are escaped.
    assert render("complete", "<b>Done</b>") == (
        '<strong class="govuk-tag">&lt;b&gt;Done&lt;/b&gt;</strong>'
    )


def test_dates_are_worded_one_way_everywhere():
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from home import dates

    day = date(2026, 10, 9)
    assert dates.day_month_year(day) == "9 October 2026"
    assert dates.day_month(day) == "9 October"
    assert dates.month_year(day) == "October 2026"
    assert dates.weekday_date(day) == "Friday 9 October 2026"
    # An aware time is worded in London: 23:30 UTC in summer is the next day there.
    late = datetime(2026, 7, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert dates.day_month_year(late) == "1 August 2026"
    assert dates.date_and_time(late) == "1 August 2026, 12:30am"
    assert dates.date_span(date(2026, 12, 1), date(2027, 1, 6)) == (
        "1 December 2026 to 6 January 2027"
    )


def test_sitemap_lists_each_you_said_we_did_entry_residents_may_see(client, db):
    from plans.models import YouSaidWeDid
    from tests.areas.factories import make_you_said_we_did

    make_you_said_we_did(title="Public")
    make_you_said_we_did(title="Expired", expire_at=timezone.now() - timedelta(days=1))
    draft = make_you_said_we_did(title="Not yet public", publish=False)
    content = client.get("/sitemap.xml").content.decode()
    assert f"/you-said-we-did/{draft.pk}/<" not in content
    published = YouSaidWeDid.objects.published()
    assert published.exists()
    for entry in published:
        assert f"<loc>http://testserver/you-said-we-did/{entry.pk}/</loc>" in content
    for entry in YouSaidWeDid.objects.exclude(pk__in=published):
        assert f"/you-said-we-did/{entry.pk}/<" not in content


def test_a_picture_smaller_than_the_widths_asked_for_lists_each_width_once(client, home_page):
    """Wagtail does not enlarge a picture, so a small one's renditions share a width: HTML
    allows each width only once in a srcset (wagtail/wagtail#12389)."""
    import re

    small = ImageFactory(file__width=500, file__height=300)
    figure = {"image": {"image": small.pk, "alt_text": "A small picture", "decorative": False}}
    page = make_standard_page(home_page, "small-picture", body=[("figure", figure)])
    content = client.get(page.url).content.decode()
    srcsets = re.findall(r'srcset="([^"]+)"', content)
    assert len(srcsets) == 3  # AVIF, WebP and the JPEG fallback
    for srcset in srcsets:
        widths = [candidate.split()[-1] for candidate in srcset.split(", ")]
        assert widths == ["480w", "500w"], srcset
    parse_strictly(content)

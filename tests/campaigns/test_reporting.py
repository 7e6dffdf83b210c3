"""Report it: routes in order, topic pages, 404s, tel: links, and the quick exit where it belongs."""

import pytest

from campaigns.models import CampaignPage, ReportingChannel, ReportingRoute, ReportPage, Topic
from campaigns.reporting import route_order
from home.models import HomePage, StandardPage
from tests.campaigns.factories import make_campaign, topic
from tests.home.factories import make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    """The safety advice published, and a page of help with 'Exit this page' and one without."""
    StandardPage.objects.get(slug="using-this-site-safely").save_revision().publish()
    make_standard_page(home_page, "support-after-abuse", show_quick_exit=True)
    make_standard_page(home_page, "about")


def test_route_order_puts_emergency_then_report_then_support():
    routes = [
        ("support b", route_order(False, "support", 0, "B")),
        ("report z", route_order(False, "report", 5, "Z")),
        ("emergency", route_order(True, "report", 9, "Police")),
        ("report a", route_order(False, "report", 5, "a")),
        ("support first", route_order(False, "support", 0, "A")),
        ("report early", route_order(False, "report", 1, "Y")),
    ]
    assert [name for name, _ in sorted(routes, key=lambda r: r[1])] == [
        "emergency",
        "report early",
        "report a",
        "report z",
        "support first",
        "support b",
    ]


def test_report_page_puts_999_first_then_lists_the_topics(client, db):
    report = ReportPage.objects.get()
    assert report.url == "/report/"
    content = client.get("/report/").content.decode()
    assert content.index('href="tel:999"') < content.index("What do you want to report?")
    for topic_name in ("Hate crime", "Domestic abuse", "Anti-social behaviour", "Modern slavery"):
        assert f">{topic_name}</a>" in content
    assert ReportPage.can_create_at(HomePage.objects.get()) is False  # one per home page


def test_a_topic_page_lists_emergency_then_report_then_support(client, db):
    response = client.get("/report/domestic-abuse/")
    assert response.status_code == 200
    content = response.content.decode()
    emergency = content.index("In an emergency</h2>")
    report = content.index("Report it</h2>")
    support = content.index("Get support</h2>")
    assert emergency < content.index("Call 999 in an emergency") < report
    assert report < content.index("Report to the police when it is not an emergency") < support
    assert support < content.index("National Domestic Abuse Helpline")
    # Phone numbers are tel: links, and nothing needs JavaScript.
    assert 'href="tel:08082000247">0808 2000 247</a>' in content
    assert 'href="tel:18001101">18001 101</a>' in content


def test_routes_show_whether_they_are_anonymous(client, db):
    content = client.get("/report/drugs/").content.decode()
    crimestoppers = content[content.index("Tell Crimestoppers") :]
    assert "You do not have to give your name" in crimestoppers[:600]
    assert 'href="tel:0800555111"' in crimestoppers


@pytest.mark.parametrize(
    "path", ["/report/no-such-topic/", "/report/road-safety/x/", "/report/%20/"]
)
def test_unknown_topics_are_404(client, db, path):
    assert client.get(path).status_code == 404


def test_a_topic_with_no_routes_is_404(client, db):
    Topic.objects.create(name="Nothing here", slug="nothing-here")
    assert client.get("/report/nothing-here/").status_code == 404


@pytest.mark.parametrize(
    ("url", "shows_quick_exit"),
    [
        ("/report/domestic-abuse/", True),
        ("/report/hate-crime/", True),
        ("/report/modern-slavery/", True),
        ("/report/anti-social-behaviour/", False),
        ("/report/scams-and-fraud/", False),
        ("/report/", False),
        ("/using-this-site-safely/", True),
        ("/support-after-abuse/", True),
        ("/about/", False),
        ("/", False),
    ],
)
def test_quick_exit_exactly_where_it_should_be(client, pages, url, shows_quick_exit):
    content = client.get(url).content.decode()
    assert ("govuk-exit-this-page" in content) is shows_quick_exit
    if shows_quick_exit:
        assert 'href="https://www.bbc.co.uk/weather"' in content
        assert 'href="/using-this-site-safely/">How to use this site safely' in content


def test_the_quick_exit_destination_comes_from_site_settings(client, db):
    from home.models import SiteSettings

    site_settings = SiteSettings.objects.get()
    site_settings.quick_exit_url = "https://www.example.org/"
    site_settings.save()
    assert (
        'href="https://www.example.org/"' in client.get("/report/domestic-abuse/").content.decode()
    )


def test_campaign_pages_show_the_routes_for_their_topics(client, home_page):
    page = make_campaign(home_page, "scam-week", "Scam week", topics=[topic("Scams and fraud")])
    content = client.get(page.url).content.decode()
    assert "Report it or get support" in content
    assert "Report fraud and cybercrime" in content
    assert "National Domestic Abuse Helpline" not in content


def test_a_route_can_be_placed_in_any_page_body(client, home_page):
    route = ReportingRoute.objects.get(name="Modern Slavery and Exploitation Helpline")
    page = StandardPage(
        title="Working on farms",
        slug="working-on-farms",
        body=[{"type": "reporting_route", "value": {"route": route.pk}}],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert "Modern Slavery and Exploitation Helpline" in content
    assert 'href="tel:08000121700"' in content


@pytest.mark.parametrize(
    ("kind", "value", "href"),
    [
        ("phone", "0808 2000 247", "tel:08082000247"),
        ("text_relay", "18001 101", "tel:18001101"),
        ("text", "61016", "sms:61016"),
        ("online", "https://www.report-it.org.uk/", "https://www.report-it.org.uk/"),
        ("email", "help@example.org", "mailto:help@example.org"),
        ("in_person", "Market Harborough police station", None),
    ],
)
def test_each_channel_links_the_right_way(kind, value, href):
    assert ReportingChannel(kind=kind, value=value).href == href


@pytest.mark.parametrize(
    ("kind", "value"), [("online", "www.example.org"), ("email", "nobody"), ("phone", "call us")]
)
def test_channels_that_would_not_work_are_refused(kind, value):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ReportingChannel(kind=kind, value=value).clean()


def test_topic_page_queries_do_not_grow_with_routes(queries, db):
    five = queries.get("/report/hate-crime/").query_count
    hate = Topic.objects.get(slug="hate-crime")
    for number in range(20):
        route = ReportingRoute(
            organisation=f"Org {number}", name=f"Route {number}", description="x"
        )
        route.channels.add(ReportingChannel(kind="phone", value="0800 000 000"))
        route.save()
        route.topics.add(hate)
    assert queries.get("/report/hate-crime/").query_count == five


def test_sensitive_campaigns_keep_their_quick_exit(client, home_page):
    make_campaign(home_page, "white-ribbon-day", topics=[Topic.objects.get(slug="domestic-abuse")])
    page = CampaignPage.objects.filter(topics__sensitive=True).live().get()
    assert "govuk-exit-this-page" in client.get(page.url).content.decode()

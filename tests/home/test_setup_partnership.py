"""`setup_partnership`: a new partnership's working, empty site on a database with no demo."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site, Workflow, WorkflowPage

from campaigns.models import AwarenessDate, CampaignPage, ReportingRoute, Topic
from home.models import HomePage, SiteSettings
from tests.database import as_migrations_leave_it
from tests.home.test_demo import snapshot

pytestmark = pytest.mark.django_db

NAME = "Bramshire Community Safety Partnership"
SECTIONS = {
    "plans": "plans.planindexpage",
    "you-said-we-did": "plans.yousaidwedidindexpage",
    "campaigns": "campaigns.campaignindexpage",
    "report": "campaigns.reportpage",
    "events": "events.eventindexpage",
    "areas": "areas.areaindexpage",
    "news": "news.updateindexpage",
}
DRAFTS = ["accessibility-statement", "privacy", "using-this-site-safely"]


@pytest.fixture
def new_site(db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://safer.example.org"
    as_migrations_leave_it()
    call_command("setup_partnership", NAME, "--short-name", "Safer Bramshire", verbosity=0)
    return HomePage.objects.get()


def test_the_page_tree_at_the_sites_real_address(new_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == new_site.pk and new_site.live and new_site.title == NAME
    assert (site.hostname, site.port) == ("safer.example.org", 443)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    children = {page.slug: page for page in new_site.get_children().specific()}
    for slug, model in SECTIONS.items():
        assert children[slug]._meta.label_lower == model and children[slug].live
    settings = SiteSettings.for_site(site)
    assert (settings.partnership_name, settings.short_name) == (NAME, "Safer Bramshire")


def test_the_standard_pages_are_drafts_to_complete(client, new_site):
    children = {page.slug: page for page in new_site.get_children().specific()}
    for slug in DRAFTS:
        assert not children[slug].live and children[slug].latest_revision is not None
        assert client.get(f"/{slug}/").status_code == 404
    # The footer and 'Exit this page' will link to them once they are published.
    settings = SiteSettings.for_site(Site.objects.get())
    assert settings.safety_advice_page_id == children["using-this-site-safely"].pk
    assert [link.value["page"].slug for link in settings.footer_links] == DRAFTS[:2]
    home = client.get("/").content.decode()
    assert "Privacy notice" not in home and "Accessibility statement" not in home
    # They name the partnership already; what only it can give is in square brackets.
    privacy = children["privacy"].body.render_as_block()
    assert "deleted after 30 days" in privacy
    assert f"{NAME} is responsible for this website. [The organisation that controls" in privacy
    statement = children["accessibility-statement"].body.render_as_block()
    assert f"This website is run by {NAME}." in statement and "[number] working days" in statement


def test_a_page_with_parts_to_fill_in_is_saved_but_not_published(client, new_site):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from tests.factories import signed_in

    signed_in(client, "comms")
    page = new_site.get_children().get(slug="accessibility-statement").specific
    statement = page.body.render_as_block()

    def form(body, **action):
        return nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "introduction": page.introduction,
                "body": streamfield([("text", rich_text(body))]),
                **action,
            }
        )

    edit = f"/admin/pages/{page.pk}/edit/"
    publish = {"action-publish": "action-publish"}
    response = client.post(edit, form(statement, **publish))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fill in or remove the parts in square brackets before this page goes live" in html
    assert "[the team&#x27;s email address], [the team&#x27;s phone number], [number]" in html
    assert client.get("/accessibility-statement/").status_code == 404
    # A draft keeps them, to finish later.
    assert client.post(edit, form(statement + "<p>Half done [date].</p>")).status_code == 302
    assert (
        "Half done [date]."
        in type(page).objects.get(pk=page.pk).latest_revision.as_object().body.render_as_block()
    )
    # Filled in, it goes live; brackets that are not a blank to fill in are no obstacle.
    done = (
        "<p>This website is run by us. Email safer@bramshire.example.</p>"
        "<p>As the regulations say [sic], the figures in note [1] apply.</p>"
    )
    assert client.post(edit, form(done, **publish)).status_code == 302
    assert "note [1] apply" in client.get("/accessibility-statement/").content.decode()


def test_every_section_says_what_will_be_there(client, new_site):
    home = client.get("/").content.decode()
    # With no signposts chosen yet, the home page points to each section.
    for title in ("Plans and progress", "Campaigns", "Report it", "Events", "Your area"):
        assert f">{title}</a></h3>" in home
    # Every section is in the menu, News too.
    menu = home.split('class="govuk-service-navigation', 1)[1].split("</nav>", 1)[0]
    for path in ("/plans/", "/campaigns/", "/report/", "/events/", "/areas/", "/news/"):
        assert f'href="{path}"' in menu, path
    says = {
        "/plans/": "its priorities, what it will do about each, and how each action is going",
        "/campaigns/": "Campaigns such as Hate Crime Awareness Week and White Ribbon Day will be",
        "/events/": "Beat surgeries, patch walks, community events and awareness days will be",
        "/areas/": "Each town and parish will have a page here with its neighbourhood policing",
        "/you-said-we-did/": "Nothing has been published yet.",
        "/news/": "What the partnership has been doing, across the area and in each town and",
        "/report/domestic-abuse/": "0808 2000 247",
    }
    help_now = 'If you need help now, call <a class="govuk-link" href="tel:999">999</a>'
    for path, text in says.items():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert text in html, path
        if path not in ("/you-said-we-did/", "/report/domestic-abuse/"):
            assert help_now in html, path
    # Nothing offered that cannot work yet: no town finder or town feeds without towns, nor
    # three empty lists of campaigns.
    areas = client.get("/areas/").content.decode()
    assert "app-area-finder" not in areas and "council tax bill" not in areas
    assert "has feeds of its own" not in client.get("/news/").content.decode()
    assert "Coming up" not in client.get("/campaigns/").content.decode()


def test_the_national_topics_awareness_dates_and_helplines(new_site):
    assert Topic.objects.filter(slug="domestic-abuse", sensitive=True).exists()
    assert Topic.objects.count() >= 15
    assert AwarenessDate.objects.filter(name__startswith="White Ribbon Day").exists()
    routes = {route.name: route for route in ReportingRoute.objects.prefetch_related("channels")}
    numbers = {name: [c.value for c in route.channels.all()] for name, route in routes.items()}
    assert numbers["Call 999 in an emergency"] == ["999", "18000"]
    assert routes["Call 999 in an emergency"].is_emergency
    assert "101" in numbers["Report to the police when it is not an emergency"]
    assert numbers["National Domestic Abuse Helpline"] == ["0808 2000 247"]
    assert routes["Tell Crimestoppers, without giving your name"].is_anonymous
    # Each says where it is published, so that anyone can check it.
    assert all(route.source.startswith("https://") for route in routes.values())
    # Nothing local: those are the partnership's to add.
    assert {route.organisation for route in routes.values()} >= {"Police", "Crimestoppers"}


def test_the_teams_and_the_approval_workflows(new_site):
    for name in ("Comms team", "Comms leads", "Partnership officers", "Parish editors"):
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    workflows = dict(WorkflowPage.objects.values_list("page__slug", "workflow__name"))
    assert workflows == {
        "campaigns": "Comms approval",
        "areas": "Parish approval",
        "news": "Parish approval",
    }
    comms = Group.objects.get(name="Comms team")
    assert comms.permissions.filter(codename="change_reportingroute").exists()
    assert not comms.page_permissions.filter(
        page__slug="campaigns", permission__codename="publish_page"
    ).exists()


def test_the_starter_synonyms_come_with_the_new_site(client, new_site):
    from search.models import Synonym

    assert ["ASB", "anti-social behaviour", "antisocial behaviour", "anti social behaviour"] in [
        synonym.term_list for synonym in Synonym.objects.all()
    ]
    # Wagtail's own workflow is still there, on no page: setup_partnership took it off the tree.
    assert Workflow.objects.filter(name="Moderators approval").exists()


def test_a_campaign_goes_live_when_a_comms_lead_approves_it(client, new_site):
    User = get_user_model()
    comms = User.objects.create_user("casey", password="a-long-pass-phrase")
    comms.groups.add(Group.objects.get(name="Comms team"))
    lead = User.objects.create_user("lesley", password="a-long-pass-phrase")
    lead.groups.add(*Group.objects.filter(name__in=["Comms team", "Comms leads"]))
    index = new_site.get_children().get(slug="campaigns")
    assert client.login(username="casey", password="a-long-pass-phrase")
    # The comms team writes a campaign and submits it: it cannot publish it itself.
    response = client.post(
        f"/admin/pages/add/campaigns/campaignpage/{index.pk}/",
        {
            "title": "Ask for Angela",
            "slug": "ask-for-angela",
            "summary": "Ask the bar staff for Angela if a date is going wrong.",
            "window_start": "2026-12-01",
            "window_end": "2026-12-31",
            "body-count": "0",
            "toolkit-count": "0",
            "action-submit": "Submit to Comms approval",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CampaignPage.objects.get(slug="ask-for-angela")
    assert not page.live
    state = page.current_workflow_state.current_task_state
    client.logout()
    assert client.login(username="lesley", password="a-long-pass-phrase")
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    assert CampaignPage.objects.get(pk=page.pk).live
    assert client.get("/campaigns/ask-for-angela/").status_code == 200


def test_a_second_run_changes_nothing_and_keeps_what_editors_changed(new_site):
    route = ReportingRoute.objects.get(name="Report to the police when it is not an emergency")
    route.organisation = "Bramshire Police"
    route.save()
    settings = SiteSettings.for_site(Site.objects.get())
    settings.short_name = "Safe in Bramshire"
    settings.save()
    first = snapshot()
    said = io.StringIO()
    call_command("setup_partnership", NAME, stdout=said)
    assert snapshot() == first
    assert f"{NAME} was set up already: nothing was missing, so nothing has changed." in (
        said.getvalue()
    )
    assert ReportingRoute.objects.get(pk=route.pk).organisation == "Bramshire Police"
    assert SiteSettings.for_site(Site.objects.get()).short_name == "Safe in Bramshire"


def test_a_name_is_needed(db):
    with pytest.raises(CommandError, match="partnership's name"):
        call_command("setup_partnership", "  ", verbosity=0)


def test_the_demo_is_loaded_on_top_of_the_same_set_up(demo):
    assert (
        Workflow.objects.get(name="Comms approval")
        .workflow_pages.filter(page__slug="campaigns")
        .exists()
    )
    assert ReportingRoute.objects.filter(organisation="Leicestershire Police").count() == 2
    assert not ReportingRoute.objects.filter(organisation="Police").exists()


def test_the_short_name_is_in_the_header_and_the_browser_tab(client, new_site):
    import re

    html = client.get("/report/").content.decode()
    assert re.search(r"<title>Report it – Safer Bramshire</title>", html)
    header = html.split("</header>", 1)[0]
    assert ">Safer Bramshire</span>" in header and NAME not in header
    assert f"© {NAME}" in html
    # Without a short name, the full name is used.
    settings = SiteSettings.for_site(Site.objects.get())
    settings.short_name = ""
    settings.save()
    html = client.get("/report/").content.decode()
    assert f"<title>Report it – {NAME}</title>" in html and f">{NAME}</span>" in html

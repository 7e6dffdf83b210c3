"""`load_demo`: a realistic partnership, loaded once however often the command runs."""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import AlertBanner, HomePage, SiteSettings, StandardPage
from tests.server import DEMO_WRITTEN

pytestmark = pytest.mark.django_db
WRITTEN = date.fromisoformat(DEMO_WRITTEN)


def snapshot():
    """Every row of every model the site or Wagtail stores, by model."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "contenttypes", "auth"} and model is not Group:
            continue
        state[model._meta.label] = sorted(model.objects.values_list("pk", flat=True))
    state["revisions"] = sorted(Revision.objects.values_list("pk", "created_at"))
    state["pages"] = sorted(
        Page.objects.values_list("pk", "latest_revision_id", "last_published_at")
    )
    return state


def test_a_second_run_changes_nothing_on_the_day_or_weeks_later(demo):
    first = snapshot()
    call_command("load_demo", today=WRITTEN, verbosity=0)
    assert snapshot() == first
    # `make run` loads it again each time: weeks later, what has passed is not made again.
    call_command("load_demo", today=WRITTEN + timedelta(weeks=6), verbosity=0)
    assert snapshot() == first


def test_the_site_tree_and_settings(demo):
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert {"about", "accessibility-statement", "privacy", "support-after-abuse"} <= slugs
    settings = SiteSettings.for_site(site)
    assert settings.partnership_name == "Harborough District Community Safety Partnership"
    assert len(settings.footer_links) == 3
    statement = StandardPage.objects.get(slug="accessibility-statement")
    assert statement.live and "<h2>Enforcement procedure</h2>" in str(statement.body)


def test_one_live_banner_and_one_scheduled(demo):
    assert list(AlertBanner.objects.filter(live=True).values_list("title", flat=True)) == [
        "This is a demonstration site"
    ]
    scheduled = AlertBanner.objects.get(title__startswith="Christmas lights")
    assert not scheduled.live
    assert scheduled.latest_revision.approved_go_live_at is not None


def test_groups_for_the_people_who_run_the_site(demo):
    comms = Group.objects.get(name="Comms team")
    officers = Group.objects.get(name="Partnership officers")
    parish = Group.objects.get(name="Parish editors")
    for group in (comms, officers, parish):
        assert group.permissions.filter(codename="access_admin").exists()
    assert comms.permissions.filter(codename="publish_alertbanner").exists()
    assert not officers.permissions.filter(codename="publish_alertbanner").exists()
    assert comms.page_permissions.filter(permission__codename="publish_page").exists()
    # Parish editors add local news, and each area's own editors group edits that area's page;
    # a partnership officer approves what they write.
    assert set(parish.page_permissions.values_list("page__slug", "permission__codename")) == {
        ("news", "add_page")
    }
    lutterworth = Group.objects.get(name="Lutterworth editors")
    assert set(lutterworth.page_permissions.values_list("page__slug", flat=True)) == {"lutterworth"}
    assert not lutterworth.page_permissions.filter(permission__codename="publish_page").exists()
    assert set(
        officers.page_permissions.filter(permission__codename="publish_page").values_list(
            "page__slug", flat=True
        )
    ) >= {"areas", "news"}
    assert Permission.objects.filter(group=comms).count() >= 5


def test_demo_logins_can_use_the_admin(client, demo):
    assert client.login(username="admin", password="changeme")
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert client.login(username="comms", password="changeme")
    assert client.get("/admin/snippets/home/alertbanner/").status_code == 200
    client.logout()
    assert client.login(username="parish", password="changeme")
    assert client.get("/admin/snippets/home/alertbanner/").status_code in (302, 403)


def test_no_demo_logins_where_settings_forbid_them(demo, settings):
    get_user_model().objects.all().delete()
    settings.DEMO_USERS_ALLOWED = False
    call_command("load_demo", today=WRITTEN, verbosity=0)
    assert not get_user_model().objects.exists()


def test_no_demo_logins_when_asked(demo):
    get_user_model().objects.all().delete()
    call_command("load_demo", "--no-users", today=WRITTEN, verbosity=0)
    assert not get_user_model().objects.exists()


def test_teams_may_delete_pages_in_their_own_sections_and_no_more(demo):
    from wagtail.models import GroupPagePermission

    def codenames(group_name, page):
        return set(
            GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
                "permission__codename", flat=True
            )
        )

    plans = Page.objects.get(slug="plans")
    campaigns = Page.objects.get(slug="campaigns")
    # Partnership officers can delete a plan made by mistake, priorities and all.
    assert "bulk_delete_page" in codenames("Partnership officers", plans)
    # The comms team and its leads may delete draft campaigns, but still publish none:
    # without publish_page, Wagtail lets them delete nothing that is live.
    for team in ("Comms team", "Comms leads"):
        assert "bulk_delete_page" in codenames(team, campaigns)
        assert "publish_page" not in codenames(team, campaigns)
    # Parish editors get nothing more than they had.
    parish = set(
        GroupPagePermission.objects.filter(group__name="Parish editors").values_list(
            "permission__codename", flat=True
        )
    )
    assert parish == {"add_page"}


def test_the_demo_moves_to_the_address_it_is_served_at(client, demo, settings):
    """`PORT=8101 make run`: the links the site gives out name port 8101."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8101"
    call_command("load_demo", today=WRITTEN, verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    response = client.get("/events/", HTTP_HOST="127.0.0.1:8101")
    assert response.status_code == 200
    assert "http://127.0.0.1:8101/events/calendar.ics" in response.content.decode()
    assert "http://testserver" not in response.content.decode()

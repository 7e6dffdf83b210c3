"""Scheduling end to end: a draft through the "Comms approval" workflow, scheduled, live on time
and down on time through publish_scheduled; and the comms schedule that shows it all."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from campaigns import schedule
from campaigns.models import CampaignPage, Topic
from tests.campaigns.factories import campaign_index, make_campaign
from tests.factories import signed_in, team_member

pytestmark = pytest.mark.django_db


def pretend_time_passed(revision, moment):
    """Move a scheduled revision's go-live time to `moment`, as if the clock had reached it."""
    revision.approved_go_live_at = moment
    revision.content["go_live_at"] = moment.isoformat()
    revision.save()


def draft_campaign(index, slug, title, **fields):
    page = CampaignPage(
        title=title,
        slug=slug,
        summary="Bonfire night safety.",
        window_start=date(2026, 11, 1),
        window_end=date(2026, 11, 6),
        live=False,
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision(user=team_member("comms"))
    return page


def test_draft_to_approved_to_scheduled_to_live_to_expired(client, home_page):
    index = campaign_index(home_page)
    comms = team_member("comms")
    go_live = timezone.now() + timedelta(days=2)
    page = draft_campaign(
        index, "bonfire", "Bonfire night", go_live_at=go_live, expire_at=go_live + timedelta(days=7)
    )
    assert client.get(page.url).status_code == 404

    # Through the Comms approval workflow: submitted, then approved by the comms lead.
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == "Comms approval"
    state = workflow.start(page, comms)
    assert (
        schedule.status_of(schedule.with_schedule(CampaignPage.objects.filter(pk=page.pk)).get())
        == schedule.IN_MODERATION
    )
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, team_member("lead"), "approve")
    page.refresh_from_db()
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None  # approved, and scheduled rather than live
    assert not page.live
    annotated = schedule.with_schedule(CampaignPage.objects.filter(pk=page.pk)).get()
    assert schedule.status_of(annotated) == schedule.SCHEDULED

    # The go-live time arrives: publish_scheduled puts it up.
    pretend_time_passed(revision, timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200

    # The expiry time arrives: publish_scheduled takes it down.
    CampaignPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.url).status_code == 404


def test_the_workflow_is_on_the_campaigns_section(home_page):
    workflow = Workflow.objects.get(name="Comms approval")
    assert campaign_index(home_page).get_workflow() == workflow
    assert [task.name for task in workflow.tasks.all()] == ["Comms lead approval"]


@pytest.fixture
def campaigns(home_page):
    """A comms team's year: a week on one topic, a day that comes round every year since 2024
    on another, and a campaign with no topic."""
    make_campaign(
        home_page,
        "hate-crime-awareness-week",
        start=date(2026, 10, 10),
        end=date(2026, 10, 17),
        topics=[Topic.objects.get(slug="hate-crime")],
    )
    make_campaign(
        home_page,
        "white-ribbon-day",
        start=date(2024, 11, 25),
        end=date(2024, 12, 10),
        repeats_yearly=True,
        topics=[Topic.objects.get(slug="domestic-abuse")],
    )
    make_campaign(home_page, "darker-nights", start=date(2027, 1, 5), end=date(2027, 2, 5))


def listed_titles(response):
    content = response.content.decode()
    return {page.title for page in CampaignPage.objects.all() if f">{page.title}<" in content}


def test_the_comms_schedule_lists_every_campaign_with_its_status(client, home_page, campaigns):
    index = campaign_index(home_page)
    draft_campaign(index, "draft-one", "A draft campaign")
    response = signed_in(client, "comms").get("/admin/campaigns/campaignpage/")
    assert response.status_code == 200
    titles = listed_titles(response)
    assert "A draft campaign" in titles
    assert titles == set(CampaignPage.objects.values_list("title", flat=True))
    content = response.content.decode()
    for label in ("Draft", "Live"):
        assert f">{label}</span>" in content


@pytest.mark.parametrize("status", [s for s, _ in schedule.STATUSES])
def test_the_schedule_filters_by_status(client, home_page, campaigns, status):
    draft_campaign(campaign_index(home_page), "draft-two", "Another draft")
    response = signed_in(client, "comms").get("/admin/campaigns/campaignpage/", {"status": status})
    assert response.status_code == 200
    annotated = schedule.with_schedule(CampaignPage.objects.all())
    expected = {page.title for page in annotated if schedule.status_of(page) == status}
    assert listed_titles(response) == expected


def test_the_schedule_filters_by_topic_and_year(client, home_page, campaigns):
    comms = signed_in(client, "comms")
    some_topic = (
        CampaignPage.objects.filter(topics__isnull=False).values_list("topics", flat=True).first()
    )
    response = comms.get("/admin/campaigns/campaignpage/", {"topics__id__exact": some_topic})
    assert response.status_code == 200
    assert listed_titles(response) == set(
        CampaignPage.objects.filter(topics=some_topic).values_list("title", flat=True)
    )
    year = max(page.window_start.year for page in CampaignPage.objects.all())
    by_year = comms.get("/admin/campaigns/campaignpage/", {"year": str(year)})
    # Worked out in Python, not with the view's query: a one-off window that touches the year,
    # or a yearly one that began in it or before.
    expected = {
        page.title
        for page in CampaignPage.objects.all()
        if (page.window_start.year <= year <= page.window_end.year)
        or (page.repeats_yearly and page.window_start.year <= year)
    }
    assert any(
        page.repeats_yearly and page.window_start.year < year for page in CampaignPage.objects.all()
    )
    assert listed_titles(by_year) == expected


def test_the_schedule_puts_what_goes_live_next_first(home_page):
    index = campaign_index(home_page)
    later = draft_campaign(index, "later", "Later", go_live_at=timezone.now() + timedelta(days=9))
    sooner = draft_campaign(
        index, "sooner", "Sooner", go_live_at=timezone.now() + timedelta(days=1)
    )
    for page in (later, sooner):
        page.latest_revision.publish()
    from campaigns.viewsets import CommsScheduleAdmin

    admin = CommsScheduleAdmin()
    ordered = [page.slug for page in admin.get_queryset(None)]
    assert ordered.index("sooner") < ordered.index("later")
    assert ordered.index("later") < len([p for p in ordered if p not in ("sooner", "later")]) + 2


def test_the_year_ahead_shows_each_date_with_its_campaign_or_a_gap(client, home_page):
    response = signed_in(client, "comms").get("/admin/year-ahead/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "No campaign yet" in content
    assert "Hate Crime Awareness Week" in content


def test_permissions(client, home_page, campaigns):
    index = campaign_index(home_page)
    page = CampaignPage.objects.child_of(index).first()
    comms = signed_in(client, "comms")
    assert comms.get(f"/admin/pages/add/campaigns/campaignpage/{index.pk}/").status_code == 200
    assert comms.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    client.logout()
    parish = signed_in(client, "parish")
    assert parish.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    assert parish.post(f"/admin/pages/{page.pk}/unpublish/").status_code in (302, 403)
    assert CampaignPage.objects.get(pk=page.pk).live
    assert parish.get("/admin/campaigns/campaignpage/").status_code in (302, 403)
    assert parish.get("/admin/year-ahead/").status_code in (302, 403)


def test_a_live_page_with_changes_scheduled_is_still_live(campaigns):
    page = CampaignPage.objects.live().first()
    page.go_live_at = timezone.now() + timedelta(days=3)
    page.save_revision().publish()
    annotated = schedule.with_schedule(CampaignPage.objects.filter(pk=page.pk)).get()
    assert annotated.live and annotated.scheduled_at is not None
    assert schedule.status_of(annotated) == schedule.LIVE
    assert annotated in schedule.filter_by_status(
        schedule.with_schedule(CampaignPage.objects.all()), schedule.LIVE
    )


def test_the_comms_team_publishes_only_through_the_workflow(home_page, campaigns):
    from django.contrib.auth.models import Group

    index = campaign_index(home_page)
    page = CampaignPage.objects.child_of(index).first()
    writer = get_user_model().objects.create_user("writer", password="x")
    writer.groups.add(Group.objects.get(name="Comms team"))
    permissions = page.permissions_for_user(writer)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    task = Workflow.objects.get(name="Comms approval").tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Comms leads"]

"""Approval means a second person: nobody publishes a campaign without someone else approving it,
whichever way they try (the editor's publish button forged into a request, approving their own
submission, approving after editing someone else's, the dashboard)."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.models import TaskState, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from campaigns.models import CampaignPage
from tests.campaigns.factories import campaign_index, make_campaign
from tests.factories import signed_in, team_member
from tests.tools import refused

pytestmark = pytest.mark.django_db


def user(username):
    return team_member(username)


def campaign_form(**actions):
    return nested_form_data(
        {
            "title": "Bonfire night",
            "slug": "bonfire-night",
            "strapline": "",
            "summary": "Fireworks safely, as typed in the editor.",
            "hero_image": "",
            "hero_alt_text": "",
            "window_start": "2026-11-01",
            "window_end": "2026-11-06",
            "awareness_date": "",
            "body": streamfield([]),
            "toolkit": streamfield([]),
            "hashtags": "",
            **actions,
        }
    )


def draft_by(username, home_page, slug="bonfire-night"):
    page = CampaignPage(
        title="Bonfire night",
        slug=slug,
        summary="Fireworks safely.",
        window_start=date(2026, 11, 1),
        window_end=date(2026, 11, 6),
        live=False,
    )
    campaign_index(home_page).add_child(instance=page)
    page.save_revision(user=user(username))
    return page


def submitted_by(username, home_page, slug="bonfire-night"):
    page = draft_by(username, home_page, slug)
    Workflow.objects.get(name="Comms approval").start(page, user(username))
    return CampaignPage.objects.get(pk=page.pk)


def approve_url(page):
    state = page.current_workflow_state.current_task_state
    return f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"


def is_live(page):
    return CampaignPage.objects.get(pk=page.pk).live


def test_the_demo_comms_login_is_not_a_lead_and_a_second_login_is(demo):
    leads = Group.objects.get(name="Comms leads")
    assert not user("comms").groups.filter(pk=leads.pk).exists()
    assert user("lead").groups.filter(pk=leads.pk).exists()
    assert user("lead").groups.filter(name="Comms team").exists()


def test_a_lead_approves_what_someone_else_submitted(client, home_page):
    page = submitted_by("comms", home_page)
    response = signed_in(client, "lead").post(approve_url(page), {"comment": ""})
    assert response.status_code in (200, 302)
    assert is_live(page)


def test_a_lead_cannot_approve_their_own_submission(client, home_page):
    page = submitted_by("lead", home_page)
    lead = signed_in(client, "lead")
    assert refused(lead.post(approve_url(page), {"comment": ""}))
    assert not is_live(page)
    # Nor through the editor's own workflow button.
    edit = lead.post(
        f"/admin/pages/{page.pk}/edit/",
        campaign_form(**{"action-workflow-action": "true", "workflow-action-name": "approve"}),
    )
    assert edit.status_code in (200, 302)
    assert not is_live(page)
    # The dashboard's "awaiting your review" does not offer it either.
    reviewable = TaskState.objects.reviewable_by(user("lead"))
    assert not reviewable.filter(workflow_state__object_id=str(page.pk)).exists()
    other = submitted_by("comms", home_page, slug="guy-fawkes")
    assert reviewable.filter(workflow_state__object_id=str(other.pk)).exists()


def test_a_lead_who_changes_someone_elses_campaign_cannot_then_approve_it(client, home_page):
    page = submitted_by("comms", home_page)
    # Approving publishes the latest version, which would now be the lead's own.
    page.summary = "Changed by the lead."
    page.save_revision(user=user("lead"))
    assert refused(signed_in(client, "lead").post(approve_url(page), {"comment": ""}))
    assert not is_live(page)


def test_the_task_refuses_approval_of_own_work_however_it_is_asked(home_page):
    page = submitted_by("lead", home_page)
    state = page.current_workflow_state.current_task_state
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state.specific, user("lead"), "approve")
    assert not is_live(page)
    # Asking for changes to one's own submission is allowed.
    state.task.specific.on_action(state.specific, user("lead"), "reject")


@pytest.mark.parametrize("username", ["comms", "lead"])
def test_a_forged_publish_request_does_not_publish(client, home_page, username):
    page = draft_by("comms", home_page)
    response = signed_in(client, username).post(
        f"/admin/pages/{page.pk}/edit/", campaign_form(**{"action-publish": "action-publish"})
    )
    assert response.status_code == 302
    # The form was valid and was saved, as a draft: the forged button published nothing.
    latest = CampaignPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.summary == "Fireworks safely, as typed in the editor."
    assert not is_live(page)
    add = client.post(
        f"/admin/pages/add/campaigns/campaignpage/{campaign_index(home_page).pk}/",
        campaign_form(slug="forged", **{"action-publish": "action-publish"}),
    )
    assert add.status_code == 302
    assert CampaignPage.objects.get(slug="forged").live is False


def test_nobody_in_the_comms_teams_may_publish_campaigns_directly(home_page):
    page = make_campaign(home_page, "white-ribbon-day")
    for username in ("comms", "lead"):
        permissions = page.permissions_for_user(user(username))
        assert permissions.can_edit() and not permissions.can_publish()

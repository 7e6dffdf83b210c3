"""Campaign planning as another partnership's officer entered it: dates in the wrong order are
explained on the right field, and topic names keep the case they were written in."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape

from campaigns.models import AwarenessDate, CampaignIndexPage, CampaignPage, Topic
from tests.factories import signed_in

pytestmark = pytest.mark.django_db

ADD_AWARENESS_DATE = "/admin/snippets/campaigns/awarenessdate/add/"


def awareness_date_form(**overrides):
    return {
        "name": "Blaby Safer Streets Week",
        "starts_on": "2026-10-12",
        "ends_on": "2026-10-18",
        "repeats_yearly": "on",
        "description": "",
        "link": "",
        **overrides,
    }


def test_an_awareness_date_cannot_end_before_it_starts(client, db):
    response = signed_in(client, "comms").post(
        ADD_AWARENESS_DATE, awareness_date_form(ends_on="2026-10-01")
    )
    assert response.status_code == 200
    assert "The last day cannot be before the first." in response.content.decode()
    assert not AwarenessDate.objects.filter(name="Blaby Safer Streets Week").exists()


def test_an_awareness_date_without_a_first_day_is_explained_not_an_error_page(client, db):
    # Before, the last day was compared with a missing first day: a server error.
    response = signed_in(client, "comms").post(
        ADD_AWARENESS_DATE, awareness_date_form(starts_on="")
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not AwarenessDate.objects.filter(name="Blaby Safer Streets Week").exists()


def test_awareness_date_order_at_model_level():
    with pytest.raises(ValidationError) as raised:
        AwarenessDate(
            name="Backwards", starts_on=date(2026, 10, 12), ends_on=date(2026, 10, 1)
        ).clean()
    assert raised.value.message_dict == {"ends_on": ["The last day cannot be before the first."]}
    AwarenessDate(name="No first day", starts_on=None, ends_on=date(2026, 10, 1)).clean()
    AwarenessDate(name="One day", starts_on=date(2026, 10, 12)).clean()


def test_a_campaign_window_cannot_end_before_it_starts():
    campaign = CampaignPage(
        title="Backwards", window_start=date(2026, 10, 12), window_end=date(2026, 10, 1)
    )
    with pytest.raises(ValidationError) as raised:
        campaign.clean()
    assert "window_end" in raised.value.message_dict


def test_topic_names_keep_their_case_on_the_campaigns_page(client, db):
    topic = Topic.objects.create(name="Safer Streets in Hinckley", slug="safer-streets-hinckley")
    index = CampaignIndexPage.objects.get()
    html = client.get(f"{index.url}?topic={topic.slug}").content.decode()
    assert f"{escape(index.title)}: Safer Streets in Hinckley</h1>" in html
    assert "No campaigns on the topic Safer Streets in Hinckley are running" in html
    assert "safer streets in hinckley" not in html


def test_topic_names_keep_their_case_in_the_report_pages_description(client, db):
    topic = Topic.objects.get(slug="hate-crime")
    html = client.get("/report/hate-crime/").content.decode()
    assert f"{escape(topic.name)}: who to report it to, and where to get support." in html
    assert f"Who to report {topic.name.lower()} to" not in html

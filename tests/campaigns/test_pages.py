"""Campaign pages and the index: on now, coming up and past, by topic, with the quick exit."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from campaigns.models import CampaignIndexPage, CampaignPage
from campaigns.windows import same_day_in
from home.models import HomePage
from tests.campaigns.factories import campaign_index, make_campaign, topic

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return TODAY + timedelta(days=n)


def section(content, heading):
    start = content.index(f">{heading}</h2>")
    following = content.find("</section>", start)
    return content[start:following]


def test_where_campaign_pages_may_be_created(home_page):
    index = campaign_index(home_page)
    assert CampaignPage.can_create_at(index)
    assert not CampaignPage.can_create_at(home_page)
    assert not CampaignIndexPage.can_create_at(home_page)  # one per home page
    assert CampaignIndexPage.allowed_parent_page_models() == [HomePage]


def test_index_sorts_campaigns_into_on_now_coming_up_and_past(client, home_page):
    CampaignPage.objects.all().delete()
    make_campaign(home_page, "on-now", "Campaign on now", start=days(-2), end=days(5))
    make_campaign(home_page, "soon", "Campaign coming up", start=days(10), end=days(20))
    make_campaign(home_page, "over", "Campaign that is over", start=days(-40), end=days(-30))
    first_year = TODAY.year - 4
    make_campaign(
        home_page,
        "yearly",
        "Yearly campaign",
        start=same_day_in(days(-30), first_year - (days(-30).year - TODAY.year)),
        end=same_day_in(days(-25), first_year - (days(-25).year - TODAY.year)),
        repeats_yearly=True,
    )
    content = client.get("/campaigns/").content.decode()
    assert "Campaign on now" in section(content, "On now")
    assert "Campaign coming up" in section(content, "Coming up")
    assert "Campaign that is over" in section(content, "Past campaigns")
    # A yearly campaign whose dates have passed this year is coming up again, never past.
    assert "Yearly campaign" in section(content, "Coming up")


def test_index_filters_by_topic_and_rejects_an_unknown_one(client, home_page):
    scams = topic("Scams and fraud")
    make_campaign(
        home_page, "scam-aware", "Scam aware", topics=[scams], start=days(-1), end=days(1)
    )
    make_campaign(home_page, "bikes", "Bike marking", start=days(-1), end=days(1))
    content = client.get("/campaigns/", {"topic": "scams-and-fraud"}).content.decode()
    assert "Scam aware" in content and "Bike marking" not in content
    assert "Campaigns: Scams and fraud" in content  # the topic as written, never lowercased
    assert client.get("/campaigns/", {"topic": "no-such-topic"}).status_code == 404


def test_campaign_page_shows_its_dates_toolkit_and_hashtags(client, home_page):
    page = make_campaign(
        home_page,
        "hate-crime-week",
        "Hate Crime Awareness Week",
        start=date(2025, 10, 11),
        end=date(2025, 10, 18),
        repeats_yearly=True,
        strapline="No place for hate",
        hashtags="#HCAW NoPlaceForHate",
    )
    content = client.get(page.url).content.decode()
    start, end = page.dates()
    assert f"{start.day} to {end.day} {end:%B %Y}, every year" in content
    assert "No place for hate" in content
    assert "<strong>#HCAW</strong> and <strong>#NoPlaceForHate</strong>" in content


def test_sensitive_topics_turn_on_exit_this_page(client, home_page):
    abuse = topic("Domestic abuse", sensitive=True)
    sensitive = make_campaign(home_page, "white-ribbon", "White Ribbon Day", topics=[abuse])
    ordinary = make_campaign(
        home_page, "road-safety", "Road Safety Week", topics=[topic("Road safety")]
    )
    flagged = make_campaign(home_page, "flagged", "Flagged by an editor", show_quick_exit=True)
    assert "govuk-exit-this-page" in client.get(sensitive.url).content.decode()
    assert "govuk-exit-this-page" in client.get(flagged.url).content.decode()
    assert "govuk-exit-this-page" not in client.get(ordinary.url).content.decode()


def test_home_page_shows_what_is_on_now_and_next(client, home_page):
    CampaignPage.objects.all().delete()
    make_campaign(home_page, "now", "Running campaign", start=days(-1), end=days(1))
    make_campaign(home_page, "next", "Next campaign", start=days(3), end=days(4))
    make_campaign(home_page, "done", "Finished campaign", start=days(-9), end=days(-8))
    content = client.get("/").content.decode()
    assert (
        content.index("On now")
        < content.index("Running campaign")
        < content.index("Coming up")
        < content.index("Next campaign")
    )
    assert "Finished campaign" not in content
    assert 'href="/campaigns/">All campaigns</a>' in content


def test_priority_pages_list_their_campaigns(client, home_page):
    from tests.plans.factories import make_plan, make_priority

    priority = make_priority(make_plan(home_page))
    page = make_campaign(home_page, "for-priority", "Campaign for a priority")
    page.priorities.add(priority)
    page.save_revision().publish()
    assert "Campaign for a priority" in client.get(priority.url).content.decode()


def test_index_queries_do_not_grow_with_campaigns(queries, home_page):
    crime = topic("Burglary and vehicle crime")
    for number in range(5):
        make_campaign(
            home_page, f"c-{number}", topics=[crime], start=days(number - 2), end=days(number)
        )
    five = queries.get("/campaigns/").query_count
    for number in range(5, 50):
        make_campaign(
            home_page, f"c-{number}", topics=[crime], start=days(number - 30), end=days(number - 25)
        )
    fifty = queries.get("/campaigns/")
    assert "C 49" in fifty.content.decode()
    assert fifty.query_count == five


@pytest.mark.parametrize("value", ["\x00", "a\x00b", "../../etc", "<script>"])
def test_a_topic_that_could_not_be_a_slug_is_a_404(client, db, value):
    assert client.get("/campaigns/", {"topic": value}).status_code == 404


def test_campaigns_filtered_to_a_sensitive_topic_show_exit_this_page(client, db):
    assert (
        "govuk-exit-this-page"
        in client.get("/campaigns/", {"topic": "domestic-abuse"}).content.decode()
    )
    assert (
        "govuk-exit-this-page"
        not in client.get("/campaigns/", {"topic": "road-safety"}).content.decode()
    )

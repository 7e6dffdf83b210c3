"""Promoted results first and marked, and every search counted for the comms team."""

import pytest
from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.ensure import ensure_page
from home.models import StandardPage
from search.models import FoundNothing
from tests.factories import team_member

# Each test runs on the database backend and on OpenSearch (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("engine")]


def test_a_search_is_counted_once_whatever_page_or_filter_is_shown(client, db):
    client.get("/search/", {"q": "Ask for Angela"})
    client.get("/search/", {"q": "ask for angela", "type": "campaigns"})
    assert Query.get("ask for angela").hits == 1
    client.get("/search/", {"q": "ASK FOR ANGELA"})
    assert Query.get("ask for angela").hits == 2


@pytest.mark.usefixtures("fresh_index")
def test_a_promoted_page_comes_first_and_is_marked_and_a_hidden_one_never(client, home_page):
    chosen = ensure_page(home_page, StandardPage, "safe-spaces", title="Safe spaces in town")
    hidden = ensure_page(home_page, StandardPage, "draft-spaces", title="Draft about spaces")
    hidden.unpublish()
    query = Query.get("wombats")
    SearchPromotion.objects.create(
        query=query, page=chosen, description="Where to go.", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=1)
    content = client.get("/search/", {"q": "wombats"}).content.decode()
    promoted = content.split("app-result-list--promoted", 1)[1].split("</ul>", 1)[0]
    assert "Recommended" in promoted and "Safe spaces in town" in promoted
    assert "Where to go." in promoted
    assert "Draft about spaces" not in content


def test_search_terms_are_deleted_after_the_days_the_site_keeps_them():
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    today = timezone.localdate()
    old, recent = Query.get("my neighbour at 12 high street"), Query.get("ask for angela")
    QueryDailyHits.objects.create(query=old, date=today - timedelta(days=31), hits=1)
    QueryDailyHits.objects.create(query=recent, date=today - timedelta(days=29), hits=1)
    # The scheduler (make run) and cron run it daily.
    FoundNothing.objects.create(query_string="12 high street", date=today - timedelta(days=31))
    FoundNothing.objects.create(query_string="zebras", date=today - timedelta(days=29))
    assert ("forget_search_terms", 60 * 60 * 24) in settings.SCHEDULED_COMMANDS
    call_command("forget_search_terms", verbosity=0)
    assert not Query.objects.filter(query_string=old.query_string).exists()
    assert Query.get("ask for angela").hits == 1
    assert list(FoundNothing.objects.values_list("query_string", flat=True)) == ["zebras"]


def test_the_comms_team_sees_what_was_searched_most_and_what_found_nothing(client, db):
    for _ in range(3):
        client.get("/search/", {"q": "domestic abuse"})  # the national helplines
    client.get("/search/", {"q": "zebra crossings on mars"})
    client.force_login(team_member("comms"))
    content = client.get("/admin/search-terms/").content.decode()
    popular = content.split("Searched most", 1)[1].split("Found nothing", 1)[0]
    nothing = content.split("Found nothing", 1)[1]
    assert "<td>domestic abuse</td><td>3</td>" in popular
    assert "zebra crossings on mars" in nothing and "domestic abuse" not in nothing
    assert "What residents search for" in client.get("/admin/").content.decode()
    client.force_login(team_member("parish"))
    assert client.get("/admin/search-terms/").status_code in (302, 403)


def test_counting_searches_keeps_every_cache(client, home_page):
    from home.caching import content_version

    before = content_version()
    client.get("/search/", {"q": "words nobody has ever written here"})
    client.get("/search/", {"q": "more words nobody wrote"})
    assert FoundNothing.objects.count() == 2
    assert content_version() == before


def test_a_search_is_counted_in_no_more_than_the_255_characters_kept(client, home_page):
    # "İ" is two characters in lower case: a search of 200 of them is 400 once lowered, and
    # the second such search looked for 400 characters among rows cut to 255.
    for _ in range(2):
        assert client.get("/search/", {"q": "İ" * 200}).status_code == 200
    (query,) = Query.objects.all()
    assert len(query.query_string) <= 255 and query.hits == 2
    assert all(len(row.query_string) <= 255 for row in FoundNothing.objects.all())

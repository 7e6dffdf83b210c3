import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves no stale entries behind."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demonstration partnership once, into the test database every test starts from.
    Each test runs in a transaction that is rolled back, so none sees another's changes. It is
    loaded as of the day its dates were written, so that every run sees the same demo."""
    from datetime import date

    from tests.server import DEMO_WRITTEN

    with django_db_blocker.unblock():
        call_command("load_demo", today=date.fromisoformat(DEMO_WRITTEN), verbosity=0)


@pytest.fixture
def demo(db):
    """The demonstration partnership, as `make run` loads it (loaded once per session)."""


@pytest.fixture
def home_page(demo):
    from home.models import HomePage

    return HomePage.objects.get()


class QueryCounter:
    """Counts the queries a request makes; exact, so a test can compare two counts.

    The request is made once first, so that what the site caches between requests (such as
    the site's root paths) is warm, as it is for all but the first visitor."""

    def __init__(self, client):
        self.client = client

    def get(self, url, data=None, **kwargs):
        self.client.get(url, data, **kwargs)
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url, data, **kwargs)
        response.query_count = len(context.captured_queries)
        response.queries = [query["sql"] for query in context.captured_queries]
        return response


@pytest.fixture
def queries(client):
    """`queries.get(url)` is a response with `.query_count` and `.queries`."""
    return QueryCounter(client)

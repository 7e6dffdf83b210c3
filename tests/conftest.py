import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.database import made_once_per_module

# The partnership every test starts from: a new one, as `setup_partnership` makes it, with no
# demo content. Tests build what they need on it with the factories (tests/factories.py and
# each app's tests/<app>/factories.py).
PARTNERSHIP = "Bramshire Community Safety Partnership"
SHORT_NAME = "Safer Bramshire"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves no stale entries behind."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """A new partnership's site, made once: each test runs in a transaction that is rolled back,
    so none sees another's changes."""
    from tests.database import remember_what_migrations_leave

    with django_db_blocker.unblock():
        remember_what_migrations_leave()
        call_command("setup_partnership", PARTNERSHIP, "--short-name", SHORT_NAME, verbosity=0)


_demo = {"loaded": False}


@pytest.fixture(scope="session")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demonstration partnership in place of the new one, loaded once, when the first test
    that asks for it runs. The tests that ask for it run last (pytest_collection_modifyitems),
    so that no other test sees it. Loaded as of the day its dates were written, so that every
    run sees the same demo."""
    from datetime import date

    from django.db import transaction

    from tests.database import as_migrations_leave_it
    from tests.server import DEMO_WRITTEN

    with django_db_blocker.unblock(), transaction.atomic():
        as_migrations_leave_it()
        call_command("load_demo", today=date.fromisoformat(DEMO_WRITTEN), verbosity=0)
    _demo["loaded"] = True


@pytest.fixture
def demo(demo_loaded, db):
    """The demonstration partnership, as `make run` loads it. Only tests of the demo itself,
    and of what needs a whole partnership's content (the sweeps over every page), ask for it."""


def uses_database(item):
    """Whether a test uses the database: marked for it, or asking for a fixture that does."""
    names = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or "db" in names


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests on the demo after all the others that use the database, and before those that
    do not (pytest-django runs those last: the browser tests among them, whose Playwright would
    leave Django no database access in this thread). A stable sort keeps the order within."""

    def order(item):
        return (not uses_database(item), "demo_loaded" in getattr(item, "fixturenames", ()))

    items.sort(key=order)


@pytest.fixture(autouse=True)
def _apart_from_the_demo(request):
    """A test that uses the database without asking for the demo must not see it: it would
    pass or fail by what the demo happens to hold."""
    if (
        _demo["loaded"]
        and uses_database(request.node)
        and "demo_loaded" not in request.fixturenames
    ):
        pytest.fail(
            "This test ran after the demo was loaded without asking for it: ask for `demo`, "
            "or run it before the tests that do (conftest.pytest_collection_modifyitems)."
        )


def _every_kind():
    from home.models import HomePage
    from tests.every_kind import every_kind

    every_kind(HomePage.objects.get())


every_kind_once = made_once_per_module(_every_kind)


@pytest.fixture
def every_kind_site(every_kind_once, db):
    """tests/every_kind.py's small site with two of everything, made once for the module."""


@pytest.fixture
def home_page(db):
    """The partnership's home page (the demo's, in a test that asks for `demo`)."""
    from home.models import HomePage

    return HomePage.objects.get()


class QueryCounter:
    """Counts the queries a request makes; exact, so a test can compare two counts.

    The request is made once first, so that what the site caches between requests (such as
    the site's root paths) is warm, as it is for all but the first visitor. What is counted is
    the page being built: the copy of the whole page the site keeps (home/page_cache.py) is
    left out, or every page would cost its one query (tests/home/test_page_cache.py)."""

    def __init__(self, client):
        self.client = client

    def get(self, url, data=None, **kwargs):
        with override_settings(PAGE_CACHE_SECONDS=0):
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

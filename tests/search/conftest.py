"""The search engines the search tests run on.

A test module that uses the `engine` fixture runs each of its tests twice: on the site's
database backend (SQLite, or PostgreSQL when the suite runs on it) and on a real OpenSearch node
(tests/search/engines.py). What the tests start from is indexed into OpenSearch once a session,
then those indexes are made read-only, so that no test can change what another sees: the new
partnership every test starts from, and (for the tests that ask for `demo`) the demonstration
partnership. A test that changes indexed content asks for `fresh_index` as well: it gets its own
copy of the indexes, deleted when it ends, refreshed before each request the test makes
(OpenSearch shows a change about a second later by itself; the database at once).

Without Java or Maven, the OpenSearch half is skipped with a message; in CI (REQUIRE_TOOLS=1)
it fails instead.
"""

import itertools
import logging
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.core.signals import request_started
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from tests.search.engines import OpenSearchNode, missing_tools, opensearch_config
from tests.tools import skip_without

START_PREFIX = "csp_test_start_"
DEMO_PREFIX = "csp_test_demo_"
_copies = itertools.count(1)


@pytest.fixture(scope="session")
def opensearch_url():
    missing = missing_tools()
    skip_without(not missing, f"The OpenSearch tests need {missing} on this machine.")
    node = OpenSearchNode()
    yield node.start()
    node.stop()


def read_only_index(url, prefix, django_db_blocker):
    """What the database holds now, indexed in OpenSearch and made read-only: its settings."""
    config = opensearch_config(url, prefix)
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=config):
        call_command("update_index", verbosity=0)
        client = get_search_backend().es
        client.indices.put_settings(index=f"{prefix}*", body={"index.blocks.write": True})
    return config


@pytest.fixture(scope="session")
def opensearch_start(opensearch_url, django_db_setup, django_db_blocker):
    """The new partnership every test starts from, indexed (before the demo is loaded: the
    tests that ask for the demo run last)."""
    return read_only_index(opensearch_url, START_PREFIX, django_db_blocker)


@pytest.fixture(scope="session")
def opensearch_demo(opensearch_url, demo_loaded, django_db_blocker):
    """The demonstration partnership, indexed."""
    return read_only_index(opensearch_url, DEMO_PREFIX, django_db_blocker)


@dataclass
class Engine:
    name: str
    url: str = ""
    prefix: str = ""


class IndexWrites(logging.Handler):
    """Catches Wagtail's report of an indexing call that failed (the read-only shared indexes
    refuse writes), so that a test which changes indexed content without `fresh_index` fails
    rather than passing on an index that never saw its change."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.refused = []

    def emit(self, record):
        self.refused.append(record.getMessage())


@pytest.fixture(params=["database", "opensearch"])
def engine(request, settings):
    if request.param == "database":
        yield Engine("database")
        return
    on_the_demo = "demo_loaded" in request.fixturenames
    prefix = DEMO_PREFIX if on_the_demo else START_PREFIX
    config = request.getfixturevalue("opensearch_demo" if on_the_demo else "opensearch_start")
    settings.WAGTAILSEARCH_BACKENDS = config
    watcher = IndexWrites()
    logger = logging.getLogger("modelsearch.index")
    logger.addHandler(watcher)
    try:
        yield Engine("opensearch", config["default"]["URLS"][0], prefix)
    finally:
        logger.removeHandler(watcher)
    if watcher.refused:
        # Without `fresh_index`, or before it took over (content made by another fixture).
        pytest.fail(
            "This test changed indexed content, which the shared OpenSearch indexes refuse: "
            "ask for the `fresh_index` fixture too, before anything that makes content.\n"
            + "\n".join(watcher.refused[:3])
        )


@pytest.fixture
def fresh_index(engine, settings):
    """Indexes of this test's own, copied from the shared ones it would read, on OpenSearch."""
    if engine.name != "opensearch":
        yield
        return
    client = get_search_backend().es
    prefix = f"csp_test_{next(_copies)}_"
    for alias in client.indices.get_alias(index=f"{engine.prefix}*").values():
        for name in alias["aliases"]:
            concrete = next(iter(client.indices.get_alias(name=name)))
            client.indices.clone(
                index=concrete,
                target=prefix + name.removeprefix(engine.prefix),
                body={"settings": {"index.blocks.write": None}},
                params={"wait_for_active_shards": "1"},
            )
    settings.WAGTAILSEARCH_BACKENDS = opensearch_config(engine.url, prefix)

    def refresh(**kwargs):
        client.indices.refresh(index=f"{prefix}*")

    request_started.connect(refresh)
    yield
    request_started.disconnect(refresh)
    client.indices.delete(index=f"{prefix}*")

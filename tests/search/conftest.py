"""The search engines the search tests run on.

A test module that uses the `engine` fixture runs each of its tests twice: on the site's
database backend (SQLite, or PostgreSQL when the suite runs on it) and on a real OpenSearch node
(tests/search/engines.py). The demonstration content is indexed into OpenSearch once a session,
then those indexes are made read-only, so that no test can change what another sees. A test
that changes indexed content asks for `fresh_index` as well: it gets its own copy of the
indexes, deleted when it ends, refreshed before each request the test makes (OpenSearch shows
a change about a second later by itself; the database at once).

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

DEMO_PREFIX = "csp_test_demo_"
_copies = itertools.count(1)


@pytest.fixture(scope="session")
def opensearch_url():
    missing = missing_tools()
    skip_without(not missing, f"The OpenSearch tests need {missing} on this machine.")
    node = OpenSearchNode()
    yield node.start()
    node.stop()


@pytest.fixture(scope="session")
def opensearch_demo(opensearch_url, django_db_setup, django_db_blocker):
    """The demonstration content indexed in OpenSearch, read-only: its backend settings."""
    config = opensearch_config(opensearch_url, DEMO_PREFIX)
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=config):
        call_command("update_index", verbosity=0)
        client = get_search_backend().es
        client.indices.put_settings(index=f"{DEMO_PREFIX}*", body={"index.blocks.write": True})
    return config


@dataclass
class Engine:
    name: str
    url: str = ""


class IndexWrites(logging.Handler):
    """Catches Wagtail's report of an indexing call that failed (the read-only demo indexes
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
    config = request.getfixturevalue("opensearch_demo")
    settings.WAGTAILSEARCH_BACKENDS = config
    watcher = IndexWrites()
    logger = logging.getLogger("modelsearch.index")
    logger.addHandler(watcher)
    try:
        yield Engine("opensearch", config["default"]["URLS"][0])
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
    """Indexes of this test's own, copied from the demonstration's, on OpenSearch."""
    if engine.name != "opensearch":
        yield
        return
    client = get_search_backend().es
    prefix = f"csp_test_{next(_copies)}_"
    for alias in client.indices.get_alias(index=f"{DEMO_PREFIX}*").values():
        for name in alias["aliases"]:
            concrete = next(iter(client.indices.get_alias(name=name)))
            client.indices.clone(
                index=concrete,
                target=prefix + name.removeprefix(DEMO_PREFIX),
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

"""Configuration from the environment: safe defaults, and real backends when asked for."""

import os
from pathlib import Path

import pytest
from django.core.cache import caches as django_caches
from django.utils.module_loading import import_string
from wagtail.search.backends import get_search_backend

from config import env
from home.models import HomePage, StandardPage

BASE = Path("/srv/csp")


def test_database_defaults_to_a_sqlite_file():
    config = env.database({}, BASE)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(BASE / "db.sqlite3")


def test_database_url_selects_postgresql():
    config = env.database({"DATABASE_URL": "postgres://csp:secret@db.internal:5432/csp"}, BASE)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.internal",
        5432,
        "csp",
        "csp",
    )


def test_sqlite_waits_for_a_lock_before_giving_up_and_uses_wal():
    options = env.database({}, BASE)["OPTIONS"]
    assert options["timeout"] == 10  # seconds a write waits for another's lock
    assert options["init_command"] == "PRAGMA journal_mode=WAL;"  # readers never wait
    assert options["transaction_mode"] == "IMMEDIATE"  # a writer waits at BEGIN, not midway
    assert env.database({"SQLITE_TIMEOUT": " 2.5 "}, BASE)["OPTIONS"]["timeout"] == 2.5


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "inf"])
def test_a_wrong_sqlite_timeout_is_refused(value):
    with pytest.raises(ValueError, match="SQLITE_TIMEOUT must be a number of seconds"):
        env.database({"SQLITE_TIMEOUT": value}, BASE)


def test_postgresql_gets_no_sqlite_options():
    config = env.database({"DATABASE_URL": "postgres://csp@db.internal/csp"}, BASE)
    assert "timeout" not in config.get("OPTIONS", {})


def test_search_defaults_to_the_database_backend():
    assert env.search_backends({})["default"]["BACKEND"] == "search.backends"


@pytest.mark.parametrize(
    ("variable", "backend"),
    [
        ("ELASTICSEARCH_URL", "wagtail.search.backends.elasticsearch9"),
        ("OPENSEARCH_URL", "wagtail.search.backends.opensearch3"),
    ],
)
def test_search_url_selects_the_matching_backend_with_an_index_prefix(variable, backend):
    config = env.search_backends(
        {variable: "https://search.internal:9200", "SEARCH_INDEX_PREFIX": "harborough_"}
    )
    default = config["default"]
    assert default["BACKEND"] == backend
    assert default["URLS"] == ["https://search.internal:9200"]
    assert default["INDEX_PREFIX"] == "harborough_"
    assert "INDEX" not in default  # gone in Wagtail 8


@pytest.mark.parametrize("variable", ["ELASTICSEARCH_URL", "OPENSEARCH_URL"])
def test_search_backends_build_real_clients_and_index_mappings(variable):
    """No search server runs here, so this stops short of indexing: it builds the real backend
    and client from our settings, names the indexes and maps the page models."""
    config = env.search_backends({variable: "http://127.0.0.1:9200"})["default"]
    backend = get_search_backend(
        config["BACKEND"], **{k: v for k, v in config.items() if k != "BACKEND"}
    )
    assert backend.index_prefix == "csp_"
    assert backend.get_index_for_model(StandardPage).name == "csp_wagtailcore_page"
    # Our index settings are merged into Wagtail's own, keeping its autocomplete analysers.
    analysis = backend.settings["settings"]["analysis"]
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert analysis["filter"]["english_stemmer"]["language"] == "light_english"
    assert backend.settings["settings"]["index"]["number_of_shards"] == 1

    mapping = backend.mapping_class(StandardPage).get_mapping()
    properties = mapping["properties"]
    assert any(name.endswith("introduction") for name in properties)
    assert any(name.endswith("body") for name in properties)
    home_mapping = backend.mapping_class(HomePage).get_mapping()
    assert any(name.endswith("introduction") for name in home_mapping["properties"])


def test_the_database_backend_matches_the_database(db, settings):
    """SQLite FTS5 on SQLite (ranked in one pass: search/backends.py), PostgreSQL full text
    search on PostgreSQL."""
    backend = type(get_search_backend()).__name__
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert backend == "RankedSQLiteSearchBackend"
    else:
        assert backend == "PostgresSearchBackend"


def test_cache_defaults_to_local_memory():
    assert env.caches({})["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_redis_url_selects_redis():
    config = env.caches({"REDIS_URL": "redis://cache.internal:6379/1"})["default"]
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://cache.internal:6379/1"


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set (CI's PostgreSQL run sets it)"
)
def test_the_configured_redis_cache_stores_and_returns_values():
    cache = django_caches["default"]
    assert type(cache).__name__ == "RedisCache"
    cache.set("csp-test-key", {"priority": "People"}, 30)
    assert cache.get("csp-test-key") == {"priority": "People"}
    cache.delete("csp-test-key")


def test_lists_and_booleans():
    assert env.as_list("a.example, b.example,") == ["a.example", "b.example"]
    assert env.as_list("", ["x"]) == ["x"]
    assert env.as_bool("Yes") and not env.as_bool("0") and env.as_bool(None, True)


def test_every_settings_module_imports():
    for name in ("config.settings.dev", "config.settings.test"):
        import_string(name + ".INSTALLED_APPS")


@pytest.mark.parametrize(
    ("database_url", "expected"), [("", "True"), ("postgres://x@db/csp", "False")]
)
def test_dev_settings_only_make_demo_logins_for_a_local_sqlite_file(database_url, expected):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "from config.settings import dev; print(dev.DEMO_USERS_ALLOWED)"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == expected, result.stderr


def test_a_server_worker_leaves_what_it_loaded_out_of_the_collectors_rounds():
    import subprocess
    import sys

    code = "import gc, config.wsgi; print(gc.get_freeze_count())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Django, Wagtail and the site's models: far more than a handful of objects.
    assert int(result.stdout.strip() or 0) > 50_000, result.stderr

"""Turn environment variables into Django settings.

Plain functions of a mapping, so the choice of database, search backend and cache can be
tested without changing the process environment.
"""

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on"}


def as_bool(value: str | None, default: bool = False) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in TRUE_WORDS


def as_list(value: str | None, default: list[str] | None = None) -> list[str]:
    if not value:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def trusted_proxy_count(environ: Mapping[str, str]) -> int:
    """`TRUSTED_PROXY_COUNT`: how many reverse proxies of our own (nginx, a load balancer, a CDN)
    stand between the internet and the site, each adding the address it was reached from to
    `X-Forwarded-For`. 0, the default, trusts no header and takes the address the connection came
    from, which is right for a laptop and for a site the internet reaches directly."""
    value = (environ.get("TRUSTED_PROXY_COUNT") or "0").strip()
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"TRUSTED_PROXY_COUNT must be a whole number, 0 or more, not {value!r}.")
    return int(value)


def database(environ: Mapping[str, str], base_dir: Path) -> dict:
    """`DATABASE_URL`, or a SQLite file beside manage.py when it is not set."""
    url = environ.get("DATABASE_URL") or f"sqlite:///{base_dir / 'db.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=int(environ.get("DB_CONN_MAX_AGE", "0")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the site read while `publish_scheduled` writes.
        config.setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
        config["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
        # `SQLITE_TIMEOUT`: the seconds a write waits for another's lock before the site answers
        # 503 (home/middleware.py). IMMEDIATE makes the wait happen at the start, where it can.
        text = (environ.get("SQLITE_TIMEOUT") or "10").strip()
        try:
            timeout = float(text)
        except ValueError:
            timeout = -1.0
        if not 0 <= timeout < float("inf"):  # refuses nan and inf as well
            raise ValueError(f"SQLITE_TIMEOUT must be a number of seconds, not {text!r}.")
        config["OPTIONS"]["timeout"] = timeout
    return config


SCORE_WITHOUT_INDEX_STATISTICS = "return query.boost * Math.sqrt(doc.freq) / Math.sqrt(doc.length);"


def search_backends(environ: Mapping[str, str]) -> dict:
    """Wagtail's database backend by default; Elasticsearch or OpenSearch when a URL is given.

    Wagtail 8 names the indexes with `INDEX_PREFIX` (the older `INDEX` option is gone), so that
    several sites can share one cluster.
    """
    prefix = environ.get("SEARCH_INDEX_PREFIX", "csp_")
    if environ.get("ELASTICSEARCH_URL"):
        backend = {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": as_list(environ["ELASTICSEARCH_URL"]),
        }
    elif environ.get("OPENSEARCH_URL"):
        backend = {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": as_list(environ["OPENSEARCH_URL"]),
        }
    else:
        # Wagtail's database backend (SQLite or PostgreSQL), ranking in one pass on SQLite.
        return {"default": {"BACKEND": "search.backends", "AUTO_UPDATE": True}}
    backend.update(
        {
            "INDEX_PREFIX": prefix,
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "10")),
            "AUTO_UPDATE": True,
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        "number_of_shards": 1,
                        "number_of_replicas": int(environ.get("SEARCH_REPLICAS", "0")),
                        # Each kind of result has its own index, so scores must not hang on
                        # one index's word frequencies to be merged into one list: a word rare
                        # among events but common among helplines would put every event first.
                        # This is TF-IDF without the IDF: how often the words appear in a
                        # field, for its length, times the field's boost.
                        "similarity": {
                            "default": {
                                "type": "scripted",
                                "script": {"source": SCORE_WITHOUT_INDEX_STATISTICS},
                            }
                        },
                    },
                    # British spelling and stemming for a British audience.
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "tokenizer": "standard",
                                # "the Jenkins Centre's programme" (curly apostrophe too) is found by "Jenkins Centre"
                                "filter": [
                                    "english_possessive",
                                    "lowercase",
                                    "asciifolding",
                                    "english_stemmer",
                                ],
                            }
                        },
                        "filter": {
                            "english_possessive": {
                                "type": "stemmer",
                                "language": "possessive_english",
                            },
                            "english_stemmer": {"type": "stemmer", "language": "light_english"},
                        },
                    },
                }
            },
        }
    )
    return {"default": backend}


def caches(environ: Mapping[str, str]) -> dict:
    """Local memory by default; Redis when `REDIS_URL` is set."""
    if environ.get("REDIS_URL"):
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": environ["REDIS_URL"],
            "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "csp"),
            "TIMEOUT": 300,
        }
    else:
        default = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "csp-site",
        }
    return {"default": default}


FRONT_CACHE_HTTP = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


def front_caches(environ: Mapping[str, str]) -> dict:
    """Wagtail's front-cache backends (WAGTAILFRONTENDCACHE), each purged when content changes:
    Varnish or another HTTP cache at each address in `FRONT_CACHE_PURGE_URLS` (one per cache
    server), Cloudflare with `CLOUDFLARE_ZONE_ID` and `CLOUDFLARE_API_TOKEN`, CloudFront with
    `CLOUDFRONT_DISTRIBUTION_ID` (and the usual AWS credentials). None by default."""
    backends = {}
    for number, location in enumerate(as_list(environ.get("FRONT_CACHE_PURGE_URLS")), start=1):
        backends[f"http-{number}"] = {"BACKEND": FRONT_CACHE_HTTP, "LOCATION": location}
    if environ.get("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": environ["CLOUDFLARE_ZONE_ID"],
            "BEARER_TOKEN": environ.get("CLOUDFLARE_API_TOKEN", ""),
        }
    if environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends


def media_storage(environ: Mapping[str, str]) -> dict:
    """Where uploaded images and documents are kept: in MEDIA_ROOT by default; in an
    S3-compatible bucket when `AWS_STORAGE_BUCKET_NAME` is set (through django-storages; another
    provider's with `AWS_S3_ENDPOINT_URL`; credentials as boto3 finds them, such as
    `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`).

    Pictures are linked from pages that are cached whole, so their addresses are not signed
    (a signed one expires): the bucket lets anyone read `images/` and `original_images/` and
    nothing else (README, "More than one server"). Documents stay private in the bucket and are
    sent by the site's document view, so their privacy settings apply."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
    }
    for option, name in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
    ):
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origins(environ: Mapping[str, str]) -> list[str]:
    """Where pictures come from when they are in a bucket, for the Content Security Policy."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{environ['AWS_S3_CUSTOM_DOMAIN']}"]
    if environ.get("AWS_S3_ENDPOINT_URL"):
        parts = urlsplit(environ["AWS_S3_ENDPOINT_URL"])
        return [f"{parts.scheme}://{parts.netloc}"]
    region = environ.get("AWS_S3_REGION_NAME")
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if region:
        origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins

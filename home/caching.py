"""The content version: a number changed whenever content is saved or deleted.

What many pages repeat (the menu, the footer, calendar files, the list of hidden branches of the
page tree) is cached under it, so it costs no queries until something changes, and never shows
what has changed since. The number lives in the database (`ContentVersion`), so a change made by
any process is seen by every other at once, with Redis or with each process's own local memory;
a request reads it once, with one small query.
"""

import time
from functools import cache as cache_labels

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.dispatch import Signal
from wagtail.images.models import AbstractRendition


class ContentVersion(models.Model):
    """One row: a number changed whenever content is saved or deleted.

    It is kept in the database rather than in the cache so that every process (each server
    worker, cron's publish_scheduled) sees a change as soon as it is committed, whatever cache
    the site is configured with."""

    number = models.BigIntegerField()

    def __str__(self):
        return str(self.number)


# Within a request the version is read once: the number seen at its start holds throughout,
# unless the request itself changes content.
_request = Local()


def request_started(**kwargs):
    _request.active = True
    _request.version = None
    _request.memo = {}


def request_finished(**kwargs):
    _request.active = False
    _request.version = None
    _request.memo = {}


def cached_for_version(name, compute, timeout):
    """compute() cached under the content version: in the shared cache, and within a request in
    memory too, so a page that asks many times goes to the cache (Redis, say) once."""
    key = f"{name}:{content_version()}"
    memo = getattr(_request, "memo", None) if getattr(_request, "active", False) else None
    if memo is not None and key in memo:
        return memo[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    if memo is not None:
        memo[key] = value
    return value


def content_version():
    version = getattr(_request, "version", None)
    if version is None:
        version = ContentVersion.objects.values_list("number", flat=True).first()
        if version is None:
            version = ContentVersion.objects.get_or_create(
                pk=1, defaults={"number": time.time_ns()}
            )[0].number
        if getattr(_request, "active", False):
            _request.version = version
    return version


_last_number = 0

# Sent whenever the version moves on: content has changed (home/front_cache.py purges).
content_version_changed = Signal()


def bump_content_version():
    # A clock reading rather than a count, so that a version rolled back with a transaction is
    # never reused for different content; and never the same twice in a process, even where
    # the clock stands still (in tests that stop time).
    global _last_number
    number = _last_number = max(time.time_ns(), _last_number + 1)
    if not ContentVersion.objects.filter(pk=1).update(number=number):
        ContentVersion.objects.bulk_create([ContentVersion(pk=1, number=number)])
    if getattr(_request, "active", False):
        _request.version = number
    content_version_changed.send(sender=ContentVersion)


# Content residents see that lives in an app of Wagtail's with records of use beside it (its
# search counts are not content): the comms team's promoted search results; and the
# redirects, which answer addresses that were a 404.
CONTENT_MODELS = frozenset({"wagtailsearchpromotions.SearchPromotion", "wagtailredirects.Redirect"})

# Saves Wagtail makes while rendering (a document or image noting its own size) change nothing.
FILE_FACTS = frozenset({"file_size", "file_hash"})


def content_changed(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= FILE_FACTS:
        return
    # A rendition is a resized copy made while a page renders, not a change of content.
    if sender._meta.label == "home.ContentVersion" or issubclass(sender, AbstractRendition):
        return
    # A record of use, such as a count of searches, is not content residents see.
    if getattr(sender, "not_content", False):
        return
    # Migrations save with historical models, perhaps before the version's table exists; the
    # first version is written by the migration that makes the table.
    if sender.__module__ == "__fake__":
        return
    if sender._meta.app_label in content_app_labels() or sender._meta.label in CONTENT_MODELS:
        bump_content_version()


def page_moved(**kwargs):
    bump_content_version()


@cache_labels
def content_app_labels():
    """The site's own apps, and Wagtail's pages, sites, images and documents."""
    own = {app.label for app in apps.get_app_configs() if app.name in settings.LOCAL_APPS}
    return frozenset(own | {"wagtailcore", "wagtailimages", "wagtaildocs"})

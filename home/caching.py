"""A version number for the site's content, changed whenever content is saved or deleted.

Fragments that every page repeats (the menu, the footer) are cached under it, so they cost no
queries until something changes, and never show what has changed since.
"""

import time
from functools import cache as cache_labels

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from wagtail.images.models import AbstractRendition

VERSION_KEY = "site-content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


# Saves Wagtail makes while rendering (a document or image noting its own size) change nothing.
FILE_FACTS = frozenset({"file_size", "file_hash"})


def content_changed(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= FILE_FACTS:
        return
    # A rendition is a resized copy made while a page renders, not a change of content.
    if sender._meta.app_label in content_app_labels() and not issubclass(sender, AbstractRendition):
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


@cache_labels
def content_app_labels():
    """The site's own apps, and Wagtail's pages, sites, images and documents."""
    own = {app.label for app in apps.get_app_configs() if app.name in settings.LOCAL_APPS}
    return frozenset(own | {"wagtailcore", "wagtailimages", "wagtaildocs"})

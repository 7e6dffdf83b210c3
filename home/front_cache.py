"""The front cache (Varnish, Cloudflare, CloudFront: WAGTAILFRONTENDCACHE, from the environment
in config/env.py) purged through Wagtail's frontend_cache whenever content changes.

A change to one page reaches many others: the section that lists it, the home page, the area
pages, the menus, feeds, calendars, JSON and the sitemap. So every change purges the whole site,
as the site's own copy of pages is dropped (home/page_cache.py), once a transaction, after it
commits (publishing, unpublishing, a scheduled go-live and an expiry carried out by
publish_scheduled, a moved or deleted page, a banner, a snippet).

- Varnish and other HTTP caches get one PURGE of each site's root, which the site's VCL
  (config/varnish.vcl) takes as "everything at this address and under it".
- Cloudflare and CloudFront purge single addresses: they get every visible page's (with the
  routes each page declares in get_cached_paths) and the sitemap's.
"""

import logging
import socket

from asgiref.local import Local
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends, purge_urls_from_cache
from wagtail.models import Page, Site

from home.caching import content_version_changed

logger = logging.getLogger(__name__)
PURGE_TIMEOUT = 5  # seconds

_state = Local()


def content_changed(**kwargs):
    """Purge once the change is committed: at the end of the transaction (once, however much
    it saves; not at all if it is rolled back), or of the request for a request that saves
    outside one; at once otherwise (a command saving one thing)."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    _state.changed = True
    if connection.in_atomic_block:
        # One callback for each save, of which the first purges: a flag set when the first
        # was added would stay set if the transaction were rolled back, and nothing would be
        # purged after it.
        transaction.on_commit(purge_if_changed, robust=True)
    elif not getattr(_state, "in_request", False):
        purge_if_changed()


def purge_if_changed():
    if getattr(_state, "changed", False):
        _state.changed = False
        purge_everything()


def started(**kwargs):
    _state.in_request = True


def finished(**kwargs):
    _state.in_request = False
    if not connection.in_atomic_block:
        purge_if_changed()


def purge_everything():
    """Never lets a cache that cannot be reached stop a save or publish_scheduled: what fails
    is logged, and each cache has PURGE_TIMEOUT seconds to answer (Wagtail's HTTP backend sets
    no timeout of its own, so the default for new sockets is set while purging)."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(PURGE_TIMEOUT)
    try:
        purge_all_backends()
    except Exception:
        logger.exception("The front cache could not be purged")
    finally:
        socket.setdefaulttimeout(previous)


def purge_all_backends():
    backends = get_backends()
    by_prefix = [name for name, backend in backends.items() if isinstance(backend, HTTPBackend)]
    one_by_one = [name for name in backends if name not in by_prefix]
    sites = list(Site.objects.select_related("root_page"))
    if by_prefix:
        purge_urls_from_cache([f"{site.root_url}/" for site in sites], backends=by_prefix)
    if one_by_one:
        purge_urls_from_cache(every_address(sites), backends=one_by_one)


def every_address(sites):
    """For caches purged address by address: every page's, with the routes it declares in
    get_cached_paths (a page just unpublished, expired or made private most of all), and each
    site's sitemap."""
    batch = PurgeBatch()
    for site in sites:
        batch.add_url(f"{site.root_url}/sitemap.xml")
        batch.add_pages(Page.objects.descendant_of(site.root_page, inclusive=True).specific())
    return batch.urls


def connect():
    content_version_changed.connect(content_changed, dispatch_uid="home-front-cache")
    request_started.connect(started, dispatch_uid="home-front-cache-started")
    request_finished.connect(finished, dispatch_uid="home-front-cache-finished")

"""Whole responses cached: what each one tells browsers and shared caches, and the copy of public
pages the site keeps in Django's cache.

A response is *public* when it is the same for everyone who asks for that address: a GET or
HEAD from someone not signed in (no session cookie), outside the admin, not a search with a
query, not a page behind a password or a login, not setting a cookie (a form's CSRF token sets
one), and a 200 or 301. Public responses say `Cache-Control: public, max-age=…, s-maxage=…`:
browsers keep them a minute, shared caches (Varnish, a CDN) longer. Everything else says
`private, no-store`, so that nothing personal is kept anywhere but the visitor's own screen.

Nothing is kept past the next moment the page may change without anyone saving anything: an
expiry time, a scheduled go-live, midnight (dates such as "tomorrow" and campaign windows turn
then), and the times features register under registry.CHANGE_TIMES (an event starting or
ending). Within that, the site's own copy is also dropped the moment content changes, since it is
kept under the content version (home/caching.py), and the front cache is purged
(home/front_cache.py).
"""

import functools
import hashlib
import math
from bisect import bisect_right
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_max_age, patch_cache_control
from wagtail import hooks
from wagtail.models import Revision, Site

from home import registry
from home.caching import cached_for_version, content_version
from home.visibility import BRANCHES_CACHE_SECONDS, branches, expiry_epoch, expiry_times

PUBLIC_METHODS = frozenset({"GET", "HEAD"})
PUBLIC_STATUSES = frozenset({200, 301})
PERSONAL_DIRECTIVES = ("private", "no-store", "no-cache")


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def anonymous_request(request):
    """Whether the request can be answered the same as anyone else's: a GET or HEAD, outside the
    admin, from someone with no session (everyone signed in has one; so has anyone who has
    given a page's password)."""
    return (
        request.method in PUBLIC_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(admin_prefix())
    )


def mark_personal(request):
    """For a view: what it answers must not be kept by any cache (a search for someone's words,
    a page behind a password)."""
    request.personal_response = True


def is_public(request, response):
    if not anonymous_request(request) or getattr(request, "personal_response", False):
        return False
    if getattr(request, "is_preview", False) or response.status_code not in PUBLIC_STATUSES:
        return False
    if response.cookies:
        return False
    directives = response.get("Cache-Control", "").lower()
    return not any(word in directives for word in PERSONAL_DIRECTIVES)


def set_cache_headers(request, response):
    """Cache-Control for every response (see the module's docstring): the seconds the response
    may be kept, or 0 where it must not be."""
    if not is_public(request, response):
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return 0
    # A view that chose its own browser time (a feed reader's 15 minutes) keeps it, within the
    # next change; everything else gets the short browser time.
    response.view_max_age = get_max_age(response)
    return apply_lifetimes(response)


def apply_lifetimes(response):
    """max-age and s-maxage counted from now (so also for a page sent from the site's copy,
    which may have been kept an hour): never past the next change, and a browser's never
    longer than a shared cache's, which a purge can reach and a browser's cannot. The seconds
    the site may keep its own copy, or 0."""
    until_change = seconds_until_change(timezone.now())
    shared = min(settings.FRONT_CACHE_SECONDS, until_change)
    if shared < 1:
        add_never_cache_headers(response)
        return 0
    browser = min(getattr(response, "view_max_age", None) or settings.BROWSER_CACHE_SECONDS, shared)
    patch_cache_control(response, public=True, max_age=browser, s_maxage=shared)
    return min(settings.PAGE_CACHE_SECONDS, until_change)


# When pages change by themselves ------------------------------------------------------------


def seconds_until_change(now):
    """Whole seconds from `now` to the next moment a page may change without a save (at most a
    day): rounded down, so that nothing is kept a moment too long."""
    upcoming = change_times(now)
    index = bisect_right(upcoming, now)
    moment = upcoming[index] if index < len(upcoming) else now + timedelta(days=1)
    return max(0, math.floor((moment - now).total_seconds()))


def change_times(now):
    """From now to the end of tomorrow, in order: expiry times, scheduled go-live times (which
    publish_scheduled carries out within a minute), the next midnight, and what features
    register; kept under the content version for the day."""
    today = timezone.localdate(now)

    def find():
        start = timezone.make_aware(datetime.combine(today, time.min))
        end = start + timedelta(days=2)
        times = {start + timedelta(days=1), end}
        times.update(moment for moment in expiry_times() if moment < end)
        go_live = Revision.objects.filter(
            approved_go_live_at__gt=start, approved_go_live_at__lt=end
        )
        times.update(go_live.values_list("approved_go_live_at", flat=True))
        for times_between in hooks.get_hooks(registry.CHANGE_TIMES):
            times.update(times_between(start, end))
        return tuple(sorted(times))

    return cached_for_version(f"change-times:{today.isoformat()}", find, BRANCHES_CACHE_SECONDS)


# The site's own copy of public pages ---------------------------------------------------------


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{content_version()}:{expiry_epoch()}:{digest}"


def restricted(page):
    """Whether the page is behind a password or a login, or under one that is."""
    paths = branches()[0]
    return any(page.path.startswith(path) for path in paths)


class PageCacheMiddleware:
    """Keeps each public GET response whole, keyed by the site, the full address (with its query)
    and the content version, in the configured cache (Redis shares it between processes and
    servers): a page asked for again is sent from there with one small query (the version).

    Sits outside the middleware that adds security headers, so what it keeps has them already,
    and outside the sessions, which a request answered from here never touches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = (
            settings.PAGE_CACHE_SECONDS and request.method == "GET" and anonymous_request(request)
        )
        if cacheable:
            key = kept_page_key(request)
            response = cache.get(key) if key else None
            if response is not None and apply_lifetimes(response):
                return response
        remember_site(request)
        response = self.get_response(request)
        seconds = set_cache_headers(request, response)
        if cacheable and seconds and not response.streaming:
            # The key again: the request itself may have changed content (and the version).
            key = kept_page_key(request)
            if key:
                cache.set(key, response, seconds)
        return response


def remember_site(request):
    """The site the request is for, which Wagtail looks up with a query on every request, kept
    under the content version (Wagtail reads it from request._wagtail_site)."""
    key = f"site:{request.get_host()}:{request.get_port()}"
    try:
        site = cached_for_version(
            key, lambda: Site._find_for_request(request), BRANCHES_CACHE_SECONDS
        )
    except DatabaseError:
        return  # the page itself answers 503
    if site is not None:
        request._wagtail_site = site


def kept_page_key(request):
    """page_key, or None while the database cannot say the content version (the request then
    goes on to the page itself, which answers 503 for a busy database)."""
    try:
        return page_key(request)
    except DatabaseError:
        return None

"""What residents may see: the one rule every listing, panel, feed, filter, export, embed,
sitemap entry and search result goes through, so that privacy is decided in one place.

A page is visible when it is live, has not passed its expiry time (publish_scheduled takes it
down within a minute; until then it is hidden all the same), is not behind a login or a password,
and no page above it is unpublished or restricted. A snippet with drafts is visible when it is
live and not expired. Anything a visible thing points to (a priority, a parish, a campaign) is
shown only if it is visible itself.
"""

from bisect import bisect_right

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, PageViewRestriction

from home.caching import cached_for_version

# A day: an old version's entry is never read again, so let it go.
BRANCHES_CACHE_SECONDS = 60 * 60 * 24


def branches():
    """(restricted, unpublished, expiring): the paths of pages behind a login or password, of
    unpublished pages with pages under them, and (with the time) of live pages with pages under
    them that have an expiry time. Each hides itself and everything below it; an expiring one
    from its expiry time, which passes without any change to the content version.
    Cached under the content version, which any change to pages or restrictions moves on."""
    return cached_for_version("hidden-branches", find_branches, BRANCHES_CACHE_SECONDS)


def find_branches():
    parents = Page.objects.filter(numchild__gt=0)
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    unpublished = parents.filter(live=False).values_list("path", flat=True)
    expiring = parents.filter(live=True, expire_at__isnull=False).values_list("path", "expire_at")
    return (tuple(sorted(set(restricted))), tuple(sorted(unpublished)), tuple(expiring))


def expired_branches(expiring, now=None):
    now = now or timezone.now()
    return tuple(path for path, expire_at in expiring if expire_at <= now)


def hidden_branches():
    restricted, unpublished, expiring = branches()
    return restricted + unpublished + expired_branches(expiring)


def not_expired_q(now=None):
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now or timezone.now())


def visible(queryset):
    """The part of a queryset of pages, or of snippets with drafts, that residents may see."""
    model = queryset.model
    if issubclass(model, Page):
        queryset = queryset.filter(live=True).filter(not_expired_q())
        hidden = Q()
        for path in hidden_branches():
            hidden |= Q(path__startswith=path)
        return queryset.exclude(hidden) if hidden else queryset
    if issubclass(model, DraftStateMixin):
        return queryset.filter(live=True).filter(not_expired_q())
    return queryset


def visible_for_search(queryset):
    """The same rule for a search: search backends filter on indexed fields only, so the rule is
    applied through the page's id."""
    return queryset.filter(pk__in=list(visible(Page.objects.all()).values_list("pk", flat=True)))


def in_hidden_branch(page):
    return any(page.path.startswith(path) for path in hidden_branches())


def is_visible(obj):
    """Whether residents may see this one page or snippet; no query once the branches are
    cached (a page's path, live flag and expiry are on the object)."""
    if obj is None:
        return False
    expired = obj.expire_at is not None and obj.expire_at <= timezone.now()
    if isinstance(obj, DraftStateMixin | Page) and (not obj.live or expired):
        return False
    return not (isinstance(obj, Page) and in_hidden_branch(obj))


def shown(obj):
    """The object if residents may see it, else None: for what a visible thing points to."""
    return obj if is_visible(obj) else None


def served_page_hidden(page):
    """Whether a page Wagtail would serve must be a 404 instead: it has expired, or a page above
    it is unpublished or has expired. (Logins and passwords are Wagtail's own check, which asks for them.)"""
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return True
    _restricted, unpublished, expiring = branches()
    above = unpublished + expired_branches(expiring)
    return any(page.path.startswith(path) and page.path != path for path in above)


def expiry_times():
    """Every expiry time still to come of what is live (pages, and snippets with drafts), in
    order; kept under the content version."""

    def find():
        now = timezone.now()
        times = []
        for model in apps.get_models():
            if not issubclass(model, DraftStateMixin):
                continue
            # Once for each table: a page type's expiry is Page's own field.
            if model._meta.get_field("expire_at").model is not model:
                continue
            rows = model._default_manager.filter(live=True, expire_at__gt=now)
            times.extend(rows.values_list("expire_at", flat=True))
        return tuple(sorted(times))

    return cached_for_version("expiry-times", find, BRANCHES_CACHE_SECONDS)


def expiry_epoch(now=None):
    """How many of those times have passed: it moves on whenever anything expires, which
    happens without a change to the content version, so a result worked out from what was
    visible can be kept under both and is never kept past an expiry."""
    return bisect_right(expiry_times(), now or timezone.now())

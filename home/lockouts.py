"""Login throttling with django-axes: who is asking, the lock-out page, page passwords, unlocking.

Axes counts failed logins through Django's `user_login_failed` signal and refuses a locked-out
login in its authentication backend (see the AXES_ settings in config/settings/base.py). Here:

- `client_ip_address`, the client's address behind `TRUSTED_PROXY_COUNT` reverse proxies;
- `lockout_response`, the page a locked-out person sees, with status 429;
- Wagtail's password views for private pages and document collections, wrapped so that wrong
  passwords count as failed logins under a name for the restriction
  (`page-password:<restriction id>`, `document-password:<restriction id>`) and lock out the same
  way, with the same records, the same cool-off and the same unlocking;
- the admin's *Settings > Sign-in lock-outs*, where a superuser sees who is locked out and
  unlocks them early.
"""

import ipaddress
import logging

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.db.models import Max, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import views as wagtail_views
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents.views import serve as wagtaildocs_serve
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, PageViewRestriction

logger = logging.getLogger(__name__)

PAGE_PASSWORD = "page-password:"
DOCUMENT_PASSWORD = "document-password:"


class AxesBackend(AxesStandaloneBackend):
    """Axes' backend, refusing a locked-out login before any password is checked.

    Axes raises an error for an `authenticate()` call without a request, as it cannot tell who
    is asking. Every way in from the web passes the request (Wagtail's admin login, its
    front-end login for private pages, Django's login views); only code run on the server itself
    has none (Django's test client's `login()`, a shell, a management command), and nobody on
    the internet can reach that. Such a call is left to the next backend, which checks the
    password as usual."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def _parse_address(value):
    """`value` as a normalised IP address, or None. Takes `1.2.3.4:5678` and `[::1]:80` too,
    as some load balancers add the port."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip_address(request):
    """The address of whoever sent the request (AXES_CLIENT_IP_CALLABLE).

    With no reverse proxy of our own (`TRUSTED_PROXY_COUNT` 0), it is the address the connection
    came from, and any X-Forwarded-For header, which anyone can send, is ignored. Behind N proxies,
    each adds the address it was reached from to the right of X-Forwarded-For, so the client's is
    the Nth from the right; anything left of that came from the client and is not believed. If the
    header is shorter than that, the request did not come through our proxies, and the address it
    came from is used."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in header.split(",") if hop.strip()]
        if len(hops) >= count:
            address = _parse_address(hops[-count])
            if address:
                return address
    return _parse_address(request.META.get("REMOTE_ADDR"))


def cool_off_minutes(request=None):
    return int(get_cool_off(request).total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """The page for a locked-out login or password (AXES_LOCKOUT_CALLABLE): what happened, how
    long to wait and who can unlock it sooner. Status 429, never cached, no cookies."""
    username = str((credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD) or "")
    if username.startswith(PAGE_PASSWORD):
        kind = "page"
    elif username.startswith(DOCUMENT_PASSWORD):
        kind = "document"
    else:
        kind = "sign-in"
    cool_off = get_cool_off(request)
    response = render(
        request,
        "home/lockout.html",
        {
            "kind": kind,
            "minutes": cool_off_minutes(request),
            "failure_limit": get_failure_limit(request, credentials),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    add_never_cache_headers(response)
    return response


def _throttled_password_view(request, restriction, name, view, *args):
    """Run Wagtail's password `view`, counting a wrong password as a failed login for `name`."""
    if request.method != "POST" or not settings.AXES_ENABLED:
        return view(request, *args)
    credentials = get_credentials(name)
    if not AxesProxyHandler.is_allowed(request, credentials):
        # As for a locked-out login: refused whatever the password, and the try counts.
        if settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return lockout_response(request, None, credentials)
    form = PasswordViewRestrictionForm(request.POST, instance=restriction)
    if form.is_valid():
        if settings.AXES_RESET_ON_SUCCESS and request.axes_ip_address:
            reset(ip=request.axes_ip_address, username=name)
    elif form.has_error("password") and not form.has_error("password", "required"):
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if request.axes_locked_out:
            return lockout_response(request, None, credentials)
    return view(request, *args)


def authenticate_with_page_password(request, page_view_restriction_id, page_id):
    """Wagtail's `wagtailcore_authenticate_with_password`, throttled.

    Counted per restriction, not per page: the password belongs to the restriction, which covers
    a page and everything below it, and Wagtail takes any page id with it."""
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    return _throttled_password_view(
        request,
        restriction,
        f"{PAGE_PASSWORD}{restriction.pk}",
        wagtail_views.authenticate_with_password,
        page_view_restriction_id,
        page_id,
    )


def authenticate_with_document_password(request, restriction_id):
    """Wagtail's `wagtaildocs_authenticate_with_password` (a private collection), throttled."""
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    return _throttled_password_view(
        request,
        restriction,
        f"{DOCUMENT_PASSWORD}{restriction.pk}",
        wagtaildocs_serve.authenticate_with_password,
        restriction_id,
    )


# The admin's list of lock-outs, for superusers only.


def can_unlock(user):
    return user.is_active and user.is_superuser


def current_attempts(request=None):
    """Failed logins and passwords still counting, one row per name and client address (what
    Axes locks), newest first, each saying what it is for and whether it is locked."""
    cool_off = get_cool_off(request)
    limit = get_failure_limit(request, None)
    rows = list(
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .order_by("-last_attempt")
    )
    names = {row["username"] or "" for row in rows}

    def ids(prefix):
        return {
            int(n[len(prefix) :])
            for n in names
            if n.startswith(prefix) and n[len(prefix) :].isdigit()
        }

    pages = {
        r.pk: r.page
        for r in PageViewRestriction.objects.filter(pk__in=ids(PAGE_PASSWORD)).select_related(
            "page"
        )
    }
    collections = {
        r.pk: r.collection
        for r in CollectionViewRestriction.objects.filter(
            pk__in=ids(DOCUMENT_PASSWORD)
        ).select_related("collection")
    }
    users = {
        user.get_username(): user
        for user in get_user_model()._default_manager.filter(
            **{f"{get_user_model().USERNAME_FIELD}__in": names}
        )
    }
    for row in rows:
        name = row["username"] or ""
        row["locked"] = row["failures"] >= limit
        row["until"] = row["last_attempt"] + cool_off
        row["page"] = row["collection"] = row["user"] = None
        suffix = name.partition(":")[2]
        if name.startswith(PAGE_PASSWORD):
            row["kind"] = "page"
            row["page"] = pages.get(int(suffix)) if suffix.isdigit() else None
        elif name.startswith(DOCUMENT_PASSWORD):
            row["kind"] = "document"
            row["collection"] = collections.get(int(suffix)) if suffix.isdigit() else None
        else:
            row["kind"] = "sign-in"
            row["user"] = users.get(name)
    return rows


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/lockouts.html"
    page_title = "Sign-in lock-outs"
    header_icon = "lock"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = current_attempts(self.request)
        context["failure_limit"] = get_failure_limit(self.request, None)
        context["minutes"] = cool_off_minutes(self.request)
        return context


lockouts_view = user_passes_test(can_unlock)(LockoutsView.as_view())


@user_passes_test(can_unlock)
@require_POST
def unlock_view(request):
    """Clear the failed attempts of one name from one client address, with Axes' own reset."""
    username = request.POST.get("username", "").strip() or None
    ip_address = request.POST.get("ip_address", "").strip() or None
    if ip_address and _parse_address(ip_address) != ip_address:
        messages.error(request, "That is not a client address.")
        return redirect("home_lockouts")
    if not username and not ip_address:
        # Axes would reset everyone: `manage.py axes_reset` is there for that.
        messages.error(request, "Choose a lock-out to unlock.")
        return redirect("home_lockouts")
    count = reset(ip=ip_address, username=username)
    logger.warning(
        "Sign-in lock-out of %r from %s cleared by %s (%d records)",
        username,
        ip_address,
        request.user.get_username(),
        count,
    )
    if count:
        messages.success(request, "Unlocked. They can try again now.")
    else:
        messages.warning(request, "That was no longer locked.")
    return redirect("home_lockouts")


admin_urls = [
    path("lockouts/", lockouts_view, name="home_lockouts"),
    path("lockouts/unlock/", unlock_view, name="home_lockouts_unlock"),
]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


def menu_item():
    return LockoutsMenuItem(
        "Sign-in lock-outs",
        reverse("home_lockouts"),
        icon_name="lock",
        order=950,
        name="sign-in-lock-outs",
    )

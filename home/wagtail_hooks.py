from django.http import Http404
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import autosave
from home.dates import date_and_time
from home.models import AlertBanner
from home.page_cache import mark_personal, restricted
from home.visibility import served_page_hidden


@hooks.register("before_serve_page")
def hide_expired_and_orphaned_pages(page, request, serve_args, serve_kwargs):
    """Wagtail serves a live page even under an unpublished one, and until publish_scheduled
    runs, after its expiry time: residents get a 404 for both, as every listing hides them."""
    if served_page_hidden(page):
        raise Http404
    if restricted(page):
        # Wagtail asks for the password or login next: no cache may keep what it answers.
        mark_personal(request)


@hooks.register("insert_editor_js")
def save_after_autosave():
    """A Save pressed while Wagtail's autosave is under way waits for it (home/autosave.py)."""
    return autosave.editor_js()


def yes_or_no(field):
    return lambda banner: "Yes" if getattr(banner, field) else "No"


def when(field):
    """'1 December 2026, 6:59am' in London time (GOV.UK style), or nothing."""

    def value(banner):
        moment = getattr(banner, field)
        if moment is None:
            return ""
        return date_and_time(moment)

    return value


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = "Alert banners"
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "title",
        "level",
        Column("whole_site", label="Whole site", accessor=yes_or_no("whole_site")),
        Column(
            "go_live_at", label="Go-live time", accessor=when("go_live_at"), sort_key="go_live_at"
        ),
        Column("expire_at", label="Expiry time", accessor=when("expire_at"), sort_key="expire_at"),
    ]
    list_filter = ["level", "live", "whole_site"]
    search_fields = ["title"]
    ordering = ["-latest_revision__created_at"]


register_snippet(AlertBannerViewSet)


# Sign-in lock-outs (home/lockouts.py): superusers see who is locked out and unlock them early.
from home import lockouts  # noqa: E402


@hooks.register("register_admin_urls")
def register_lockouts_urls():
    return lockouts.admin_urls


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return lockouts.menu_item()

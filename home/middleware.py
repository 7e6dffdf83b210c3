import json
import logging
import sqlite3
import sys
from contextlib import suppress

from django.conf import settings
from django.core.signals import got_request_exception
from django.db.utils import DatabaseError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header, which Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# The database is busy or cannot be written to: 503 with Retry-After, not a 500.

RETRY_AFTER_SECONDS = 30
# SQLite says these when a lock outlasts its timeout or the file (or its folder) is read-only.
SQLITE_UNAVAILABLE = (
    "database is locked",
    "database table is locked",
    "attempt to write a readonly database",
)
# PostgreSQL's error codes (SQLSTATE) for a read-only transaction (a hot standby, or
# default_transaction_read_only) and for a server shutting down or starting up; class 08 is
# a lost or refused connection.
POSTGRESQL_UNAVAILABLE_CODES = {"25006", "57P01", "57P02", "57P03"}
# Form fields of Wagtail's editor that hold no one's text.
BOOKKEEPING_ENDINGS = ("-count", "-type", "-id", "-order", "-deleted", "_FORMS")
BOOKKEEPING_NAMES = {
    "csrfmiddlewaretoken",
    "next",
    "loaded_revision_id",
    "loaded_revision_created_at",
    "overwrite_revision_id",
}


def database_unavailable(exception) -> bool:
    """Whether the exception, or one it was raised from, says the database is busy, read-only or
    unreachable (which waiting puts right) rather than a fault in the site's code."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        seen.add(id(exception))
        if isinstance(exception, DatabaseError):
            cause = exception.__cause__
            if isinstance(cause, sqlite3.Error):
                # SQLite reports missing tables and bad SQL as OperationalError too: read it.
                message = str(cause).lower()
                return any(text in message for text in SQLITE_UNAVAILABLE)
            code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None) or ""
            if code in POSTGRESQL_UNAVAILABLE_CODES or code.startswith("08"):
                return True
            # PostgreSQL: not the programmer's fault (a lost connection, a lock timeout).
            return isinstance(exception, OperationalError)
        if exception.__cause__ is not None or exception.__suppress_context__:
            exception = exception.__cause__  # `raise ... from`: None for `from None`
        else:
            exception = exception.__context__  # raised while handling it
    return False


def unsaved_text(post) -> list[tuple[str, str]]:
    """(field name, text) for what someone typed into a form that was not saved, for the 503
    page to show to copy: Wagtail's rich text as plain paragraphs; bookkeeping fields, passwords
    and the CSRF token left out."""
    texts = []
    for name, values in post.lists():
        if (
            name in BOOKKEEPING_NAMES
            or name.startswith("action-")
            or name.endswith(BOOKKEEPING_ENDINGS)
            or "password" in name.lower()
        ):
            continue
        for value in values:
            text = value
            if value.startswith("{") and '"blocks"' in value:
                # Draftail's rich text: {"blocks": [{"text": ...}, ...], "entityMap": ...}
                with suppress(ValueError, KeyError, TypeError):
                    text = "\n".join(block["text"] for block in json.loads(value)["blocks"])
            text = text.strip()
            if any(char.isalpha() for char in text) and text.lower() not in {"on", "true", "false"}:
                texts.append((name, text))
    return texts


def unavailable_response(request):
    """The 503. JSON for requests that do not accept HTML, as the admin editor's autosave sends
    (it keeps the form as it is and tries again at the next change); otherwise a plain page,
    rendered without the request or the database (no site settings, no menus)."""
    nothing_saved = request.method not in ("GET", "HEAD", "OPTIONS")
    if not request.accepts("text/html"):
        message = "The site is busy. Try again in a minute."
        if nothing_saved:
            message = "The site is busy: nothing was saved. Your changes are still in the form."
        response = JsonResponse(
            {"success": False, "error_code": "database_unavailable", "error_message": message},
            status=503,
        )
    else:
        in_admin = request.path.startswith(reverse("wagtailadmin_home"))
        texts = []
        if nothing_saved and in_admin and request.path != reverse("wagtailadmin_login"):
            try:
                texts = unsaved_text(request.POST)
            except Exception:  # an unreadable body: the page still says what happened
                logger.exception("The unsaved form could not be read back")
        context = {"nothing_saved": nothing_saved, "in_admin": in_admin, "texts": texts}
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # Cache-Control: ... no-store, private
    response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
    return response


def remember_database_unavailable(sender, request=None, **kwargs):
    """An exception that escaped a middleware (a session saved after the view, say) reaches
    Django's 500 handling, which sends got_request_exception: marked on the request here."""
    if request is not None and database_unavailable(sys.exc_info()[1]):
        request.database_unavailable = True


class DatabaseUnavailableMiddleware:
    """A busy (locked) or read-only database answers 503 with Retry-After, not a 500.

    process_exception catches what the view or its template raises. An exception raised by a
    middleware inside this one has been turned into a 500 (and logged) by Django before it gets
    here: the got_request_exception signal marks the request, and the 500 becomes the 503."""

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(
            remember_database_unavailable, dispatch_uid="home.database_unavailable"
        )

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unavailable", False):
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if not database_unavailable(exception):
            return None
        logger.error(
            "The database is unavailable, answered 503: %s %s",
            request.method,
            request.path,
            exc_info=exception,
        )
        return unavailable_response(request)

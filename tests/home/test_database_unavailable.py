"""A busy (locked), read-only or unreachable database: a 503 that says to try again, not a 500,
and an editor's unsaved text kept.

The read-only database is the test database itself, with SQLite's query_only or PostgreSQL's
transaction_read_only switched on. The busy one is a real server (gunicorn, on its own SQLite
file) while the test holds the write lock on that file, as a long `update_index` or a backup
would. The unreachable one is a real server pointed at a PostgreSQL address nothing listens on."""

import http.cookiejar
import json
import re
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.middleware import database_unavailable, unsaved_text
from home.models import StandardPage
from tests.every_kind import every_kind
from tests.factories import signed_in, team_member
from tests.home.factories import make_standard_page
from tests.home.test_pages import parse_strictly
from tests.server import DemoServer, free_port

pytestmark = pytest.mark.django_db

RICH_TEXT = json.dumps(
    {
        "blocks": [
            {"key": "a1", "text": "Meet us at the library.", "type": "unstyled", "depth": 0},
            {"key": "b2", "text": "Bring a friend.", "type": "unstyled", "depth": 0},
        ],
        "entityMap": {},
    }
)


def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip(
            "SQLite only: a lock held on a SQLite file (this PostgreSQL run tests the read-only "
            "and unreachable database)"
        )


@contextmanager
def read_only_database():
    """The database refuses every write until the block ends: on SQLite as a read-only file does
    ("attempt to write a readonly database"), on PostgreSQL as a hot standby does ("cannot
    execute INSERT in a read-only transaction"). What failed is rolled back at the end of the
    block, as it is at the end of a real request."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA query_only = ON")
            else:  # undone with the rollback
                cursor.execute("SET transaction_read_only = on")
        try:
            yield
        finally:
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA query_only = OFF")
            transaction.set_rollback(True)


@pytest.fixture
def about(home_page):
    return make_standard_page(home_page, "about", title="About the partnership")


@pytest.fixture
def editor(about):
    return signed_in(Client(), "admin")


def assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def assert_plain_page(response):
    assert_unavailable(response)
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Sorry, the service is unavailable</h1>' in html
    assert "Traceback" not in html and "OperationalError" not in html
    parse_strictly(html)
    return html


def edit_form(page, **fields):
    return {
        "title": page.title,
        "slug": page.slug,
        "introduction": "Join or start a scheme in your street.",
        "body-count": "1",
        "body-0-type": "text",
        "body-0-value": RICH_TEXT,
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "action-publish": "Publish",
        **fields,
    }


def test_a_page_can_still_be_read(client, home_page):
    every_kind(home_page)
    # Once its images' renditions are made: the first view of a new image writes them.
    assert client.get("/").status_code == 200
    with read_only_database():
        assert client.get("/").status_code == 200


def test_signing_in_to_a_read_only_database_is_a_503_not_a_500(client, db):
    team_member("admin")
    with read_only_database():
        response = client.post(
            "/admin/login/", {"username": "admin", "password": "changeme", "next": "/admin/"}
        )
    html = assert_plain_page(response)
    assert "Nothing you sent has been saved." in html
    assert "Use your browser’s Back button to return to the form." in html
    assert "changeme" not in html  # a password is never shown back
    assert "What you typed" not in html  # nothing worth copying from a login


def test_an_editor_publishing_to_a_read_only_database_is_told_and_shown_their_text(editor, about):
    page = about
    url = f"/admin/pages/{page.pk}/edit/"
    with read_only_database():
        response = editor.post(url, edit_form(page, title="Neighbourhood Watch, updated"))
    html = assert_plain_page(response)
    assert "Nothing you sent has been saved." in html
    assert "Copy anything you would not want to type again" in html
    assert "Then use your browser’s Back button to return to the form." in html
    # The text, to copy if going back loses it: the rich text as paragraphs, no bookkeeping.
    assert "Neighbourhood Watch, updated" in html
    assert "Join or start a scheme in your street." in html
    assert "Meet us at the library.<br>Bring a friend." in html
    assert "csrfmiddlewaretoken" not in html and "body-count" not in html
    assert StandardPage.objects.get(pk=page.pk).title == page.title


def test_autosave_to_a_read_only_database_gets_json_the_editor_keeps_its_form_on(editor, about):
    """Wagtail's editor autosaves with fetch and Accept: application/json. On an answer without
    success it leaves the form alone, shows "Autosave is paused", keeps the unsaved-changes warning
    and tries again at the next change."""
    page = about
    with read_only_database():
        response = editor.post(
            f"/admin/pages/{page.pk}/edit/",
            edit_form(page, title="Autosaved title"),
            HTTP_ACCEPT="application/json",
        )
    assert_unavailable(response)
    data = response.json()
    assert data["success"] is False
    assert data["error_code"] == "database_unavailable"
    assert "nothing was saved" in data["error_message"]


def test_a_write_after_the_view_is_a_503_too(about, settings):
    """A right page password is remembered in the session, which Django's session middleware
    saves after the view: the 500 Django makes of that becomes the 503 as well."""
    settings.AXES_ENABLED = False  # so that the session is the only write
    page = about
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    client = Client(raise_request_exception=False)
    with read_only_database():
        response = client.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
            {"password": "open-sesame", "return_url": page.url},
        )
    html = assert_plain_page(response)
    assert "Nothing you sent has been saved." in html
    assert "Go back and try again in a few minutes." in html
    assert "open-sesame" not in html


def test_the_503_page_needs_no_database(django_db_blocker):
    with django_db_blocker.block():
        html = render_to_string("503.html", {"nothing_saved": True, "in_admin": False})
    assert "Sorry, the service is unavailable" in html
    assert "Nothing you sent has been saved." in html


def real_error(sql):
    """The error the database raises for `sql`, rolled back as a request's would be."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except DatabaseError as error:
        return error
    raise AssertionError(f"{sql} did not fail")


def test_only_a_busy_or_read_only_database_counts_as_unavailable(db):
    with read_only_database():
        error = real_error("UPDATE wagtailcore_page SET title = 'x'")
    assert database_unavailable(error)
    # SQLite calls a missing table an OperationalError too, but that is the site's fault: a 500.
    assert not database_unavailable(real_error("SELECT * FROM no_such_table"))
    assert not database_unavailable(real_error("SELEC 1"))
    assert not database_unavailable(ValueError("database is locked"))
    # Raised from, or while handling, a database error.
    try:
        raise RuntimeError("the template could not be rendered") from error
    except RuntimeError as wrapped:
        assert database_unavailable(wrapped)
    try:
        try:
            raise error
        except DatabaseError:
            raise RuntimeError("while handling it") from None
    except RuntimeError as wrapped:
        assert not database_unavailable(wrapped)  # `from None`: not caused by it
    try:
        try:
            raise error
        except DatabaseError:
            raise RuntimeError("while handling it")  # noqa: B904
    except RuntimeError as wrapped:
        assert database_unavailable(wrapped)


def test_unsaved_text_leaves_out_what_is_not_someones_text():
    post = QueryDict(mutable=True)
    for name, value in [
        ("csrfmiddlewaretoken", "abc123"),
        ("title", "Speed watch"),
        ("body-count", "1"),
        ("body-0-type", "text"),
        ("body-0-value", RICH_TEXT),
        ("body-0-order", "0"),
        ("go_live_at", "2026-05-01 09:00"),
        ("show_quick_exit", "on"),
        ("password", "secret words"),
        ("new_password1", "secret words"),
        ("action-publish", "Publish"),
        ("next", "/admin/pages/"),
        ("search_description", "   "),
        ("body-1-value", '{"blocks": not json'),
    ]:
        post.appendlist(name, value)
    assert unsaved_text(post) == [
        ("title", "Speed watch"),
        ("body-0-value", "Meet us at the library.\nBring a friend."),
        ("body-1-value", '{"blocks": not json'),
    ]


# A busy database: a real server, and a lock held on its SQLite file.


class Browser:
    """Just enough of a browser: cookies, and a POST with the login form's CSRF token."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirects(),
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, body, headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def sign_in(self, username, password):
        _status, _headers, html = self.request("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request(
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
            {"Referer": self.base_url + "/admin/login/"},
        )


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


LOCK_TIMEOUT = 1  # second: shorter than the default 10, so that the test waits less


@pytest.fixture(scope="module")
def busy_server(tmp_path_factory):
    sqlite_only()
    workdir = tmp_path_factory.mktemp("busy-site")
    server = DemoServer(workdir, workers=1, extra_env={"SQLITE_TIMEOUT": str(LOCK_TIMEOUT)})
    server.prepare("setup_partnership", "Busy Community Safety Partnership")
    server.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser('editor', 'editor@example.org', 'a-long-pass')",
    )
    server.start()
    yield server, workdir / "db.sqlite3"
    server.stop()


@pytest.fixture
def write_lock(busy_server):
    """Holds SQLite's write lock on the server's database file until released."""
    _server, path = busy_server
    holder = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    lock = threading.Lock()

    def release():
        with lock:
            if holder.in_transaction:
                holder.execute("ROLLBACK")

    yield release
    release()
    holder.close()


def test_a_write_while_another_holds_the_database_is_a_503_until_it_lets_go(
    busy_server, write_lock
):
    server, _path = busy_server
    browser = Browser(server.url)
    started = time.monotonic()
    status, headers, html = browser.sign_in("editor", "a-long-pass")
    waited = time.monotonic() - started
    assert status == 503, html
    assert LOCK_TIMEOUT <= waited < LOCK_TIMEOUT + 2.5  # the configured wait, not the default
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert "Sorry, the service is unavailable" in html and "Traceback" not in html
    assert "Nothing you sent has been saved." in html
    # Reading goes on meanwhile: in WAL mode a writer does not block readers.
    assert browser.request("/")[0] == 200

    write_lock()
    status, headers, _html = browser.sign_in("editor", "a-long-pass")
    assert status == 302 and headers["Location"] == "/admin/"
    assert browser.request("/admin/")[0] == 200
    assert browser.request("/")[0] == 200


def test_a_short_lock_is_waited_for(busy_server, write_lock):
    """A lock shorter than the timeout delays a write rather than failing it."""
    server, _path = busy_server
    browser = Browser(server.url)
    threading.Timer(LOCK_TIMEOUT / 4, write_lock).start()
    started = time.monotonic()
    status, _headers, _html = browser.sign_in("editor", "a-long-pass")
    assert status == 302
    assert time.monotonic() - started >= LOCK_TIMEOUT / 4


def test_a_database_server_that_cannot_be_reached_is_a_503(tmp_path):
    """PostgreSQL down or restarting: nothing listens where DATABASE_URL points (this needs no
    PostgreSQL, only its client library)."""
    nowhere = f"postgres://csp@127.0.0.1:{free_port()}/csp"
    server = DemoServer(tmp_path, workers=1, extra_env={"DATABASE_URL": nowhere}).start()
    try:
        status, headers, html = Browser(server.url).request("/")
    finally:
        server.stop()
    assert status == 503, html
    assert headers["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in html and "Try again in a few minutes." in html

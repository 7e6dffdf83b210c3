"""The front cache: Debian's Varnish, with the site's VCL (config/varnish.vcl), in front of a real
server (gunicorn) that purges it through Wagtail's frontend_cache when content changes
(home/front_cache.py). Content is changed by another process, as an editor or cron does."""

import socket
import time
import urllib.error
import urllib.request

import pytest
from wagtail.models import Site

from tests.conftest import PARTNERSHIP
from tests.home.factories import make_standard_page
from tests.server import DemoServer
from tests.tools import skip_without
from tests.varnish import Varnish, varnishd_path


def fetch(varnish, path, headers=None):
    request = urllib.request.Request(varnish.url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def kept(varnish, path, headers=None):
    """Asked for twice: whether Varnish answered the second time from what it kept."""
    fetch(varnish, path, headers)
    status, answer_headers, body = fetch(varnish, path, headers)
    return answer_headers["X-Cache"] == "hit", status, body


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    skip_without(varnishd_path(), "Debian's varnish is needed for the front-cache tests")
    server = DemoServer(tmp_path_factory.mktemp("front-cache"))
    varnish = Varnish(server.port)
    server.env["FRONT_CACHE_PURGE_URLS"] = varnish.url
    server.prepare("setup_partnership", PARTNERSHIP)
    # The site's address is Varnish's, as a public site's is its front cache's.
    server.shell(
        "from wagtail.models import Site; "
        f"Site.objects.update(hostname='127.0.0.1', port={varnish.port})"
    )
    server.shell(
        "from home.models import HomePage; from tests.home.factories import make_standard_page; "
        "make_standard_page(HomePage.objects.get(), 'about', title='About us', show_in_menus=True)"
    )
    server.start()
    varnish.start()
    yield server, varnish
    varnish.stop()
    server.stop()


def test_varnish_keeps_public_pages(front):
    _server, varnish = front
    for path in ("/", "/about/", "/sitemap.xml", "/events/calendar.ics", "/search/"):
        hit, status, _body = kept(varnish, path)
        assert status == 200 and hit, path


def test_a_publish_shows_through_varnish_at_once(front):
    server, varnish = front
    paths = ("/", "/about/", "/sitemap.xml", "/search/?type=pages")
    for path in paths:
        assert kept(varnish, path)[0], path
    server.shell(
        "from home.models import StandardPage; page = StandardPage.objects.get(slug='about'); "
        "page.title = 'About the partnership'; page.save_revision().publish()"
    )
    for path in paths:
        status, headers, _body = fetch(varnish, path)
        assert status == 200 and headers["X-Cache"] == "miss", path
    assert "About the partnership" in fetch(varnish, "/about/")[2]
    assert "About the partnership" in fetch(varnish, "/")[2]


def test_a_page_behind_a_password_is_never_kept(front):
    server, varnish = front
    server.shell(
        "from home.models import HomePage; from tests.home.factories import make_standard_page; "
        "from wagtail.models import PageViewRestriction; "
        "page = make_standard_page(HomePage.objects.get(), 'staff', title='Staff only'); "
        "PageViewRestriction.objects.create(page=page, restriction_type='password', "
        "password='letmein')"
    )
    hit, status, body = kept(varnish, "/staff/")
    assert status == 200 and not hit
    assert "password" in body.lower()
    assert "Staff only" not in body.split("<main", 1)[1]


def test_someone_signed_in_always_reaches_the_site_and_other_cookies_do_not(front):
    _server, varnish = front
    assert not kept(varnish, "/about/", {"Cookie": "sessionid=abc123"})[0]
    assert kept(varnish, "/about/", {"Cookie": "analytics=1; theme=dark"})[0]


def test_an_expired_page_is_not_served_by_varnish_before_cron_runs(front):
    server, varnish = front
    server.shell(
        "from datetime import timedelta; from django.utils import timezone; "
        "from home.models import HomePage; from tests.home.factories import make_standard_page; "
        "make_standard_page(HomePage.objects.get(), 'winter-appeal', title='Winter appeal', "
        "expire_at=timezone.now() + timedelta(seconds=4))"
    )
    status, headers, body = fetch(varnish, "/winter-appeal/")
    assert status == 200 and "Winter appeal" in body
    assert int(headers["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 4
    time.sleep(5)
    assert fetch(varnish, "/winter-appeal/")[0] == 404


@pytest.mark.django_db
def test_caches_purged_address_by_address_get_every_page(home_page):
    """Cloudflare and CloudFront cannot drop a whole site with one address, as Varnish does."""
    from home.front_cache import every_address

    make_standard_page(home_page, "about")
    taken_down = make_standard_page(home_page, "taken-down")
    taken_down.unpublish()
    root = Site.objects.get().root_url
    # Most of all the page just taken down, which the cache may still hold.
    assert every_address(Site.objects.all()) >= {
        f"{root}/",
        f"{root}/about/",
        f"{root}/taken-down/",
        f"{root}/sitemap.xml",
    }


@pytest.mark.django_db
def test_a_front_cache_that_cannot_be_reached_stops_no_save(home_page, settings, caplog):
    from home.front_cache import purge_everything

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{unused.getsockname()[1]}"
    settings.WAGTAILFRONTENDCACHE = {
        "down": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": nowhere,
        },
        "broken": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend"},
    }
    purge_everything()  # a missing setting for Cloudflare raises inside Wagtail: logged
    assert "could not be purged" in caplog.text
    assert socket.getdefaulttimeout() is None


class PurgesHeard:
    """A plain HTTP server on loopback, standing where Varnish would, that notes each PURGE."""

    def __init__(self):
        import http.server
        import threading

        heard = self.heard = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):  # the method's name is the HTTP verb's
                heard.append((self.headers["Host"], self.path))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def purges(settings):
    listener = PurgesHeard()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": listener.url,
        }
    }
    yield listener.heard
    listener.close()


@pytest.mark.django_db
def test_one_purge_a_transaction_and_none_for_one_rolled_back(
    home_page, purges, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        page = make_standard_page(home_page, "about", title="About us")
    purges.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        page.title = "Never saved"
        page.save_revision().publish()
        raise RuntimeError("The editor's save failed")
    assert purges == []
    page.refresh_from_db()
    # The next change, in a transaction of its own, purges once, however much it saves.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        page.title = "About the partnership"
        page.save_revision().publish()
        make_standard_page(home_page, "contact")
    site = Site.objects.get()
    assert purges == [(site.root_url.split("://")[1], "/")]


def test_pages_asked_for_over_http_and_over_https_are_kept_apart(front):
    """Behind a proxy that says which the visitor used: production's redirect to HTTPS, kept for
    one, must never be sent to the other."""
    _server, varnish = front
    assert kept(varnish, "/about/", {"X-Forwarded-Proto": "https"})[0]
    assert fetch(varnish, "/about/", {"X-Forwarded-Proto": "http"})[1]["X-Cache"] == "miss"
    # And one host, however it is typed (the site's purges name it in small letters).
    assert kept(varnish, "/about/", {"Host": f"localhost:{varnish.port}"})[0]
    typed = fetch(varnish, "/about/", {"Host": f"LocalHost:{varnish.port}"})
    assert typed[1]["X-Cache"] == "hit"

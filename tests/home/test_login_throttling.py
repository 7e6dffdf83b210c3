"""Login throttling (django-axes): wrong admin passwords and page passwords lock out, for a while,
the one username or page from the one client address; superusers unlock them early."""

import json
import subprocess

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from config import env
from tests.factories import DocumentFactory, team_member
from tests.home.factories import make_standard_page
from tests.tools import VNU_JAR, java_path, skip_without

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LIMIT = 5


def sign_in(client, username, password, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def fail(client, times, username="officer", **extra):
    return [sign_in(client, username, "wrong-guess", **extra) for _ in range(times)]


def assert_locked_out(response, words="signing in with that username", public=False):
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many wrong passwords" in html
    assert words in html
    assert "locked for 15 minutes" in html or "not accepted for 15 minutes" in html
    assert "Wait 15 minutes, then try again" in html
    assert "site administrator" in html
    assert response["Retry-After"] == "900"
    assert "no-store" in response["Cache-Control"]
    if public:
        # Unlike the admin's login page, public pages set no cookies, and neither does this one.
        assert not response.cookies


@pytest.fixture
def team(db):
    """The people whose logins are guessed at, and a superuser to unlock them."""
    return {name: team_member(name) for name in ("admin", "comms", "officer", "parish")}


def superuser_client():
    admin = Client()
    admin.force_login(team_member("admin"))
    return admin


def test_five_wrong_passwords_lock_out_even_the_right_one(client, team):
    first = fail(client, LIMIT - 1)
    assert [r.status_code for r in first] == [200] * (LIMIT - 1)
    assert "Your username and password didn" in first[-1].content.decode()
    assert_locked_out(fail(client, 1)[0])
    assert_locked_out(sign_in(client, "officer", "changeme"))
    assert "_auth_user_id" not in client.session


def test_the_right_password_before_the_limit_signs_in_and_starts_the_count_again(client, team):
    fail(client, LIMIT - 1)
    assert sign_in(client, "officer", "changeme").status_code == 302
    client.logout()
    assert not AccessAttempt.objects.filter(username="officer").exists()
    assert [r.status_code for r in fail(client, LIMIT - 1)] == [200] * (LIMIT - 1)


def test_a_lock_out_is_for_one_username_from_one_address(client, team):
    fail(client, LIMIT)
    assert_locked_out(sign_in(client, "officer", "changeme"))
    # The editor at their own desk is not shut out by someone guessing elsewhere...
    elsewhere = Client(REMOTE_ADDR="192.0.2.50")
    assert sign_in(elsewhere, "officer", "changeme").status_code == 302
    # ...and a colleague behind the same address is not shut out by the guesses either.
    assert sign_in(Client(), "comms", "changeme").status_code == 302


def test_a_superuser_unlocks_through_the_admin(client, team):
    fail(client, LIMIT)
    admin = superuser_client()
    listing = admin.get(reverse("home_lockouts"))
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Signing in as" in html and ">officer</a>" in html
    assert "127.0.0.1" in html and "Locked until" in html
    assert reverse("home_lockouts") in admin.get("/admin/").content.decode()

    unlocked = admin.post(
        reverse("home_lockouts_unlock"),
        {"username": "officer", "ip_address": "127.0.0.1"},
        follow=True,
    )
    assert "Unlocked." in unlocked.content.decode()
    assert "Nobody is locked out" in unlocked.content.decode()
    assert sign_in(client, "officer", "changeme").status_code == 302


def test_only_superusers_see_or_use_the_unlock_view(client, team):
    fail(client, LIMIT)
    comms = Client()
    assert comms.login(username="comms", password="changeme")
    assert reverse("home_lockouts") not in comms.get("/admin/").content.decode()
    assert comms.get(reverse("home_lockouts")).url == reverse("wagtailadmin_home")
    refused = comms.post(
        reverse("home_lockouts_unlock"), {"username": "officer", "ip_address": "127.0.0.1"}
    )
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert AccessAttempt.objects.filter(username="officer").exists()
    assert_locked_out(sign_in(client, "officer", "changeme"))
    # Anyone not signed in is sent to the login page, and unlocks nothing either.
    anonymous = Client().post(reverse("home_lockouts_unlock"), {"username": "officer"})
    assert anonymous.status_code == 302 and anonymous.url.startswith(LOGIN)
    assert AccessAttempt.objects.filter(username="officer").exists()


def test_the_unlock_view_needs_a_post_and_will_not_clear_everyone(client, team):
    fail(client, LIMIT)
    admin = superuser_client()
    assert admin.get(reverse("home_lockouts_unlock")).status_code == 405
    response = admin.post(reverse("home_lockouts_unlock"), {}, follow=True)
    assert "Choose a lock-out to unlock." in response.content.decode()
    response = admin.post(
        reverse("home_lockouts_unlock"),
        {"username": "officer", "ip_address": "nonsense"},
        follow=True,
    )
    assert "That is not a client address." in response.content.decode()
    assert AccessAttempt.objects.filter(username="officer").exists()


def test_no_password_is_kept_in_the_records(client, team):
    fail(client, 2)
    attempt = AccessAttempt.objects.get(username="officer")
    assert attempt.failures_since_start == 2
    assert "wrong-guess" not in attempt.post_data


@pytest.fixture
def private_page(home_page):
    page = make_standard_page(home_page, "about")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    return page, restriction


def try_page_password(client, private_page, password, **extra):
    page, restriction = private_page
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return client.post(url, {"password": password, "return_url": page.url}, **extra)


def test_the_page_password_form_posts_to_the_throttled_view(client, private_page):
    page, restriction = private_page
    form = client.get(page.url).content.decode()
    assert f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/" in form
    response = try_page_password(client, private_page, "open-sesame")
    assert response.status_code == 302 and response.url == page.url
    assert client.get(page.url).status_code == 200


def test_wrong_page_passwords_lock_out_the_page(client, private_page):
    _page, restriction = private_page
    wrong = [try_page_password(client, private_page, "guess") for _ in range(LIMIT - 1)]
    assert [r.status_code for r in wrong] == [200] * (LIMIT - 1)
    assert "not correct" in wrong[-1].content.decode()
    locked = try_page_password(client, private_page, "guess")
    assert_locked_out(locked, "The password for this page was wrong 5 times", public=True)
    right = try_page_password(client, private_page, "open-sesame")
    assert_locked_out(right, "The password for this page", public=True)
    assert "open-sesame" not in locked.content.decode()
    # Still not let in, and the records name the restriction, not a user.
    assert "wagtail-passed-view-restrictions" not in client.session
    attempt = AccessAttempt.objects.get()
    assert attempt.username == f"page-password:{restriction.pk}"
    assert attempt.failures_since_start == LIMIT + 1
    # Someone else, from another address, can still open the page.
    elsewhere = Client(REMOTE_ADDR="192.0.2.60")
    assert try_page_password(elsewhere, private_page, "open-sesame").status_code == 302


def test_page_passwords_are_counted_per_restriction_whatever_page_is_named(client, private_page):
    page, restriction = private_page
    other = make_standard_page(page.get_parent().specific, "contact")
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, other.pk])
    for _ in range(LIMIT):
        client.post(url, {"password": "guess", "return_url": "/"})
    assert_locked_out(try_page_password(client, private_page, "open-sesame"), "this page")


def test_a_superuser_unlocks_a_page_password(client, private_page):
    page, restriction = private_page
    for _ in range(LIMIT):
        try_page_password(client, private_page, "guess")
    admin = superuser_client()
    html = admin.get(reverse("home_lockouts")).content.decode()
    assert "Password for the page" in html and page.title in html
    admin.post(
        reverse("home_lockouts_unlock"),
        {"username": f"page-password:{restriction.pk}", "ip_address": "127.0.0.1"},
    )
    assert try_page_password(client, private_page, "open-sesame").status_code == 302


def test_the_front_end_login_for_private_pages_is_throttled_too(client, team):
    login = reverse("wagtailcore_login")
    for _ in range(LIMIT - 1):
        assert client.post(login, {"username": "parish", "password": "guess"}).status_code == 200
    assert_locked_out(client.post(login, {"username": "parish", "password": "guess"}))
    assert_locked_out(client.post(login, {"username": "parish", "password": "changeme"}))


def test_wrong_document_passwords_lock_out_too(client, db):
    document = DocumentFactory()
    restriction = CollectionViewRestriction.objects.create(
        collection=document.collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="minutes",
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    responses = [
        client.post(url, {"password": "guess", "return_url": document.url}) for _ in range(LIMIT)
    ]
    assert [r.status_code for r in responses[:-1]] == [200] * (LIMIT - 1)
    assert_locked_out(responses[-1], "The password for this document was wrong 5 times", True)
    right = client.post(url, {"password": "minutes", "return_url": document.url})
    assert_locked_out(right, "The password for this document", public=True)


def test_behind_one_proxy_the_client_address_comes_from_x_forwarded_for(client, team, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    # The left of the header is whatever the client sent; our proxy added the right-most entry.
    for spoofed in ["203.0.113.1", "203.0.113.2", "1.1.1.1, 8.8.8.8", "", "garbage"]:
        forwarded = f"{spoofed}, 198.51.100.9" if spoofed else "198.51.100.9"
        sign_in(client, "officer", "wrong-guess", HTTP_X_FORWARDED_FOR=forwarded, **proxy)
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == "198.51.100.9"
    assert attempt.failures_since_start == LIMIT
    locked = sign_in(
        client, "officer", "changeme", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.9", **proxy
    )
    assert_locked_out(locked)
    # Another client reaching the site through the same proxy is not locked out.
    other = sign_in(Client(), "officer", "changeme", HTTP_X_FORWARDED_FOR="198.51.100.10", **proxy)
    assert other.status_code == 302


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(client, team, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    fail(client, 1, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9, 10.0.0.2", REMOTE_ADDR="10.0.0.1")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.9"


def test_without_a_proxy_x_forwarded_for_is_ignored(client, team, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(LIMIT):
        fail(client, 1, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}", REMOTE_ADDR="192.0.2.99")
    assert AccessAttempt.objects.get().ip_address == "192.0.2.99"
    assert_locked_out(sign_in(client, "officer", "changeme", REMOTE_ADDR="192.0.2.99"))


def test_a_request_that_bypassed_the_proxies_is_judged_by_its_own_address(client, team, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    fail(client, 1, HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="192.0.2.98")
    assert AccessAttempt.objects.get().ip_address == "192.0.2.98"


@pytest.mark.parametrize(
    ("value", "expected"), [(None, 0), ("", 0), ("0", 0), ("1", 1), (" 2 ", 2)]
)
def test_the_number_of_trusted_proxies_comes_from_the_environment(value, expected):
    environ = {} if value is None else {"TRUSTED_PROXY_COUNT": value}
    assert env.trusted_proxy_count(environ) == expected


@pytest.mark.parametrize("value", ["-1", "one", "1.5", "²"])
def test_a_wrong_number_of_trusted_proxies_is_refused(value):
    with pytest.raises(ValueError, match="TRUSTED_PROXY_COUNT"):
        env.trusted_proxy_count({"TRUSTED_PROXY_COUNT": value})


@pytest.mark.parametrize("url", ["/", "/about/", "/no-such-page/"])
def test_public_pages_set_no_cookies_with_throttling_on(client, home_page, url):
    make_standard_page(home_page, "about")
    response = client.get(url)
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_throttling_is_on_in_the_tests(settings):
    assert settings.AXES_ENABLED
    assert settings.AUTHENTICATION_BACKENDS[0] == "home.lockouts.AxesBackend"


def test_code_on_the_server_can_still_check_a_password_without_a_request(team):
    # Django's test client's login(), a shell or a command has no request: nothing to throttle.
    assert authenticate(username="officer", password="changeme").username == "officer"
    assert authenticate(username="officer", password="wrong-guess") is None


def test_the_lock_out_page_is_valid_html(client, private_page, tmp_path):
    skip_without(
        java_path(), "Java is not installed: the Nu HTML Checker needs it (.ci/run installs it)"
    )
    files = []
    for _ in range(LIMIT):
        page = try_page_password(client, private_page, "guess")
    signin = fail(Client(), LIMIT)[-1]
    for name, response in [("page", page), ("signin", signin)]:
        assert response.status_code == 429
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(str(file))
    result = subprocess.run(
        [java_path(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(result.stderr)["messages"] == []

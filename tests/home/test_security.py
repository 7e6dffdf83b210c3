"""Security from day one: headers, the content security policy, no cookies, deploy checks."""

import base64
import hashlib
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from home.ensure import ensure_pdf
from tests.factories import ImageFactory
from tests.home.factories import make_standard_page, rich_body

BASE_DIR = Path(__file__).resolve().parents[2]
PUBLIC_URLS = ["/", "/about/", "/support-after-abuse/", "/search/?q=abuse", "/no-such-page/"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_pages(home_page):
    """Pages with a block of most kinds, a picture and a document: what the headers cover."""
    plan = ensure_pdf("Plan on a page 2021 to 2022", ["Three priorities"])
    about = make_standard_page(home_page, "about", body=rich_body(ImageFactory(), plan))
    make_standard_page(
        home_page,
        "support-after-abuse",
        title="Support after abuse",
        show_quick_exit=True,
        body=rich_body(ImageFactory(), plan, page=about),
    )
    return plan


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_security_headers(client, public_pages, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_content_security_policy_allows_no_inline_code(client, public_pages, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    # The one inline script is allowed by the hash of its text, and by nothing else: no nonce,
    # and no other inline script.
    content = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", content, re.S)
    assert len(inline_scripts) == 1 and inline_scripts[0][0] == ""
    digest = hashlib.sha256(inline_scripts[0][1].encode()).digest()
    assert directives["script-src"] == f"'self' 'sha256-{base64.b64encode(digest).decode()}'"
    assert " style=" not in content


def test_every_visitor_gets_the_same_page_so_it_can_be_cached_whole(public_pages):
    from django.test import Client

    for url in ("/", "/about/", "/support-after-abuse/"):
        first, second = Client().get(url), Client().get(url)
        assert first.content == second.content, url
        assert first["Content-Security-Policy"] == second["Content-Security-Policy"], url


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_set_no_cookies(client, public_pages, url):
    response = client.get(url)
    assert not response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("url", ["/", "/about/", "/support-after-abuse/"])
def test_public_pages_make_no_third_party_requests(client, public_pages, url):
    content = client.get(url).content.decode()
    loaded = re.findall(
        r'<(?:script|link|img|iframe|source)[^>]+(?:src|href|srcset)="([^"]+)"', content
    )
    assert loaded, "expected the page to load its own assets"
    for address in loaded:
        # Only the canonical link names a host, and it is this site's own.
        assert not address.startswith(("http://", "https://", "//")) or address.startswith(
            "http://testserver/"
        ), address


def test_the_admin_still_works_under_its_own_policy(admin_client, db):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_documents_are_served_through_wagtail_as_downloads(client, public_pages):
    document = public_pages
    response = client.get(document.url)
    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # Wagtail shows PDFs in the browser (WAGTAILDOCS_INLINE_CONTENT_TYPES) and downloads the rest.
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("name", ["attack.html", "script.js", "page.svg", "run.exe"])
def test_risky_document_types_cannot_be_uploaded(db, name):
    Form = get_document_form(get_document_model())
    form = Form(
        data={"title": "Upload", "collection": 1},
        files={"file": SimpleUploadedFile(name, b"<script>alert(1)</script>")},
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_a_pdf_may_be_uploaded(db):
    Form = get_document_form(get_document_model())
    form = Form(
        data={"title": "Minutes", "collection": 1},
        files={"file": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes")},
    )
    assert form.is_valid(), form.errors


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="safer.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_missing_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_turns_on_https_only_settings():
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "k" * 60,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["31536000", "True", "True", "False"], result.stderr


def test_documents_cannot_be_fetched_around_the_serve_view(client, public_pages):
    document = public_pages
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 200


def test_images_are_served_in_development_and_tests(client, db):
    image = ImageFactory()
    assert client.get(f"/media/{image.file.name}").status_code == 200

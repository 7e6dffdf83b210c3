"""Every page type is valid HTML, by the Nu HTML Checker (the W3C's validator) run locally."""

import json
import subprocess
from datetime import date

import pytest
from wagtail.models import Page

from plans.models import YouSaidWeDid
from tests.every_kind import every_kind
from tests.tools import VNU_JAR, java_path, skip_without


def pages(site):
    """Every published page, of every type, and the other views residents see."""
    entry = YouSaidWeDid.objects.published().first()
    return [
        *(page.url for page in Page.objects.live().filter(depth__gt=1).order_by("path")),
        "/search/?q=partnership",
        "/search/?q=xylophone",
        "/nope/",
        f"/events/{date.today():%Y/%m}/",
        f"{site.areas[0].url}embed/",
        f"/you-said-we-did/{entry.pk}/",
        "/report/domestic-abuse/",
    ]


@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, home_page, tmp_path):
    skip_without(
        java_path(), "Java is not installed: the Nu HTML Checker needs it (.ci/run installs it)"
    )
    urls = pages(every_kind(home_page))
    files = []
    for number, url in enumerate(urls):
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(client.get(url).content)
        files.append(str(file))
    result = subprocess.run(
        [java_path(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{urls[files.index(m['url'].removeprefix('file:'))]}: {m['message']} ({m.get('extract', '')!r})"
        for m in messages
    ]
    assert errors == []

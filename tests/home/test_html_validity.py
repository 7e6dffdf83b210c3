"""Every page type is valid HTML, by the Nu HTML Checker (the W3C's validator) run locally."""

import json
import subprocess
from datetime import date

import pytest

from tests.tools import VNU_JAR, java_path, skip_without

PAGES = [
    "/",
    "/about/",
    "/support-after-abuse/",
    "/search/?q=partnership",
    "/search/?q=xylophone",
    "/nope/",
    "/plans/",
    "/plans/2026-2027/",
    "/plans/2026-2027/people/",
    "/plans/2017-2018/violence/",
    "/campaigns/",
    "/campaigns/hate-crime-awareness-week/",
    "/campaigns/white-ribbon-day/",
    "/report/",
    "/report/domestic-abuse/",
    "/using-this-site-safely/",
    "/events/",
    f"/events/{date.today():%Y/%m}/",
    "/events/lutterworth-beat-surgery/",
    "/events/kibworth-beat-surgery/",
    "/areas/",
    "/areas/lutterworth/",
    "/areas/lutterworth/embed/",
    "/you-said-we-did/",
    "/you-said-we-did/1/",
    "/news/",
    "/news/closure-order-lutterworth/",
]


@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, demo, tmp_path):
    skip_without(
        java_path(), "Java is not installed: the Nu HTML Checker needs it (.ci/run installs it)"
    )
    files = []
    for number, url in enumerate(PAGES):
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
        f"{PAGES[files.index(m['url'].removeprefix('file:'))]}: {m['message']} ({m.get('extract', '')!r})"
        for m in messages
    ]
    assert errors == []

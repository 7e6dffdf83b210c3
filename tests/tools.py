"""Outside programs some tests need, and what to do where a machine lacks them.

A newcomer's machine may have no Chromium or Java: those tests are skipped there, and say why.
CI sets REQUIRE_TOOLS=1, which turns such a skip into a failure, so nothing is skipped in CI.
"""

import os
import shutil

import pytest

from tests.server import BASE_DIR

VNU_JAR = BASE_DIR / "site" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def chromium_path():
    """Debian's Chromium (never a browser a tool downloads): CHROMIUM_PATH, or on the PATH."""
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


def java_path():
    return shutil.which("java")


def skip_without(tool, reason):
    """Skip the calling test unless `tool` is found; in CI, fail instead."""
    if tool:
        return
    if os.environ.get("REQUIRE_TOOLS"):
        pytest.fail(f"{reason} (REQUIRE_TOOLS is set, so this may not be skipped)")
    pytest.skip(reason)


def refused(response):
    """Whether Wagtail's admin refused a request: it answers a PermissionDenied by sending the
    user to the dashboard with a message, or with a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )

import pytest

from tests.server import BASE_DIR, DemoServer
from tests.tools import chromium_path, skip_without

AXE_SCRIPT = BASE_DIR / "site" / "node_modules" / "axe-core" / "axe.min.js"


def serving(folder, *setup, then=None):
    """For a fixture to `yield from`: a server on a database made by `setup` (the demo unless
    given), with the `manage.py shell` code `then` run on it before it starts; stopped after."""
    server = DemoServer(folder).prepare(*setup)
    if then:
        server.shell(then)
    server.start()
    yield server
    server.stop()


def assert_there_and_accessible(page_visit, says):
    """The page answered, says `says` in its main content, logged no errors and passes axe."""
    assert page_visit.response.status == 200
    assert says in page_visit.page.inner_text("main")
    assert page_visit.problems == []
    assert page_visit.axe() == []


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    yield from serving(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def browser():
    skip_without(
        chromium_path(), "Chromium is not installed (apt-get install chromium); .ci/run installs it"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class PageVisit:
    """A page opened in the browser, with everything that went wrong while it loaded."""

    def __init__(self, browser, url, viewport):
        self.url = url
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.problems = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on(
            "requestfailed", lambda request: self.problems.append(f"request failed: {request.url}")
        )
        self.page.on("response", self._response)
        self.response = self.page.goto(url, wait_until="networkidle")

    def _console(self, message):
        # The page's own status is the test's to check (a 404 page is meant to be a 404).
        if message.location.get("url") == self.url and message.text.startswith(
            "Failed to load resource"
        ):
            return
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.problems.append(f"{response.status} for {response.url}")

    def axe(self):
        """Run axe-core against WCAG 2.0, 2.1 and 2.2 A and AA and its own best practices (such
        as all content in landmarks); return its violations."""
        self.page.evaluate(AXE_SCRIPT.read_text())
        result = self.page.evaluate(
            """() => axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                resultTypes: ['violations'],
            })"""
        )
        return [
            f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            for violation in result["violations"]
        ]

    def close(self):
        self.context.close()


def visits_to(browser, server):
    """For a fixture to `yield from`: open_page(path, viewport=None) -> PageVisit on `server`;
    every page it opened is closed afterwards."""
    visits = []

    def open_page(path, viewport=None):
        page_visit = PageVisit(
            browser, server.url + path, viewport or {"width": 1280, "height": 900}
        )
        visits.append(page_visit)
        return page_visit

    yield open_page
    for page_visit in visits:
        page_visit.close()


@pytest.fixture
def visit(browser, site_server):
    yield from visits_to(browser, site_server)

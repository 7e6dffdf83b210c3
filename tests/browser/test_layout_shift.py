"""No layout shift: nothing on a page moves once it has been drawn (Core Web Vitals' cumulative
layout shift under 0.1, as Lighthouse measures it on a phone).

Each page is opened on a phone-sized screen, as Lighthouse's mobile run opens it, with its
scripts held back half a second, so that the page is drawn before any script has run, as on a slow
phone on a slow network (here, on a fast machine, a script would otherwise run before the first
drawing, and a shift it causes would be hidden). The shifts are the browser's own layout-shift
entries, all of them added up: never less than Lighthouse's figure, which counts the worst burst
of them only."""

import time

import pytest

from tests.browser.test_accessibility import PAGES

pytestmark = pytest.mark.browser

PHONE = {"width": 412, "height": 823}
SCRIPT_DELAY_SECONDS = 0.5
WATCH_SHIFTS = """
window.layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.layoutShifts.push({
      value: entry.value,
      moved: entry.sources.map((source) => source.node
        ? `${source.node.nodeName.toLowerCase()}.${String(source.node.className).split(' ').join('.')}`
        : '(gone)'),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""


# The page's script has started the menu (the embeddable page has none).
STARTED = """() => {
  const menu = document.querySelector('[data-module="govuk-service-navigation"]');
  return !menu || menu.hasAttribute('data-govuk-service-navigation-init');
}"""


def held_back(route):
    time.sleep(SCRIPT_DELAY_SECONDS)
    route.continue_()


def layout_shifts(browser, url):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=1.75, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        # The scripts each page links (their shared chunks, which they import, come at once).
        page.route("**/static/js/*.js", held_back)
        page.add_init_script(WATCH_SHIFTS)
        page.goto(url, wait_until="load")
        # The page's script has run; then a moment for any shift it caused to be recorded.
        page.wait_for_function(STARTED)
        page.wait_for_timeout(200)
        return page.evaluate("window.layoutShifts")
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_nothing_moves_once_drawn(browser, site_server, path):
    shifts = layout_shifts(browser, site_server.url + path)
    total = sum(shift["value"] for shift in shifts)
    assert total < 0.1, shifts

"""Someone at risk leaves the page in one move: the button, or Shift pressed three times."""

import pytest

pytestmark = pytest.mark.browser

WEATHER = "https://www.bbc.co.uk/weather"


def stand_in_for_the_weather_site(page):
    """This machine reaches no other website, so the browser is answered for the weather site."""
    page.route(
        WEATHER + "**",
        lambda route: route.fulfill(
            status=200, body="<title>Weather</title>", content_type="text/html"
        ),
    )


def test_the_button_leaves_the_page(visit):
    opened = visit("/report/domestic-abuse/")
    stand_in_for_the_weather_site(opened.page)
    opened.page.get_by_role("button", name="Emergency Exit this page").click()
    opened.page.wait_for_url(WEATHER + "**", timeout=10_000)
    assert opened.page.url.startswith(WEATHER)


def test_shift_three_times_leaves_the_page(visit):
    opened = visit("/support-after-abuse/")
    stand_in_for_the_weather_site(opened.page)
    opened.page.locator("h1").click()  # the page has focus, as when someone is reading it
    for _ in range(3):
        opened.page.keyboard.press("Shift")
    opened.page.wait_for_url(WEATHER + "**", timeout=10_000)
    assert opened.page.url.startswith(WEATHER)


def test_the_button_also_answers_the_space_bar(visit):
    opened = visit("/using-this-site-safely/")
    stand_in_for_the_weather_site(opened.page)
    opened.page.get_by_role("button", name="Emergency Exit this page").focus()
    opened.page.keyboard.press("Space")
    opened.page.wait_for_url(WEATHER + "**", timeout=10_000)
    assert opened.page.url.startswith(WEATHER)


def test_no_quick_exit_on_an_ordinary_page(visit):
    opened = visit("/report/anti-social-behaviour/")
    assert opened.page.locator(".govuk-exit-this-page").count() == 0

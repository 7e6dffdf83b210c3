"""Officers editing in the admin, in a real browser against the real demo server.

Saving a new snippet or page straight after typing must make one record, whatever Wagtail's
autosave is doing in the background; an alert banner can be scheduled from its editor.
"""

import json
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest


def server_shell(server, code):
    """What Python run against the server's own database printed last, read as JSON."""
    return json.loads(server.shell(code).splitlines()[-1])


@pytest.fixture
def sign_in(browser, site_server):
    contexts = []

    def open_admin(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        # Wagtail notes the form's starting state two seconds after it loads, and only then looks
        # for edits to autosave: the test marks that moment to begin typing at once.
        context.add_init_script(
            "document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })"
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(site_server.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", "changeme")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    yield open_admin
    for context in contexts:
        context.close()


def is_autosave(request):
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def start_typing(page):
    page.wait_for_function("window.watchingEdits === true")


SLOW_AUTOSAVE_ANSWERS = """() => {
    const fetchNow = window.fetch;
    window.fetch = async (url, options = {}) => {
        const response = await fetchNow(url, options);
        const accept = new Headers(options.headers || {}).get("Accept") || "";
        if ((options.method || "").toUpperCase() === "POST" && accept.includes("json")) {
            await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        return response;
    };
}"""


def type_and_save(page, typing, wait_for_autosave, label="Save"):
    """Type, then press Save: at once, or the moment the autosave's request goes to the server
    (Wagtail sends it about half a second after the last keystroke)."""
    start_typing(page)
    if wait_for_autosave:
        # The autosave's answer takes a second and a half to come back, as on a slow council
        # network: the server has made the record, the page does not know it yet.
        page.evaluate(SLOW_AUTOSAVE_ANSWERS)
        with page.expect_request(is_autosave):
            typing()
    else:
        typing()
    page.get_by_role("button", name=label, exact=True).last.click()
    # The page the Save leads to, with its message (or the form again, with an error).
    page.locator(".messages .success, .messages .error").first.wait_for()
    # Whatever the browser might still send in the background has time to reach the server.
    page.wait_for_timeout(1000)


@pytest.fixture(scope="module")
def demo_ids(site_server):
    return server_shell(
        site_server,
        "import json; from news.models import UpdateIndexPage; from plans.models import "
        "PriorityPage; print(json.dumps({'priority': PriorityPage.objects.order_by('pk')"
        ".first().pk, 'news': UpdateIndexPage.objects.get().pk}))",
    )


def count_and_delete(server, model, **where):
    """How many records match, and then none: the shared demo server is left as it was."""
    app, name = model.split(".")
    return server_shell(
        server,
        f"import json; from {app}.models import {name}; found = {name}.objects.filter(**{where!r}); "
        "count = found.count(); [item.delete() for item in found]; print(json.dumps(count))",
    )


def assert_saved_without_error(page):
    assert page.locator(".messages .success").count() == 1
    assert page.locator(".messages .error").count() == 0


def test_a_new_action_is_saved_once_and_only_when_save_is_pressed(sign_in, site_server, demo_ids):
    """An action has no drafts: saved, it is public. So its editor does not autosave: nothing is
    saved while the officer types, however long they pause, and Save makes one record."""
    description = f"Test action {uuid.uuid4().hex[:8]}"
    page = sign_in("officer")
    autosaves = []
    page.on("request", lambda request: autosaves.append(request) if is_autosave(request) else None)
    page.goto(site_server.url + "/admin/snippets/plans/action/add/")
    # A new action opens on its own fields, with the priority chosen from a list.
    assert page.get_by_role("tab", name="Action").get_attribute("aria-selected") == "true"
    page.select_option("#id_priority", str(demo_ids["priority"]))
    start_typing(page)
    page.locator("#id_description").press_sequentially(description, delay=10)
    # Longer than Wagtail's autosave would wait after the last keystroke.
    page.wait_for_timeout(2500)
    assert autosaves == []
    assert count_and_delete(site_server, "plans.Action", description=description) == 0
    page.locator("#id_description").press_sequentially(" again", delay=10)
    page.get_by_role("button", name="Save", exact=True).last.click()
    page.locator(".messages .success, .messages .error").first.wait_for()
    page.wait_for_timeout(1000)

    assert_saved_without_error(page)
    assert autosaves == []
    assert count_and_delete(site_server, "plans.Action", description=f"{description} again") == 1


def test_a_new_news_page_saved_during_its_autosave_is_made_once(sign_in, site_server, demo_ids):
    title = f"Test news {uuid.uuid4().hex[:8]}"
    page = sign_in("officer")
    page.goto(site_server.url + f"/admin/pages/add/news/updatepage/{demo_ids['news']}/")

    def typing():
        page.locator("#id_title").press_sequentially(title, delay=10)
        page.locator("#id_summary").press_sequentially("Quick news.", delay=10)

    type_and_save(page, typing, wait_for_autosave=True, label="Save draft")

    assert_saved_without_error(page)
    assert count_and_delete(site_server, "news.UpdatePage", title=title) == 1


def london(moment):
    """How an officer types a time into the admin (WAGTAIL_DATETIME_FORMAT, London time)."""
    return moment.astimezone(ZoneInfo("Europe/London")).strftime("%d/%m/%Y %H:%M")


def banner_state(server, title, then=""):
    """Run `then` (Python, with `banner`) against the server's database; the banner's state."""
    return server_shell(
        server,
        "import json; from datetime import timedelta; from django.utils import timezone; "
        "from home.models import AlertBanner; "
        f"banner = AlertBanner.objects.filter(title={title!r}).first(); "
        f"{then or 'pass'}; "
        "banner = banner and AlertBanner.objects.filter(pk=banner.pk).first(); "
        "print(json.dumps(banner and {'live': banner.live, 'expired': banner.expired, "
        "'scheduled': bool(banner.scheduled_revision), 'count': AlertBanner.objects.filter("
        f"title={title!r}).count()}}))",
    )


def shows_on_home_page(browser, server, title):
    """Whether a new visitor sees the banner. (A visitor who came in the last minute may be
    shown the page their browser kept: public pages say max-age=60.)"""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url + "/")
        return page.get_by_text(title).count() > 0
    finally:
        context.close()


def test_the_comms_team_schedules_a_banner_and_it_goes_up_and_down_on_time(sign_in, site_server):
    schedule_a_banner_and_watch_it(sign_in("comms"), site_server)


def schedule_a_banner_and_watch_it(page, site_server):
    """In the admin `page` (signed in as the comms team): a banner for a future window, which
    goes up, then down, on time. The server is left as it was."""
    public = page.context.browser
    title = f"Test banner {uuid.uuid4().hex[:8]}"
    try:
        page.goto(site_server.url + "/admin/snippets/home/alertbanner/add/")
        page.fill("#id_title", title)
        page.locator("[contenteditable=true]").first.click()
        page.keyboard.type("The A6 is closed at Kibworth for resurfacing.")

        # The status side panel's schedule: go-live in ten minutes, expiry a day later.
        now = datetime.now(ZoneInfo("Europe/London"))
        page.get_by_role("button", name="Toggle status").click()
        page.get_by_role("button", name="Set schedule").click()
        page.fill("#id_go_live_at", london(now + timedelta(minutes=10)))
        page.fill("#id_expire_at", london(now + timedelta(days=1)))
        # The date picker that opened for the expiry can cover the dialog's button (it does on
        # some days, as the month lays out): save from the keyboard, as a keyboard user would.
        page.get_by_role("button", name="Save schedule").focus()
        page.keyboard.press("Enter")
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish").click()
        page.locator(".messages .success, .messages .error").first.wait_for()
        assert page.locator(".messages .error").count() == 0, page.locator(".messages").inner_text()

        # Published for later: scheduled, not live, and not on the site yet.
        state = banner_state(site_server, title)
        assert state == {"live": False, "expired": False, "scheduled": True, "count": 1}
        assert not shows_on_home_page(public, site_server, title)

        # The go-live time arrives (as tests/campaigns/test_scheduling.py pretends it does),
        # and the cron job's publish_scheduled puts the banner up.
        banner_state(
            site_server,
            title,
            then="revision = banner.scheduled_revision; "
            "past = timezone.now() - timedelta(seconds=1); "
            "revision.approved_go_live_at = past; "
            "revision.content['go_live_at'] = past.isoformat(); revision.save()",
        )
        site_server.manage("publish_scheduled")
        assert banner_state(site_server, title)["live"] is True
        assert shows_on_home_page(public, site_server, title)

        # Then the expiry time passes, and publish_scheduled takes it down.
        banner_state(
            site_server,
            title,
            then="AlertBanner.objects.filter(pk=banner.pk)"
            ".update(expire_at=timezone.now() - timedelta(seconds=1))",
        )
        site_server.manage("publish_scheduled")
        state = banner_state(site_server, title)
        assert state["live"] is False and state["expired"] is True
        assert not shows_on_home_page(public, site_server, title)
    finally:
        # The demo server is shared with the other browser tests: leave it as it was.
        banner_state(
            site_server, title, then=f"AlertBanner.objects.filter(title={title!r}).delete()"
        )


def test_you_said_we_did_can_be_scheduled_too(sign_in, site_server):
    page = sign_in("officer")
    page.goto(site_server.url + "/admin/snippets/plans/yousaidwedid/add/")
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    assert page.locator("#id_go_live_at").is_visible()
    assert page.locator("#id_expire_at").is_visible()

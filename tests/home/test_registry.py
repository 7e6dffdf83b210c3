"""Feature apps plug their panels into the home page and area pages through the registry
(home/registry.py); the pages show what is registered, in order, and name no feature app."""

from types import SimpleNamespace

import pytest
from wagtail import hooks

from home import registry
from tests.every_kind import every_kind

pytestmark = pytest.mark.django_db


def test_panel(order, title):
    return registry.Panel(
        order=order,
        template="news/includes/area_news.html",
        context=lambda context, page: {"page": SimpleNamespace(title=title), "updates": []},
    )


test_panel.__test__ = False  # a helper, not a test


@pytest.mark.parametrize("hook_name", [registry.HOME_PANELS, registry.AREA_PANELS])
def test_a_registered_panel_is_shown_in_its_order(client, home_page, hook_name):
    # A home page and an area page with every feature's panel on them.
    site = every_kind(home_page)
    page = "/" if hook_name == registry.HOME_PANELS else site.areas[0].url
    with (
        hooks.register_temporarily(hook_name, lambda: test_panel(0, "First of all")),
        hooks.register_temporarily(hook_name, lambda: test_panel(999, "Last of all")),
    ):
        content = client.get(page).content.decode()
    first, last = content.index("News for First of all"), content.index("News for Last of all")
    assert first < last
    # The features' own panels come between, in their order.
    expected = (
        ["Campaigns", "You said, we did", "Find your town or parish"]
        if hook_name == registry.HOME_PANELS
        else ["You said, we did", "News for", "Campaigns"]
    )
    positions = [content.index(text, first + 1) for text in expected]
    assert positions == sorted(positions) and positions[-1] < last


def test_a_panel_with_nothing_to_show_shows_nothing(client, db):
    with hooks.register_temporarily(
        registry.HOME_PANELS,
        lambda: registry.Panel(order=0, template="missing.html", context=lambda c, p: None),
    ):
        assert client.get("/").status_code == 200


def test_every_feature_registers_its_panels():
    home = [panel.template for panel in registry.panels(registry.HOME_PANELS)]
    area = [panel.template for panel in registry.panels(registry.AREA_PANELS)]
    assert home == [
        "campaigns/includes/home_campaigns.html",
        "events/includes/home_events.html",
        "plans/includes/you_said_we_did_panel.html",
        "plans/includes/home_priorities.html",
        "news/includes/home_updates.html",
        "areas/includes/find_your_area.html",
    ]
    assert area == [
        "plans/includes/you_said_we_did_panel.html",
        "events/includes/parish_events.html",
        "news/includes/area_news.html",
        "campaigns/includes/home_campaigns.html",
    ]


def test_the_core_templates_load_no_feature_apps_tags():
    """home's templates (and the base every page extends) show features only through the
    registry: they load no feature app's template tags."""
    import re
    from pathlib import Path

    from django.conf import settings

    templates = Path(settings.BASE_DIR) / "templates"
    feature_tags = {
        "campaigns_tags",
        "plans_tags",
        "events_tags",
        "areas_tags",
        "news_tags",
        "search_tags",
    }
    for template in [templates / "base.html", *sorted((templates / "home").rglob("*.html"))]:
        for line in re.findall(r"{%\s*load\s+([^%]+)%}", template.read_text()):
            assert not feature_tags & set(line.split()), template

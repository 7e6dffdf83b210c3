"""What areas contributes to the pages that gather everything (home/registry.py)."""

from wagtail import hooks

from areas import feeds, views
from areas.templatetags import areas_tags
from home import registry


@hooks.register(registry.HOME_PANELS)
def latest_news():
    return registry.Panel(
        order=50,
        template="areas/includes/home_updates.html",
        context=lambda context, page: areas_tags.latest_updates(context),
    )


@hooks.register(registry.HOME_PANELS)
def find_your_area():
    return registry.Panel(
        order=60,
        template="areas/includes/find_your_area.html",
        context=lambda context, page: areas_tags.find_your_area(context),
    )


@hooks.register(registry.AREA_PANELS)
def news_for_the_area():
    return registry.Panel(
        order=30, template="areas/includes/area_news.html", context=views.news_panel
    )


@hooks.register(registry.AREA_SOURCES)
def news_about_the_area():
    return registry.AreaSource(
        order=10,
        feed_items=feeds.news_feed_items,
        json_key="updates",
        json_entries=views.news_json,
        embed=registry.Panel(
            order=10, template="areas/includes/embed_news.html", context=views.news_embed
        ),
    )

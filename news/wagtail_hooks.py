"""What news contributes to the pages that gather everything (home/registry.py): the latest
news on the home page, each area's news on its page, and news in each area's feeds,
updates.json and embeddable page."""

from wagtail import hooks

from home import registry
from news import feeds, search_source, views
from news.templatetags import news_tags


@hooks.register(registry.HOME_PANELS)
def latest_news():
    return registry.Panel(
        order=50,
        template="news/includes/home_updates.html",
        context=lambda context, page: news_tags.latest_updates(context),
    )


@hooks.register(registry.AREA_PANELS)
def news_for_the_area():
    return registry.Panel(
        order=30, template="news/includes/area_news.html", context=views.news_panel
    )


@hooks.register(registry.AREA_SOURCES)
def news_about_the_area():
    return registry.AreaSource(
        order=10,
        feed_items=feeds.news_feed_items,
        json_key="updates",
        json_entries=views.news_json,
        embed=registry.Panel(
            order=10, template="news/includes/embed_news.html", context=views.news_embed
        ),
    )


@hooks.register(registry.SEARCH_SOURCES)
def news_in_search():
    return registry.SearchSource(
        order=70,
        name="news",
        label="News",
        items=search_source.updates,
        found=search_source.update_found,
        labels=search_source.labels,
    )

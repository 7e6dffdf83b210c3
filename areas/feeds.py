"""The RSS and Atom feeds of an area, and of the whole site (the news index at /news/): what
every feature registers as an area source (home/registry.py), newest first. News is areas' own
source; "you said, we did" is plans'."""

from home.feeds import FEED_ITEMS, FeedItem, as_html, feed_response, partnership_name, published_at
from home.registry import area_sources
from home.visibility import visible


def update_items(updates, request):
    return [
        FeedItem(
            kind="update",
            title=update.title,
            link=update.get_full_url(request),
            published=published_at(update.date, update.first_published_at),
            updated=update.last_published_at or published_at(update.date, None),
            summary=as_html(update.summary),
            categories=[topic.name for topic in update.topics.all()],
        )
        for update in updates
    ]


def news_feed_items(area, request, count):
    """The newest local updates: the area's, or (area None) everyone's."""
    from areas.models import UpdatePage

    updates = visible(area.updates.all() if area else UpdatePage.objects.all())
    return update_items(
        updates.order_by("-date", "-pk").prefetch_related("topics")[:count], request
    )


def items_for(area, request):
    return [
        item
        for source in area_sources()
        if source.feed_items
        for item in source.feed_items(area, request, FEED_ITEMS)
    ]


def area_feed(area, request, kind):
    return feed_response(
        area,
        request,
        kind,
        title=f"{area.title}: community safety news",
        description=f"Local updates and 'you said, we did' from {partnership_name(request)} for {area.title}.",
        items=items_for(area, request),
    )


def site_feed(index, request, kind):
    return feed_response(
        index,
        request,
        kind,
        title=f"{partnership_name(request)}: news",
        description=f"Local updates and 'you said, we did' from {partnership_name(request)}.",
        items=items_for(None, request),
    )

"""News in feeds: the items for an area's feeds (an area source, news/wagtail_hooks.py) and the
whole site's feeds at /news/feed.rss and /news/feed.atom, which carry what every feature
registers (home/registry.py), as an area's do."""

from home.feeds import FeedItem, as_html, feed_response, partnership_name, published_at
from home.registry import feed_items
from home.visibility import visible
from news.models import UpdatePage


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
    updates = visible(area.updates.all() if area else UpdatePage.objects.all())
    return update_items(
        updates.order_by("-date", "-pk").prefetch_related("topics")[:count], request
    )


def site_feed(index, request, kind):
    return feed_response(
        index,
        request,
        kind,
        title=f"{partnership_name(request)}: news",
        description=f"Local updates and 'you said, we did' from {partnership_name(request)}.",
        items=feed_items(None, request),
    )

"""News in feeds: the items for an area's feeds and the whole site's (an area source,
news/wagtail_hooks.py; the site's feeds are UpdateIndexPage's routes)."""

from areas.models import areas_in
from home.feeds import FeedItem, as_html, published_at
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
    """The newest local updates: the area's (or a council's areas'), or (area None) everyone's."""
    if area is None:
        updates = visible(UpdatePage.objects.all())
    else:
        updates = visible(UpdatePage.objects.filter(parishes__in=areas_in(area)).distinct())
    return update_items(
        updates.order_by("-date", "-pk").prefetch_related("topics")[:count], request
    )

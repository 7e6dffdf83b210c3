"""News on area pages, in their updates.json and on their embeddable pages (registered in
news/wagtail_hooks.py)."""

from home.visibility import visible

AREA_ITEMS = 5
EMBED_ITEMS = 3


def latest_updates(area, count):
    return list(visible(area.updates.all()).order_by("-date", "-pk")[:count])


def news_panel(context, area):
    """The area's latest news, for its page."""
    return {
        "page": area,
        # An area page being previewed before its first save has nothing tagged to it yet.
        "updates": latest_updates(area, AREA_ITEMS) if area.pk else [],
        "request": context.get("request"),
    }


def news_embed(context, area):
    return {"updates": latest_updates(area, EMBED_ITEMS), "request": context.get("request")}


def news_json(area, request, count):
    updates = visible(area.updates.all()).order_by("-date", "-pk").prefetch_related("topics")
    return [
        {
            "title": update.title,
            "url": update.get_full_url(request),
            "date": update.date.isoformat(),
            "summary": update.summary,
            "topics": [topic.name for topic in update.topics.all()],
        }
        for update in updates[:count]
    ]

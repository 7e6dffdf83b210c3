"""What plans publish about a place: its "you said, we did", for the area's feeds,
updates.json and embeddable page (registered in plans/wagtail_hooks.py; see home/registry.py)."""

from areas.models import areas_in
from home.feeds import FeedItem, as_html, published_at
from plans.models import YouSaidWeDid, YouSaidWeDidIndexPage


def index_url(request):
    return YouSaidWeDidIndexPage.url_for(request, full=True)


def entries(area):
    if area is None:
        items = YouSaidWeDid.objects.all()
    else:
        items = YouSaidWeDid.objects.filter(parish__in=areas_in(area))
    return items.published()


def feed_items(area, request, count):
    url = index_url(request)
    if not url:
        return []
    items = entries(area).select_related("priority").order_by("-first_published_at", "-said_on")
    return [
        FeedItem(
            kind="you-said-we-did",
            title=f"You said, we did: {item.title}",
            link=f"{url}{item.pk}/",
            published=item.first_published_at or published_at(item.said_on, None),
            updated=item.last_published_at or published_at(item.said_on, None),
            summary=as_html(f"You said: {item.said}\n\nWe did: {item.did}"),
            categories=[item.shown_priority.title] if item.shown_priority else [],
        )
        for item in items[:count]
    ]


def json_entries(area, request, count):
    url = index_url(request)
    return [
        {
            "title": item.title,
            "url": f"{url}{item.pk}/" if url else None,
            "you_said": item.said,
            "said_on": item.said_on.isoformat(),
            "how": item.get_channel_display(),
            "place": item.place,
            "we_did": item.did,
            "done_on": item.done_on.isoformat() if item.done_on else None,
            "progress": item.progress,
            "priority": item.shown_priority.title if item.shown_priority else None,
        }
        for item in entries(area).for_listing()[:count]
    ]


def embed_context(context, area, count=3):
    request = context.get("request")
    return {
        "items": list(entries(area).for_listing()[:count]),
        "index_url": index_url(request),
        "request": request,
    }

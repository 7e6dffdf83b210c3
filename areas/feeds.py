"""RSS and Atom feeds of local updates and "you said, we did", for a parish or the whole site.

Items are built as plain values first (FeedItem), so one function renders either format with
Django's feed generator."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.apps import apps
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, linebreaks
from django.views.decorators.cache import patch_cache_control

from home.models import SiteSettings
from home.visibility import visible

FEED_ITEMS = 30
FEED_MAX_AGE = 60 * 15
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


@dataclass(frozen=True)
class FeedItem:
    kind: str  # "update" or "you-said-we-did"
    title: str
    link: str
    published: datetime
    updated: datetime
    summary: str
    categories: list[str] = field(default_factory=list)


def published_at(day, first_published_at):
    """An update's date as a moment: when it was first published if that was on the day it is
    dated, otherwise 9am London time that day."""
    if first_published_at and timezone.localtime(first_published_at).date() == day:
        return first_published_at
    return timezone.make_aware(datetime.combine(day, time(9)))


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


def you_said_we_did_index(request):
    index = apps.get_model("plans", "YouSaidWeDidIndexPage").shown()
    return index.get_full_url(request) if index else None


def you_said_we_did_items(items, index_url):
    if not index_url:
        return []
    return [
        FeedItem(
            kind="you-said-we-did",
            title=f"You said, we did: {item.title}",
            link=f"{index_url}{item.pk}/",
            published=item.first_published_at or published_at(item.said_on, None),
            updated=item.last_published_at or published_at(item.said_on, None),
            summary=as_html(f"You said: {item.said}\n\nWe did: {item.did}"),
            categories=[item.shown_priority.title] if item.shown_priority else [],
        )
        for item in items
    ]


def as_html(text):
    """Feed readers treat descriptions as HTML: escape the text, keep its paragraphs."""
    return linebreaks(escape(text))


def latest(items, count=FEED_ITEMS):
    return sorted(items, key=lambda item: item.published, reverse=True)[:count]


def items_for(request, updates, you_said_we_did):
    updates = updates.order_by("-date", "-pk").prefetch_related("topics")[:FEED_ITEMS]
    you_said_we_did = (
        you_said_we_did.published()
        .select_related("priority")
        .order_by("-first_published_at", "-said_on")[:FEED_ITEMS]
    )
    return latest(
        update_items(updates, request)
        + you_said_we_did_items(you_said_we_did, you_said_we_did_index(request))
    )


def feed_for(page, request, kind, title, description, updates, you_said_we_did):
    """The feed of `page` (an area or the news index). Its own address, the feed's id, is the
    same whatever query string or host alias a reader used."""
    link = page.get_full_url(request)
    feed_url = link + page.reverse_subpage(kind).rstrip("/")
    feed = FORMATS[kind](
        title=title,
        link=link,
        description=description,
        feed_url=feed_url,
        language="en-GB",
        feed_guid=feed_url,
        author_name=partnership_name(request),
    )
    for item in items_for(request, updates, you_said_we_did):
        feed.add_item(
            title=item.title,
            link=item.link,
            description=item.summary,
            unique_id=item.link,
            unique_id_is_permalink=True,
            pubdate=item.published,
            updateddate=item.updated,
            categories=item.categories,
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def partnership_name(request):
    # Wagtail keeps the settings on the request: asking again costs nothing.
    return SiteSettings.for_request(request).partnership_name


def area_feed(area, request, kind):
    return feed_for(
        area,
        request,
        kind,
        title=f"{area.title}: community safety news",
        description=f"Local updates and 'you said, we did' from {partnership_name(request)} for {area.title}.",
        updates=visible(area.updates.all()),
        you_said_we_did=area.you_said_we_did,
    )


def site_feed(index, request, kind):
    return feed_for(
        index,
        request,
        kind,
        title=f"{partnership_name(request)}: news",
        description=f"Local updates and 'you said, we did' from {partnership_name(request)}.",
        updates=index.updates(),
        you_said_we_did=apps.get_model("plans", "YouSaidWeDid").objects,
    )

"""Feeds, the core of them: RSS and Atom from plain items, and how long shared caches keep a
feed, a calendar or JSON.

Feature apps build FeedItems for what they publish (registered as area sources, see
home/registry.py); one function writes either format with Django's feed generator."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, linebreaks
from django.views.decorators.cache import patch_cache_control

from home import registry
from home.models import SiteSettings
from home.routes import file_url

FEED_ITEMS = 30
# How long a feed, calendar or JSON file may be kept by a browser or shared cache, in seconds.
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
    """An item's date as a moment: when it was first published if that was on the day it is
    dated, otherwise 9am London time that day."""
    if first_published_at and timezone.localtime(first_published_at).date() == day:
        return first_published_at
    return timezone.make_aware(datetime.combine(day, time(9)))


def as_html(text):
    """Feed readers treat descriptions as HTML: escape the text, keep its paragraphs."""
    return linebreaks(escape(text))


def latest(items, count=FEED_ITEMS):
    return sorted(items, key=lambda item: item.published, reverse=True)[:count]


def partnership_name(request):
    # Wagtail keeps the settings on the request: asking again costs nothing.
    return SiteSettings.for_request(request).partnership_name


def feed_items(area, request):
    """Every source's feed items about `area` (None: the whole site), for one feed."""
    return [
        item
        for source in registry.area_sources()
        if source.feed_items
        for item in source.feed_items(area, request, FEED_ITEMS)
    ]


def feed_response(page, request, kind, title, description, area=None, query=""):
    """The feed of `page`: what every feature registers about `area` (an area page or a
    council), or about the whole site (area None, the news index), newest first. Its own
    address, the feed's id, is the same whatever other query string or host alias a reader
    used; `query` is the part that makes it this feed (?council=...)."""
    link = page.get_full_url(request)
    feed_url = file_url(page, kind, request, full=True) + query
    feed = FORMATS[kind](
        title=title,
        link=link,
        description=description,
        feed_url=feed_url,
        language="en-GB",
        feed_guid=feed_url,
        author_name=partnership_name(request),
    )
    for item in latest(feed_items(area, request)):
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

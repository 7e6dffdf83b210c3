"""What news lets residents find in search (registered in news/wagtail_hooks.py)."""

from home.registry import Found
from home.visibility import visible
from news.models import UpdatePage


def updates(site):
    return visible(UpdatePage.objects.descendant_of(site.root_page))


def update_found(update, request):
    return Found(
        kind="News",
        title=update.title,
        summary=update.summary,
        url=update.get_url(request),
        date=update.date,
    )

"""What news lets residents find in search (registered in news/wagtail_hooks.py)."""

from areas.models import AreaPage
from home.registry import Found, labels_of
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


def labels(updates):
    areas = visible(AreaPage.objects.all())
    return [
        *labels_of(updates, "topic", "topics", "name"),
        *labels_of(updates, "area", "parishes", "title", shown=areas),
    ]

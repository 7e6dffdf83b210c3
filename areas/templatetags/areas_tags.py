from django import template

from areas.models import AreaPage, UpdatePage
from home.visibility import visible

register = template.Library()


@register.inclusion_tag("areas/includes/home_updates.html", takes_context=True)
def latest_updates(context, count=3):
    """For the home page: the newest local updates. One query."""
    updates = list(visible(UpdatePage.objects.all()).order_by("-date", "-pk")[:count])
    news_url = updates[0].url.rstrip("/").rsplit("/", 1)[0] + "/" if updates else None
    return {"updates": updates, "news_url": news_url, "request": context.get("request")}


@register.inclusion_tag("areas/includes/find_your_area.html", takes_context=True)
def find_your_area(context):
    """For the home page: every town and parish, one link each. One query."""
    areas = list(visible(AreaPage.objects.all()).order_by("title"))
    index_url = areas[0].url.rstrip("/").rsplit("/", 1)[0] + "/" if areas else None
    return {"areas": areas, "index_url": index_url, "request": context.get("request")}

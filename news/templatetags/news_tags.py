from django import template

from home.visibility import visible
from news.models import UpdatePage

register = template.Library()


@register.inclusion_tag("news/includes/home_updates.html", takes_context=True)
def latest_updates(context, count=3):
    """For the home page: the newest local updates. One query."""
    updates = list(visible(UpdatePage.objects.all()).order_by("-date", "-pk")[:count])
    news_url = updates[0].url.rstrip("/").rsplit("/", 1)[0] + "/" if updates else None
    return {"updates": updates, "news_url": news_url, "request": context.get("request")}

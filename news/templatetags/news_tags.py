from django import template

from home.visibility import visible
from news.models import UpdateIndexPage, UpdatePage

register = template.Library()


@register.inclusion_tag("news/includes/home_updates.html", takes_context=True)
def latest_updates(context, count=3):
    """For the home page: the newest local updates. One query."""
    updates = list(visible(UpdatePage.objects.all()).order_by("-date", "-pk")[:count])
    request = context.get("request")
    news_url = UpdateIndexPage.url_for(request) if updates else None
    return {"updates": updates, "news_url": news_url, "request": request}

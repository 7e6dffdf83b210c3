from django import template

from areas.models import AreaPage
from home.visibility import visible

register = template.Library()


@register.inclusion_tag("areas/includes/find_your_area.html", takes_context=True)
def find_your_area(context):
    """For the home page: every town and parish, one link each. One query."""
    areas = list(visible(AreaPage.objects.all()).order_by("title"))
    index_url = areas[0].url.rstrip("/").rsplit("/", 1)[0] + "/" if areas else None
    return {"areas": areas, "index_url": index_url, "request": context.get("request")}

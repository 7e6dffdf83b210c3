from django import template

from areas.models import AreaIndexPage, AreaPage
from home.visibility import visible

register = template.Library()


@register.inclusion_tag("areas/includes/find_your_area.html", takes_context=True)
def find_your_area(context):
    """For the home page: every town and parish, one link each. One query."""
    areas = list(visible(AreaPage.objects.all()).order_by("title"))
    request = context.get("request")
    return {"areas": areas, "index_url": AreaIndexPage.url_for(request), "request": request}

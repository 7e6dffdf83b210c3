"""What areas contributes to the pages that gather everything (home/registry.py)."""

from wagtail import hooks

from areas.templatetags import areas_tags
from home import registry


@hooks.register(registry.HOME_PANELS)
def find_your_area():
    return registry.Panel(
        order=60,
        template="areas/includes/find_your_area.html",
        context=lambda context, page: areas_tags.find_your_area(context),
    )

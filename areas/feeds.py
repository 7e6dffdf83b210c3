"""The RSS and Atom feeds of an area: what every feature registers about the place as an area
source (home/registry.py), newest first."""

from home.feeds import feed_response, partnership_name


def area_feed(area, request, kind):
    return feed_response(
        area,
        request,
        kind,
        title=f"{area.title}: community safety news",
        description=f"Local updates and 'you said, we did' from {partnership_name(request)} for {area.title}.",
        area=area,
    )

"""Routes of a page that are files: a plan's progress.csv, an area's feed.rss, an event's
event.ics. One helper declares them, one gives their address, and one URL pattern (home/views.py) serves them.

Wagtail's own URL pattern takes no dots, so PAGE_FILE_PATTERN hands such a path to Wagtail's
router with a slash added: the page answers it with the route file_route() declared. The file's
address never has the trailing slash."""

from wagtail.contrib.routable_page.models import path

PAGE_FILE_PATTERN = r"^(?P<page_path>(?:[\w\-]+/)*)(?P<filename>[\w\-]+\.[A-Za-z0-9]{1,8})$"


def file_route(filename, name):
    """Declare a RoutablePageMixin route for the file `filename`:

    @file_route("feed.rss", name="rss")
    def rss_route(self, request): ...
    """
    return path(f"{filename}/", name=name)


def file_url(page, route_name, request=None, full=False):
    """The address of `page`'s file route `route_name`."""
    base = page.get_full_url(request) if full else page.get_url(request)
    return base + page.reverse_subpage(route_name).rstrip("/")

from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


# File-like routes of pages (a plan's progress.csv, an area's feed.rss, an event's event.ics).
# Wagtail's own URL pattern takes no dots, so this one hands such a path to Wagtail's router as a
# last path component: a RoutablePageMixin page answers it with a route such as "progress.csv/".
PAGE_FILE_PATTERN = (
    r"^(?P<page_path>(?:[\w\-]+/)*)(?P<filename>[\w\-]+\.(?:csv|json|ics|rss|atom))$"
)


def serve_page_file(request, page_path, filename):
    return wagtail_views.serve(request, f"{page_path}{filename}/")

from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def serve_page_file(request, page_path, filename):
    """A page's file route (home/routes.py), handed to Wagtail's router with its slash."""
    return wagtail_views.serve(request, f"{page_path}{filename}/")

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import lockouts, routes
from home import views as home_views
from home.sitemap import SITEMAPS
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms for private documents and pages, on their own addresses, throttled
    # like logins (home/lockouts.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        lockouts.authenticate_with_document_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("search/suggestions.json", search_views.suggestions, name="search_suggestions"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        lockouts.authenticate_with_page_password,
    ),
]

if settings.SERVE_MEDIA:
    from django.views.static import serve

    # Images only: documents are always fetched through /documents/, Wagtail's own view, so
    # that their privacy settings apply. Production's web server does the same (see README).
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>(?:images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Then the pages' own files (a plan's progress.csv, an area's feed.rss), and Wagtail's page tree
# last: it answers every URL the patterns above did not.
urlpatterns += [
    re_path(routes.PAGE_FILE_PATTERN, home_views.serve_page_file, name="page_file"),
    path("", include(wagtail_urls)),
]

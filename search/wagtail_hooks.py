from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from search.viewsets import SynonymViewSet, search_terms_view

register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [path("search-terms/", search_terms_view, name="search_terms")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.change_synonym")


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        "What residents search for", reverse("search_terms"), icon_name="search", order=1310
    )

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    # wagtail.search's label is "wagtailsearch", so "search" is free for the site's own search.
    label = "search"

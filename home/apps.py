from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from wagtail.signals import post_page_move

        from home import caching, forms, front_cache

        # Before Wagtail builds any admin form: length limits shown and enforced everywhere.
        forms.install()

        post_save.connect(caching.content_changed, dispatch_uid="home-content-changed-save")
        post_delete.connect(caching.content_changed, dispatch_uid="home-content-changed-delete")
        # Moving a page changes addresses below it with queries that send no save signals.
        post_page_move.connect(caching.page_moved, dispatch_uid="home-content-changed-move")
        request_started.connect(caching.request_started, dispatch_uid="home-version-request")
        request_finished.connect(caching.request_finished, dispatch_uid="home-version-done")
        # Every change purges the front cache, where one is configured.
        front_cache.connect()

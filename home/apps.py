from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from home.caching import content_changed

        post_save.connect(content_changed, dispatch_uid="home-content-changed-save")
        post_delete.connect(content_changed, dispatch_uid="home-content-changed-delete")

from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "areas"

    def ready(self):
        from wagtail.signals import page_published

        from areas.models import AreaPage
        from areas.permissions import area_published

        # Each town or parish gets its own editors group when its page first goes live.
        page_published.connect(area_published, sender=AreaPage, dispatch_uid="area-editors")

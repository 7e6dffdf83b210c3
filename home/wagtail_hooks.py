from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import AlertBanner


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = "Alert banners"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["title", "level", "whole_site", "go_live_at", "expire_at"]
    list_filter = ["level", "live", "whole_site"]
    search_fields = ["title"]
    ordering = ["-latest_revision__created_at"]


register_snippet(AlertBannerViewSet)

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from campaigns.views import CampaignPlanningGroup, CommsScheduleAdmin, year_ahead_view

modeladmin_register(CommsScheduleAdmin)
register_snippet(CampaignPlanningGroup)


@hooks.register("register_admin_urls")
def register_year_ahead_url():
    return [path("year-ahead/", year_ahead_view, name="campaigns_year_ahead")]


class YearAheadMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("campaigns.change_awarenessdate")


@hooks.register("register_admin_menu_item")
def register_year_ahead_menu_item():
    return YearAheadMenuItem(
        "Year ahead",
        reverse("campaigns_year_ahead"),
        icon_name="calendar-alt",
        order=205,
        name="year-ahead",
    )

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from campaigns import search_source
from campaigns.blocks import ReportingRouteBlock
from campaigns.templatetags import campaigns_tags
from campaigns.viewsets import CampaignPlanningGroup, CommsScheduleAdmin, year_ahead_view
from home import registry

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


# What campaigns contribute to the pages that gather everything (home/registry.py).


def campaigns_on_now(order):
    return registry.Panel(
        order=order,
        template="campaigns/includes/home_campaigns.html",
        context=lambda context, page: campaigns_tags.campaigns_on_now(context),
    )


@hooks.register(registry.HOME_PANELS)
def campaigns_on_the_home_page():
    return campaigns_on_now(order=10)


@hooks.register(registry.AREA_PANELS)
def campaigns_on_area_pages():
    return campaigns_on_now(order=40)


@hooks.register(registry.BODY_BLOCKS)
def reporting_route_in_any_body():
    return ("reporting_route", ReportingRouteBlock())


@hooks.register(registry.SEARCH_SOURCES)
def campaigns_in_search():
    return registry.SearchSource(
        order=10,
        name="campaigns",
        label="Campaigns",
        items=search_source.campaigns,
        found=search_source.campaign_found,
        labels=search_source.topics,
    )


@hooks.register(registry.SEARCH_SOURCES)
def reporting_routes_in_search():
    return registry.SearchSource(
        order=20,
        name="helplines",
        label="Helplines and ways to report",
        items=search_source.routes,
        select=search_source.with_topics,
        found=search_source.route_found,
        labels=search_source.topics,
    )

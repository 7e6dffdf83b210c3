from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet

from home import registry
from plans import (
    admin_views,
    area_source,
    search_source,
    target_dates,  # noqa: F401  (registers its own hooks: the target date warning)
)
from plans.blocks import IndicatorComparisonBlock
from plans.models import PlanPage
from plans.templatetags import plans_tags
from plans.viewsets import PlansViewSetGroup

PLANS_MENU_HOOK = "register_plans_menu_item"


class PlansMenu(PlansViewSetGroup):
    """The Plans and progress menu, with room for items registered by hooks (the imports)."""

    submenu_hook = PLANS_MENU_HOOK


register_snippet(PlansMenu)


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("plans/import-actions/", admin_views.import_actions, name="plans_import_actions"),
        path(
            "plans/import-actions/confirm/",
            admin_views.import_actions_confirm,
            name="plans_import_actions_confirm",
        ),
        path(
            "plans/import-actions/template.<str:file_format>",
            admin_views.actions_template,
            name="plans_import_actions_template",
        ),
        path(
            "plans/<int:plan_id>/start-next-year/",
            admin_views.roll_forward_plan,
            name="plans_roll_forward",
        ),
        path(
            "plans/import-indicator-values/",
            admin_views.import_indicator_values,
            name="plans_import_indicator_values",
        ),
        path(
            "plans/import-indicator-values/confirm/",
            admin_views.import_indicator_values_confirm,
            name="plans_import_indicator_values_confirm",
        ),
        path(
            "plans/import-indicator-values/template.<str:file_format>",
            admin_views.values_template,
            name="plans_import_indicator_values_template",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


@hooks.register(PLANS_MENU_HOOK)
def import_actions_menu_item():
    return PermissionMenuItem(
        "Import actions",
        reverse("plans_import_actions"),
        icon_name="upload",
        name="import-actions",
        order=900,
        permissions=admin_views.ACTION_PERMISSIONS,
    )


@hooks.register(PLANS_MENU_HOOK)
def import_values_menu_item():
    return PermissionMenuItem(
        "Import indicator values",
        reverse("plans_import_indicator_values"),
        icon_name="upload",
        name="import-indicator-values",
        order=910,
        permissions=admin_views.VALUE_PERMISSIONS,
    )


@hooks.register("register_page_listing_more_buttons")
def import_actions_button(page, user, next_url=None):
    if issubclass(page.specific_class or type(page), PlanPage) and user.has_perms(
        admin_views.ACTION_PERMISSIONS
    ):
        yield PageMenuItem(
            "Import actions",
            reverse("plans_import_actions") + f"?plan={page.pk}",
            icon_name="upload",
            priority=60,
            page=page,
        )


@hooks.register("register_page_listing_more_buttons")
def roll_forward_button(page, user, next_url=None):
    if (
        issubclass(page.specific_class or type(page), PlanPage)
        and user.has_perm("plans.add_action")
        and page.get_parent().permissions_for_user(user).can_add_subpage()
    ):
        yield PageMenuItem(
            "Start next year's plan from this one",
            reverse("plans_roll_forward", args=[page.pk]),
            icon_name="copy",
            priority=61,
            page=page,
        )


@hooks.register("register_page_header_buttons")
def import_actions_header_button(page, user, view_name, next_url=None):
    yield from import_actions_button(page, user)
    yield from roll_forward_button(page, user)


# What plans contribute to the pages that gather everything (home/registry.py).


@hooks.register(registry.HOME_PANELS)
def you_said_we_did_on_the_home_page():
    return registry.Panel(
        order=30,
        template="plans/includes/you_said_we_did_panel.html",
        context=lambda context, page: plans_tags.you_said_we_did_panel(context),
    )


@hooks.register(registry.HOME_PANELS)
def current_plan_on_the_home_page():
    return registry.Panel(
        order=40,
        template="plans/includes/home_priorities.html",
        context=lambda context, page: plans_tags.current_plan_priorities(context),
    )


@hooks.register(registry.AREA_PANELS)
def you_said_we_did_in_the_area():
    return registry.Panel(
        order=10,
        template="plans/includes/you_said_we_did_panel.html",
        context=lambda context, area: plans_tags.you_said_we_did_panel(
            context, parish=area, count=5
        ),
    )


@hooks.register(registry.AREA_SOURCES)
def you_said_we_did_about_the_area():
    return registry.AreaSource(
        order=20,
        feed_items=area_source.feed_items,
        json_key="you_said_we_did",
        json_entries=area_source.json_entries,
        embed=registry.Panel(
            order=20,
            template="plans/includes/embed_you_said_we_did.html",
            context=area_source.embed_context,
        ),
    )


@hooks.register(registry.SEARCH_SOURCES)
def priorities_in_search():
    return registry.SearchSource(
        order=30,
        name="priorities",
        label="Priorities",
        items=search_source.priorities,
        select=search_source.with_plan,
        found=search_source.priority_found,
    )


@hooks.register(registry.SEARCH_SOURCES)
def actions_in_search():
    return registry.SearchSource(
        order=40,
        name="actions",
        label="Actions",
        items=search_source.actions,
        select=search_source.with_priority,
        found=search_source.action_found,
    )


@hooks.register(registry.SEARCH_SOURCES)
def partners_in_search():
    return registry.SearchSource(
        order=45,
        name="partners",
        label="Partners",
        items=search_source.partners,
        found=search_source.partner_found,
    )


@hooks.register(registry.SEARCH_SOURCES)
def you_said_we_did_in_search():
    return registry.SearchSource(
        order=50,
        name="you-said-we-did",
        label="You said, we did",
        items=search_source.you_said_we_did,
        found=search_source.you_said_we_did_found,
        labels=search_source.you_said_we_did_areas,
    )


@hooks.register(registry.BODY_BLOCKS)
def indicators_side_by_side_in_any_body():
    return ("indicator_comparison", IndicatorComparisonBlock())

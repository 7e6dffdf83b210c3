"""Plans for every partnership: the Plans and progress section and You said, we did, kept by the
partnership officers, who also keep the partners, actions and indicators."""

from home.ensure import ensure_page, grant, site_home
from home.starter import PAGE_EDITING, PARTNERSHIP_OFFICERS
from plans.models import PlanIndexPage, YouSaidWeDidIndexPage


def set_up(command):
    home = site_home()
    plans = ensure_page(
        home,
        PlanIndexPage,
        "plans",
        title="Plans and progress",
        search_description="Our priorities, the actions we promised and how each one is going.",
        show_in_menus=True,
        introduction=(
            "What the partnership has promised to do each year, and how each action is going. "
            "We update progress every quarter, including the things that are behind."
        ),
    )
    ensure_page(
        home,
        YouSaidWeDidIndexPage,
        "you-said-we-did",
        title="You said, we did",
        search_description="What residents told us, and what the partnership did about it.",
        show_in_menus=True,
        introduction=(
            "What residents told us at beat surgeries, on patch walks and in surveys and "
            "consultations, and what the partnership did about it."
        ),
    )
    grant(
        PARTNERSHIP_OFFICERS,
        model_permissions=(
            "plans.add_action",
            "plans.change_action",
            "plans.delete_action",
            "plans.add_partner",
            "plans.change_partner",
            "plans.add_indicator",
            "plans.change_indicator",
            "plans.delete_indicator",
            "plans.add_yousaidwedid",
            "plans.change_yousaidwedid",
            "plans.publish_yousaidwedid",
        ),
        pages=[plans],
        page_permissions=PAGE_EDITING,
    )
    command.say("Plans: the Plans and progress and You said, we did sections are in place.")

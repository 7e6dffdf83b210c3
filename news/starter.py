"""News for every partnership: the News section, where partnership officers publish and parish
editors add news about their own areas, which goes to the officers for approval."""

from areas.starter import OFFICER_PUBLISHING, PARISH_TASK, PARISH_WORKFLOW
from home.ensure import ensure_approval_workflow, ensure_page, grant, site_home
from home.starter import EVERYONE, PARISH_EDITORS, PARTNERSHIP_OFFICERS
from news.models import UpdateIndexPage


def set_up(command):
    news = ensure_page(
        site_home(),
        UpdateIndexPage,
        "news",
        title="News",
        show_in_menus=True,
        search_description="What the partnership has been doing.",
        introduction="What the partnership has been doing, place by place and across the area.",
    )
    # Parish editors add news (and edit what they added, as its owner).
    grant(PARISH_EDITORS, model_permissions=EVERYONE, pages=[news], page_permissions=("add_page",))
    ensure_approval_workflow(PARISH_WORKFLOW, PARISH_TASK, PARTNERSHIP_OFFICERS, [news])
    grant(PARTNERSHIP_OFFICERS, pages=[news], page_permissions=OFFICER_PUBLISHING)
    command.say("News: the News section is in place.")

"""Your area for every partnership: the section that lists its towns, parishes, wards or
neighbourhoods, and the Parish approval workflow through which what parish editors write goes
to the partnership officers. The areas themselves are the partnership's to add; each gets its
own editors group when it is first published (areas/permissions.py)."""

from areas.models import AreaIndexPage
from home.ensure import ensure_approval_workflow, ensure_page, grant, site_home
from home.starter import PARTNERSHIP_OFFICERS, SECTION_DELETING

PARISH_WORKFLOW = "Parish approval"
PARISH_TASK = "Partnership officer approval"
OFFICER_PUBLISHING = ("add_page", "change_page", "publish_page", *SECTION_DELETING)


def set_up(command):
    index = ensure_page(
        site_home(),
        AreaIndexPage,
        "areas",
        title="Your area",
        search_description="What the partnership is doing in your town or parish.",
        show_in_menus=True,
        introduction=(
            "Find your town or parish to see what the partnership is doing there: what residents "
            "told us and what we did, events near you, and local news."
        ),
    )
    ensure_approval_workflow(PARISH_WORKFLOW, PARISH_TASK, PARTNERSHIP_OFFICERS, [index])
    grant(PARTNERSHIP_OFFICERS, pages=[index], page_permissions=OFFICER_PUBLISHING)
    command.say("Areas: the Your area section and the Parish approval workflow are in place.")

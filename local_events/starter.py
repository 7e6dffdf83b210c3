"""Events for every partnership: the Events section, kept by the comms team and the partnership
officers."""

from areas.starter import OFFICER_PUBLISHING
from home.ensure import ensure_page, grant, site_home
from home.starter import COMMS_TEAM, PARTNERSHIP_OFFICERS
from local_events.models import EventIndexPage


def set_up(command):
    index = ensure_page(
        site_home(),
        EventIndexPage,
        "events",
        title="Events",
        search_description="Beat surgeries, patch walks and community events near you.",
        show_in_menus=True,
        introduction=(
            "Beat surgeries, patch walks, roadshows and awareness days near you. Everyone is "
            "welcome, and almost everything is free."
        ),
    )
    for team in (COMMS_TEAM, PARTNERSHIP_OFFICERS):
        grant(team, pages=[index], page_permissions=OFFICER_PUBLISHING)
    command.say("Events: the Events section is in place.")

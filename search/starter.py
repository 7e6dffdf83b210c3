"""The comms team keeps the search's synonyms (the starter list comes with the migrations)."""

from home.ensure import grant
from home.starter import COMMS_TEAM


def set_up(command):
    grant(
        COMMS_TEAM,
        model_permissions=("search.add_synonym", "search.change_synonym", "search.delete_synonym"),
    )

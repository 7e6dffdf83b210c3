"""The comms team keeps the search's synonyms (the starter list comes with the migrations)."""

from home.demo import COMMS_TEAM
from home.demo_tools import grant


def load(command):
    grant(
        COMMS_TEAM,
        model_permissions=("search.add_synonym", "search.change_synonym", "search.delete_synonym"),
    )

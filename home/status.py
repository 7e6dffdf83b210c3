"""The colour of every status tag residents see, in one place (GOV.UK Frontend's tag colours).

A tag always carries its words too, never colour alone. Statuses are the values the apps store,
so no app's code is needed here: a status not listed gets the default (dark blue) tag."""

COLOURS = {
    # An action's progress (plans/progress.py)
    "complete": "",
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
    "on_hold": "grey",
    "not_started": "grey",
    "no_update": "grey",
    # What was done about what residents said ("you said, we did")
    "planned": "yellow",
    "in-progress": "yellow",
    "done": "",
    # A date of an event
    "cancelled": "red",
    "moved": "yellow",
    # A way to report
    "emergency": "red",
    "anonymous": "grey",
}


def tag_class(status):
    """'govuk-tag--red' for "off_track"; "" for the default colour."""
    colour = COLOURS.get(status, "")
    return f"govuk-tag--{colour}" if colour else ""

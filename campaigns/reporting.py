"""How reporting routes are ordered on a topic's page: a plain function."""


def route_order(is_emergency: bool, kind: str, sort_order: int, organisation: str):
    """Emergency routes first, then ways to report, then where to get support; within each, the
    editor's order, then by organisation."""
    return (not is_emergency, kind != "report", sort_order, organisation.lower())

"""The demo's local reporting routes, beside the national ones campaigns/starter.py sets up: the
police routes made Leicestershire Police's, and the council's anti-social behaviour team. Run by
campaigns.demo. Only real, public numbers and addresses.
"""

from campaigns.models import ReportingChannel, ReportingRoute
from campaigns.starter import ensure_route

PHONE, ONLINE = "phone", "online"

LOCAL_ROUTES = [
    {
        "organisation": "Harborough District Council",
        "name": "Report anti-social behaviour to the council",
        "topics": ["anti-social-behaviour"],
        "hours": "Monday to Friday, office hours",
        "description": "Noise, nuisance neighbours, fly-tipping, graffiti and other anti-social behaviour the council can act on.",
        "channels": [
            (PHONE, "01858 828282", ""),
            (ONLINE, "https://www.harborough.gov.uk/", "search for 'anti-social behaviour'"),
        ],
        "sort_order": 2,
        "source": "https://www.harborough.gov.uk/",
    },
]
POLICE = "Leicestershire Police"
POLICE_ONLINE = (ONLINE, "https://www.leics.police.uk/ro/report", "report online at any time")


def load(command):
    # The national police routes, made the local force's, as a partnership would.
    for route in ReportingRoute.objects.filter(organisation="Police"):
        route.organisation = POLICE
        if not route.is_emergency:
            route.channels.add(
                ReportingChannel(
                    kind=POLICE_ONLINE[0],
                    value=POLICE_ONLINE[1],
                    note=POLICE_ONLINE[2],
                    sort_order=-1,
                )
            )
        route.save()
    for spec in LOCAL_ROUTES:
        spec = dict(spec)
        ensure_route(spec.pop("channels"), spec.pop("topics"), **spec)
    command.say(
        f"Reporting: {ReportingRoute.objects.count()} routes, the police's and the council's local."
    )

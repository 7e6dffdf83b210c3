"""Demo reporting routes and the Report page; run by campaigns.demo.

Only real, public numbers and addresses. Where we were not sure of a local service's number, the
route is left out (see the closing note of the work that added this).
"""

from django.utils.text import slugify

from campaigns.models import ReportingChannel, ReportingRoute, ReportPage, Topic
from home.demo_tools import ensure_page

PHONE, RELAY, ONLINE, EMAIL = "phone", "text_relay", "online", "email"
ALL_TOPICS = "*"

# organisation, name, kind, emergency, anonymous, topic slugs, hours, description, channels, order
ROUTES = [
    (
        "Leicestershire Police",
        "Call 999 in an emergency",
        "report",
        True,
        False,
        ALL_TOPICS,
        "24 hours a day, every day",
        "If someone is in danger, or a crime is happening now, call 999. If you cannot speak, stay on the line and press 55 when asked.",
        [(PHONE, "999", ""), (RELAY, "18000", "textphone or the Relay UK app")],
        0,
    ),
    (
        "Leicestershire Police",
        "Report to the police when it is not an emergency",
        "report",
        False,
        False,
        ALL_TOPICS,
        "24 hours a day, every day",
        "Tell the police about a crime or incident that has already happened, or something you think they should know.",
        [
            (ONLINE, "https://www.leics.police.uk/ro/report", "report online at any time"),
            (PHONE, "101", ""),
            (RELAY, "18001 101", "textphone or the Relay UK app"),
        ],
        1,
    ),
    (
        "Crimestoppers",
        "Tell Crimestoppers, without giving your name",
        "report",
        False,
        True,
        [
            "hate-crime",
            "anti-social-behaviour",
            "rural-crime",
            "exploitation-and-county-lines",
            "drugs",
            "modern-slavery",
            "burglary-and-vehicle-crime",
            "serious-violence-and-knife-crime",
            "scams-and-fraud",
        ],
        "24 hours a day, every day",
        "An independent charity. It never asks who you are, and the police never know who called.",
        [(PHONE, "0800 555 111", "free"), (ONLINE, "https://crimestoppers-uk.org/", "online form")],
        5,
    ),
    (
        "Fearless (part of Crimestoppers)",
        "For young people: pass on what you know",
        "report",
        False,
        True,
        ["exploitation-and-county-lines", "drugs", "serious-violence-and-knife-crime"],
        "",
        "A safe place for young people to find out about crime and to report it without giving their name.",
        [(ONLINE, "https://www.fearless.org/", "")],
        6,
    ),
    (
        "True Vision",
        "Report hate crime online",
        "report",
        False,
        False,
        ["hate-crime"],
        "",
        "The police's own website for reporting hate crime and hate material online, for anywhere in England and Wales.",
        [(ONLINE, "https://www.report-it.org.uk/", "")],
        2,
    ),
    (
        "Harborough District Council",
        "Report anti-social behaviour to the council",
        "report",
        False,
        False,
        ["anti-social-behaviour"],
        "Monday to Friday, office hours",
        "Noise, nuisance neighbours, fly-tipping, graffiti and other anti-social behaviour the council can act on.",
        [
            (PHONE, "01858 828282", ""),
            (ONLINE, "https://www.harborough.gov.uk/", "search for 'anti-social behaviour'"),
        ],
        2,
    ),
    (
        "Action Fraud",
        "Report fraud and cybercrime",
        "report",
        False,
        False,
        ["scams-and-fraud", "cybercrime"],
        "",
        "The national centre for reporting fraud and cybercrime in England and Wales.",
        [(PHONE, "0300 123 2040", "")],
        2,
    ),
    (
        "Citizens Advice",
        "Get advice about a scam",
        "support",
        False,
        False,
        ["scams-and-fraud"],
        "Monday to Friday",
        "The consumer helpline can tell you what to do next and passes scam reports to Trading Standards.",
        [(PHONE, "0808 223 1133", "free")],
        3,
    ),
    (
        "Refuge",
        "National Domestic Abuse Helpline",
        "support",
        False,
        False,
        ["domestic-abuse"],
        "24 hours a day, every day",
        "Free, confidential support for anyone experiencing domestic abuse, and for friends and family worried about someone.",
        [(PHONE, "0808 2000 247", "free, and does not show on most phone bills")],
        1,
    ),
    (
        "Rape Crisis England and Wales",
        "24/7 Rape and Sexual Abuse Support Line",
        "support",
        False,
        False,
        ["sexual-violence"],
        "24 hours a day, every day",
        "Free, confidential support for anyone aged 16 or over affected by sexual violence or abuse, whenever it happened.",
        [(PHONE, "0808 500 2222", "free")],
        1,
    ),
    (
        "Unseen",
        "Modern Slavery and Exploitation Helpline",
        "report",
        False,
        False,
        ["modern-slavery"],
        "24 hours a day, every day",
        "Report a concern about forced labour, sexual exploitation or domestic servitude, or get help for yourself.",
        [(PHONE, "08000 121 700", "free")],
        2,
    ),
    (
        "NSPCC",
        "Worried about a child",
        "report",
        False,
        False,
        ["exploitation-and-county-lines", "sexual-violence"],
        "",
        "Talk to a children's safeguarding expert about a child you think is being exploited or abused.",
        [(PHONE, "0808 800 5000", "free")],
        3,
    ),
    (
        "Childline",
        "For children and young people",
        "support",
        False,
        False,
        ["exploitation-and-county-lines", "sexual-violence", "domestic-abuse"],
        "24 hours a day, every day",
        "Anyone under 19 can talk to a counsellor about anything, in confidence.",
        [(PHONE, "0800 1111", "free")],
        2,
    ),
    (
        "Counter Terrorism Policing",
        "Report concerns about terrorism or radicalisation",
        "report",
        False,
        True,
        ["radicalisation-and-extremism"],
        "24 hours a day, every day",
        "Report suspicious activity or worrying material online. You can also ask the police for Prevent support for someone at risk of being drawn into extremism.",
        [
            (PHONE, "0800 789 321", "Anti-Terrorist Hotline, free"),
            (ONLINE, "https://act.campaign.gov.uk/", "report online"),
        ],
        2,
    ),
]

EXTRA_TOPICS = [
    (
        "Radicalisation and extremism",
        False,
        "People being drawn into terrorism or extremist groups, online or in person.",
    ),
]


def load(command, home):
    for name, sensitive, description in EXTRA_TOPICS:
        Topic.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "sensitive": sensitive, "description": description},
        )
    all_topics = list(Topic.objects.all())
    for (
        organisation,
        name,
        kind,
        emergency,
        anonymous,
        slugs,
        hours,
        description,
        channels,
        order,
    ) in ROUTES:
        if ReportingRoute.objects.filter(organisation=organisation, name=name).exists():
            continue
        route = ReportingRoute(
            organisation=organisation,
            name=name,
            kind=kind,
            is_emergency=emergency,
            is_anonymous=anonymous,
            hours=hours,
            description=description,
            sort_order=order,
        )
        for position, (channel_kind, value, note) in enumerate(channels):
            route.channels.add(
                ReportingChannel(kind=channel_kind, value=value, note=note, sort_order=position)
            )
        route.topics.set(
            all_topics if slugs == ALL_TOPICS else [t for t in all_topics if t.slug in slugs]
        )
        route.save()
    ensure_page(
        home,
        ReportPage,
        "report",
        title="Report it",
        show_in_menus=True,
        introduction="Choose what you want to report to see who to tell and where to get support. "
        "Many services let you report without giving your name.",
    )
    command.say(
        f"Reporting: {ReportingRoute.objects.count()} routes and the Report page are in place."
    )

"""Campaigns, topics and reporting for every partnership: the national topics, a year of national
awareness dates, the national reporting routes and helplines (each with where it is published),
the Campaigns section with its Comms approval workflow, and the Report it page.

Local routes (the council's anti-social behaviour team, the police force's online form) are
the partnership's to add, under Snippets > Reporting routes.
"""

from datetime import date

from django.utils.text import slugify

from campaigns.models import (
    AwarenessDate,
    CampaignIndexPage,
    ReportingChannel,
    ReportingRoute,
    ReportPage,
    Topic,
)
from home.ensure import ensure_approval_workflow, ensure_page, grant, site_home
from home.starter import COMMS_LEADS, COMMS_TEAM, EVERYONE, PAGE_DRAFTING

WORKFLOW_NAME = "Comms approval"
TASK_NAME = "Comms lead approval"


def set_up(command):
    topics = ensure_topics()
    ensure_awareness_dates(topics)
    ensure_routes()
    home = site_home()
    index = ensure_page(
        home,
        CampaignIndexPage,
        "campaigns",
        title="Campaigns",
        search_description="What we are asking people to look out for, with toolkits to share.",
        show_in_menus=True,
        introduction=(
            "What the partnership is asking people to look out for, through the year. Partners, "
            "parish councils and community groups are welcome to share every campaign's toolkit."
        ),
    )
    ensure_page(
        home,
        ReportPage,
        "report",
        title="Report it",
        search_description="Who to tell about a crime or a worry, and where to get support.",
        show_in_menus=True,
        introduction="Choose what you want to report to see who to tell and where to get support. "
        "Many services let you report without giving your name.",
    )
    ensure_workflow(index)
    grant(
        COMMS_TEAM,
        model_permissions=(
            "campaigns.add_topic",
            "campaigns.change_topic",
            "campaigns.add_awarenessdate",
            "campaigns.change_awarenessdate",
            "campaigns.delete_awarenessdate",
            "campaigns.add_reportingroute",
            "campaigns.change_reportingroute",
        ),
        pages=[index],
        # No publish_page: campaigns go live through the Comms approval workflow. Without it,
        # deleting covers drafts only, never a campaign that is live.
        page_permissions=PAGE_DRAFTING,
    )
    command.say(
        f"Campaigns: {Topic.objects.count()} topics, {AwarenessDate.objects.count()} awareness "
        f"dates, {ReportingRoute.objects.count()} reporting routes and the Comms approval "
        "workflow are in place."
    )


def ensure_workflow(index):
    """'Comms approval' for every campaign page: the comms team has no permission to publish
    campaigns, so each goes to a comms lead, who approves it unless it is their own work."""
    grant(COMMS_LEADS, model_permissions=EVERYONE, pages=[index], page_permissions=PAGE_DRAFTING)
    return ensure_approval_workflow(WORKFLOW_NAME, TASK_NAME, COMMS_LEADS, [index])


# Topics ---------------------------------------------------------------------------------------

TOPICS = [
    # name, sensitive, description
    (
        "Hate crime",
        True,
        "Crimes and incidents aimed at someone because of their disability, race, religion, "
        "sexual orientation or transgender identity.",
    ),
    (
        "Domestic abuse",
        True,
        "Controlling, coercive, threatening or violent behaviour by a partner, former partner "
        "or family member.",
    ),
    (
        "Anti-social behaviour",
        False,
        "Behaviour that causes harassment, alarm or distress: nuisance neighbours, rowdy groups, "
        "misuse of parks and open spaces.",
    ),
    (
        "Scams and fraud",
        False,
        "Tricks to take people's money or personal details, on the doorstep, by post, by phone "
        "or online.",
    ),
    (
        "Rural crime",
        False,
        "Theft of machinery, fuel and livestock, hare coursing, fly-tipping and other crime "
        "affecting farms and villages.",
    ),
    (
        "Road safety",
        False,
        "Speeding, drink and drug driving and everything else that puts people at risk on the "
        "roads where people live.",
    ),
    (
        "Night-time economy",
        False,
        "Keeping people safe in pubs, bars, clubs and town centres in the evening and at night.",
    ),
    (
        "Exploitation and county lines",
        True,
        "Children and adults drawn into carrying drugs, committing crime or being used for sex "
        "by people who groom and control them.",
    ),
    (
        "Burglary and vehicle crime",
        False,
        "Break-ins at homes, sheds and garages, and thefts of and from cars and vans.",
    ),
    (
        "Serious violence and knife crime",
        False,
        "Violence that causes serious injury, and the carrying of knives and other weapons.",
    ),
    (
        "Drugs",
        False,
        "Drug dealing and drug use, and getting people who use drugs into treatment.",
    ),
    (
        "Cybercrime",
        False,
        "Crime committed online or through computers and phones, from hacked accounts to online "
        "harassment.",
    ),
    (
        "Modern slavery",
        True,
        "People forced to work, controlled or exploited through threats, violence, debt or "
        "deception.",
    ),
    (
        "Sexual violence",
        True,
        "Rape, sexual assault, harassment and any sexual act that someone has not agreed to.",
    ),
    (
        "Radicalisation and extremism",
        False,
        "People being drawn into terrorism or extremist groups, online or in person.",
    ),
]


def ensure_topics():
    """Every topic, by slug; an existing topic with the same slug is left as it is."""
    topics = {}
    for name, sensitive, description in TOPICS:
        topics[name], _ = Topic.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "sensitive": sensitive, "description": description},
        )
    return topics


# Reporting routes and helplines ---------------------------------------------------------------

PHONE, RELAY, ONLINE = "phone", "text_relay", "online"
ALL_TOPICS = "*"

# organisation, name, kind, emergency, anonymous, topic slugs, hours, description, channels, order,
# where the organisation publishes it
ROUTES = [
    (
        "Police",
        "Call 999 in an emergency",
        "report",
        True,
        False,
        ALL_TOPICS,
        "24 hours a day, every day",
        "If someone is in danger, or a crime is happening now, call 999. If you cannot speak, stay on the line and press 55 when asked.",
        [(PHONE, "999", ""), (RELAY, "18000", "textphone or the Relay UK app")],
        0,
        "https://www.police.uk/",
    ),
    (
        "Police",
        "Report to the police when it is not an emergency",
        "report",
        False,
        False,
        ALL_TOPICS,
        "24 hours a day, every day",
        "Tell the police about a crime or incident that has already happened, or something you think they should know.",
        [
            (PHONE, "101", ""),
            (RELAY, "18001 101", "textphone or the Relay UK app"),
        ],
        1,
        "https://www.police.uk/",
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
        "https://crimestoppers-uk.org/",
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
        "https://www.fearless.org/",
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
        "https://www.report-it.org.uk/",
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
        "https://www.actionfraud.police.uk/",
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
        "https://www.citizensadvice.org.uk/",
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
        "https://www.nationaldahelpline.org.uk/",
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
        "https://rapecrisis.org.uk/",
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
        "https://www.modernslaveryhelpline.org/",
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
        "https://www.nspcc.org.uk/",
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
        "https://www.childline.org.uk/",
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
        "https://act.campaign.gov.uk/",
    ),
]


def ensure_routes():
    """Every national route, by name; an existing one is left as it is."""
    for (
        organisation, name, kind, emergency, anonymous, slugs, hours, description, channels,
        order, source,
    ) in ROUTES:  # fmt: skip
        ensure_route(
            channels,
            slugs,
            organisation=organisation,
            name=name,
            kind=kind,
            is_emergency=emergency,
            is_anonymous=anonymous,
            hours=hours,
            description=description,
            sort_order=order,
            source=source,
        )


def ensure_route(channels, topic_slugs, **fields):
    """The route with this name, made with its (kind, value, note) channels and its topics (or
    every topic, for ALL_TOPICS) if there is none."""
    existing = ReportingRoute.objects.filter(name=fields["name"]).first()
    if existing is not None:
        return existing
    route = ReportingRoute(**fields)
    for position, (kind, value, note) in enumerate(channels):
        route.channels.add(ReportingChannel(kind=kind, value=value, note=note, sort_order=position))
    topics = Topic.objects.all()
    route.topics.set(topics if topic_slugs == ALL_TOPICS else topics.filter(slug__in=topic_slugs))
    route.save()
    return route


# Awareness dates ------------------------------------------------------------------------------

AWARENESS_DATES = [
    # A yearly date is given as its first occurrence. Links only where the address is certain.
    {
        "name": "Safer Internet Day",
        "starts_on": date(2026, 2, 10),
        "topics": ["Cybercrime"],
        "description": "A day for schools, families and youth groups to talk about staying safe "
        "and being kind online.",
        "link": "https://saferinternet.org.uk",
    },
    {
        "name": "Child Exploitation Awareness Day",
        "starts_on": date(2025, 3, 18),
        "topics": ["Exploitation and county lines", "Sexual violence"],
        "description": "Helping parents, professionals and young people recognise the signs that "
        "a child is being groomed or exploited.",
    },
    {
        "name": "National Stalking Awareness Week",
        "starts_on": date(2025, 4, 21),
        "ends_on": date(2025, 4, 25),
        "topics": ["Domestic abuse"],
        "description": "Stalking is a pattern of fixated, obsessive and unwanted behaviour. The "
        "week helps victims name it and report it early.",
    },
    {
        "name": "Knife Crime Awareness Week",
        "starts_on": date(2025, 5, 19),
        "ends_on": date(2025, 5, 25),
        "topics": ["Serious violence and knife crime"],
        "description": "A national week of action on knife crime, when police forces run Op "
        "Sceptre surrenders, searches and school visits.",
    },
    {
        "name": "Neighbourhood Watch Week",
        "starts_on": date(2025, 6, 1),
        "ends_on": date(2025, 6, 7),
        "topics": ["Burglary and vehicle crime", "Anti-social behaviour"],
        "description": "A week to thank Neighbourhood Watch volunteers and encourage more people "
        "to look out for their neighbours.",
        "link": "https://www.ourwatch.org.uk",
    },
    {
        "name": "Anti-social Behaviour Awareness Week",
        "starts_on": date(2025, 6, 30),
        "ends_on": date(2025, 7, 6),
        "topics": ["Anti-social behaviour"],
        "description": "Showing residents how to report anti-social behaviour and what partners "
        "can do about it, including the Community Trigger.",
    },
    {
        "name": "Alcohol Awareness Week",
        "starts_on": date(2025, 7, 7),
        "ends_on": date(2025, 7, 13),
        "topics": ["Night-time economy", "Drugs"],
        "description": "A week to think about how alcohol affects our health, our families and "
        "our town centres, and where to get help to cut down.",
    },
    {
        "name": "Scams Awareness",
        "starts_on": date(2025, 7, 14),
        "ends_on": date(2025, 7, 27),
        "topics": ["Scams and fraud", "Cybercrime"],
        "description": "Two weeks of advice on spotting, reporting and talking about scams, so "
        "that fewer people lose money and no one feels ashamed.",
    },
    {
        "name": "Rural Crime Week of Action",
        "starts_on": date(2025, 9, 22),
        "ends_on": date(2025, 9, 28),
        "topics": ["Rural crime"],
        "description": "Joint police and council operations, farm visits and advice for rural "
        "communities, in line with the national week of action.",
    },
    {
        "name": "Hate Crime Awareness Week",
        "starts_on": date(2025, 10, 11),
        "ends_on": date(2025, 10, 18),
        "topics": ["Hate crime"],
        "description": "A week to stand with people affected by hate crime and to encourage "
        "everyone to report it.",
    },
    {
        "name": "Anti-Slavery Day",
        "starts_on": date(2025, 10, 18),
        "topics": ["Modern slavery", "Exploitation and county lines"],
        "description": "The UK's day for raising awareness of modern slavery and human "
        "trafficking, set by the Anti-Slavery Day Act 2010.",
    },
    {
        "name": "Bonfire Night",
        "starts_on": date(2025, 11, 5),
        "topics": ["Anti-social behaviour"],
        "description": "The busiest night of the year for fireworks complaints and deliberate "
        "fires. Organised displays are the safest way to celebrate.",
    },
    {
        "name": "Road Safety Week",
        "starts_on": date(2025, 11, 16),
        "ends_on": date(2025, 11, 22),
        "topics": ["Road safety"],
        "description": "The road safety charity Brake's annual week, when schools, employers and "
        "emergency services talk about safer journeys.",
        "link": "https://www.roadsafetyweek.org.uk",
    },
    {
        "name": "Safeguarding Adults Week",
        "starts_on": date(2025, 11, 17),
        "ends_on": date(2025, 11, 23),
        "topics": ["Exploitation and county lines", "Scams and fraud"],
        "description": "Raising awareness of the abuse and neglect of adults with care and "
        "support needs, and of how to raise a concern.",
    },
    {
        "name": "White Ribbon Day and 16 days of activism",
        "starts_on": date(2025, 11, 25),
        "ends_on": date(2025, 12, 10),
        "topics": ["Domestic abuse", "Sexual violence"],
        "description": "From the International Day for the Elimination of Violence against "
        "Women to Human Rights Day: 16 days of action to end men's violence against women and "
        "girls.",
        "link": "https://www.whiteribbon.org.uk",
    },
]


def ensure_awareness_dates(topics):
    """Every awareness date, by name; an existing one is left as it is."""
    for spec in AWARENESS_DATES:
        existing, created = AwarenessDate.objects.get_or_create(
            name=spec["name"],
            defaults={
                "starts_on": spec["starts_on"],
                "ends_on": spec.get("ends_on"),
                "repeats_yearly": True,
                "description": spec["description"],
                "link": spec.get("link", ""),
            },
        )
        if created:
            existing.topics.set([topics[name] for name in spec["topics"] if name in topics])

"""The demonstration partnership's page tree, settings, alert banners and teams.

Facts and figures come from the Harborough District partnership's published plans in
shared/seeds; every sentence here is written for this site.
"""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from home.drawings import drawing
from home.ensure import (
    complete_draft,
    ensure_image,
    ensure_page,
    ensure_pdf,
    grant,
    site_home,
    stream,
)
from home.models import AlertBanner, Council, SiteSettings, StandardPage
from home.site_setup import move_site_to_its_address
from home.starter import (
    COMMS_LEADS,
    COMMS_TEAM,
    PAGE_EDITING,
    PARISH_EDITORS,
    PARTNERSHIP_OFFICERS,
)

NAME = "Harborough District Community Safety Partnership"
SHORT_NAME = "Safer Harborough"
DEMO_PASSWORD = "changeme"
# The day the demo's dates were written for. Loaded on another day, each app's demo moves them:
# what was coming up then comes up after the day it is loaded, what had happened stays recent.
WRITTEN = date(2026, 11, 20)

DEMO_USERS = [
    # username, first name, last name, groups (none: the superuser)
    ("admin", "Demo", "Administrator", ()),
    ("comms", "Casey", "Comms", (COMMS_TEAM,)),
    # A second person in the comms team, who approves what `comms` submits.
    ("lead", "Lesley", "Lead", (COMMS_TEAM, COMMS_LEADS)),
    ("officer", "Parveen", "Officer", (PARTNERSHIP_OFFICERS,)),
    # Also in the Lutterworth editors group, which the areas' demo makes with the area.
    ("parish", "Pat", "Clerk", (PARISH_EDITORS,)),
]


def load(command):
    home = ensure_home_page()
    move_site_to_its_address()
    about, accessibility, privacy = ensure_standard_pages(home)
    ensure_site_settings(about, accessibility, privacy)
    ensure_alert_banners(about)
    # The comms team edits the general pages the starter did not make, too.
    grant(COMMS_TEAM, pages=StandardPage.objects.child_of(home), page_permissions=PAGE_EDITING)
    if command.with_users and settings.DEMO_USERS_ALLOWED:
        ensure_users()
    command.say("Home: the home page, standard pages, settings, banners and logins are in place.")


def ensure_home_page():
    """The starter's home page, given its words once."""
    home = site_home()
    if not home.introduction:
        home.title = "Working together for a safer Harborough District"
        home.seo_title = NAME
        home.introduction = (
            "The council, police, fire service, health and voluntary groups of Harborough District "
            "work as one partnership to cut crime, support people at risk and help everyone feel "
            "safe where they live."
        )
        home.save_revision().publish()
    return home


def ensure_standard_pages(home):
    about = ensure_page(
        home,
        StandardPage,
        "about",
        title="About the partnership",
        show_in_menus=True,
        introduction=(
            "Harborough District Community Safety Partnership brings together the organisations "
            "that the Crime and Disorder Act 1998 makes responsible for community safety, with "
            "the voluntary groups and businesses that share the work."
        ),
        body=[
            text(
                "<h2>Who is in the partnership</h2>"
                "<p>The responsible authorities are Harborough District Council, Leicestershire "
                "Police, Leicestershire Fire and Rescue Service, Leicestershire County Council, the "
                "NHS and the Probation Service. The Office of the Police and Crime Commissioner "
                "funds much of the local work.</p>"
                "<h2>What we must do</h2>"
                "<p>Every year we look at the evidence on crime and disorder in the district, "
                "choose our priorities, publish an action plan and report on our progress. The "
                "district council's scrutiny committee checks our work at least twice a year.</p>"
            ),
            figure_block(),
            (
                "statistic",
                {
                    "value": "3",
                    "label": "priorities in the 2021 to 2022 plan: people, places and property",
                    "source": "Harborough Community Safety Partnership action plan 2021 to 2022",
                },
            ),
            text(
                "<h2>Our priorities</h2>"
                "<ul><li><b>People</b>: understand what drives violence and coercive behaviour "
                "and support those at risk, especially from domestic abuse and exploitation.</li>"
                "<li><b>Places</b>: work with communities on anti-social behaviour, drug use, "
                "speeding and a safe night-time economy.</li>"
                "<li><b>Property</b>: help people protect their homes, vehicles and farms from "
                "burglary, theft, arson, scams and cybercrime.</li></ul>"
                "<p>Three themes run through all of them: preventing harm from drugs and alcohol, "
                "bringing communities together, and sharing information between agencies.</p>"
            ),
            (
                "document",
                {
                    "document": plan_summary_pdf().pk,
                    "title": "The partnership's plan on a page",
                    "description": "Our three priorities and three cross-cutting themes on a single page.",
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "Tell us what worries you",
                    "text": "Your views shape next year's priorities. Write to the community safety team.",
                    "link": {
                        "text": "Email the team",
                        "url": "mailto:communitysafety@harborough.gov.uk",
                        "page": None,
                    },
                },
            ),
        ],
    )
    support = ensure_page(
        home,
        StandardPage,
        "support-after-abuse",
        title="Support after abuse",
        show_quick_exit=True,
        introduction=(
            "If someone is hurting or controlling you, you are not alone and it is not your fault. "
            "Help is free and confidential."
        ),
        body=[
            (
                "warning_text",
                {
                    "text": "If you are in danger now, call 999. If you cannot speak, press 55 when asked."
                },
            ),
            (
                "accordion",
                {
                    "heading": "Questions people often ask",
                    "sections": [
                        {
                            "heading": "Who can I talk to, day or night?",
                            "summary": "A free helpline that is open all the time",
                            "content": "<p>The National Domestic Abuse Helpline is free and open 24 hours "
                            "a day on 0808 2000 247.</p>",
                        },
                        {
                            "heading": "Can I report a crime without giving my name?",
                            "summary": "",
                            "content": "<p>Yes. Crimestoppers takes reports on 0800 555 111 and never "
                            "asks who you are.</p>",
                        },
                        {
                            "heading": "Will anyone know I visited this page?",
                            "summary": "",
                            "content": "<p>Your browser may keep a record of the pages you visit. Use a "
                            "private window, or clear your history after your visit. The 'Exit this "
                            "page' button takes you to a weather website straight away.</p>",
                        },
                    ],
                },
            ),
            (
                "inset_text",
                {"text": "<p>Men, women and children can all be victims of domestic abuse.</p>"},
            ),
        ],
    )
    accessibility = complete_draft(
        home.get_children().get(slug="accessibility-statement").specific,
        body=[
            text(
                "<h2>Using this website</h2>"
                "<p>We want as many people as possible to be able to use this website. You should be "
                "able to zoom in to 400% without text spilling off the screen, move around the site "
                "with just a keyboard or speech recognition software, and listen to it with a screen "
                "reader.</p>"
                "<h2>Compliance status</h2>"
                "<p>We aim to meet the Web Content Accessibility Guidelines version 2.2 at AA "
                "standard. Every type of page is checked automatically before each release.</p>"
                "<h2>Reporting a problem</h2>"
                "<p>If you find something that does not work, email communitysafety@harborough.gov.uk "
                "and tell us the address of the page. We will reply within 10 working days.</p>"
            ),
        ],
    )
    privacy = complete_draft(
        home.get_children().get(slug="privacy").specific,
        body=[
            text(
                "<h2>Cookies</h2><p>The public pages of this website set no cookies and use no "
                "analytics or tracking.</p>"
                "<h2>Searches</h2><p>The words people type into the search box are counted, with "
                "nothing about who typed them, so that the partnership can see what residents look "
                "for and what they do not find. They are deleted after 30 days. Please do not "
                "type your own or anyone else's personal details into the search box.</p>"
                "<h2>Links to other websites</h2><p>Links to organisations that can help take you to "
                "their own websites, which have their own privacy notices.</p>"
            ),
        ],
    )
    ensure_signposts(home, about, support)
    return about, accessibility, privacy


def ensure_signposts(home, about, support):
    if home.signposts:
        return
    home.signposts = stream(
        [
            signpost(
                "Report a crime online",
                "Tell Leicestershire Police about something that is not an emergency, any time.",
                url="https://www.leics.police.uk/ro/report",
            ),
            signpost(
                "Support after abuse",
                "Free, confidential help for anyone affected by domestic abuse, day or night.",
                page=support,
            ),
            signpost(
                "About the partnership",
                "Who we are, what the law asks of us and how we decide our priorities.",
                page=about,
            ),
        ]
    )
    home.save_revision().publish()


def signpost(heading, text, *, url="", page=None):
    link = {"text": heading, "url": url, "page": page.pk if page else None}
    return ("signpost", {"heading": heading, "text": text, "link": link})


def text(html):
    return ("text", html)


def figure_block():
    image = ensure_image("Partners around one table", drawing("partners", "#f3f8f6", []))
    alt = "Six partner organisations, drawn as coloured circles, seated around one table"
    caption = "Every partner brings its own powers and knowledge to the same table."
    return (
        "figure",
        {"image": {"image": image.pk, "alt_text": alt, "decorative": False}, "caption": caption},
    )


def plan_summary_pdf():
    return ensure_pdf(
        "Plan on a page 2021 to 2022",
        [
            "Harborough District Community Safety Partnership",
            "",
            "Priority 1, People: violence, coercion, domestic abuse, exploitation.",
            "Priority 2, Places: anti-social behaviour, drugs, speeding, night-time economy.",
            "Priority 3, Property: rural crime, vehicle crime, burglary, arson, scams.",
            "",
            "Across all three: substance misuse, community cohesion, information sharing.",
        ],
    )


def ensure_site_settings(*pages):
    """The demo's contact details, and the starter's safety advice published."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    complete_draft(site_settings.safety_advice_page.specific)
    if site_settings.contact_email:
        return site_settings
    site_settings.description = (
        "The council, police, fire, health and voluntary partners working to keep Harborough "
        "District safe: our priorities, campaigns, events and what we did about what you told us."
    )
    site_settings.contact_email = "communitysafety@harborough.gov.uk"
    site_settings.contact_phone = "01858 828282"
    site_settings.contact_address = "Community Safety Team\nHarborough District Council\nAdam and Eve Street\nMarket Harborough\nLE16 7AG"
    site_settings.footer_links = stream(
        ("link", {"text": page.title, "page": page.pk, "url": ""}) for page in pages
    )
    site_settings.councils.add(
        Council(
            name="Harborough District Council",
            phone="01858 828282",
            address="The Symington Building\nAdam and Eve Street\nMarket Harborough\nLE16 7AG",
            website="https://www.harborough.gov.uk/",
        )
    )
    site_settings.save()
    return site_settings


def ensure_alert_banners(about):
    now = timezone.now()
    if not AlertBanner.objects.filter(title="This is a demonstration site").exists():
        banner = AlertBanner(
            title="This is a demonstration site",
            level=AlertBanner.Level.INFORMATION,
            message="<p>Facts and figures come from Harborough's published plans. People, events and news are made up.</p>",
            link_text="About the partnership",
            link_page=about,
        )
        banner.save()
        banner.save_revision().publish()
    if not AlertBanner.objects.filter(title="Christmas lights switch-on: road closures").exists():
        # Prepared in advance: it goes up when publish_scheduled reaches its go-live time.
        banner = AlertBanner(
            title="Christmas lights switch-on: road closures",
            level=AlertBanner.Level.WARNING,
            message="<p>The town centre is closed to traffic from 3pm to 9pm. Allow extra time for your journey.</p>",
            live=False,
        )
        banner.go_live_at = now + timedelta(days=7)
        banner.expire_at = now + timedelta(days=8)
        banner.save()
        banner.save_revision().publish()


def ensure_users():
    User = get_user_model()
    for username, first, last, group_names in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.com",
            is_staff=not group_names,
            is_superuser=not group_names,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=group_names))

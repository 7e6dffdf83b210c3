"""The demonstration partnership's campaigns, in every publishing state, on the topics and
awareness dates and through the Comms approval workflow that campaigns/starter.py sets up.

Campaign names and local facts (Ask for Angela, Op Sceptre, Safer Summer, Lighter and Darker
Nights, Celebrate Safely, Op Arable) come from the published plans in shared/seeds; every
sentence here is written for this site. Priorities and partners are linked by a later step,
because the plans app loads after this one.

Dates move with the day the demo is loaded (home/demo.py, WRITTEN): what was scheduled is still
to come, and what has ended is still recent.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from wagtail.models import Workflow

from campaigns import demo_reporting
from campaigns.models import AwarenessDate, CampaignIndexPage, CampaignPage, Topic
from campaigns.starter import WORKFLOW_NAME
from home.demo import WRITTEN
from home.drawings import drawing
from home.ensure import (
    ensure_image,
    ensure_page,
    ensure_pdf,
    site_home,
    stream,
)
from home.relative_dates import moved_years, years_ahead, years_back
from plans.demo_places import current_plan_slug
from plans.models import Partner, PriorityPage

LONDON = ZoneInfo("Europe/London")

# The publishing states a campaign page is created in, so the comms schedule shows them all.
LIVE = "live"
SCHEDULED = "scheduled"
DRAFT = "draft"
IN_MODERATION = "in moderation"

HERO_SIZE = (1200, 630)
SQUARE_SIZE = (1080, 1080)
SQUARE_USAGE = "Square, for Instagram, Facebook and WhatsApp"

PLAN_2021 = "Harborough Community Safety Partnership action plan 2021 to 2022"
TEAM_EMAIL = "mailto:communitysafety@harborough.gov.uk"


def load(command):
    topics = {topic.name: topic for topic in Topic.objects.all()}
    awareness_dates = {one.name: one for one in AwarenessDate.objects.all()}
    home = site_home()
    index = CampaignIndexPage.objects.child_of(home).get()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    comms_user = get_user_model().objects.filter(username="comms").first()
    for spec in campaign_specs(home):
        spec = in_time(spec, command.today)
        ensure_campaign(index, spec, topics, awareness_dates, workflow, comms_user, command.today)
    demo_reporting.load(command)
    campaigns = CampaignPage.objects.child_of(index)
    command.say(f"Campaigns: {campaigns.count()} campaigns ({campaigns.live().count()} live).")


# Building campaigns ---------------------------------------------------------------------------


def text(html):
    return ("text", html)


def call_to_action(heading, description, link_text, *, url="", page=None):
    return (
        "call_to_action",
        {
            "heading": heading,
            "text": description,
            "link": {"text": link_text, "url": url, "page": page.pk if page else None},
        },
    )


def accordion(heading, *sections):
    return (
        "accordion",
        {
            "heading": heading,
            "sections": [
                {"heading": question, "summary": "", "content": answer}
                for question, answer in sections
            ],
        },
    )


def statistic(value, label, source=PLAN_2021):
    return ("statistic", {"value": value, "label": label, "source": source})


def inset(html):
    return ("inset_text", {"text": html})


def square(alt_text, background, colours):
    """A social media square for the toolkit, in the campaign's own motif."""
    return {"alt_text": alt_text, "background": background, "colours": colours}


def leaflet(title, description, lines):
    """A one-page PDF for the toolkit."""
    return {"title": title, "description": description, "lines": lines}


def campaign_specs(home):
    """Every campaign, in the order they were made. `home` finds the pages they link to."""
    support = home.get_children().filter(slug="support-after-abuse").first()
    report_online = "https://www.leics.police.uk/ro/report"
    return [
        {
            "slug": "ask-for-angela",
            "title": "Ask for Angela",
            "state": LIVE,
            "strapline": "Feel unsafe on a night out? Ask the staff for Angela.",
            "summary": "If a date, or anyone else, makes you feel unsafe in a pub, bar or club, "
            "go to the bar and ask for Angela. The staff will help you leave quietly and safely.",
            "window": (date(2025, 1, 1), date(2025, 12, 31), True),
            "awareness_date": None,
            "topics": ["Night-time economy", "Sexual violence"],
            "hashtags": "#AskForAngela",
            "hero": ("angela", "#3d2b56", ["#f499be", "#ffffff", "#ffdd00"]),
            "hero_alt_text": "A pink speech bubble beside a glass, on a deep purple background",
            "body": [
                text(
                    "<h2>How it works</h2>"
                    "<p>Go to the bar and ask for ‘Angela’. Staff trained in the scheme will "
                    "know that you need help without you having to explain. They might call you "
                    "a taxi, take you out through another door, phone a friend for you or, if "
                    "you are in danger, call the police. Nobody else needs to know.</p>"
                    "<h2>Where you can use it</h2>"
                    "<p>Pubs, bars, clubs and restaurants in Harborough Pubwatch take part, in "
                    "Market Harborough, Lutterworth and beyond. Look for the posters in the "
                    "toilets and behind the bar. The scheme runs all year round.</p>"
                ),
                inset(
                    "<p>We refreshed the scheme with every Pubwatch venue as the night-time "
                    "economy reopened after lockdown, and we ask venues each spring how often it "
                    "has been used.</p>"
                ),
                accordion(
                    "Questions from pubs, bars and clubs",
                    (
                        "How does our venue join?",
                        "<p>Email the community safety team. We will send posters for your "
                        "toilets and bar, and a short briefing for your staff.</p>",
                    ),
                    (
                        "What do staff need to know?",
                        "<p>That a request for Angela is a request for help, to take it "
                        "seriously, to ask nothing more than they need to, and to call 999 if "
                        "anyone is in danger.</p>",
                    ),
                    (
                        "Someone asked for Angela. What now?",
                        "<p>Once the customer is safe, tell your Pubwatch chair or the "
                        "community safety team, without names. It helps us see where and when "
                        "people feel unsafe.</p>",
                    ),
                ),
                call_to_action(
                    "Run a licensed venue?",
                    "Join the scheme and get free posters and a staff briefing.",
                    "Email the community safety team",
                    url=TEAM_EMAIL,
                ),
            ],
            "toolkit": [
                leaflet(
                    "Ask for Angela: a briefing for bar staff",
                    "A page to pin up behind the bar: what to do when someone asks for Angela.",
                    [
                        "When a customer asks for Angela, they are asking for help.",
                        "",
                        "1. Stay calm and take them somewhere quiet and safe.",
                        "2. Ask only what you need: are they in danger right now?",
                        "3. Offer to call a taxi, a friend or family member.",
                        "4. If they are in danger, call 999.",
                        "5. Do not confront the person they are with.",
                        "",
                        "Afterwards, tell your Pubwatch chair (no names needed).",
                        "communitysafety@harborough.gov.uk",
                    ],
                ),
            ],
        },
        {
            "slug": "hate-crime-awareness-week",
            "title": "Hate Crime Awareness Week",
            "state": LIVE,
            "strapline": "Hate has no home in Harborough District.",
            "summary": "A week to stand together against hate and to make sure everyone knows "
            "how to report it. Hate crime is badly under-reported: telling someone is the first "
            "step to stopping it.",
            "window": (date(2025, 10, 11), date(2025, 10, 18), True),
            "awareness_date": "Hate Crime Awareness Week",
            "topics": ["Hate crime"],
            "hashtags": "#HateCrimeAwarenessWeek #NoPlaceForHate",
            "hero": (
                "circles",
                "#1d70b8",
                [
                    "#ffdd00",
                    "#f47738",
                    "#d4351c",
                    "#00703c",
                    "#ffffff",
                    "#912b88",
                    "#28a197",
                    "#f499be",
                ],
            ),
            "hero_alt_text": "A ring of overlapping circles in many colours on a blue background",
            "body": [
                text(
                    "<h2>What hate crime is</h2>"
                    "<p>A hate crime is any crime that the victim, or anyone else, thinks was "
                    "driven by hostility towards someone’s disability, race, religion, sexual "
                    "orientation or transgender identity. It can be violence, threats, damage "
                    "to property or abuse online. Hate incidents that are not crimes, such as "
                    "name-calling in the street, can be reported too, and they matter.</p>"
                    "<h2>What we are doing during the week</h2>"
                    "<p>Partners will be at markets and libraries across the district, talking "
                    "to secondary school pupils and sharing the stories of local people who "
                    "spoke up. Racial hate crime is a focus of our plan, so we are working "
                    "closely with community and faith groups.</p>"
                ),
                accordion(
                    "Ways to report hate crime",
                    ("In an emergency", "<p>If someone is in danger, call 999.</p>"),
                    (
                        "To the police",
                        "<p>Call Leicestershire Police on 101, or report it online at any "
                        "time.</p>",
                    ),
                    (
                        "Without giving your name",
                        "<p>Crimestoppers takes reports on 0800 555 111 and never asks who "
                        "you are.</p>",
                    ),
                    (
                        "On behalf of someone else",
                        "<p>You can report a hate crime you saw, or one that happened to a "
                        "friend or relative, if they agree.</p>",
                    ),
                ),
                call_to_action(
                    "Report hate crime online",
                    "True Vision is the police’s national website for reporting hate crime.",
                    "Report it to True Vision",
                    url="https://www.report-it.org.uk",
                ),
            ],
            "toolkit": [
                square(
                    "A ring of overlapping circles in many colours on a dark background",
                    "#0b0c0c",
                    [
                        "#ffdd00",
                        "#f47738",
                        "#d4351c",
                        "#00703c",
                        "#1d70b8",
                        "#912b88",
                        "#28a197",
                        "#f499be",
                    ],
                ),
                leaflet(
                    "How to report hate crime",
                    "A poster for noticeboards, reception desks and community venues.",
                    [
                        "Hate crime is any crime aimed at someone because of their",
                        "disability, race, religion, sexual orientation or",
                        "transgender identity.",
                        "",
                        "In an emergency: call 999.",
                        "Leicestershire Police: call 101 or report online.",
                        "Anonymously: Crimestoppers, 0800 555 111.",
                        "Online: True Vision, www.report-it.org.uk",
                        "",
                        "Hate has no home in Harborough District.",
                    ],
                ),
            ],
        },
        {
            "slug": "white-ribbon-day",
            "title": "White Ribbon Day",
            "state": LIVE,
            # Live now, and taken down automatically the day after the 16 days end.
            "expire_at": datetime(2026, 12, 11, 0, 0, tzinfo=LONDON),
            "show_quick_exit": True,
            "strapline": "Never use, excuse or stay silent about men’s violence against women.",
            "summary": "White Ribbon Day on 25 November starts 16 days of action to end men’s "
            "violence against women and girls. Make the White Ribbon promise, and find out "
            "where to get help.",
            "window": (date(2025, 11, 25), date(2025, 12, 10), True),
            "awareness_date": "White Ribbon Day and 16 days of activism",
            "topics": ["Domestic abuse", "Sexual violence"],
            "hashtags": "#WhiteRibbonDay #16DaysOfActivism",
            "hero": ("ribbon", "#4c2c92", ["#ffffff", "#f499be"]),
            "hero_alt_text": "A white awareness ribbon on a purple background, between 16 pink dots",
            "body": [
                text(
                    "<h2>Why it matters here</h2>"
                    "<p>Domestic abuse is a priority for the partnership, and cutting violence "
                    "with injury in the home is one of the main aims of our plan. Most abuse is "
                    "never reported to anyone, so these 16 days are a chance to talk about it "
                    "openly, at work, at the club and at home.</p>"
                    "<h2>The 16 days</h2>"
                    "<p>The 16 days run from the International Day for the Elimination of "
                    "Violence against Women on 25 November to Human Rights Day on 10 December. "
                    "Partners will light buildings in white, visit workplaces and sports clubs, "
                    "and share advice every day on social media.</p>"
                ),
                (
                    "quote",
                    {
                        "quote": "I promise never to use, excuse or remain silent about men’s "
                        "violence against women.",
                        "attribution": "The White Ribbon promise",
                    },
                ),
                (
                    "warning_text",
                    {
                        "text": "If you are in danger now, call 999. If you cannot speak, press "
                        "55 when asked."
                    },
                ),
                call_to_action(
                    "Support after abuse",
                    "Free, confidential help for anyone affected by domestic abuse, day or night.",
                    "Find support",
                    page=support,
                    url="" if support else "https://www.whiteribbon.org.uk",
                ),
            ],
            "toolkit": [
                square(
                    "A white awareness ribbon on a purple background, between 16 pink dots",
                    "#4c2c92",
                    ["#ffffff", "#f499be"],
                ),
            ],
        },
        {
            "slug": "safer-summer",
            "title": "Safer Summer",
            "state": LIVE,
            "strapline": "Enjoy the long days, and keep your home, shed and neighbours safe.",
            "summary": "Our summer campaign with Leicestershire Police on holiday burglary, "
            "thefts from sheds and gardens, and anti-social behaviour in parks and open spaces.",
            "window": (date(2025, 6, 1), date(2025, 8, 31), False),
            "awareness_date": "Anti-social Behaviour Awareness Week",
            "topics": ["Anti-social behaviour", "Burglary and vehicle crime"],
            "hashtags": "#SaferSummer",
            "hero": ("sun", "#5694ca", ["#ffdd00", "#00703c", "#f3f2f1", "#d4351c"]),
            "hero_alt_text": "A bright sun over a small house and a green lawn",
            "body": [
                text(
                    "<h2>Before you go away</h2>"
                    "<p>Lock every door and window, ask a neighbour to take in your post and "
                    "park on your drive, and put a lamp on a timer. Wait until you are home to "
                    "share your holiday photos. Would a burglar like what they can see through "
                    "your windows?</p>"
                    "<h2>Sheds, garages and allotments</h2>"
                    "<p>Fit a strong padlock, mark tools and bikes with your postcode, and keep "
                    "ladders locked away where they cannot be used to reach upstairs "
                    "windows.</p>"
                ),
                statistic(
                    "48%",
                    "fewer burglaries in the district from April to June 2021 than a year "
                    "before: 43, down from 83",
                ),
                inset(
                    "<p>Safer Summer ran on HFM and Cross Counties Radio and on social media "
                    "across Leicestershire.</p>"
                ),
            ],
            "toolkit": [],
        },
        {
            "slug": "lighter-nights",
            "title": "Lighter Nights",
            # Being written: not yet published.
            "state": DRAFT,
            "strapline": "Lighter evenings bring everyone out. Let’s keep parks and streets friendly.",
            "summary": "As the evenings get lighter, reports of anti-social behaviour go up. "
            "Find out what partners are doing, what you can do and how to report it.",
            "window": (date(2025, 3, 1), date(2025, 4, 30), True),
            "awareness_date": None,
            "topics": ["Anti-social behaviour"],
            "hashtags": "#LighterNights",
            "hero": (
                "dusk",
                "#f47738",
                ["#912b88", "#d4351c", "#f47738", "#ffbf47", "#ffdd00", "#00703c", "#0b4d2c"],
            ),
            "hero_alt_text": "A low evening sun in a purple and orange sky behind park trees",
            "body": [
                text(
                    "<h2>What partners are doing</h2>"
                    "<p>Neighbourhood officers, council wardens and youth workers patrol parks, "
                    "play areas and town centres more often through the spring, and housing "
                    "associations remind tenants what is expected of them.</p>"
                    "<h2>What you can do</h2>"
                    "<p>Talk to your children about where they are going and who with. Report "
                    "anti-social behaviour to Leicestershire Police on 101 or online, and tell "
                    "the council about noise, litter and fly-tipping.</p>"
                ),
                statistic(
                    "22%",
                    "fall in anti-social behaviour incidents in the spring of 2021, when "
                    "Lighter Nights ran",
                ),
                call_to_action(
                    "Report anti-social behaviour",
                    "Tell Leicestershire Police online, at any time.",
                    "Report it online",
                    url=report_online,
                ),
            ],
            "toolkit": [],
        },
        {
            "slug": "celebrate-safely",
            "title": "Celebrate Safely",
            # Ready in good time, going live a week before the campaign starts.
            "state": SCHEDULED,
            "go_live_at": datetime(2026, 11, 24, 9, 0, tzinfo=LONDON),
            "strapline": "Enjoy the festive season in our town centres, and get home safely.",
            "summary": "Over Christmas and New Year, police, council and outreach workers will "
            "be in Market Harborough and Lutterworth on the busiest nights. Plan your night, "
            "know your limits and look after your friends.",
            "window": (date(2026, 12, 1), date(2027, 1, 2), False),
            "awareness_date": None,
            "topics": ["Night-time economy", "Drugs", "Serious violence and knife crime"],
            "hashtags": "#CelebrateSafely",
            "hero": ("fireworks", "#0b0c0c", ["#ffdd00", "#f499be", "#28a197", "#ffffff"]),
            "hero_alt_text": "Bursts of yellow, pink and green fireworks over dark rooftops",
            "body": [
                text(
                    "<h2>On the busiest nights</h2>"
                    "<p>You may see the police drugs dog, a knife arch at venue doors and "
                    "outreach workers from Turning Point in the town centres. They are there to "
                    "stop trouble before it starts and to help anyone who needs it.</p>"
                    "<h2>Know your limits</h2>"
                    "<p>Eat before you go out, swap every other drink for a soft one, plan how "
                    "you will get home and never leave a friend on their own.</p>"
                ),
                accordion(
                    "Getting home safely",
                    (
                        "Taxis",
                        "<p>Book a licensed taxi or private hire car before you go out, and "
                        "check the driver’s badge before you get in.</p>",
                    ),
                    (
                        "Driving the morning after",
                        "<p>You can still be over the limit the next morning. If you have had "
                        "a late night, leave the car at home.</p>",
                    ),
                    (
                        "If you think your drink has been spiked",
                        "<p>Tell the bar staff straight away, stay with someone you trust and "
                        "get medical help. Report it to the police, even if you are not sure.</p>",
                    ),
                ),
            ],
            "toolkit": [
                square(
                    "Bursts of yellow, pink and green fireworks over dark rooftops",
                    "#1d1a3a",
                    ["#ffdd00", "#f499be", "#28a197", "#ffffff"],
                ),
            ],
        },
        {
            "slug": "darker-nights",
            "title": "Darker Nights",
            "state": LIVE,
            "strapline": "When the clocks go back, make your home look lived in.",
            "summary": "Burglaries and thefts from vehicles go up when it gets dark early. A few "
            "simple habits make your home, car and shed a harder target through the autumn and "
            "winter.",
            "window": (date(2025, 10, 1), date(2026, 1, 31), True),
            "awareness_date": "Bonfire Night",
            "topics": ["Burglary and vehicle crime", "Anti-social behaviour"],
            "hashtags": "#DarkerNights",
            "hero": ("moon", "#0b1e3f", ["#ffdd00", "#505a5f", "#ffbf47", "#1d2d44"]),
            "hero_alt_text": "A crescent moon and stars over a row of houses, three with lit windows",
            "body": [
                text(
                    "<h2>At home</h2>"
                    "<p>Put lamps and a radio on timers, close the curtains when it gets dark "
                    "and keep keys well away from the letterbox. Most burglars look for an easy "
                    "way in, so lock the doors even when you are at home.</p>"
                    "<h2>Your car and van</h2>"
                    "<p>Leave nothing on show, lock it even on the drive and take tools out of "
                    "vans overnight.</p>"
                    "<h2>Bonfire night and fireworks</h2>"
                    "<p>Organised displays are the safest way to enjoy fireworks. It is against "
                    "the law to set off fireworks between 11pm and 7am, except on bonfire "
                    "night, when the limit is midnight, and on New Year’s Eve, Diwali and "
                    "Chinese New Year, when it is 1am.</p>"
                ),
                call_to_action(
                    "Report fireworks misuse",
                    "Tell Leicestershire Police about fireworks being thrown or set off late "
                    "at night.",
                    "Report it online",
                    url=report_online,
                ),
            ],
            "toolkit": [
                leaflet(
                    "Darker nights home security checklist",
                    "A checklist to print and share with neighbours, tenants and Neighbourhood "
                    "Watch members.",
                    [
                        "Before it gets dark",
                        "[ ] Lamps and a radio on timers",
                        "[ ] Curtains closed at dusk",
                        "[ ] Keys away from doors, windows and the letterbox",
                        "",
                        "Every night",
                        "[ ] Doors locked, even when you are at home",
                        "[ ] Nothing on show in the car; car locked",
                        "[ ] Tools out of the van",
                        "[ ] Shed and garage padlocked",
                        "",
                        "Going away? Ask a neighbour to collect your post.",
                    ],
                ),
            ],
        },
        {
            "slug": "op-sceptre",
            "title": "Op Sceptre: knife crime week of action",
            "state": LIVE,
            "strapline": "Carrying a knife makes you less safe, not more.",
            "summary": "During the national knife crime week of action, police and partners "
            "visit schools, hold knife surrenders and search open spaces for hidden weapons. "
            "Talk to the young people in your life about the risks.",
            "window": (date(2025, 5, 19), date(2025, 5, 25), True),
            "awareness_date": "Knife Crime Awareness Week",
            "topics": ["Serious violence and knife crime"],
            "hashtags": "#OpSceptre #KnifeFree",
            "hero": ("shield", "#005ea5", ["#ffffff", "#ffdd00", "#003078"]),
            "hero_alt_text": "A yellow and white shield above a row of blue circles",
            "body": [
                text(
                    "<h2>What happens during the week</h2>"
                    "<p>Leicestershire Police hold knife surrenders, search parks and open "
                    "spaces for hidden weapons and check that shops do not sell knives to "
                    "under-18s. Our community safety team visits secondary schools with "
                    "assemblies and workshops.</p>"
                    "<h2>In our schools</h2>"
                    "<p>Pupils at Brooke House, The Kibworth School and Welland Park Academy have "
                    "taken part in knife crime workshops, and parents get advice in the school "
                    "newsletter.</p>"
                ),
                statistic(
                    "3",
                    "secondary schools in the district took part in knife crime workshops in "
                    "the April 2021 week of action",
                ),
                accordion(
                    "For parents and carers",
                    (
                        "Signs to look out for",
                        "<p>New friends you have not met, money or clothes they cannot explain, "
                        "staying out late, or being secretive about their phone.</p>",
                    ),
                    (
                        "How to start the conversation",
                        "<p>Choose a calm moment, listen more than you talk, and explain that "
                        "most young people never carry a knife and that carrying one makes "
                        "them more likely to be hurt.</p>",
                    ),
                ),
                call_to_action(
                    "Tell someone, anonymously",
                    "Young people can pass on information about knife crime without giving "
                    "their name, through Crimestoppers’ youth service.",
                    "Go to Fearless",
                    url="https://www.fearless.org",
                ),
            ],
            "toolkit": [
                square(
                    "A yellow and white shield above a row of dark blue circles",
                    "#005ea5",
                    ["#ffffff", "#ffdd00", "#003078"],
                ),
            ],
        },
        {
            "slug": "friends-against-scams",
            "title": "Friends Against Scams",
            "state": LIVE,
            "strapline": "Scams cost more than money. Learn the signs and look out for each other.",
            "summary": "We asked residents, clubs and businesses to become Friends Against Scams: "
            "to take a free online session, learn the signs of a scam and help neighbours who "
            "might be targeted.",
            "window": (date(2024, 6, 1), date(2024, 6, 30), False),
            "awareness_date": "Scams Awareness",
            "topics": ["Scams and fraud", "Cybercrime"],
            "hashtags": "#FriendsAgainstScams #ScamAware",
            "hero": ("padlock", "#00703c", ["#ffdd00", "#ffffff", "#85994b"]),
            "hero_alt_text": "A yellow padlock with two friends on each side, on a green background",
            "body": [
                text(
                    "<h2>About Friends Against Scams</h2>"
                    "<p>Friends Against Scams is run by the National Trading Standards Scams "
                    "Team. It helps people understand scams, talk about them and protect those "
                    "most at risk, who are often older people living alone.</p>"
                    "<h2>Spot the signs</h2>"
                    "<ul><li>Contact out of the blue, by phone, post, email or at the "
                    "door</li><li>Pressure to act now, or to keep it secret</li><li>A request "
                    "to pay by bank transfer, gift cards or cash</li><li>A prize or "
                    "inheritance you have to pay to receive</li></ul>"
                ),
                inset(
                    "<p>Your bank and the police will <b>never</b> ask you to move money to a "
                    "‘safe account’.</p>"
                ),
                call_to_action(
                    "Become a Friend Against Scams",
                    "The online session is free and takes about 20 minutes.",
                    "Go to Friends Against Scams",
                    url="https://www.friendsagainstscams.org.uk",
                ),
            ],
            "toolkit": [
                leaflet(
                    "Spot a scam: a checklist to share",
                    "A one-page checklist for clubs, surgeries, libraries and neighbours.",
                    [
                        "Is it a scam? Stop and think if someone:",
                        "",
                        "- contacts you out of the blue",
                        "- rushes you, or asks you to keep it secret",
                        "- asks for payment by bank transfer, gift cards or cash",
                        "- says you have won a prize you must pay to collect",
                        "",
                        "Your bank and the police will never ask you to",
                        "move money to a 'safe account'.",
                        "",
                        "Not sure? Hang up, and talk to someone you trust.",
                    ],
                ),
            ],
        },
        {
            "slug": "rural-crime-week",
            "title": "Rural Crime Week",
            "state": LIVE,
            "strapline": "Farms, villages and the countryside deserve to feel safe too.",
            "summary": "A week of joint patrols, farm visits and advice on stopping thefts of "
            "machinery, fuel and livestock, hare coursing and fly-tipping. Most of Harborough "
            "District is countryside: please report what you see.",
            "window": (date(2025, 9, 22), date(2025, 9, 28), True),
            "awareness_date": "Rural Crime Week of Action",
            "topics": ["Rural crime", "Burglary and vehicle crime"],
            "hashtags": "#RuralCrimeWeek #OpArable",
            "hero": ("fields", "#b1d8f0", ["#85994b", "#00703c", "#942514", "#505a5f", "#6f4e37"]),
            "hero_alt_text": "Green rolling fields with a red barn and a wooden fence",
            "body": [
                text(
                    "<h2>What happens during the week</h2>"
                    "<p>Police and council officers run joint patrols under Op Arable, visit "
                    "farms to mark equipment, check on isolated residents and hold a drop-in "
                    "for farmers and landowners.</p>"
                    "<h2>Protect your farm or smallholding</h2>"
                    "<p>Lock machinery and fuel away, mark quad bikes and tools, put cameras "
                    "on yards and gateways, and keep hay and straw stacks away from roads and "
                    "buildings: stacks set alight on purpose are a risk every summer.</p>"
                ),
                accordion(
                    "How to report rural crime",
                    (
                        "If it is happening now",
                        "<p>Call 999 if a crime is happening now, including hare coursing or "
                        "people on your land at night.</p>",
                    ),
                    (
                        "If it has already happened",
                        "<p>Call Leicestershire Police on 101, or report it online.</p>",
                    ),
                    (
                        "Fly-tipping",
                        "<p>Report it to Harborough District Council. Do not touch it or "
                        "confront anyone dumping waste.</p>",
                    ),
                    (
                        "Without giving your name",
                        "<p>Crimestoppers takes reports on 0800 555 111.</p>",
                    ),
                ),
            ],
            "toolkit": [],
        },
        {
            "slug": "road-safety-week",
            "title": "Road Safety Week",
            # Prepared for next year's week, going live a fortnight before it.
            "state": SCHEDULED,
            "go_live_at": datetime(2027, 11, 1, 9, 0, tzinfo=LONDON),
            "strapline": "Every journey on our roads should end safely.",
            "summary": "Road Safety Week, led by the charity Brake, asks everyone to think "
            "about how they travel. Fire service and council teams will be talking to new "
            "drivers and sixth formers about the ‘fatal four’.",
            "window": (date(2025, 11, 16), date(2025, 11, 22), True),
            "awareness_date": "Road Safety Week",
            "topics": ["Road safety"],
            "hashtags": "#RoadSafetyWeek",
            "hero": ("road", "#d2e2f1", ["#00703c", "#505a5f", "#ffffff", "#ffdd00"]),
            "hero_alt_text": "A grey road with white markings running between green verges",
            "body": [
                text(
                    "<h2>The fatal four</h2>"
                    "<p>Most serious collisions involve at least one of four things: speeding, "
                    "drink or drug driving, not wearing a seat belt and using a phone at the "
                    "wheel.</p>"
                    "<h2>What we are doing</h2>"
                    "<p>Leicestershire Fire and Rescue Service and the council visit sixth "
                    "forms, give information packs to new drivers and work with villages worried "
                    "about speeding traffic.</p>"
                ),
                inset(
                    "<p>Worried about speeding through your village? Ask your parish council "
                    "about Community Speedwatch.</p>"
                ),
            ],
            "toolkit": [],
        },
        {
            "slug": "anti-slavery-day",
            "title": "Anti-Slavery Day",
            # Written by the comms team and waiting for the comms lead's approval.
            "state": IN_MODERATION,
            "strapline": "Modern slavery happens in ordinary places. Know the signs.",
            "summary": "Anti-Slavery Day on 18 October is a chance to learn the signs of modern "
            "slavery and exploitation, in car washes, nail bars, farms and homes, and to report "
            "them.",
            "window": (date(2025, 10, 18), date(2025, 10, 18), True),
            "awareness_date": "Anti-Slavery Day",
            "topics": ["Modern slavery", "Exploitation and county lines"],
            "hashtags": "#AntiSlaveryDay",
            "hero": ("chain", "#ffdd00", ["#0b0c0c", "#505a5f", "#d4351c"]),
            "hero_alt_text": "A row of black chain links on yellow, with one red link broken open",
            "body": [
                text(
                    "<h2>What modern slavery is</h2>"
                    "<p>Modern slavery is when someone is forced to work, or is controlled and "
                    "exploited, through threats, violence, debt or lies. It includes forced "
                    "labour, sexual exploitation, domestic servitude and county lines, where "
                    "children are made to carry drugs.</p>"
                    "<h2>Signs to look out for</h2>"
                    "<ul><li>Someone who seems to be controlled by another person, or is never "
                    "on their own</li><li>Workers picked up and dropped off in groups at odd "
                    "hours</li><li>Clothes unsuitable for the work, or injuries that are not "
                    "explained</li><li>Someone who does not have their own passport or "
                    "ID</li></ul>"
                ),
                call_to_action(
                    "Call the Modern Slavery and Exploitation Helpline",
                    "Free and confidential, 24 hours a day, on 08000 121 700.",
                    "Go to the helpline’s website",
                    url="https://www.modernslaveryhelpline.org",
                ),
            ],
            "toolkit": [],
        },
    ]


def toolkit_blocks(spec):
    """The toolkit's blocks, drawing each square and making each leaflet if it is missing."""
    motif = spec["hero"][0]
    blocks = []
    for item in spec["toolkit"]:
        if "lines" in item:
            document = ensure_pdf(item["title"], item["lines"])
            blocks.append(
                (
                    "document",
                    {"document": document.pk, "title": "", "description": item["description"]},
                )
            )
        else:
            title = f"{spec['title']}: social media square"
            image = ensure_image(
                title, drawing(motif, item["background"], item["colours"]), SQUARE_SIZE
            )
            blocks.append(
                (
                    "image",
                    {
                        "image": image.pk,
                        "title": title,
                        "alt_text": item["alt_text"],
                        "usage": SQUARE_USAGE,
                    },
                )
            )
    return blocks


# Which of the current plan's priorities (plans.demo makes them first) each topic serves.
PRIORITY_OF_TOPIC = {
    "Hate crime": "people",
    "Domestic abuse": "people",
    "Exploitation and county lines": "people",
    "Serious violence and knife crime": "people",
    "Modern slavery": "people",
    "Sexual violence": "people",
    "Anti-social behaviour": "places",
    "Drugs": "places",
    "Road safety": "places",
    "Night-time economy": "places",
    "Scams and fraud": "property",
    "Rural crime": "property",
    "Burglary and vehicle crime": "property",
    "Cybercrime": "property",
}


def priorities_for(topic_names, today):
    slugs = {PRIORITY_OF_TOPIC[name] for name in topic_names if name in PRIORITY_OF_TOPIC}
    return list(
        PriorityPage.objects.filter(slug__in=slugs)
        .live()
        .filter(url_path__contains=f"/plans/{current_plan_slug(today)}/")
    )


def lead_partners():
    return list(
        Partner.objects.filter(name__in=["Harborough District Council", "Leicestershire Police"])
    )


def in_time(spec, today):
    """The campaign's times moved to the day the demo is loaded: a go-live or an expiry still
    to come, a campaign that has ended still recent. A yearly campaign's window comes round by
    itself."""
    start, end, repeats_yearly = spec["window"]
    soonest = spec.get("go_live_at") or spec.get("expire_at")
    if soonest is not None:
        years = years_ahead(soonest, today)
    elif not repeats_yearly:
        years = years_back([WRITTEN], today) if end <= WRITTEN else years_ahead(end, today)
    else:
        years = 0
    moved = {
        name: moved_years(spec[name], years)
        for name in ("go_live_at", "expire_at")
        if spec.get(name)
    }
    if not repeats_yearly:
        moved["window"] = (moved_years(start, years), moved_years(end, years), False)
    return {**spec, **moved}


def ensure_campaign(index, spec, topics, awareness_dates, workflow, user, today):
    """The campaign page with this slug, created in the state its spec asks for if missing."""
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    motif, background, colours = spec["hero"]
    start, end, repeats_yearly = spec["window"]
    fields = {
        "title": spec["title"],
        "strapline": spec["strapline"],
        "summary": spec["summary"],
        "hero_image": ensure_image(
            f"{spec['title']} campaign", drawing(motif, background, colours), HERO_SIZE
        ),
        "hero_alt_text": spec["hero_alt_text"],
        "window_start": start,
        "window_end": end,
        "repeats_yearly": repeats_yearly,
        "awareness_date": awareness_dates.get(spec["awareness_date"]),
        "topics": [topics[name] for name in spec["topics"]],
        "priorities": priorities_for(spec["topics"], today),
        "partners": lead_partners(),
        "body": stream(spec["body"]),
        "toolkit": stream(toolkit_blocks(spec)),
        "hashtags": spec["hashtags"],
        "show_quick_exit": spec.get("show_quick_exit", False),
    }
    state = spec["state"]
    if state == LIVE:
        return ensure_page(
            index, CampaignPage, spec["slug"], expire_at=spec.get("expire_at"), **fields
        )
    page = CampaignPage(
        slug=spec["slug"], live=False, go_live_at=spec.get("go_live_at"), owner=user, **fields
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=user)
    if state == SCHEDULED:
        # A go-live time in the future keeps the page off the site until publish_scheduled
        # reaches it; the revision records the approved time, as the editor's Schedule does.
        # As approval would: the team itself cannot publish, so no user is named here.
        revision.publish()
    elif state == IN_MODERATION:
        workflow.start(page, user)
    return page

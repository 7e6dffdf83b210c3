"""The demonstration partnership's plans: partners, indicators, this year's action plan with its
quarterly progress, and an earlier plan for comparison.

The 2026 to 2027 plan follows the shape of Harborough's 2021 to 2022 action plan (people, places
and property) and reuses its facts and figures where they fit; the 2017 to 2018 plan follows the
shape of North West Leicestershire's 2017/18 plan (coded actions in numbered sections). Every
sentence here is written for this site, and the indicator values are illustrative.
"""

from datetime import date

from home.ensure import ensure_page, ensure_pdf, site_home, stream
from home.relative_dates import dated, financial_year, period_label, quarters_finished
from plans import demo_places
from plans.models import (
    Action,
    Indicator,
    IndicatorValue,
    Partner,
    PlanIndexPage,
    PlanIndicator,
    PlanPage,
    PriorityIndicator,
    PriorityPage,
    ProgressUpdate,
)
from plans.progress import Status

COMPLETE = Status.COMPLETE
ON_TRACK = Status.ON_TRACK
AT_RISK = Status.AT_RISK
OFF_TRACK = Status.OFF_TRACK
ON_HOLD = Status.ON_HOLD
NOT_STARTED = Status.NOT_STARTED

ILLUSTRATIVE = "Illustrative figures for the demonstration site"


def load(command):
    today = command.today
    # The current plan is this financial year's, with progress up to the last quarter that has
    # ended; its words were written for the year starting in April 2026.
    this_year = financial_year(today)
    years = this_year - WRITTEN_FOR
    partners = ensure_partners()
    indicators = ensure_indicators(this_year)
    home = site_home()
    plan_index = PlanIndexPage.objects.child_of(home).get()
    with_dates_moved = dated(years)
    ensure_current_plan(
        plan_index, partners, indicators, with_dates_moved, (this_year, quarters_finished(today))
    )
    ensure_earlier_plan(plan_index, partners)
    actions = Action.objects.filter(priority__in=PriorityPage.objects.descendant_of(plan_index))
    command.say(
        f"Plans: {Partner.objects.count()} partners, {Indicator.objects.count()} indicators, "
        f"2 plans with {actions.count()} actions and their progress are in place."
    )
    demo_places.load(command)


# Partners -------------------------------------------------------------------------------------

PARTNERS = [
    # key, name, short name, kind, website
    (
        "hdc",
        "Harborough District Council",
        "HDC",
        Partner.Kind.RESPONSIBLE_AUTHORITY,
        "https://www.harborough.gov.uk",
    ),
    (
        "police",
        "Leicestershire Police",
        "Police",
        Partner.Kind.RESPONSIBLE_AUTHORITY,
        "https://www.leics.police.uk",
    ),
    (
        "lfrs",
        "Leicestershire Fire and Rescue Service",
        "LFRS",
        Partner.Kind.RESPONSIBLE_AUTHORITY,
        "https://leics-fire.gov.uk",
    ),
    (
        "lcc",
        "Leicestershire County Council",
        "LCC",
        Partner.Kind.RESPONSIBLE_AUTHORITY,
        "https://www.leicestershire.gov.uk",
    ),
    (
        "icb",
        "NHS Leicester, Leicestershire and Rutland Integrated Care Board",
        "LLR ICB",
        Partner.Kind.RESPONSIBLE_AUTHORITY,
        "https://leicesterleicestershireandrutland.icb.nhs.uk",
    ),
    (
        "probation",
        "Probation Service",
        "Probation",
        Partner.Kind.RESPONSIBLE_AUTHORITY,
        "https://www.gov.uk/government/organisations/probation-service",
    ),
    (
        "opcc",
        "Office of the Police and Crime Commissioner for Leicestershire",
        "OPCC",
        Partner.Kind.PUBLIC_BODY,
        "https://www.leics.pcc.police.uk",
    ),
    ("yos", "Leicestershire Youth Offending Service", "YOS", Partner.Kind.PUBLIC_BODY, ""),
    (
        "trading_standards",
        "Leicestershire Trading Standards",
        "Trading Standards",
        Partner.Kind.PUBLIC_BODY,
        "",
    ),
    ("victim_first", "Victim First", "", Partner.Kind.PUBLIC_BODY, ""),
    (
        "turning_point",
        "Turning Point",
        "",
        Partner.Kind.VOLUNTARY,
        "https://www.turning-point.co.uk",
    ),
    ("womens_aid", "Women’s Aid Leicestershire", "WALL", Partner.Kind.VOLUNTARY, ""),
    ("lwa", "Living Without Abuse", "LWA", Partner.Kind.VOLUNTARY, ""),
    ("jenkins", "The Jenkins Centre", "", Partner.Kind.VOLUNTARY, ""),
    ("crimestoppers", "Crimestoppers", "", Partner.Kind.VOLUNTARY, "https://crimestoppers-uk.org"),
    ("pubwatch", "Harborough Pubwatch", "Pubwatch", Partner.Kind.BUSINESS, ""),
    (
        "project_board",
        "Leicester, Leicestershire and Rutland Domestic Abuse Project Board",
        "LLR Project Board",
        Partner.Kind.PARTNERSHIP,
        "",
    ),
]


def ensure_partners():
    """Every partner, by key; an existing partner of the same name is left as it is."""
    partners = {}
    for key, name, short_name, kind, website in PARTNERS:
        partners[key], _ = Partner.objects.get_or_create(
            name=name, defaults={"short_name": short_name, "kind": kind, "website": website}
        )
    return partners


# Indicators -----------------------------------------------------------------------------------

# The financial year the current plan's words and dates are written for.
WRITTEN_FOR = 2026
# The indicators' values are for the five years before the current one.
YEARS_OF_VALUES = 5

INDICATORS = [
    {
        "slug": "total-recorded-crime",
        "name": "Total recorded crime",
        "unit": "crimes",
        "better": Indicator.Better.LOWER,
        "description": (
            "Every crime the police recorded in the district in the year, of every type. Changes "
            "in how crimes are recorded can move this figure as much as changes in crime itself."
        ),
        "values": [4870, 5310, 5190, 5040, 4910],
    },
    {
        "slug": "anti-social-behaviour-incidents",
        "name": "Anti-social behaviour incidents",
        "unit": "incidents",
        "better": Indicator.Better.LOWER,
        "description": (
            "Incidents of anti-social behaviour reported to the police, such as nuisance "
            "neighbours, rowdy groups and misuse of open spaces. Reports to the council are "
            "counted separately."
        ),
        "values": [1640, 1480, 1395, 1330, 1270],
    },
    {
        "slug": "domestic-abuse-incidents",
        "name": "Domestic abuse incidents and crimes reported to the police",
        "unit": "incidents and crimes",
        "better": Indicator.Better.HIGHER,
        "description": (
            "Most domestic abuse is never reported. A rise in reports usually means more victims "
            "trust that they will be believed and helped, so the partnership wants to see this "
            "figure go up while repeat victims and violence with injury go down."
        ),
        "values": [1062, 1118, 1154, 1197, 1236],
    },
    {
        "slug": "residential-burglary",
        "name": "Residential burglary",
        "unit": "burglaries",
        "better": Indicator.Better.LOWER,
        "description": (
            "Break-ins and attempted break-ins at homes, including sheds and garages on the same "
            "property."
        ),
        "values": [212, 236, 198, 181, 169],
    },
    {
        "slug": "road-casualties-killed-or-seriously-injured",
        "name": "People killed or seriously injured on the roads",
        "unit": "people",
        "better": Indicator.Better.LOWER,
        "description": (
            "People killed or seriously injured in collisions on the district’s roads. Most "
            "serious collisions involve one of the ‘fatal four’: speed, drink or drugs, seat "
            "belts and mobile phones."
        ),
        "values": [58, 63, 54, 57, 49],
    },
]


def ensure_indicators(this_year):
    """Every indicator with its values for the years before `this_year`, by slug. No
    revisions: they are plain records here."""
    years = [period_label(this_year - YEARS_OF_VALUES + n) for n in range(YEARS_OF_VALUES)]
    indicators = {}
    for spec in INDICATORS:
        existing = Indicator.objects.filter(slug=spec["slug"]).first()
        if existing is None:
            existing = Indicator(
                slug=spec["slug"],
                name=spec["name"],
                area="Harborough District",
                unit=spec["unit"],
                better=spec["better"],
                description=spec["description"],
                source=ILLUSTRATIVE,
                values=[
                    IndicatorValue(period=period, value=value)
                    for period, value in zip(years, spec["values"], strict=True)
                ],
            )
            existing.save()
        indicators[spec["slug"]] = existing
    return indicators


# Building actions -----------------------------------------------------------------------------


def figure(label, value, target=""):
    return ("figure", {"label": label, "value": str(value), "target": target})


def update(year, quarter, status, summary, *figures):
    return {
        "year": year,
        "quarter": quarter,
        "status": status,
        "summary": summary,
        "figures": figures,
    }


def action(
    group,
    description,
    *,
    reference="",
    outcome="",
    measures="",
    lead=(),
    support=(),
    barriers="",
    due=None,
    updates=(),
):
    return {
        "group": group,
        "description": description,
        "reference": reference,
        "outcome": outcome,
        "measures": measures,
        "lead": lead,
        "support": support,
        "barriers": barriers,
        "due": due,
        "updates": updates,
    }


def ensure_actions(priority, specs, partners, finished=None):
    """Add the priority's actions that are missing, each saved once with its updates (only
    those for quarters that have ended, where `finished` is (financial year, quarters ended)).
    An action is known by its reference where it has one, otherwise by its wording."""
    for position, spec in enumerate(specs, start=1):
        existing = priority.actions.all()
        if spec["reference"]:
            existing = existing.filter(reference=spec["reference"])
        else:
            existing = existing.filter(description=spec["description"])
        if existing.exists():
            continue
        new = Action(
            priority=priority,
            reference=spec["reference"],
            group=spec["group"],
            description=spec["description"],
            intended_outcome=spec["outcome"],
            success_measures=spec["measures"],
            possible_barriers=spec["barriers"],
            target_date=spec["due"],
            sort_order=position * 10,
        )
        for item in spec["updates"]:
            if finished and (item["year"], item["quarter"]) > (finished[0], finished[1]):
                continue
            new.progress_updates.add(
                ProgressUpdate(
                    year=item["year"],
                    quarter=item["quarter"],
                    status=item["status"],
                    summary=item["summary"],
                    figures=stream(item["figures"]),
                )
            )
        new.set_partners(
            lead=[partners[key] for key in spec["lead"]],
            supporting=[partners[key] for key in spec["support"]],
        )
        new.save()


# The current plan: 2026 to 2027 ---------------------------------------------------------------


def ensure_current_plan(plan_index, partners, indicators, moved, finished):
    """This year's plan, its priorities and their actions: the words and dates written for
    2026 to 2027, `moved` to this year."""
    plan = ensure_page(
        plan_index,
        PlanPage,
        moved("2026-2027"),
        title=moved("Community safety action plan 2026 to 2027"),
        kind=PlanPage.Kind.ACTION_PLAN,
        starts_on=moved(date(2026, 4, 1)),
        ends_on=moved(date(2027, 3, 31)),
        action_group_label="Objective",
        introduction=(
            "This year’s plan has three priorities: people, places and property. Under each one "
            "you can see what partners have agreed to do, who leads it and how it is going."
        ),
        cross_cutting_themes=[
            (
                "theme",
                {
                    "name": "Preventing harm from drugs and alcohol",
                    "description": (
                        "Drink and drugs sit behind much of the violence, anti-social behaviour "
                        "and theft we see, so every priority looks for ways to prevent misuse and "
                        "to get people into treatment."
                    ),
                },
            ),
            (
                "theme",
                {
                    "name": "Community engagement, cohesion and fear of crime",
                    "description": (
                        "Harborough District has low crime, but many residents still worry about "
                        "it. We tell people what we are doing, listen to what concerns them and "
                        "bring communities together."
                    ),
                },
            ),
            (
                "theme",
                {
                    "name": "Sharing information between agencies",
                    "description": (
                        "Partners share information lawfully and quickly, through the Joint "
                        "Action Group and agreed protocols, so that no one at risk falls "
                        "between services."
                    ),
                },
            ),
        ],
        body=[
            (
                "text",
                "<h2>How we chose these priorities</h2>"
                "<p>Each winter the partners look at a year of police, council, fire and health "
                "data, and at what residents told us in the Police and Crime Commissioner’s "
                "survey. The priorities stay broadly the same from year to year so that work "
                "has time to succeed; the actions under them change as problems change.</p>"
                "<h2>How we report progress</h2>"
                "<p>The lead partner for each action reports on it within a month of the end of "
                "each quarter. The district council’s scrutiny committee reviews the whole plan "
                "twice a year, and the figures behind this page can be downloaded as open "
                "data.</p>",
            ),
            (
                "table",
                {
                    "table_caption": "When each quarter's progress is published",
                    "table_header_choice": "row",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [
                        ["Quarter", "Months covered", "Published by"],
                        ["Q1", "April to June", "31 July"],
                        ["Q2", "July to September", "31 October"],
                        ["Q3", "October to December", "31 January"],
                        ["Q4", "January to March", "30 April"],
                    ],
                },
            ),
            (
                "inset_text",
                {
                    "text": "<p>An action marked ‘at risk’ or ‘off track’ is not a failure to "
                    "hide: it tells partners where to put extra effort.</p>"
                },
            ),
        ],
        documents=[
            (
                "document",
                {
                    "document": current_plan_pdf(moved).pk,
                    "title": "",
                    "description": "The three priorities, the cross-cutting themes and the "
                    "headline measures on a single page.",
                },
            )
        ],
        performance_indicators=[
            PlanIndicator(indicator=indicators[slug], sort_order=position)
            for position, slug in enumerate(
                ["total-recorded-crime", "anti-social-behaviour-incidents", "residential-burglary"]
            )
        ],
    )
    for spec in moved(CURRENT_PRIORITIES):
        priority = ensure_page(
            plan,
            PriorityPage,
            spec["slug"],
            title=spec["title"],
            number=spec["number"],
            short_name=spec["short_name"],
            focus=spec["focus"],
            why=spec["why"],
            aims=spec["aims"],
            headline_measures=spec["headline_measures"],
            funding=spec["funding"],
            links_to_other_plans=spec["links"],
            headline_indicators=[
                PriorityIndicator(indicator=indicators[slug], sort_order=position)
                for position, slug in enumerate(spec["indicators"])
            ],
        )
        ensure_actions(priority, spec["actions"], partners, finished)
    return plan


def current_plan_pdf(moved):
    return ensure_pdf(
        moved("Community safety action plan 2026 to 2027 on a page"),
        [
            "Harborough District Community Safety Partnership",
            "",
            "Priority 1, People: domestic abuse, exploitation, serious violence, hate crime.",
            "Priority 2, Places: anti-social behaviour, drugs, road safety, the night-time economy.",
            "Priority 3, Property: rural crime, burglary, arson, cybercrime and scams.",
            "",
            "Across all three: drugs and alcohol, community cohesion, information sharing.",
            "",
            "Progress is reported every quarter on the partnership's website.",
        ],
    )


def q1(status, summary, *figures):
    return update(2026, 1, status, summary, *figures)


def q2(status, summary, *figures):
    return update(2026, 2, status, summary, *figures)


PEOPLE_ACTIONS = [
    action(
        "Reduce repeat abuse by perpetrators",
        "Fund places on the Jenkins Centre’s programme for people from Harborough District who "
        "want to stop being abusive to their partners, with support for their partners alongside.",
        measures="12 perpetrators and 12 partners supported a year, with three in four of those who "
        "finish the programme showing a lasting reduction in abuse.",
        lead=("project_board",),
        support=("jenkins", "opcc"),
        due=date(2027, 3, 31),
        updates=(
            q1(
                ON_TRACK,
                "Three men from the district started the programme and their partners were "
                "offered support. Referrals came from the police and children’s social care.",
                figure("Perpetrators supported", 3, "12 a year"),
                figure("Partners supported", 3, "12 a year"),
            ),
            q2(
                ON_TRACK,
                "Three more people joined. The first group from April is halfway through and "
                "all are still attending.",
                figure("Perpetrators supported so far this year", 6, "12 a year"),
                figure("Partners supported so far this year", 5, "12 a year"),
            ),
        ),
    ),
    action(
        "Support families affected by domestic abuse",
        "Fund a JADA+ worker for the district to give children and young people who have lived "
        "with domestic abuse one-to-one and group support.",
        measures="Children supported who would otherwise have had no help; the outcomes in the "
        "service level agreement.",
        lead=("womens_aid",),
        support=("hdc",),
        due=date(2027, 3, 31),
        updates=(
            q1(
                ON_TRACK,
                "The worker took four new family referrals, covering six children, and worked "
                "with seven children and young people during the quarter.",
                figure("Referrals received this quarter", 4),
                figure("Children in the new referrals", 6),
                figure("Children and young people supported", 7),
                figure("One-to-one sessions", 40),
                figure("Group sessions", 7),
            ),
            q2(
                ON_TRACK,
                "Referrals rose over the summer holidays. Two school workshops were booked for "
                "the autumn term.",
                figure("Referrals received this quarter", 6),
                figure("Children and young people supported", 9),
                figure("One-to-one sessions", 46),
                figure("Parent and carer telephone sessions", 4),
            ),
        ),
    ),
    action(
        "Support families affected by domestic abuse",
        "Recruit a domestic abuse housing link worker, paid for from the council’s safe "
        "accommodation grant, to help victims stay safely in their homes or move somewhere safe.",
        measures="Worker in post by October 2026; number of households helped.",
        lead=("hdc",),
        support=("lcc",),
        due=date(2026, 10, 31),
        updates=(
            q1(
                NOT_STARTED,
                "The job description has been agreed with the county council. Recruitment is "
                "planned for the summer.",
            ),
            q2(
                AT_RISK,
                "The first advert drew no suitable applicants. The post is being advertised "
                "again with the county’s other district councils, so the October start will slip.",
                figure("Applications received", 2),
            ),
        ),
    ),
    action(
        "Multi-agency support for repeat victims who are not at high risk",
        "Set up a domestic abuse Joint Action Group to agree a plan for each repeat victim whose "
        "risk is below the threshold for a multi-agency risk assessment conference.",
        measures="Fewer repeat incidents; number of victims supported through the group.",
        lead=("police",),
        support=("hdc", "lwa", "turning_point"),
        updates=(
            q1(
                AT_RISK,
                "Partners have agreed the group’s terms of reference, but it cannot meet until "
                "everyone has signed the information sharing agreement.",
                figure("Domestic abuse crimes and incidents recorded this quarter", 270),
            ),
            q2(
                ON_HOLD,
                "Paused until the information sharing agreement is signed by the two partners "
                "still reviewing it. Repeat victims continue to be discussed at the main Joint "
                "Action Group in the meantime.",
                figure("Domestic abuse crimes and incidents recorded this quarter", 288),
            ),
        ),
    ),
    action(
        "Raise awareness of domestic abuse support services",
        "Run campaigns aimed at victims and at perpetrators on social media and local radio, and "
        "through businesses people visit alone, such as hairdressers and barbers.",
        measures="More referrals to support services than the year before.",
        lead=("hdc",),
        support=("police", "turning_point"),
        updates=(
            q1(
                ON_TRACK,
                "A social media campaign ran in April and advice for staff went on the council’s "
                "intranet. Twelve salons agreed to display helpline cards.",
                figure("Referrals to support services in the 12 months to June", 172),
                figure("The same 12 months a year earlier", 174),
                figure("Salons and barbers displaying helpline cards", 12),
            ),
            q2(
                ON_TRACK,
                "Adverts ran on HFM and Cross Counties Radio in September, and Turning Point "
                "began checking how many of its clients it refers on for domestic abuse support.",
                figure("Referrals to support services in the 12 months to September", 181),
                figure("The same 12 months a year earlier", 176),
            ),
        ),
    ),
    action(
        "Raise awareness of domestic abuse support services",
        "Refresh the Ask for Angela scheme with pubs, bars and clubs in Market Harborough and "
        "Lutterworth.",
        measures="Every Pubwatch member briefed by September 2026; feedback from venues reviewed "
        "in April 2027.",
        lead=("hdc",),
        support=("pubwatch", "police"),
        due=date(2026, 9, 30),
        updates=(
            q1(
                ON_TRACK,
                "New posters and staff briefing notes were agreed with Pubwatch.",
            ),
            q2(
                COMPLETE,
                "Every Pubwatch member was briefed by the end of September, and articles went "
                "into the residents’, members’ and parish newsletters.",
                figure("Venues briefed", 23, "20"),
            ),
        ),
    ),
    action(
        "Tackle exploitation, county lines and cuckooing",
        "Agree a referral route between Turning Point and the police for drug users at risk of "
        "having their homes taken over by dealers or being exploited by county lines gangs.",
        measures="Route agreed and in use by both agencies; concerns about cuckooing raised at "
        "the Joint Action Group.",
        lead=("turning_point",),
        support=("police",),
        due=date(2026, 9, 30),
        updates=(
            q1(
                ON_TRACK,
                "Turning Point and the neighbourhood policing team met twice to map how concerns "
                "are passed between them.",
            ),
            q2(
                COMPLETE,
                "The route is agreed and in use. Two clients at risk of cuckooing were referred "
                "and both now have safety plans.",
                figure("Referrals made through the new route", 2),
            ),
        ),
    ),
    action(
        "Prevent serious violence",
        "Run knife crime workshops in secondary schools as part of Operation Sceptre.",
        measures="Number of schools and pupils taking part.",
        lead=("police",),
        support=("hdc",),
        due=date(2026, 7, 31),
        updates=(
            q1(
                ON_TRACK,
                "Workshops ran at The Kibworth School, Brooke House College and Welland Park "
                "Academy, and the campaign featured in the schools’ summer newsletter.",
                figure("Schools taking part", 3, "4"),
                figure("Pupils reached", 640),
            ),
            q2(
                COMPLETE,
                "A school in Lutterworth took part in July, so every secondary school planned has "
                "now had a workshop.",
                figure("Schools taking part", 4, "4"),
                figure("Pupils reached", 910),
            ),
        ),
    ),
    action(
        "Prevent serious violence",
        "Offer alcohol assessments, group work and interventions attached to conditional "
        "cautions for people whose violence or offending is linked to drink.",
        measures="Capacity for alcohol assessments at the Harborough hub; every criminal justice "
        "referral for alcohol handled by Turning Point.",
        lead=("turning_point",),
        support=("police", "probation"),
        updates=(
            q1(
                ON_TRACK,
                "Assessment slots were added on Tuesdays at the Harborough hub and the police "
                "were briefed on referring people on conditional cautions.",
                figure("Alcohol assessments", 18),
                figure("Referrals from conditional cautions", 5),
            ),
            q2(
                AT_RISK,
                "A vacancy has left a waiting list of about three weeks. Group work has moved to "
                "Leicester until the post is filled.",
                figure("Alcohol assessments", 11),
                figure("People waiting for an assessment", 9),
            ),
        ),
    ),
    action(
        "Challenge hate crime",
        "Run a campaign during Hate Crime Awareness Week in October, with a focus on racially "
        "motivated hate crime.",
        measures="Campaign run on every channel during the week; number of people reached.",
        lead=("hdc",),
        support=("police",),
        due=date(2026, 10, 17),
        updates=(
            q1(
                ON_TRACK,
                "The campaign is planned for October. Partners agreed to use the county hate "
                "crime group’s materials with local case studies.",
            ),
            q2(
                ON_TRACK,
                "Posts, radio adverts and a leaflet for community groups are ready. Two faith "
                "groups have offered to share them.",
            ),
        ),
    ),
]

PLACES_ACTIONS = [
    action(
        "Reduce anti-social behaviour",
        "Run seasonal campaigns with partners and housing associations on nuisance from "
        "neighbours and in parks and open spaces: Lighter Nights, Safer Summer and Celebrate "
        "Safely.",
        measures="Anti-social behaviour incidents 5% lower than in 2025/26.",
        lead=("hdc",),
        support=("police", "lfrs"),
        updates=(
            q1(
                ON_TRACK,
                "The Lighter Nights campaign ran in April and May on social media and in the "
                "parish newsletter.",
                figure("Change in incidents on the same quarter last year", "−8%", "−5%"),
            ),
            q2(
                ON_TRACK,
                "Safer Summer ran on HFM, Cross Counties Radio and social media, led by the "
                "council for the whole county.",
                figure("Change in incidents so far this year", "−6%", "−5%"),
            ),
        ),
    ),
    action(
        "Reduce anti-social behaviour",
        "Put re-deployable CCTV cameras at anti-social behaviour hotspots to deter and catch "
        "offenders.",
        measures="Fewer calls about anti-social behaviour near each camera once it is in place.",
        lead=("hdc",),
        support=("police",),
        updates=(
            q1(
                ON_TRACK,
                "Cameras went up at Little Bowden Recreation Ground and Western Avenue after "
                "complaints about damage and groups gathering.",
                figure("Cameras deployed", 2),
            ),
            q2(
                ON_TRACK,
                "The Little Bowden camera was upgraded to 4G and stays until a permanent camera "
                "is fitted. Calls about the recreation ground fell from 11 in the first quarter to 4.",
                figure("Cameras deployed", 3),
                figure("Calls about Little Bowden Recreation Ground this quarter", 4),
            ),
        ),
    ),
    action(
        "Reduce anti-social behaviour",
        "Use the county’s incremental approach to identify young people causing anti-social "
        "behaviour early, and give them warnings and support before problems grow.",
        measures="More advice letters sent; fewer young people reaching the later stages.",
        lead=("police",),
        support=("hdc", "yos"),
        updates=(
            q1(
                ON_TRACK,
                "Twelve first-stage advice letters went to parents, more than in the same "
                "quarter last year.",
                figure("Advice letters sent", 12),
            ),
            q2(
                ON_TRACK,
                "Two young people reached the second stage and were offered mentoring; neither "
                "has come to notice since.",
                figure("Advice letters sent", 9),
                figure("Young people at the second stage", 2),
            ),
        ),
    ),
    action(
        "Reduce anti-social behaviour",
        "Run fire skills courses for young people at risk of being drawn into anti-social "
        "behaviour, in place of the emergency services cadets.",
        measures="Two courses run in the year; number of young people completing them.",
        lead=("lfrs",),
        support=("yos",),
        due=date(2027, 3, 31),
        updates=(
            q1(
                AT_RISK,
                "No instructor is free for the course planned at Market Harborough fire station "
                "in the summer.",
            ),
            q2(
                OFF_TRACK,
                "The summer course was cancelled. The fire service is looking at a shorter "
                "course in February half-term, so only one course is likely this year.",
                figure("Courses run", 0, "2"),
            ),
        ),
    ),
    action(
        "Increase confidence that illegal drug use will be dealt with",
        "Agree one flow chart that every partner follows when residents report cannabis being "
        "grown or smoked in a home.",
        measures="All partners working to the same flow chart by December 2026.",
        lead=("police",),
        support=("hdc",),
        due=date(2026, 12, 31),
        updates=(
            q1(
                ON_TRACK,
                "The police and the council’s housing and environmental health teams drafted "
                "the flow chart, in line with the county’s approach.",
            ),
            q2(
                COMPLETE,
                "The flow chart is agreed and has been shared with housing associations and "
                "the council’s contact centre.",
            ),
        ),
    ),
    action(
        "Reduce road casualties from the fatal four",
        "Run Fatal Four sessions in secondary schools on speeding, drink and drug driving, seat "
        "belts and mobile phones.",
        measures="A session offered to every secondary school; number of pupils attending.",
        lead=("lfrs",),
        support=("hdc",),
        due=date(2027, 3, 31),
        updates=(
            q1(
                AT_RISK,
                "Schools could not find time in the summer term because of exams.",
                figure("Schools visited", 0, "6"),
            ),
            q2(
                ON_TRACK,
                "Sessions ran at two schools in September and three more are booked for the "
                "autumn term, with a Green Cross Code film made by pupils in Lutterworth.",
                figure("Schools visited", 2, "6"),
                figure("Pupils attending", 350),
            ),
        ),
    ),
    action(
        "Reduce road casualties from the fatal four",
        "Run Biker Down courses on first aid and staying safe for motorcyclists.",
        measures="Two courses run; number of riders attending.",
        lead=("lfrs",),
        due=date(2026, 9, 30),
        updates=(
            q1(
                ON_TRACK,
                "The first course ran in June at Market Harborough fire station.",
                figure("Riders attending", 14, "20 for the year"),
            ),
            q2(
                COMPLETE,
                "A second course ran in August, so both planned courses have now taken place.",
                figure("Riders attending", 26, "20 for the year"),
            ),
        ),
    ),
    action(
        "Reduce road casualties from the fatal four",
        "Find the three roads with the most serious collisions, share them with every partner, "
        "and help villages on or near them set up Community Speedwatch.",
        measures="Top three locations agreed; number of initiatives at them; fewer collisions.",
        lead=("police",),
        support=("lfrs", "hdc"),
        updates=(
            q1(
                ON_TRACK,
                "The fire service shared the collisions it attended over three years, and the "
                "police are adding their own data.",
                figure("Villages enquiring about Community Speedwatch", 8),
            ),
        ),
    ),
    action(
        "A safe night-time economy",
        "Work towards the Purple Flag standard for Market Harborough town centre at night.",
        measures="Review against the Purple Flag standards complete; incidents in the night-time "
        "economy no higher than in 2025/26.",
        lead=("hdc",),
        support=("police", "pubwatch"),
        due=date(2027, 3, 31),
        updates=(
            q1(
                ON_TRACK,
                "A review against the standards began, with a walkabout on a Saturday night in "
                "June.",
            ),
            q2(
                AT_RISK,
                "The review is finished, but the assessment fee is not yet in the budget. "
                "Partners will decide in December whether to apply this year.",
            ),
        ),
    ),
]

PROPERTY_ACTIONS = [
    action(
        "Raise awareness of the crimes that worry rural communities",
        "Promote Rural Watch, Horse Watch and Heritage Watch, and ask residents to sign up to "
        "Neighbourhood Link for police alerts.",
        measures="More Neighbourhood Link sign-ups; more members in each watch scheme.",
        lead=("police",),
        support=("hdc",),
        updates=(
            q1(
                ON_TRACK,
                "The schemes were promoted at the county show and in the parish newsletter.",
                figure("New Neighbourhood Link sign-ups", 96),
            ),
            q2(
                ON_TRACK,
                "Horse Watch signs went up at four livery yards after thefts of tack.",
                figure("New Neighbourhood Link sign-ups", 71),
            ),
        ),
    ),
    action(
        "Raise awareness of the crimes that worry rural communities",
        "Hold the annual rural crime event for farmers, landowners and rural businesses.",
        measures="Event held by February 2027; more people attending than last year.",
        lead=("hdc",),
        support=("police", "lfrs"),
        due=date(2027, 2, 28),
        updates=(
            q1(NOT_STARTED, "The event is planned for January or February 2027."),
            q2(
                NOT_STARTED,
                "Planning will start in November, once a venue has been found.",
                figure("People attending last year", 85),
            ),
        ),
    ),
    action(
        "Increase confidence that rural crime will be dealt with",
        "Run joint operations between police and council enforcement officers under Operation "
        "Arable.",
        measures="Four joint operations in the year; actions taken as a result.",
        lead=("police",),
        support=("hdc",),
        due=date(2027, 3, 31),
        updates=(
            q1(
                ON_TRACK,
                "One joint operation targeted fly-tipping and hare coursing.",
                figure("Joint operations", 1, "4 a year"),
            ),
            q2(
                ON_TRACK,
                "Two more operations ran after harvest, and rural crime is now a standing item "
                "at the Joint Action Group.",
                figure("Joint operations so far this year", 3, "4 a year"),
                figure("Vehicles stopped and checked", 27),
            ),
        ),
    ),
    action(
        "Reduce residential burglary",
        "Map where and when burglaries happen, and run campaigns on shed and garage security "
        "and on homes left empty over the holidays.",
        measures="Fewer shed break-ins; fewer residential burglaries.",
        lead=("police",),
        support=("hdc",),
        updates=(
            q1(
                ON_TRACK,
                "A social media campaign on shed and allotment security ran in May.",
                figure("Residential burglaries this quarter", 41),
                figure("The same quarter last year", 46),
            ),
            q2(
                ON_TRACK,
                "The ‘Would he nick it?’ holiday messages ran as part of Safer Summer.",
                figure("Residential burglaries this quarter", 38),
                figure("The same quarter last year", 44),
            ),
        ),
    ),
    action(
        "Reduce residential burglary",
        "Fit better locks, door chains and video doorbells in the homes of repeat burglary "
        "victims and vulnerable residents.",
        measures="Number of homes made more secure; no repeat burglaries at those homes.",
        lead=("hdc",),
        support=("police",),
        updates=(
            q1(
                ON_TRACK,
                "The handyperson service fitted security measures for victims referred by the "
                "police.",
                figure("Homes made more secure", 11),
            ),
            q2(
                ON_TRACK,
                "None of the homes helped so far has been burgled again.",
                figure("Homes made more secure", 9),
                figure("Repeat burglaries at those homes", 0),
            ),
        ),
    ),
    action(
        "Reduce arson in rural areas",
        "Visit farms to give fire safety and arson prevention advice, and work with "
        "Northamptonshire across the county border on haystack fires under Operation Clock.",
        measures="Number of farms visited; fewer deliberate fires in the countryside.",
        lead=("lfrs",),
        support=("police", "crimestoppers"),
        updates=(
            q1(
                ON_TRACK,
                "Fire crews visited farms in the villages furthest from a fire station and "
                "fitted smoke alarms where needed.",
                figure("Farms visited", 22),
            ),
            q2(
                ON_TRACK,
                "Crimestoppers offered a reward for information on haystack fires, promoted in "
                "the police beat newsletter and on social media.",
                figure("Farms visited", 17),
                figure("Deliberate haystack fires this summer", 3),
                figure("The same period last year", 7),
            ),
        ),
    ),
    action(
        "Raise awareness of cybercrime and scams",
        "Keep residents up to date with the latest scams and online risks through social media, "
        "newsletters and talks to community groups.",
        measures="Number of campaigns; more people reached on social media.",
        lead=("hdc",),
        support=("trading_standards", "police"),
        updates=(
            q1(
                ON_TRACK,
                "Posts covered holiday booking fraud, fake parcel texts and romance scams.",
                figure("Talks to community groups", 4),
                figure("People reached on social media", "18,400"),
            ),
        ),
    ),
    action(
        "Raise awareness of cybercrime and scams",
        "Fit call blockers for older and vulnerable residents who are targeted by scam callers.",
        measures="Number of call blockers fitted; scam calls blocked.",
        lead=("trading_standards",),
        support=("hdc",),
        due=date(2026, 9, 30),
        updates=(
            q1(
                ON_TRACK,
                "Residents were referred by the council’s housing team and the police.",
                figure("Call blockers fitted", 9, "15"),
            ),
            q2(
                COMPLETE,
                "All the blockers the partnership paid for are now fitted.",
                figure("Call blockers fitted", 15, "15"),
                figure("Scam and nuisance calls blocked so far", "1,240"),
            ),
        ),
    ),
]

CURRENT_PRIORITIES = [
    {
        "slug": "people",
        "number": 1,
        "short_name": "People",
        "title": "People: support people at risk of violence and abuse",
        "focus": (
            "<p>Understanding what causes violence and coercive behaviour, so we can support "
            "vulnerable people and families. We focus on:</p>"
            "<ul><li>domestic abuse, especially violence that causes injury</li>"
            "<li>exploitation, including county lines and cuckooing</li>"
            "<li>serious violence</li>"
            "<li>racially motivated hate crime</li></ul>"
        ),
        "why": (
            "<p>Domestic abuse lies behind a large share of the violent crime recorded in the "
            "district, and many victims never report it. Exploitation by drug gangs reaches "
            "market towns like ours, and the harm each case causes is severe even when "
            "numbers are small.</p>"
        ),
        "aims": (
            "<p>More victims come forward and get help sooner, fewer are abused again, and "
            "young people learn to look out for each other.</p>"
        ),
        "headline_measures": "Violence with injury\nVulnerable people identified and supported through the Joint Action Group",
        "funding": (
            "The Police and Crime Commissioner’s partnership locality fund, and the council’s "
            "grant for support in safe accommodation under the Domestic Abuse Act 2021."
        ),
        "links": (
            "<p>The Police and Crime Commissioner’s Police and Crime Plan, on protecting "
            "vulnerable people, and the Leicester, Leicestershire and Rutland domestic abuse "
            "strategy.</p>"
        ),
        "indicators": ["domestic-abuse-incidents"],
        "actions": PEOPLE_ACTIONS,
    },
    {
        "slug": "places",
        "number": 2,
        "short_name": "Places",
        "title": "Places: work with communities to tackle local problems",
        "focus": (
            "<p>Working with communities to cut incidents, using the powers and resources we "
            "have where they will do most good. We focus on:</p>"
            "<ul><li>anti-social behaviour, including neighbour disputes and recreation "
            "grounds</li>"
            "<li>illegal drug use, including cannabis in homes</li>"
            "<li>road safety and speeding</li>"
            "<li>a safe night-time economy</li></ul>"
        ),
        "why": (
            "<p>Anti-social behaviour and speeding are what residents and parish councils raise "
            "with us most often, and the district’s busy rural roads, such as the A6 and the A4304, "
            "see serious collisions every year.</p>"
        ),
        "aims": (
            "<p>Fewer incidents, fewer people suffering them again and again, and residents who "
            "see problems being dealt with.</p>"
        ),
        "headline_measures": "Repeat victims of anti-social behaviour\nPublic order offences",
        "funding": (
            "The Police and Crime Commissioner’s partnership locality fund and the council’s "
            "community safety budget."
        ),
        "links": (
            "<p>The Police and Crime Commissioner’s Police and Crime Plan, on strong "
            "partnerships, and the Leicestershire road safety partnership’s plans.</p>"
        ),
        "indicators": [
            "anti-social-behaviour-incidents",
            "road-casualties-killed-or-seriously-injured",
        ],
        "actions": PLACES_ACTIONS,
    },
    {
        "slug": "property",
        "number": 3,
        "short_name": "Property",
        "title": "Property: help people protect their homes, vehicles and farms",
        "focus": (
            "<p>Helping communities protect themselves, by promoting good habits and using "
            "partners’ resources to reduce crimes against property. We focus on:</p>"
            "<ul><li>rural crime, including theft and trespass</li>"
            "<li>theft from vehicles</li>"
            "<li>burglary</li>"
            "<li>criminal damage and arson</li>"
            "<li>cybercrime and scams</li></ul>"
        ),
        "why": (
            "<p>Crimes against property are the most common crimes in the district. In a "
            "largely rural area, thefts from farms and outbuildings and deliberate fires cost "
            "businesses dearly, and scams do most harm to older residents living alone.</p>"
        ),
        "aims": (
            "<p>Fewer burglaries and thefts, and more people who know how to keep their homes, "
            "vehicles and savings safe.</p>"
        ),
        "headline_measures": "Thefts from vehicles\nDeliberate fires in rural areas",
        "funding": "The council’s community safety budget, with help from partners’ own budgets.",
        "links": (
            "<p>The Police and Crime Commissioner’s Police and Crime Plan, on visible policing, "
            "and Leicestershire Police’s rural crime strategy.</p>"
        ),
        "indicators": ["residential-burglary"],
        "actions": PROPERTY_ACTIONS,
    },
]


# The earlier plan: 2017 to 2018 ---------------------------------------------------------------

SAFER = "Section 1: Making the district safer for residents, businesses and visitors"
VULNERABLE = "Section 2: Supporting and protecting people who are vulnerable"
VALUE = "Section 3: Working together for better value"
SUBSTANCES = "Section 4: Tackling drug and alcohol misuse"
REOFFENDING = "Section 5: Reducing offending and reoffending"

END_OF_YEAR = date(2018, 3, 31)
SEPTEMBER = date(2017, 9, 1)


def q4(status, summary, *figures):
    return update(2017, 4, status, summary, *figures)


ANTI_SOCIAL_BEHAVIOUR_ACTIONS = [
    action(
        SAFER,
        "Build a network of community champions who help neighbours deal with low-level "
        "anti-social behaviour themselves.",
        reference="ASB01",
        outcome="Residents have someone local who understands the process and can help them "
        "settle minor problems before they grow.",
        lead=("hdc",),
        barriers="Recruiting and keeping volunteers; staff time to set the scheme up.",
        due=END_OF_YEAR,
        updates=(
            q4(
                AT_RISK,
                "Four champions were recruited and trained in Market Harborough and Lutterworth, "
                "fewer than planned. The scheme carries over into 2018 to 2019.",
                figure("Champions recruited", 4, "10"),
            ),
        ),
    ),
    action(
        SAFER,
        "Train district, town and parish councillors in the principles of tackling anti-social "
        "behaviour.",
        reference="ASB02",
        outcome="Councillors understand the process and the powers, can help with low-level "
        "problems and pass on better evidence.",
        lead=("hdc",),
        support=("police",),
        barriers="Not every town and parish council will take part.",
        due=SEPTEMBER,
        updates=(
            q4(
                COMPLETE,
                "Three evening sessions were held, the last in July.",
                figure("Councillors trained", 46),
                figure("Town and parish councils represented", 21),
            ),
        ),
    ),
    action(
        SAFER,
        "Publish stories about cases that were resolved and enforcement that worked, to build "
        "confidence.",
        reference="ASB03",
        outcome="Residents see that reporting leads to action.",
        lead=("hdc", "police"),
        barriers="Partners have been reluctant to publicise enforcement.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "Stories appeared in the residents’ newsletter, the local paper and on social "
                "media through the year.",
                figure("Stories published", 14, "12"),
            ),
        ),
    ),
    action(
        SAFER,
        "Make fuller use of the powers in the Anti-social Behaviour, Crime and Policing Act "
        "2014: community protection notices, closure orders and injunctions.",
        reference="ASB04",
        outcome="The right power is used at the right stage, agreed between partners.",
        lead=("police", "hdc"),
        barriers="The cost of legal action.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "All partners now use the same escalation steps, and two closure orders stopped "
                "serious nuisance at flats in Market Harborough.",
                figure("Community protection warnings issued", 38),
                figure("Closure orders", 2),
            ),
        ),
    ),
    action(
        VULNERABLE,
        "Offer mediation for neighbour disputes that need no formal action, whoever the "
        "residents’ landlord is.",
        reference="ASB05",
        outcome="Fewer disputes escalate, and owners and tenants get the same service.",
        lead=("hdc",),
        barriers="Paying for the service beyond this year.",
        due=SEPTEMBER,
        updates=(
            q4(
                COMPLETE,
                "The service started in August and has been funded for another year.",
                figure("Cases referred to mediation", 17),
                figure("Cases settled without further complaint", 12),
            ),
        ),
    ),
    action(
        REOFFENDING,
        "Share Pubwatch images of people banned for violence or disorder, so that every member "
        "venue can refuse them.",
        reference="ASB06",
        outcome="Problem drinkers who cause anti-social behaviour and violence are known to every "
        "licensed premises.",
        lead=("pubwatch",),
        support=("police",),
        barriers="Pubwatch membership is voluntary; data protection rules.",
        due=SEPTEMBER,
        updates=(
            q4(
                COMPLETE,
                "A secure app for sharing images went live with a data protection agreement "
                "signed by every member.",
                figure("Member venues using the app", 19),
            ),
        ),
    ),
]

VIOLENCE_ACTIONS = [
    action(
        SAFER,
        "Raise awareness of child sexual exploitation with schools, parents and taxi drivers.",
        reference="V01",
        outcome="People know the signs and how to report a concern.",
        lead=("hdc",),
        support=("police",),
        barriers="None.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "Training is now part of every taxi driver’s licence application and renewal.",
                figure("Taxi drivers trained", 212),
            ),
        ),
    ),
    action(
        VULNERABLE,
        "Add capacity to support witnesses of domestic abuse and the children who live with it.",
        reference="V02",
        outcome="More help for witnesses and secondary victims of domestic abuse.",
        lead=("lwa",),
        support=("hdc",),
        barriers="Cost and staff capacity.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "A part-time outreach worker covered the district from October.",
                figure("People supported", 34),
            ),
        ),
    ),
    action(
        VULNERABLE,
        "Train front-line staff on the ‘toxic trio’ of domestic abuse, mental ill health and "
        "substance misuse.",
        reference="V03",
        outcome="Front-line staff recognise when the three come together and know what to do.",
        lead=("hdc", "police"),
        barriers="Professionals need to train across their own specialisms.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "Four half-day sessions were run for council, police, housing and health staff.",
                figure("Staff trained", 64, "50"),
            ),
        ),
    ),
    action(
        VALUE,
        "Carry out joint licensing visits with police, fire and council officers, and match CCTV "
        "monitoring hours to the opening times of licensed premises.",
        reference="V04",
        outcome="Better information sharing, and CCTV watching the town centres when they are "
        "busiest.",
        lead=("hdc", "police", "lfrs"),
        barriers="None identified.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "CCTV monitoring now runs until 3am on Fridays and Saturdays.",
                figure("Joint visits", 27),
            ),
        ),
    ),
    action(
        VALUE,
        "Run a Celebrate Safely campaign in Market Harborough and Lutterworth over Christmas, "
        "with the drugs dog, knife arch and outreach workers on the busiest nights.",
        reference="V05",
        outcome="Less violence at the busiest times of year, and residents who see the police "
        "taking action.",
        lead=("police",),
        support=("hdc", "turning_point"),
        barriers="Best linked to the county-wide Celebrate Safely campaign.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "The campaign ran on four weekends in December.",
                figure("Violent crimes in the town centres in December 2017", 19),
                figure("Violent crimes in the town centres in December 2016", 27),
            ),
        ),
    ),
]

CYBERCRIME_ACTIONS = [
    action(
        SAFER,
        "Make cybercrime advice packs for events, with versions for families, businesses, young "
        "people and older people targeted by phone scams.",
        reference="CC01",
        outcome="People know how to stay safe online and where to report what happens to them.",
        lead=("hdc",),
        barriers="Storing the packs.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "Packs were given out at the county show, libraries and doctors’ surgeries.",
                figure("Packs given out", 850),
            ),
        ),
    ),
    action(
        SAFER,
        "Hold ‘lunch and learn’ events on cybercrime for professionals, businesses and "
        "voluntary groups.",
        reference="CC02",
        outcome="People who advise others know the risks and where to send victims.",
        lead=("hdc",),
        support=("police",),
        barriers="Cost, venues and officer time.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "Three events were held, one for businesses and two for voluntary groups.",
                figure("Events held", 3, "3"),
                figure("People attending", 74),
            ),
        ),
    ),
    action(
        SAFER,
        "Offer small grants and advice to help small businesses get Cyber Essentials "
        "certification.",
        reference="CC03",
        outcome="More local businesses protected against the most common online attacks.",
        lead=("hdc",),
        barriers="More applications than money.",
        due=END_OF_YEAR,
        updates=(
            q4(
                ON_HOLD,
                "Paused while the council reviews all its grant schemes; five businesses were "
                "given advice in the meantime.",
                figure("Businesses advised", 5),
            ),
        ),
    ),
    action(
        VULNERABLE,
        "Improve support for victims after a cybercrime, with better leaflets and training for "
        "staff from CEOP and the NSPCC.",
        reference="CC04",
        outcome="Victims get clear advice and are referred to support.",
        lead=("victim_first",),
        support=("hdc",),
        barriers="Money for training.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "New leaflets are in use and 18 staff attended the training.",
                figure("Staff trained", 18),
            ),
        ),
    ),
    action(
        REOFFENDING,
        "Make referral routes clearer for young people who offend online or are victims online.",
        reference="CC05",
        outcome="Young people get the right support sooner.",
        lead=("hdc",),
        support=("yos",),
        barriers="None identified.",
        due=END_OF_YEAR,
        updates=(
            q4(
                COMPLETE,
                "A one-page guide for schools and youth workers was agreed with the Youth "
                "Offending Service.",
            ),
        ),
    ),
]

EARLIER_PRIORITIES = [
    {
        "slug": "anti-social-behaviour",
        "number": 1,
        "short_name": "Anti-social behaviour",
        "title": "Building confidence by tackling anti-social behaviour and its causes",
        "focus": (
            "<p>Dealing with anti-social behaviour quickly and fairly, and helping communities "
            "and councillors sort out low-level problems themselves.</p>"
        ),
        "why": (
            "<p>Anti-social behaviour was the problem residents raised most often, and many "
            "told us they did not report it because they thought nothing would happen.</p>"
        ),
        "headline_measures": "Anti-social behaviour incidents\nRepeat victims of anti-social behaviour",
        "actions": ANTI_SOCIAL_BEHAVIOUR_ACTIONS,
    },
    {
        "slug": "violence",
        "number": 2,
        "short_name": "Violence",
        "title": "Protecting people who live in, work in and visit the district from violence",
        "focus": (
            "<p>Domestic abuse, child sexual exploitation and violence in the town centres at "
            "night.</p>"
        ),
        "why": (
            "<p>Recorded violence had risen, partly because stalking and coercive control were "
            "now counted. The harm each case causes makes violence a priority even where "
            "numbers are small.</p>"
        ),
        "headline_measures": "Violence with injury\nDomestic abuse incidents",
        "actions": VIOLENCE_ACTIONS,
    },
    {
        "slug": "cybercrime",
        "number": 3,
        "short_name": "Cybercrime",
        "title": "Helping businesses, schools and residents reduce the risk of cybercrime",
        "focus": ("<p>Online fraud, scams and the online risks to children and young people.</p>"),
        "why": (
            "<p>Nearly half of all crime was thought to happen online, yet very little of it was "
            "reported. Older residents and small businesses were losing money to scams.</p>"
        ),
        "headline_measures": "Reports to Action Fraud from the district\nPeople reached with cybercrime advice",
        "actions": CYBERCRIME_ACTIONS,
    },
]


def ensure_earlier_plan(plan_index, partners):
    plan = ensure_page(
        plan_index,
        PlanPage,
        "2017-2018",
        title="Action plan 2017 to 2018",
        kind=PlanPage.Kind.ACTION_PLAN,
        starts_on=date(2017, 4, 1),
        ends_on=date(2018, 3, 31),
        action_group_label="Section",
        introduction=(
            "The first year of our three-year strategy for 2017 to 2020. Each priority’s actions "
            "are set out in five sections, one for each of the strategy’s aims."
        ),
        body=[
            (
                "text",
                "<h2>What happened next</h2>"
                "<p>By the end of March 2018 most actions were complete. The two that were not, "
                "the community champions and the cyber security grants, were carried into the "
                "next year’s plan. Sections with no actions under a priority are left out.</p>",
            ),
        ],
    )
    for spec in EARLIER_PRIORITIES:
        priority = ensure_page(
            plan,
            PriorityPage,
            spec["slug"],
            title=spec["title"],
            number=spec["number"],
            short_name=spec["short_name"],
            focus=spec["focus"],
            why=spec["why"],
            headline_measures=spec["headline_measures"],
            funding="Part of the partnership’s grant from the Police and Crime Commissioner.",
            links_to_other_plans="<p>The Community Safety Strategy 2017 to 2020 and the Police "
            "and Crime Commissioner’s Police and Crime Plan.</p>",
        )
        ensure_actions(priority, spec["actions"], partners)
    return plan

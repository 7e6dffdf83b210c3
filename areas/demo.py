"""The demonstration district's towns and parishes: those named in the Harborough District plans
in shared/seeds (Market Harborough, Lutterworth, Broughton Astley, Kibworth, Fleckney, Thurnby),
with "you said, we did" and local news.

The facts come from the seeds: the re-deployable CCTV cameras at Little Bowden Recreation Ground
and Western Avenue (upgraded to 4G), more CCTV and ANPR for Lutterworth, the public consultation
on a PSPO for psychoactive substances, eight places asking about Community Speedwatch, the rural
crime event, patch walks and beat surgeries. Every sentence, and the residents' words, are made
up for this site. Dates are fixed, so loading the demo again changes nothing.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from areas.models import AreaIndexPage, AreaPage, UpdateIndexPage, UpdatePage
from areas.permissions import editors_group_name, ensure_area_editors
from campaigns.models import Topic
from home.demo import PARISH_EDITORS, PARTNERSHIP_OFFICERS, SECTION_DELETING
from home.demo_tools import ensure_approval_workflow, ensure_page, grant, site_home
from plans.models import PriorityPage, YouSaidWeDid, YouSaidWeDidIndexPage

LONDON = ZoneInfo("Europe/London")
PARISH_WORKFLOW = "Parish approval"
PARISH_TASK = "Partnership officer approval"

POLICE_AREA_PAGE = "https://www.leics.police.uk/"

AREAS = [
    (
        "market-harborough",
        "Market Harborough",
        AreaPage.Kind.TOWN,
        "The district's main town, with its market, its night-time economy and the council's "
        "offices. Most of the partnership's town-centre work happens here.",
        "Market Harborough Neighbourhood Policing Team",
    ),
    (
        "lutterworth",
        "Lutterworth",
        AreaPage.Kind.TOWN,
        "A market town in the west of the district, beside the M1 and the Magna Park distribution "
        "centres, with a busy High Street and a growing number of new homes.",
        "Lutterworth Neighbourhood Policing Team",
    ),
    (
        "broughton-astley",
        "Broughton Astley",
        AreaPage.Kind.PARISH,
        "The district's largest village, whose parish council has long backed community-led "
        "work on anti-social behaviour and young people.",
        "Lutterworth Neighbourhood Policing Team",
    ),
    (
        "kibworth",
        "Kibworth",
        AreaPage.Kind.PARISH,
        "Kibworth Beauchamp and Kibworth Harcourt, two villages on the A6 between Market "
        "Harborough and Leicester.",
        "Market Harborough Rural Neighbourhood Policing Team",
    ),
    (
        "fleckney",
        "Fleckney",
        AreaPage.Kind.PARISH,
        "A large village in the north of the district, with the farms and hamlets around it.",
        "Market Harborough Rural Neighbourhood Policing Team",
    ),
    (
        "thurnby-and-bushby",
        "Thurnby and Bushby",
        AreaPage.Kind.PARISH,
        "Villages on the edge of Leicester, where the district meets the city and the county's "
        "neighbourhood teams share the boundary.",
        "Harborough East Neighbourhood Policing Team",
    ),
]


def load(command):
    index = ensure_page(
        site_home(),
        AreaIndexPage,
        "areas",
        title="Your area",
        show_in_menus=True,
        introduction=(
            "Find your town or parish to see what the partnership is doing there: what residents "
            "told us and what we did, events near you, and local news."
        ),
    )
    for slug, title, kind, introduction, team in AREAS:
        ensure_page(
            index,
            AreaPage,
            slug,
            title=title,
            kind=kind,
            introduction=introduction,
            team_name=team,
            team_url=POLICE_AREA_PAGE,
        )
    areas = {area.slug: area for area in AreaPage.objects.child_of(index)}
    home = site_home()
    ensure_page(
        home,
        YouSaidWeDidIndexPage,
        "you-said-we-did",
        title="You said, we did",
        show_in_menus=True,
        introduction=(
            "What residents told us at beat surgeries, on patch walks and in surveys and "
            "consultations, and what the partnership did about it."
        ),
    )
    ensure_you_said_we_did(areas)
    news = ensure_page(
        home,
        UpdateIndexPage,
        "news",
        title="News",
        introduction="What the partnership has been doing, town by town and across the district.",
    )
    ensure_updates(news, areas)
    # Parish editors add news (and edit what they added); each area's own editors group edits
    # that area's page. What they write goes to the partnership officers for approval.
    grant(
        PARISH_EDITORS,
        model_permissions=("wagtailadmin.access_admin",),
        pages=[news],
        page_permissions=("add_page",),
    )
    # An earlier demo let parish editors edit every area and all news.
    GroupPagePermission.objects.filter(group__name=PARISH_EDITORS, page=index).delete()
    GroupPagePermission.objects.filter(
        group__name=PARISH_EDITORS, page=news, permission__codename="change_page"
    ).delete()
    for area in areas.values():
        ensure_area_editors(area)
    demo_parish = get_user_model().objects.filter(username="parish").first()
    if demo_parish is not None:
        demo_parish.groups.add(*Group.objects.filter(name=editors_group_name(areas["lutterworth"])))
    ensure_approval_workflow(PARISH_WORKFLOW, PARISH_TASK, PARTNERSHIP_OFFICERS, [index, news])
    grant(
        PARTNERSHIP_OFFICERS,
        model_permissions=(
            "plans.add_yousaidwedid",
            "plans.change_yousaidwedid",
            "plans.publish_yousaidwedid",
        ),
        pages=[index, news],
        page_permissions=("add_page", "change_page", "publish_page", *SECTION_DELETING),
    )
    command.say(
        f"Areas: {len(AREAS)} towns and parishes, {YouSaidWeDid.objects.count()} 'you said, we "
        f"did' and {UpdatePage.objects.count()} news updates."
    )


def priority(slug):
    return PriorityPage.objects.filter(slug=slug, url_path__contains="/2026-2027/").first()


YOU_SAID_WE_DID = [
    {
        "title": "Groups gathering at Little Bowden Recreation Ground",
        "parish": "market-harborough",
        "said": "Neighbours of the rec told us about groups gathering after dark, broken glass on the play area and damage to the pavilion.",
        "said_on": date(2025, 4, 8),
        "channel": YouSaidWeDid.Channel.BEAT_MEETING,
        "place": "Little Bowden Recreation Ground",
        "did": "We put one of our re-deployable CCTV cameras on the rec, and upgraded it to 4G so officers can see it live. It stays until a permanent camera is fitted, and calls about anti-social behaviour there have fallen since.",
        "done_on": date(2025, 6, 30),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "places",
    },
    {
        "title": "Anti-social behaviour on Western Avenue",
        "parish": "market-harborough",
        "said": "Residents of Western Avenue reported cars being damaged overnight and asked for something that would deter it.",
        "said_on": date(2025, 3, 12),
        "channel": YouSaidWeDid.Channel.SURVEY,
        "place": "Western Avenue",
        "did": "The re-deployable camera went up on Western Avenue for three months, and the neighbourhood team added the street to its evening patrols.",
        "done_on": date(2025, 4, 14),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "property",
    },
    {
        "title": "More cameras for Lutterworth town centre",
        "parish": "lutterworth",
        "said": "The town council and traders asked for better CCTV coverage of the town centre and the routes in and out of town.",
        "said_on": date(2025, 9, 4),
        "channel": YouSaidWeDid.Channel.PARISH_COUNCIL,
        "did": "We are extending CCTV in Lutterworth, with number-plate recognition (ANPR) cameras on the main roads and target-hardening advice for the shops that were hit most.",
        "progress": YouSaidWeDid.Progress.IN_PROGRESS,
        "priority": "property",
    },
    {
        "title": "Nitrous oxide canisters in parks and car parks",
        "parish": "market-harborough",
        "said": "In our public consultation, most people who answered wanted powers to stop the use of psychoactive substances such as nitrous oxide in public places.",
        "said_on": date(2025, 9, 30),
        "channel": YouSaidWeDid.Channel.CONSULTATION,
        "did": "The council made a Public Spaces Protection Order on psychoactive substances. Officers can now seize them and issue fixed penalties for breaches.",
        "done_on": date(2025, 12, 1),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "places",
    },
    {
        "title": "Speeding through Kibworth",
        "parish": "kibworth",
        "said": "At the parish council's open meeting, speeding on the A6 and through the village centre was the concern raised most.",
        "said_on": date(2025, 10, 16),
        "channel": YouSaidWeDid.Channel.PARISH_COUNCIL,
        "did": "We helped the parish set up Community Speedwatch: volunteers are trained and out twice a month with the police's equipment. Eight places in the district have now asked about joining the scheme.",
        "done_on": date(2026, 2, 20),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "places",
    },
    {
        "title": "Thefts from farms around Fleckney",
        "parish": "fleckney",
        "said": "Farmers at the beat surgery told us about quad bikes, tools and fuel taken from yards, and hare coursing on their land.",
        "said_on": date(2025, 11, 29),
        "channel": YouSaidWeDid.Channel.BEAT_MEETING,
        "did": "Joint police and council patrols ran under Op Arable, and at the rural crime event in January farmers had machinery marked and got advice on securing yards.",
        "done_on": date(2026, 1, 28),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "property",
    },
    {
        "title": "Nothing for young people in the evenings",
        "parish": "broughton-astley",
        "said": "In the village survey, parents and young people said there was nowhere to go in the evenings, and older residents were worried about groups on the streets.",
        "said_on": date(2026, 6, 15),
        "channel": YouSaidWeDid.Channel.SURVEY,
        "did": "With the parish council and youth workers we started a weekly youth drop-in with the PCSOs on Wednesday evenings.",
        "done_on": date(2026, 9, 2),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "people",
    },
    {
        "title": "Cold callers targeting older residents",
        "parish": "thurnby-and-bushby",
        "said": "Residents on the patch walk told us about doorstep sellers and phone scams aimed at older neighbours.",
        "said_on": date(2026, 3, 10),
        "channel": YouSaidWeDid.Channel.PATCH_WALK,
        "did": "Trading Standards and the neighbourhood team ran two Friends Against Scams sessions in the village hall and delivered advice to every house on the walk's route.",
        "done_on": date(2026, 5, 6),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "people",
    },
    {
        "title": "Dark paths by the river in Welland Park",
        "parish": "market-harborough",
        "said": "On the patch walk people showed us overgrown paths and broken lights along the riverside, where they avoid walking after dark.",
        "said_on": date(2026, 10, 8),
        "channel": YouSaidWeDid.Channel.PATCH_WALK,
        "place": "Welland Park",
        "did": "The council has cut back the vegetation and reported the lights for repair; a second walk in December will check what is left to do.",
        "progress": YouSaidWeDid.Progress.IN_PROGRESS,
        "priority": "places",
    },
    {
        "title": "Feeling unsafe in Lutterworth after dark",
        "parish": "lutterworth",
        "said": "In the police and crime commissioner's survey, fewer people in Lutterworth said they felt safe in the town centre after dark than elsewhere in the district.",
        "said_on": date(2026, 1, 31),
        "channel": YouSaidWeDid.Channel.SURVEY,
        "did": "An evening patch walk with licensing officers is planned for January, to find the places people avoid and agree what to change.",
        "progress": YouSaidWeDid.Progress.PLANNED,
        "priority": "places",
    },
]


def ensure_you_said_we_did(areas):
    for spec in YOU_SAID_WE_DID:
        if YouSaidWeDid.objects.filter(title=spec["title"]).exists():
            continue
        item = YouSaidWeDid(
            **{**spec, "parish": areas.get(spec["parish"]), "priority": priority(spec["priority"])}
        )
        item.save()
        revision = item.save_revision()
        revision.publish()
        # Published the day the work was done (or raised), so feeds date it sensibly.
        when = datetime.combine(
            item.done_on or item.said_on, datetime.min.time().replace(hour=10), LONDON
        )
        YouSaidWeDid.objects.filter(pk=item.pk).update(
            first_published_at=when, last_published_at=when
        )


UPDATES = [
    {
        "slug": "cost-of-living-roadshows-this-winter",
        "title": "Cost of living and scams roadshows this winter",
        "date": date(2026, 11, 16),
        "summary": "Four roadshows from December to March bring money advice, energy help and scam warnings to Market Harborough, Lutterworth, Broughton Astley and Fleckney.",
        "parishes": ["market-harborough", "lutterworth", "broughton-astley", "fleckney"],
        "topics": ["scams-and-fraud"],
        "priorities": ["people"],
    },
    {
        "slug": "closure-order-lutterworth",
        "title": "Closure order granted for a Lutterworth flat",
        "date": date(2026, 11, 10),
        "summary": "After months of reports from neighbours about drug dealing and disorder, magistrates granted a three-month closure order on a flat near the town centre.",
        "parishes": ["lutterworth"],
        "topics": ["anti-social-behaviour", "drugs"],
        "priorities": ["places"],
    },
    {
        "slug": "op-arable-autumn-patrols",
        "title": "Op Arable: autumn patrols in the rural north of the district",
        "date": date(2026, 10, 5),
        "summary": "Police and council officers ran joint evening patrols around Fleckney and Kibworth, stopping vehicles and checking on farms that had reported thefts.",
        "parishes": ["fleckney", "kibworth"],
        "topics": ["rural-crime"],
        "priorities": ["property"],
    },
    {
        "slug": "camera-moves-to-western-avenue",
        "title": "Re-deployable camera returns to Western Avenue",
        "date": date(2026, 9, 14),
        "summary": "The partnership's mobile 4G camera is back on Western Avenue for the autumn after new reports of damage to cars.",
        "parishes": ["market-harborough"],
        "topics": ["burglary-and-vehicle-crime", "anti-social-behaviour"],
        "priorities": ["property"],
    },
    {
        "slug": "speedwatch-volunteers-kibworth",
        "title": "Speedwatch volunteers out in Kibworth",
        "date": date(2026, 8, 20),
        "summary": "Twelve residents have trained with the police and now run Community Speedwatch sessions twice a month on the A6 and Main Street.",
        "parishes": ["kibworth"],
        "topics": ["road-safety"],
        "priorities": ["places"],
    },
    {
        "slug": "psychoactive-substances-pspo",
        "title": "New powers on psychoactive substances across the district",
        "date": date(2026, 7, 1),
        "summary": "A Public Spaces Protection Order now lets officers seize nitrous oxide and other psychoactive substances used in public places, after a public consultation backed it.",
        "parishes": [],
        "topics": ["drugs", "anti-social-behaviour"],
        "priorities": ["places"],
    },
]


def ensure_updates(news, areas):
    for spec in UPDATES:
        spec = dict(spec)
        parishes = [areas[slug] for slug in spec.pop("parishes")]
        topics = list(Topic.objects.filter(slug__in=spec.pop("topics")))
        priorities = [p for p in map(priority, spec.pop("priorities")) if p]
        if news.get_children().filter(slug=spec["slug"]).exists():
            continue
        update = UpdatePage(**spec, parishes=parishes, topics=topics, priorities=priorities)
        news.add_child(instance=update)
        update.save_revision().publish()

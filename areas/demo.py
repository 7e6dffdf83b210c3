"""The demonstration district's towns and parishes: those named in the Harborough District plans
in shared/seeds (Market Harborough, Lutterworth, Broughton Astley, Kibworth, Fleckney, Thurnby),
with their neighbourhood teams and editors. Their "you said, we did" is in plans/demo_places.py
and their news in news/demo.py.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from areas.models import AreaIndexPage, AreaPage
from areas.permissions import editors_group_name, ensure_area_editors
from home.ensure import ensure_page, site_home
from home.models import Council

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
    index = AreaIndexPage.objects.child_of(site_home()).get()
    # The one council the demo's areas are in (a joint partnership's are in several).
    council = Council.objects.filter(name="Harborough District Council").first()
    for slug, title, kind, introduction, team in AREAS:
        ensure_page(
            index,
            AreaPage,
            slug,
            title=title,
            kind=kind,
            council=council,
            introduction=introduction,
            team_name=team,
            team_url=POLICE_AREA_PAGE,
        )
    areas = {area.slug: area for area in AreaPage.objects.child_of(index)}
    # Each area's own editors group edits that area's page (areas/permissions.py).
    for area in areas.values():
        ensure_area_editors(area)
    demo_parish = get_user_model().objects.filter(username="parish").first()
    if demo_parish is not None:
        demo_parish.groups.add(*Group.objects.filter(name=editors_group_name(areas["lutterworth"])))
    command.say(f"Areas: {len(AREAS)} towns and parishes.")


def demo_areas():
    """The demo's towns and parishes by slug, for the other apps' demo content."""
    return {area.slug: area for area in AreaPage.objects.all()}

"""The demonstration district's towns and parishes: those named in the Harborough District plans
in shared/seeds (Market Harborough, Lutterworth, Broughton Astley, Kibworth, Fleckney, Thurnby).
Every sentence is written for this site."""

from areas.models import AreaIndexPage, AreaPage
from home.demo_tools import ensure_page, site_home

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
    command.say(f"Areas: {len(AREAS)} towns and parishes.")

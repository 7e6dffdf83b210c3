"""The demonstration district's news: local updates town by town and across the district.

The facts come from the seeds (more CCTV and ANPR for Lutterworth, the PSPO on psychoactive
substances, Community Speedwatch in Kibworth); every sentence is made up for this site. Dates
move with the day the demo is loaded, so that the latest news is recent.
"""

from datetime import date

from areas.demo import demo_areas
from campaigns.models import Topic
from home.demo import WRITTEN
from home.ensure import site_home
from home.relative_dates import moved_years, years_back
from news.models import UpdateIndexPage, UpdatePage
from plans.demo_places import priority


def load(command):
    news = UpdateIndexPage.objects.child_of(site_home()).get()
    ensure_updates(news, demo_areas(), command.today)
    command.say(f"News: {UpdatePage.objects.count()} updates.")


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


def ensure_updates(news, areas, today):
    # All moved by the years since the demo was written, so that each is as recent as it was.
    years = years_back([WRITTEN], today)
    for spec in UPDATES:
        spec = {**spec, "date": moved_years(spec["date"], years)}
        parishes = [areas[slug] for slug in spec.pop("parishes")]
        topics = list(Topic.objects.filter(slug__in=spec.pop("topics")))
        priorities = [p for p in (priority(slug, today) for slug in spec.pop("priorities")) if p]
        if news.get_children().filter(slug=spec["slug"]).exists():
            continue
        update = UpdatePage(**spec, parishes=parishes, topics=topics, priorities=priorities)
        news.add_child(instance=update)
        update.save_revision().publish()

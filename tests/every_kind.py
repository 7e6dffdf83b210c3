"""A small partnership with two of everything, for the tests that sweep the whole site (every
page, feed, listing and preview) without the cost of the demo's hundreds of pages.

Its dates are relative to today: a current plan and one that has ended, events in the coming
weeks, campaigns on now, news and "you said, we did" from the past months.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from areas.models import AreaPage
from campaigns.models import Topic
from home.ensure import ensure_pdf
from home.models import AlertBanner, HomePage
from plans.models import Action, Indicator, PlanPage, PriorityIndicator, PriorityPage
from tests.areas.factories import make_area, make_update, make_you_said_we_did
from tests.campaigns.factories import make_campaign
from tests.events.factories import make_event
from tests.factories import ImageFactory
from tests.home.factories import make_banner, make_standard_page, rich_body
from tests.plans.factories import (
    make_action,
    make_indicator,
    make_plan_for_year,
    make_priority,
    partner,
)


@dataclass
class EveryKind:
    home: HomePage
    current_plan: PlanPage
    old_plan: PlanPage
    priority: PriorityPage
    action: Action
    indicator: Indicator
    areas: list[AreaPage]
    banner: AlertBanner


def financial_year_of(day):
    first = day.year if day.month >= 4 else day.year - 1
    return date(first, 4, 1), date(first + 1, 3, 31)


def last_finished_quarter(day):
    """(year the plan starts, quarter 1-4) of the last quarter of the plan year that ended."""
    start, _end = financial_year_of(day)
    quarter = (day.month - 4) % 12 // 3  # quarters finished this plan year
    if quarter == 0:
        return start.year - 1, 4
    return start.year, quarter


def every_kind(home):
    today = timezone.localdate()
    starts, _ends = financial_year_of(today)
    current = make_plan_for_year(
        home, starts.year, introduction="What the partnership will do this year."
    )
    old = make_plan_for_year(home, starts.year - 2)
    make_priority(old, 1, "people", title="Protecting people")
    priority = make_priority(current, 1, "places", title="Safer places")
    make_priority(current, 2, "people", title="Protecting people")
    year, quarter = last_finished_quarter(today)
    action = make_action(
        priority,
        description="Patrol the town centre on weekend evenings",
        updates=[
            (year, quarter, "on_track", "Patrols ran every weekend.", [("Patrols", "24", "26")])
        ],
        leads=[partner("Northshire Police", "Police")],
        supporting=[partner("Bramshire District Council")],
        reference="SP1",
    )
    last_year = f"{starts.year - 1}/{str(starts.year)[2:]}"
    indicator = make_indicator(
        values=[(last_year, 5120)], description="All crime recorded by the police."
    )
    priority.headline_indicators.add(PriorityIndicator(indicator=indicator))
    priority.save_revision().publish()
    areas = [
        make_area("northtown", kind=AreaPage.Kind.TOWN, team_name="Northtown Policing Team"),
        make_area("eastfield", kind=AreaPage.Kind.PARISH),
    ]
    picture, plan_pdf = ImageFactory(), ensure_pdf("Plan on a page", ["Two priorities"])
    about = make_standard_page(
        home,
        "about",
        title="About the partnership",
        show_in_menus=True,
        body=rich_body(picture, plan_pdf),
    )
    make_standard_page(
        home,
        "support-after-abuse",
        title="Support after abuse",
        show_quick_exit=True,
        body=rich_body(picture, plan_pdf, page=about),
    )
    abuse = Topic.objects.get(slug="domestic-abuse")
    for number, (slug, topics) in enumerate(
        [
            ("white-ribbon-day", [abuse]),
            ("darker-nights", [Topic.objects.get(slug="burglary-and-vehicle-crime")]),
        ]
    ):
        campaign = make_campaign(
            home,
            slug,
            start=today - timedelta(days=3 + number),
            end=today + timedelta(days=10 + number),
            topics=topics,
            hero_image=picture,
        )
        campaign.priorities.set([priority])
        campaign.save_revision().publish()
    for number, place in enumerate(areas):
        make_event(
            home,
            f"{place.slug}-beat-surgery",
            title=f"{place.title} beat surgery",
            parish=place,
            start_date=today + timedelta(days=7 + number),
            venue=f"{place.title} library",
        )
        make_update(
            home,
            f"news-for-{place.slug}",
            [place],
            day=today - timedelta(days=20 + number),
            title=f"Speedwatch volunteers out in {place.title}",
        )
        make_you_said_we_did(
            place,
            title=f"Speeding through {place.title}",
            said_on=today - timedelta(days=60 + number),
            priority=priority,
        )
    banner = make_banner("Road closed for the fair")
    return EveryKind(home, current, old, priority, action, indicator, areas, banner)

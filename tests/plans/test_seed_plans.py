"""One model for every seed plan: each real plan's shape fits, and nothing it says is lost.

Each test enters a slice of one plan in ../shared/seeds/ as an officer would, then reads the
published page as a resident would and finds every field of that plan on it.
"""

from datetime import date

import pytest

from plans.models import PlanTheme
from plans.progress import Status
from tests.plans.factories import make_action, make_plan, make_priority, partner

pytestmark = pytest.mark.django_db


def test_harborough_2021_22(client, home_page):
    """Priorities with focus areas, headline indicators, links to other plans and funding;
    objective, action, success measure, lead; quarterly notes with figures."""
    plan = make_plan(
        home_page,
        "harborough-2021-22",
        "Harborough action plan 2021 to 2022",
        starts_on=date(2021, 4, 1),
        ends_on=date(2022, 3, 31),
        action_group_label="Objective",
        cross_cutting_themes=[
            (
                "theme",
                {"name": "Prevent and raise awareness of substance misuse", "description": ""},
            )
        ],
    )
    people = make_priority(
        plan,
        1,
        title="Understand the causes of violence and coercive behaviour",
        short_name="People",
        focus="<ul><li>Domestic abuse</li><li>Exploitation: county lines and cuckooing</li></ul>",
        headline_measures="Domestic violence incidence rates\nViolent crime figures",
        links_to_other_plans="<p>OPCC plan 2017 to 2021: vulnerability protection</p>",
        funding="OPCC and Home Office funding for the Domestic Abuse Act",
    )
    make_action(
        people,
        "Jenkins Centre perpetrators programme, countywide",
        group="Reduction in repeat abuse by perpetrators",
        success_measures="12 perpetrators and 12 partners supported a year, 75% showing a sustained reduction in abuse",
        leads=[partner("LLR Project Board")],
        updates=[
            (2021, 1, Status.ON_TRACK, "On target.", [("Perpetrators supported", "3", "12 a year")])
        ],
    )
    content = client.get(people.url).content.decode()
    for expected in [
        "Priority 1: People",
        "Exploitation: county lines and cuckooing",
        "Domestic violence incidence rates",
        "Violent crime figures",
        "OPCC plan 2017 to 2021",
        "Home Office funding for the Domestic Abuse Act",
        "Objective: Reduction in repeat abuse by perpetrators",
        "Jenkins Centre perpetrators programme",
        "75% showing a sustained reduction",
        "LLR Project Board",
        "Latest update: 2021/22 Q1",
        "Perpetrators supported: <strong>3</strong> (target 12 a year)",
    ]:
        assert expected in content, expected
    assert (
        "Prevent and raise awareness of substance misuse" in client.get(plan.url).content.decode()
    )


def test_north_west_leicestershire_2017_18(client, home_page):
    """Action codes, sections, intended outcome, lead agency, possible barriers, completion date."""
    plan = make_plan(
        home_page,
        "nwl-2017-18",
        "Safer North West action plan 2017 to 2018",
        starts_on=date(2017, 4, 1),
        ends_on=date(2018, 3, 31),
        action_group_label="Section",
    )
    violence = make_priority(plan, 2, title="Protect people from the effects of violence")
    make_action(
        violence,
        "Add capacity to support victims, witnesses and secondary victims of domestic abuse",
        reference="V02",
        group="To support and protect all those who are vulnerable within our community",
        intended_outcome="More support for witnesses and secondary victims",
        possible_barriers="Cost and staff capacity",
        leads=[partner("UAVA"), partner("North West Leicestershire District Council", "NWLDC")],
        target_date=date(2018, 3, 31),
    )
    content = client.get(violence.url).content.decode()
    for expected in [
        "Section: To support and protect all those who are vulnerable",
        '<span class="app-action__reference">V02</span>',
        "Intended outcome",
        "More support for witnesses and secondary victims",
        "Possible barriers",
        "Cost and staff capacity",
        "UAVA, North West Leicestershire District Council",  # in the order the plan gives
        "31 March 2018",
    ]:
        assert expected in content, expected


def test_charnwood_2017_20(client, home_page):
    """Themes over priorities; what we aim to achieve, how, how we measure success."""
    plan = make_plan(
        home_page,
        "charnwood-2017-20",
        "Charnwood partnership plan 2017 to 2020",
        kind="partnership_plan",
        starts_on=date(2017, 4, 1),
        ends_on=date(2020, 3, 31),
        action_group_label="Prevention tier",
    )
    plan.themes.add(
        PlanTheme(
            name="Safer and stronger communities", aim="Share criminal and community intelligence"
        )
    )
    plan.save_revision().publish()
    theme = PlanTheme.objects.get(plan=plan)
    drugs = make_priority(
        plan,
        5,
        title="Tackle drug-related crime and disorder",
        theme=theme,
        aims="<p>Fewer people harmed by drugs</p>",
        approach="<p>Joint action groups and enforcement</p>",
        measures="<p>Drug offences and treatment referrals</p>",
    )
    make_action(drugs, "Youth joint action group every four weeks", group="Secondary prevention")
    content = client.get(drugs.url).content.decode()
    for expected in [
        "What we aim to achieve",
        "Fewer people harmed by drugs",
        "How we will do it",
        "Joint action groups and enforcement",
        "How we will measure success",
        "Drug offences and treatment referrals",
        "Prevention tier: Secondary prevention",
    ]:
        assert expected in content, expected
    plan_content = client.get(plan.url).content.decode()
    assert plan_content.index("Theme: Safer and stronger communities") < plan_content.index(
        "Tackle drug-related crime"
    )

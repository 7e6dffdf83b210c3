"""A plan's funding: how much, from whom and for what, council by council in a joint
partnership, with each council's total and the plan's."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from plans.models import PlanFunding
from tests.home.factories import add_councils as councils
from tests.plans.factories import make_plan

pytestmark = pytest.mark.django_db


def funded(home_page, *rows):
    plan = make_plan(home_page, slug="funded-plan", title="Funded plan 2026 to 2027")
    plan.funding = [
        PlanFunding(source=source, amount=Decimal(amount), council=council, purpose=purpose)
        for source, amount, council, purpose in rows
    ]
    plan.save_revision().publish()
    return plan


def table(html):
    start = html.index('<h2 class="govuk-heading-l" id="funding">')
    return html[start : html.index("</table>", start)]


def test_a_joint_plans_funding_council_by_council_with_totals(client, home_page):
    named = councils("Harborough District Council", "Northfield Borough Council")
    harborough, northfield = (
        named["Harborough District Council"],
        named["Northfield Borough Council"],
    )
    plan = funded(
        home_page,
        ("Police and Crime Commissioner", "34500", None, ""),
        ("Harborough District Council", "12000", harborough, "Re-deployable CCTV"),
        ("Northfield Borough Council", "8250.5", northfield, ""),
        ("Police and Crime Commissioner", "4000", northfield, "Op Arable patrols"),
    )
    funding = table(client.get(plan.url).content.decode())
    whole = funding.index("The whole partnership</th>")
    assert whole < funding.index("Harborough District Council’s area</th>")
    assert funding.index("Harborough District Council’s area</th>") < funding.index(
        "Northfield Borough Council’s area</th>"
    )
    assert ">Re-deployable CCTV<" in funding and ">Community safety work<" in funding
    assert ">£8,250.50<" in funding and ">£34,500<" in funding
    assert "Total for Northfield Borough Council’s area</th>" in funding
    assert ">£12,250.50<" in funding  # Northfield's two rows
    assert "<strong>£58,750.50</strong>" in funding


def test_a_single_partnerships_funding_is_a_plain_list(client, home_page):
    plan = funded(home_page, ("Police and Crime Commissioner", "34500", None, ""))
    funding = table(client.get(plan.url).content.decode())
    assert "The whole partnership" not in funding and "Total for" not in funding
    assert "<strong>£34,500</strong>" in funding


def test_no_funding_no_section(client, home_page):
    plan = make_plan(home_page, slug="unfunded", title="Unfunded plan")
    assert 'id="funding"' not in client.get(plan.url).content.decode()


def test_the_queries_do_not_grow_with_the_rows(queries, home_page):
    named = councils("Westby District Council", "Northfield Borough Council", "Southby Council")
    one = funded(home_page, ("PCC", "1", named["Northfield Borough Council"], ""))
    many = make_plan(home_page, slug="many", title="Many")
    many.funding = [
        PlanFunding(source=f"Fund {n}", amount=n, council=list(named.values())[n % 3])
        for n in range(9)
    ]
    many.save_revision().publish()
    assert queries.get(one.url).query_count == queries.get(many.url).query_count


def test_an_amount_below_nothing_is_refused(home_page):
    with pytest.raises(ValidationError, match="amount"):
        PlanFunding(source="PCC", amount=Decimal("-1")).full_clean(exclude=["plan"])

"""Indicators side by side: the same measure for several areas in one table and one chart, in
any page body (a joint partnership's districts, or the towns of one)."""

import pytest

from home.models import StandardPage
from plans.indicators import side_by_side
from tests.plans.factories import make_indicator

pytestmark = pytest.mark.django_db


def comparison_page(parent, *indicators, slug="asb-by-town"):
    page = StandardPage(
        title="Anti-social behaviour town by town",
        slug=slug,
        body=[
            {
                "type": "indicator_comparison",
                "value": {
                    "heading": "Incidents in each town",
                    "indicators": [each.pk for each in indicators],
                    "description": "Reported to the police each year.",
                },
            }
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def towns(home_page):
    values = {"Coalville": [("2024/25", 410), ("2025/26", 380), ("2023/24", 452)]}
    values["Ashby de la Zouch"] = [("2024/25", 198), ("2025/26", 1204.5)]
    return [
        make_indicator(
            slug=f"asb-{n}", name="Anti-social behaviour incidents", area=area, values=points,
            unit="incidents", source="Leicestershire Police",
        )
        for n, (area, points) in enumerate(values.items())
    ]  # fmt: skip


def test_one_table_with_a_column_for_each_area_in_period_order(client, home_page, towns):
    page = comparison_page(home_page, *towns)
    html = client.get(page.url).content.decode()
    assert "Incidents in each town (incidents)" in html  # the caption, with the unit
    header = html[html.index("<thead") : html.index("</thead>")]
    assert header.index(">Coalville<") < header.index(">Ashby de la Zouch<")
    body = html[html.index('<tbody class="govuk-table__body">') :]
    rows = [row.split("</tr>")[0] for row in body.split('<tr class="govuk-table__row">')[1:4]]
    assert [row.split(">")[1].split("<")[0] for row in rows] == ["2023/24", "2024/25", "2025/26"]
    # Ashby has no figure for 2023/24: said so, not left blank or shown as 0.
    assert '<span class="govuk-visually-hidden">No figure</span>' in rows[0]
    assert ">1,204.5<" in rows[2] and ">380<" in rows[2]
    assert "A lower figure is better. Source: Leicestershire Police." in html
    # One chart: a bar for each town in each year it has a figure, with a text alternative.
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert chart.count("<rect") == 6
    assert "Coalville, Ashby de la Zouch side by side (incidents)" in chart


def test_the_same_area_twice_is_told_apart_by_name(client, home_page):
    first = make_indicator(slug="a", name="Burglary", area="Coalville", values=[("2025/26", 5)])
    second = make_indicator(slug="b", name="Theft", area="Coalville", values=[("2025/26", 7)])
    html = client.get(comparison_page(home_page, first, second).url).content.decode()
    assert ">Burglary, Coalville<" in html and ">Theft, Coalville<" in html


def test_an_indicator_deleted_later_leaves_the_others(client, home_page, towns):
    page = comparison_page(home_page, *towns)
    towns[1].delete()
    response = client.get(page.url)
    assert response.status_code == 200
    assert ">Coalville<" in response.content.decode()
    assert "Ashby de la Zouch" not in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_indicators(queries, home_page, towns):
    two = comparison_page(home_page, *towns)
    more = [
        make_indicator(slug=f"more-{n}", name="ASB", area=f"Town {n}", values=[("2025/26", n)])
        for n in range(4)
    ]
    six = comparison_page(home_page, *towns, *more, slug="six-towns")
    assert queries.get(two.url).query_count == queries.get(six.url).query_count


def test_side_by_side_keeps_to_one_kind_of_period():
    comparison = side_by_side(
        [
            ("A", [("2024/25", 10), ("2025/26", 12), ("2025/26 Q1", 3)]),
            ("B", [("2025/26", 4)]),
        ]
    )
    assert comparison.columns == ["A", "B"]
    assert comparison.rows == [("2024/25", ["10", ""]), ("2025/26", ["12", "4"])]
    assert [label for label, _, _ in comparison.groups] == ["2024/25", "2025/26"]
    empty = side_by_side([("A", []), ("B", [])])
    assert empty.rows == [] and empty.groups == []


def test_it_is_offered_in_every_page_body():
    assert "indicator_comparison" in StandardPage._meta.get_field("body").stream_block.child_blocks

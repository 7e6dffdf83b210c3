"""Officers and parish editors preview pages that show "you said, we did", news and events
before those pages are first saved."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from areas.models import AreaIndexPage, AreaPage
from home.starter import PARISH_EDITORS
from news.models import UpdateIndexPage
from plans.models import PlanPage
from tests.areas.factories import area, make_area
from tests.factories import signed_in
from tests.plans.factories import make_plan

NEW_AREA = {
    "title": "Gilmorton",
    "slug": "gilmorton",
    "kind": AreaPage.Kind.PARISH,
    "introduction": "A village south of Lutterworth.",
    "team_name": "Lutterworth Neighbourhood Policing Team",
    "team_email": "",
    "team_phone": "101",
    "team_url": "",
}


def new_update():
    data = nested_form_data(
        {
            "title": "New bench by the Lutterworth green",
            "slug": "new-bench",
            "date": "2026-11-30",
            "summary": "A bench and a light by the green.",
            "body": streamfield([]),
        }
    )
    # The parish editor edits Lutterworth: their news is about it.
    return {**data, "parishes": [str(area("lutterworth").pk)]}


def new_priority():
    return nested_form_data(
        {
            "title": "Keeping roads safe",
            "slug": "keeping-roads-safe",
            "number": "9",
            "short_name": "Roads",
            "theme": "",
            **{name: rich_text("") for name in ("focus", "why", "aims", "approach", "measures")},
            "links_to_other_plans": rich_text(""),
            "headline_measures": "",
            "headline_indicators": inline_formset([]),
            "funding": "",
        }
    )


def current_plan():
    return PlanPage.objects.get(slug="2026-2027")


@pytest.mark.parametrize(
    ("username", "model", "parent", "data", "shown"),
    [
        (
            "officer",
            "areas.areapage",
            AreaIndexPage.objects.get,
            lambda: NEW_AREA,
            ["Community safety in Gilmorton", "A village south of Lutterworth."],
        ),
        (
            "parish",
            "news.updatepage",
            UpdateIndexPage.objects.get,
            new_update,
            ["New bench by the Lutterworth green", "Lutterworth"],
        ),
        ("officer", "plans.prioritypage", current_plan, new_priority, ["Keeping roads safe"]),
    ],
)
def test_a_new_page_can_be_previewed_before_it_is_saved(
    client, home_page, username, model, parent, data, shown
):
    """Nothing tagged to an unsaved page exists yet: the preview must still render."""
    make_area("lutterworth", kind=AreaPage.Kind.TOWN)
    make_plan(home_page, "2026-2027")
    teams = (PARISH_EDITORS, "Lutterworth editors") if username == "parish" else ()
    signed_in(client, username, *teams)
    app, model = model.split(".")
    url = f"/admin/pages/add/{app}/{model}/{parent().pk}/preview/"
    posted = client.post(url, data())
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in shown:
        assert text in html

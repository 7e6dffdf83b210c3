"""Officers and parish editors preview area pages and news before they go live."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from areas.models import AreaIndexPage, AreaPage, UpdateIndexPage
from tests.areas.factories import area

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
    return nested_form_data(
        {
            "title": "New bench by the Kibworth green",
            "slug": "new-bench",
            "date": "2026-11-30",
            "summary": "A bench and a light by the green.",
            "body": streamfield([]),
            "parishes": [str(area("kibworth").pk)],
            "topics": [],
            "priorities": [],
        }
    )


@pytest.mark.parametrize(
    ("username", "model", "parent", "data", "shown"),
    [
        (
            "officer",
            "areapage",
            AreaIndexPage,
            lambda: NEW_AREA,
            ["Community safety in Gilmorton", "A village south of Lutterworth."],
        ),
        ("parish", "updatepage", UpdateIndexPage, new_update, ["New bench by the Kibworth green"]),
    ],
)
def test_a_new_page_can_be_previewed_before_it_is_saved(
    client, demo, username, model, parent, data, shown
):
    """Nothing tagged to an unsaved page exists yet: the preview must still render."""
    assert client.login(username=username, password="changeme")
    url = f"/admin/pages/add/areas/{model}/{parent.objects.get().pk}/preview/"
    posted = client.post(url, data())
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in shown:
        assert text in html

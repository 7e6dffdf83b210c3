"""The table block: the Design System's table, named by its caption, text escaped, scrolling in
its own box when it is wide."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertInHTML
from wagtail import blocks

from home.blocks import TableBlock, body_blocks
from home.ensure import ensure_page
from home.models import StandardPage
from tests.factories import signed_in

CRIME = [
    ["Crime", "2024", "2025"],
    ["Burglary", "41", "<script>alert('x')</script>"],
    ["Shoplifting", "102", "98"],
]


def table(header="row", caption="Recorded crime in Lutterworth", data=CRIME):
    """A table as the admin's editor sends it."""
    return {
        "data": data,
        "cell": [],
        "mergeCells": [],
        "table_header_choice": header,
        "table_caption": caption,
    }


def render(value, **context):
    block = TableBlock()
    return block.render(block.clean(block.to_python(value)), context=context)


def test_a_header_row_and_caption_render_as_the_design_systems_table():
    html = render(table(), block_id="abc")
    assertInHTML(
        """
        <div class="app-table-scroll" role="region" tabindex="0"
             aria-labelledby="table-abc-caption">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m"
                     id="table-abc-caption">Recorded crime in Lutterworth</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Crime</th>
                <th scope="col" class="govuk-table__header">2024</th>
                <th scope="col" class="govuk-table__header">2025</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">Burglary</td>
                <td class="govuk-table__cell">41</td>
                <td class="govuk-table__cell">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</td>
              </tr>
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">Shoplifting</td>
                <td class="govuk-table__cell">102</td>
                <td class="govuk-table__cell">98</td>
              </tr>
            </tbody>
          </table>
        </div>
        """,
        html,
    )
    assert "<script>" not in html


def test_a_header_column_gives_row_headers():
    html = render(table(header="both"))
    assertInHTML('<th scope="col" class="govuk-table__header">Crime</th>', html)
    assertInHTML('<th scope="row" class="govuk-table__header">Burglary</th>', html)
    assertInHTML('<td class="govuk-table__cell">41</td>', html)

    html = render(table(header="column"))
    assert "<thead" not in html
    assertInHTML('<th scope="row" class="govuk-table__header">Crime</th>', html)
    assertInHTML('<td class="govuk-table__cell">2024</td>', html)


def test_cells_are_text_even_if_a_table_asks_for_the_html_renderer():
    block = TableBlock(table_options={"renderer": "html"})
    assert not block.is_html_renderer()
    data = [["<b>Crime</b>", "Count"], ["<img src=x onerror=alert(1)>", "1\n2"]]
    html = block.render(block.clean(table(data=data, caption="<i>Crime</i>")))
    assert "<b>" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;b&gt;Crime&lt;/b&gt;" in html and "&lt;i&gt;Crime&lt;/i&gt;" in html
    assert "1<br>2" in html  # line breaks typed in a cell are kept


def test_empty_cells_are_empty_not_none():
    html = render(table(data=[["Crime", None], ["Burglary", None]]))
    assert "None" not in html
    assertInHTML('<td class="govuk-table__cell"></td>', html)


def test_a_caption_and_a_header_choice_are_needed_to_publish_but_not_for_a_draft():
    block = TableBlock()
    with pytest.raises(ValidationError, match="Give the table a caption"):
        block.clean(table(caption="  "))
    with pytest.raises(ValidationError, match="Choose which cells are headings"):
        block.clean(table(header=""))
    assert block.clean_deferred(table(caption=""))["data"] == CRIME

    body = blocks.StreamBlock(body_blocks())
    with pytest.raises(blocks.StreamBlockValidationError):
        body.clean(body.to_python([{"type": "table", "value": table(caption="")}]))


def test_a_table_without_a_caption_still_has_a_named_region():
    # A draft, or a table stored before captions were needed.
    block = TableBlock()
    html = block.render(block.to_python(table(caption="")))
    assert "<caption" not in html and "aria-labelledby" not in html
    assert 'role="region"' in html and 'aria-label="Table"' in html


def test_the_caption_and_cells_are_searchable():
    content = TableBlock().get_searchable_content(table())
    assert content[:3] == ["Recorded crime in Lutterworth", "Crime", "2024"]


def test_the_table_block_deconstructs_for_migrations():
    assert TableBlock().deconstruct() == ("home.blocks.TableBlock", (), {})


def test_a_page_with_a_table_renders_for_residents(client, home_page):
    page = ensure_page(
        home_page,
        StandardPage,
        "crime-figures",
        title="Crime figures",
        body=[("table", table(header="both"))],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    block_id = StandardPage.objects.get(pk=page.pk).body[0].id
    assertInHTML(
        f'<caption class="govuk-table__caption govuk-table__caption--m" '
        f'id="table-{block_id}-caption">Recorded crime in Lutterworth</caption>',
        html,
    )
    assert f'aria-labelledby="table-{block_id}-caption"' in html
    assertInHTML('<th scope="row" class="govuk-table__header">Shoplifting</th>', html)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def publish_with_a_table(client, home_page, value):
    return client.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        {
            "title": "Crime figures",
            "slug": "crime-figures",
            "body-count": "1",
            "body-0-type": "table",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value": json.dumps(value),
            "action-publish": "Publish",
        },
    )


def test_an_officer_can_publish_a_table_but_not_one_without_a_caption(client, home_page):
    signed_in(client, "admin")
    add_form = client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/")
    assert "table_block/js/table.js" in add_form.content.decode()  # the app's editor is served
    assert finders.find("table_block/js/table.js")

    refused = publish_with_a_table(client, home_page, table(caption=""))
    assert refused.status_code == 200
    assert "Give the table a caption" in refused.content.decode()
    assert not StandardPage.objects.filter(slug="crime-figures").exists()

    response = publish_with_a_table(client, home_page, table(header="row"))
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/crime-figures/").content.decode()
    assertInHTML('<th scope="col" class="govuk-table__header">2025</th>', html)
    assert "Recorded crime in Lutterworth</caption>" in html

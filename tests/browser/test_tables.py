"""A wide table in a page body, on a 320px-wide phone: the page stays the phone's width, the
cells scroll sideways in their own box, and the caption wraps in view."""

from tests.browser.test_admin_editing import server_shell

WIDE_TABLE = {
    "table_caption": "Incidents by ward, April to September 2026 (provisional police figures)",
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "data": [["Ward", *[f"Month {n}" for n in range(10)]], ["Lutterworth", *map(str, range(10))]],
}


def test_a_wide_table_scrolls_in_its_box_and_its_caption_stays_in_view(browser, site_server):
    change_about_page = (
        "import json; from home.models import StandardPage; "
        "page = StandardPage.objects.get(slug='about'); body = list(page.body.raw_data); "
        "{change}; page.body = body; page.save_revision().publish(); print(json.dumps(page.url))"
    )
    url = server_shell(
        site_server,
        change_about_page.format(
            change=f"body.append({{'type': 'table', 'value': {WIDE_TABLE!r}}})"
        ),
    )
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_server.url + url)
        left, right, page_width, box_width, table_width = page.evaluate(
            """() => {
                const caption = document.querySelector('.app-table-scroll caption').getBoundingClientRect();
                const box = document.querySelector('.app-table-scroll');
                return [caption.left, caption.right, document.documentElement.scrollWidth,
                        box.clientWidth, box.scrollWidth];
            }"""
        )
        assert page_width == 320
        assert table_width > box_width  # the cells scroll
        assert left >= 0 and right <= 320  # the caption does not
    finally:
        context.close()
        server_shell(site_server, change_about_page.format(change="body = body[:-1]"))

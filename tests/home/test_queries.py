"""Query counts: a page costs the same number of queries however long its lists grow."""

import pytest

from home.ensure import ensure_page
from home.models import StandardPage
from tests.every_kind import every_kind
from tests.home.factories import make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return make_standard_page(home_page, "about", title="About the partnership", show_in_menus=True)


HOME_PAGE_QUERY_BUDGET = 12


def add_menu_pages(home_page, total):
    existing = StandardPage.objects.filter(slug__startswith="menu-").count()
    for number in range(existing, total):
        ensure_page(
            home_page,
            StandardPage,
            f"menu-{number}",
            title=f"Menu page {number}",
            show_in_menus=True,
        )


def test_home_page_stays_within_its_query_budget(queries, home_page):
    every_kind(home_page)  # every feature's panel with something in it
    response = queries.get("/")
    assert response.status_code == 200
    assert response.query_count <= HOME_PAGE_QUERY_BUDGET, "\n".join(response.queries)


def test_home_page_queries_do_not_grow_with_the_menu(queries, home_page):
    add_menu_pages(home_page, 5)
    five = queries.get("/")
    add_menu_pages(home_page, 50)
    fifty = queries.get("/")
    assert "Menu page 49" in fifty.content.decode()
    assert five.query_count == fifty.query_count


def test_standard_page_queries_do_not_grow_with_the_menu_or_depth(queries, home_page, about):
    add_menu_pages(home_page, 5)
    five = queries.get(about.url)
    add_menu_pages(home_page, 50)
    fifty = queries.get(about.url)
    assert five.query_count == fifty.query_count


def test_the_cached_menu_and_footer_change_as_soon_as_content_does(client, home_page):
    client.get("/")  # the menu and footer are now cached
    ensure_page(
        home_page, StandardPage, "new-section", title="A brand new section", show_in_menus=True
    )
    assert "A brand new section" in client.get("/").content.decode()
    from home.models import SiteSettings

    site_settings = SiteSettings.objects.get()
    site_settings.contact_phone = "01234 567890"
    site_settings.save()
    assert "01234 567890" in client.get("/").content.decode()


def test_the_menu_marks_the_section_the_page_is_in_even_when_cached(client, about):
    child = ensure_page(about, StandardPage, "child", title="Child page")
    client.get("/")
    content = client.get(child.url).content.decode()
    nav = content[content.index('class="govuk-service-navigation__list"') :]
    assert 'aria-current="true"' in nav[: nav.index("About the partnership") + 200]
    assert (
        "aria-current"
        not in client.get("/")
        .content.decode()
        .split("govuk-service-navigation__list", 1)[1]
        .split("</ul>", 1)[0]
    )

"""Query counts: a page costs the same number of queries however long its lists grow."""

import pytest

from home.demo_tools import ensure_page
from home.models import StandardPage

pytestmark = pytest.mark.django_db

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


def test_standard_page_queries_do_not_grow_with_the_menu_or_depth(queries, home_page):
    about = StandardPage.objects.get(slug="about")
    add_menu_pages(home_page, 5)
    five = queries.get(about.url)
    add_menu_pages(home_page, 50)
    fifty = queries.get(about.url)
    assert five.query_count == fifty.query_count

"""What an officer from another partnership met entering a real plan through the admin: dates in
the wrong order, names lowercased, admin words on public pages, text cut short, sub-points run
together, and a page made by mistake that could not be deleted."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from plans.models import (
    Indicator,
    Partner,
    PlanIndexPage,
    PlanPage,
    PriorityIndicator,
    YouSaidWeDid,
)
from tests.factories import signed_in
from tests.home.factories import add_councils
from tests.plans.factories import make_action, make_indicator, make_plan, make_priority
from tests.plans.test_admin import action_form, existing_updates

pytestmark = pytest.mark.django_db

PARTNERSHIP = "Blaby and Hinckley & Bosworth Community Safety Partnership"


def plan_form(**overrides):
    return nested_form_data(
        {
            "title": f"{PARTNERSHIP} Action Plan",
            "slug": "blaby-hinckley-plan",
            "kind": "action_plan",
            "starts_on": "2024-04-01",
            "ends_on": "2025-03-31",
            "introduction": "Our plan for the two districts.",
            "action_group_label": "Objective",
            "themes": inline_formset([]),
            "cross_cutting_themes": streamfield([]),
            "body": streamfield([]),
            "documents": streamfield([]),
            "performance_indicators": inline_formset([]),
            "funding": inline_formset([]),
            "action-publish": "publish",
            **overrides,
        }
    )


def add_plan_url():
    return f"/admin/pages/add/plans/planpage/{PlanIndexPage.objects.get().pk}/"


# 4. Dates in the wrong order ------------------------------------------------------------------


def test_a_plan_cannot_end_before_it_starts(home_page):
    plan = PlanPage(title="Backwards", starts_on=date(2024, 4, 1), ends_on=date(2023, 3, 31))
    with pytest.raises(ValidationError) as raised:
        plan.clean()
    assert raised.value.message_dict == {
        "ends_on": [
            "The plan cannot end before it starts: give an end date on or after 1 April 2024."
        ]
    }
    # One day long is a period, if a short one.
    PlanPage(title="A day", starts_on=date(2024, 4, 1), ends_on=date(2024, 4, 1)).clean()


def test_the_admin_refuses_a_plan_ending_before_it_starts_and_publishes_nothing(client, db):
    response = signed_in(client, "officer").post(add_plan_url(), plan_form(ends_on="2023-03-31"))
    assert response.status_code == 200
    assert "The plan cannot end before it starts" in response.content.decode()
    assert not PlanPage.objects.filter(slug="blaby-hinckley-plan").exists()
    # In the right order, it is published.
    response = signed_in(client, "officer").post(add_plan_url(), plan_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PlanPage.objects.get(slug="blaby-hinckley-plan").live


def test_an_officer_records_the_plans_funding_council_by_council(client, db):
    council = add_councils("Blaby District Council")["Blaby District Council"]
    rows = [
        {
            "council": "",
            "source": "Police and Crime Commissioner",
            "purpose": "",
            "amount": "34500",
        },
        {"council": council.pk, "source": "The council", "purpose": "CCTV", "amount": "1200.50"},
    ]
    response = signed_in(client, "officer").post(
        add_plan_url(), plan_form(funding=inline_formset(rows))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = PlanPage.objects.get(slug="blaby-hinckley-plan")
    stored = [(f.council, f.source, str(f.amount)) for f in plan.funding.order_by("sort_order")]
    assert stored == [
        (None, "Police and Crime Commissioner", "34500.00"),
        (council, "The council", "1200.50"),
    ]
    assert "<strong>£35,700.50</strong>" in client.get(plan.url).content.decode()
    # An amount below nothing is refused, with the officer's other entries kept.
    rows[1]["amount"] = "-5"
    response = client.post(
        add_plan_url(), plan_form(slug="second-try", funding=inline_formset(rows))
    )
    assert response.status_code == 200 and not PlanPage.objects.filter(slug="second-try").exists()
    assert "Police and Crime Commissioner" in response.content.decode()


@pytest.fixture
def current_action(home_page):
    plan = make_plan(home_page, "2026-2027", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31))
    return make_action(make_priority(plan), target_date=date(2027, 3, 31))


def test_a_target_date_outside_the_plan_is_saved_with_a_warning_the_officer_sees(
    client, current_action
):
    action = current_action
    action.target_date = date(2028, 6, 30)
    data = action_form(action, existing_updates(action))
    response = signed_in(client, "officer").post(
        f"/admin/snippets/plans/action/edit/{action.pk}/", data, follow=True
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Check the target date: 30 June 2028 is outside the period of" in html
    assert "(1 April 2026 to 31 March 2027)" in html
    action.refresh_from_db()
    assert action.target_date == date(2028, 6, 30)  # saved all the same


def test_a_target_date_inside_the_plan_gets_no_warning(client, current_action):
    action = current_action
    action.target_date = date(2026, 12, 31)
    response = signed_in(client, "officer").post(
        f"/admin/snippets/plans/action/edit/{action.pk}/",
        action_form(action, existing_updates(action)),
        follow=True,
    )
    assert "Check the target date" not in response.content.decode()
    assert action.target_date_warning() == ""


# 5. Names keep their case -------------------------------------------------------------------


def test_names_are_never_lowercased_on_public_pages(client, home_page):
    plan = make_plan(
        home_page,
        "blaby",
        f"{PARTNERSHIP} Action Plans",
        starts_on=date(2020, 1, 1),
        ends_on=date(2099, 1, 1),
    )
    for other in PlanPage.objects.live().exclude(pk=plan.pk):
        other.unpublish()  # this is the current plan, for the home page
    priority = make_priority(plan, title="People", short_name="People")
    indicator = make_indicator(
        "blaby-asb", "ASB incidents in Hinckley", values=[("2022/23", 10), ("2023/24", 12)]
    )
    PriorityIndicator.objects.create(priority=priority, indicator=indicator)
    title = escape(f"{PARTNERSHIP} Action Plans")
    priority_page = client.get(priority.url).content.decode()
    assert f"Back to {title}</a>" in priority_page
    assert title.lower() not in priority_page
    assert "ASB incidents in Hinckley" in indicator.chart_description()
    assert "asb incidents in hinckley" not in priority_page
    home = client.get("/").content.decode()
    assert f">{title}</a>" in home
    assert title.lower() not in home


def test_a_chart_with_no_values_keeps_the_names_case():
    indicator = Indicator(name="Calls to Blaby Police", area="", unit="calls")
    assert indicator.chart_description() == "Calls to Blaby Police: no values yet."


# 6. Admin words stay in the admin -----------------------------------------------------------


def test_indicators_are_described_for_residents_and_say_the_area_once(client, home_page):
    priority = make_priority(make_plan(home_page))
    indicator = make_indicator(
        "hb-total-crime",
        "Total crime, Hinckley and Bosworth",
        area="Hinckley and Bosworth",
        better=Indicator.Better.NEITHER,
        values=[("2022/23", 100), ("2023/24", 90)],
    )
    PriorityIndicator.objects.create(priority=priority, indicator=indicator)
    html = client.get(priority.url).content.decode()
    assert "Neither: it is context" not in html
    assert "This figure gives background" in html
    assert "Hinckley and Bosworth, Hinckley and Bosworth" not in html
    assert "Total crime, Hinckley and Bosworth (crimes)</caption>" in html
    # The admin still chooses with its own labels, and lists the indicator once by area.
    assert Indicator.Better.NEITHER.label == "Neither: it is context"
    assert str(indicator) == "Total crime, Hinckley and Bosworth"
    other = make_indicator("blaby-crime", "Total crime", area="Blaby")
    assert str(other) == "Total crime (Blaby)" and other.name_with_area == "Total crime, Blaby"


@pytest.mark.parametrize(
    ("better", "words"),
    [
        (Indicator.Better.LOWER, "A lower figure is better."),
        (Indicator.Better.HIGHER, "A higher figure is better."),
    ],
)
def test_which_way_is_better_in_residents_words(client, home_page, better, words):
    priority = make_priority(make_plan(home_page))
    indicator = make_indicator("one", "Burglaries", better=better, values=[("2023/24", 5)])
    PriorityIndicator.objects.create(priority=priority, indicator=indicator)
    html = client.get(priority.url).content.decode()
    assert f'<p class="govuk-body-s">{words}' in html
    assert "is better." not in html.replace(words, "")


# 7. Text is never cut short -----------------------------------------------------------------


def test_a_long_page_title_is_refused_with_a_clear_message_not_cut(client, db):
    title = "A" * 320
    response = signed_in(client, "officer").post(add_plan_url(), plan_form(title=title))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This is 320 characters long; the limit is 255." in html
    assert title in html  # what was typed is still there, to shorten
    assert not PlanPage.objects.filter(slug="blaby-hinckley-plan").exists()


def test_the_page_form_shows_each_limit_and_does_not_truncate_in_the_browser(client, db):
    html = signed_in(client, "officer").get(add_plan_url()).content.decode()
    assert "Up to 255 characters." in html  # the title
    assert "Up to 40 characters." in html  # the action group label
    for name in ("title", "slug", "seo_title", "action_group_label"):
        field = re.search(rf'<input[^>]* name="{name}"[^>]*>', html).group(0)
        assert "maxlength" not in field, field


def test_a_date_box_says_how_to_type_a_date_and_takes_it_that_way(client, db):
    officer = signed_in(client, "officer")
    html = officer.get(add_plan_url()).content.decode()
    # The help text under the label of the plan's first day.
    assert "For example, 25/11/2026." in html.split('for="id_starts_on"', 1)[1][:2000]
    response = officer.post(add_plan_url(), plan_form(starts_on="01/04/2024", ends_on="31/03/2025"))
    assert response.status_code == 302
    plan = PlanPage.objects.get(slug="blaby-hinckley-plan")
    assert (plan.starts_on.isoformat(), plan.ends_on.isoformat()) == ("2024-04-01", "2025-03-31")


def test_a_long_snippet_field_is_refused_with_a_clear_message(client, db):
    name = ("Blaby and Hinckley & Bosworth " * 6).strip() + "."  # 180 characters
    officer = signed_in(client, "officer")
    form = officer.get("/admin/snippets/plans/partner/add/").content.decode()
    assert "Up to 150 characters." in form
    assert "maxlength" not in re.search(r'<input[^>]* name="name"[^>]*>', form).group(0)
    response = officer.post(
        "/admin/snippets/plans/partner/add/",
        {"name": name, "short_name": "", "kind": "public_body", "website": ""},
    )
    assert response.status_code == 200
    assert "This is 180 characters long; the limit is 150." in response.content.decode()
    assert not Partner.objects.filter(name__startswith="Blaby and Hinckley").exists()


# 8. Lines and lists as the officer typed them -----------------------------------------------


def test_sub_points_show_as_lists_and_everything_is_escaped(client, home_page):
    plan = make_plan(home_page)
    priority = make_priority(
        plan,
        funding="Community Safety Fund.\n\nHome Office grant:\n- Safer Streets\n- Serious Violence Duty",
    )
    make_action(
        priority,
        "Work with Schools.\n- Facilitating <script>alert(1)</script> sessions\n- Training staff",
        success_measures="1. Ten schools\n2. Two hundred pupils",
        intended_outcome="Fewer exclusions.\nSafer journeys home.",
        possible_barriers="• Staff time\n• Funding",
    )
    html = client.get(priority.url).content.decode()
    assert "Work with Schools.</h3>" in html
    assert (
        '<ul class="govuk-list govuk-list--bullet"><li>Facilitating &lt;script&gt;alert(1)'
        "&lt;/script&gt; sessions</li><li>Training staff</li></ul>" in html
    )
    assert "<script>alert(1)" not in html
    assert (
        '<ol class="govuk-list govuk-list--number"><li>Ten schools</li><li>Two hundred pupils</li></ol>'
        in html
    )
    assert '<p class="govuk-body">Fewer exclusions.<br>Safer journeys home.</p>' in html
    assert "<li>Staff time</li><li>Funding</li>" in html
    assert (
        '<p class="govuk-body">Home Office grant:</p><ul class="govuk-list govuk-list--bullet">'
        "<li>Safer Streets</li><li>Serious Violence Duty</li></ul>" in html
    )


def test_headline_measures_typed_with_bullets_are_listed_once(client, home_page):
    priority = make_priority(
        make_plan(home_page), headline_measures="- Fewer repeat victims\n• More reports"
    )
    html = client.get(priority.url).content.decode()
    assert "<li>Fewer repeat victims</li><li>More reports</li>" in html


def test_a_plan_introduction_keeps_its_paragraphs(client, home_page):
    plan = make_plan(home_page, introduction="First paragraph.\n\nSecond & last.")
    html = client.get(plan.url).content.decode()
    assert (
        '<p class="govuk-body-l">First paragraph.</p><p class="govuk-body-l">Second &amp; last.</p>'
        in html
    )


# 9. Deleting a mistake, and wording ---------------------------------------------------------


def test_an_officer_deletes_a_plan_made_by_mistake_with_its_priorities(client, db):
    officer = signed_in(client, "officer")
    assert officer.post(add_plan_url(), plan_form()).status_code == 302
    plan = PlanPage.objects.get(slug="blaby-hinckley-plan")
    make_priority(plan, title="People")
    delete_url = f"/admin/pages/{plan.pk}/delete/"
    assert officer.get(delete_url).status_code == 200
    assert officer.post(delete_url).status_code == 302
    assert not Page.objects.filter(slug="blaby-hinckley-plan").exists()


def test_the_priority_editor_points_to_the_actions_menu_as_it_is_named(client, home_page):
    priority = make_priority(make_plan(home_page))
    html = signed_in(client, "officer").get(f"/admin/pages/{priority.pk}/edit/").content.decode()
    assert "Plans and progress › Actions" in html
    assert "Snippets › Actions" not in html


def test_you_said_we_did_messages_read_well(client, db):
    officer = signed_in(client, "officer")
    response = officer.post("/admin/snippets/plans/yousaidwedid/add/", {"title": ""})
    html = response.content.decode()
    assert "The “you said, we did” entry could not be created" in html
    listing = officer.get("/admin/snippets/plans/yousaidwedid/").content.decode()
    assert "You said, we did" in listing
    assert YouSaidWeDid._meta.verbose_name_plural == "you said, we did"

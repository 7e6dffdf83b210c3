"""Parish editors: their own area's page and their own news, approved by a partnership officer
through a workflow of its own (never Wagtail's default one, whose Moderators group is empty)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from areas.models import AreaPage
from home.starter import PARISH_EDITORS
from news.models import UpdateIndexPage, UpdatePage
from tests.areas.factories import make_area, make_update
from tests.factories import signed_in, team_member
from tests.tools import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(home_page):
    """Two parishes, and the partnership's own news about neither."""
    make_area("lutterworth", kind=AreaPage.Kind.TOWN)
    make_area("kibworth", kind=AreaPage.Kind.PARISH)
    make_update(home_page, "safer-streets")


def area(slug):
    return AreaPage.objects.get(slug=slug)


def parish_clerk(client):
    """Lutterworth's clerk, in the editors group its page made when it was published."""
    return signed_in(client, "parish", PARISH_EDITORS, "Lutterworth editors")


def news_form(parishes, **extra):
    data = nested_form_data(
        {
            "title": "Bike marking at the library",
            "slug": "bike-marking",
            "date": "2026-12-01",
            "summary": "PCSOs marked 40 bikes.",
            "body": streamfield([]),
            **extra,
        }
    )
    # Ticked boxes: one value each under the same name.
    return {**data, "parishes": [str(parish.pk) for parish in parishes]}


def add_news(client, parishes, **extra):
    index = UpdateIndexPage.objects.get()
    return client.post(
        f"/admin/pages/add/news/updatepage/{index.pk}/", news_form(parishes, **extra)
    )


def test_parish_work_goes_to_the_parish_approval_workflow(places):
    team_member("officer")
    for page in (area("lutterworth"), UpdatePage.objects.first()):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Parish approval"
        [task] = workflow.tasks.all()
        assert [group.name for group in task.specific.groups.all()] == ["Partnership officers"]
        assert get_user_model().objects.filter(groups__name="Partnership officers").exists()
    # Wagtail's own default, for a group nobody is in, is on no page.
    assert Page.objects.get(depth=1).get_workflow() is None


def test_a_parish_editor_edits_their_own_area_and_no_other(client, places):
    parish = parish_clerk(client)
    assert parish.get(f"/admin/pages/{area('lutterworth').pk}/edit/").status_code == 200
    assert refused(parish.get(f"/admin/pages/{area('kibworth').pk}/edit/"))
    someone_elses = UpdatePage.objects.first()
    assert refused(parish.get(f"/admin/pages/{someone_elses.pk}/edit/"))


def test_a_parish_editor_may_only_tag_their_own_areas(client, places):
    parish = parish_clerk(client)
    response = add_news(parish, [area("kibworth")], **{"action-submit": "submit"})
    assert response.status_code == 200
    assert not UpdatePage.objects.filter(slug="bike-marking").exists()
    district_wide = add_news(parish, [], **{"action-submit": "submit"})
    assert "Choose the town or parish this news is about." in district_wide.content.decode()
    assert not UpdatePage.objects.filter(slug="bike-marking").exists()


def test_a_parish_editors_news_is_approved_by_an_officer(client, places):
    parish = parish_clerk(client)
    response = add_news(parish, [area("lutterworth")], **{"action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    news = UpdatePage.objects.get(slug="bike-marking")
    assert not news.live
    state = news.current_workflow_state
    assert state is not None and state.workflow.name == "Parish approval"
    # Their own news stays theirs to edit while it waits.
    assert parish.get(f"/admin/pages/{news.pk}/edit/").status_code == 200
    client.logout()

    officer = team_member("officer")
    reviewable = TaskState.objects.reviewable_by(officer)
    assert reviewable.filter(workflow_state=state).exists()
    task_state = state.current_task_state
    officer_client = signed_in(client, "officer")
    officer_client.post(
        f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert UpdatePage.objects.get(pk=news.pk).live


def test_a_parish_editor_cannot_publish_directly(client, places):
    parish = parish_clerk(client)
    response = add_news(parish, [area("lutterworth")], **{"action-publish": "publish"})
    assert response.status_code == 302
    assert not UpdatePage.objects.get(slug="bike-marking").live


def test_a_new_area_gets_its_own_editors_group_when_first_published(db):
    from django.contrib.auth.models import Group

    from areas.models import AreaIndexPage

    foxton = AreaPage(title="Foxton", slug="foxton", kind=AreaPage.Kind.PARISH)
    AreaIndexPage.objects.get().add_child(instance=foxton)
    assert not Group.objects.filter(name="Foxton editors").exists()
    foxton.save_revision().publish()
    group = Group.objects.get(name="Foxton editors")
    assert set(group.page_permissions.values_list("page__slug", "permission__codename")) == {
        ("foxton", "add_page"),
        ("foxton", "change_page"),
    }
    # Renamed and published again: still the one group.
    foxton.title = "Foxton village"
    foxton.save_revision().publish()
    assert not Group.objects.filter(name="Foxton village editors").exists()

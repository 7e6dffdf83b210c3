"""Who edits what under Your area and News.

Each town or parish has its own editors group ("Northfield editors"), made when its page is
first published, with permission to edit that area's page and nothing else: a parish clerk is
put in Parish editors (the admin, adding news) and in their area's group. News they add is
theirs to edit (Wagtail lets a page's owner edit it with "add" permission alone) and must be
about the areas they edit. Their work goes to partnership officers through the Parish approval
workflow; nothing a parish editor writes is published until an officer approves it.
"""

from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.ensure import grant

AREA_EDITING = ("add_page", "change_page")


def editors_group_name(area):
    return f"{area.title} editors"


def ensure_area_editors(area):
    """The area's own editors group, unless it has one already (it may have been renamed)."""
    if GroupPagePermission.objects.filter(page=area, group__name__endswith=" editors").exists():
        return None
    return grant(editors_group_name(area), pages=[area], page_permissions=AREA_EDITING)


def area_published(sender, instance, **kwargs):
    ensure_area_editors(instance)


def editable_areas(user, areas):
    """The areas among `areas` (a queryset) whose page the user may edit."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return areas.filter(pk__in=editable.values("pk"))


def edits_all_news(user, news_index):
    """Officers and the comms team edit any news; a parish editor only their own areas'."""
    return news_index.permissions_for_user(user).can_edit()

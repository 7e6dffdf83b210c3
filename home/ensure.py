"""Helpers for set-up and content loaders: each adds a thing only when it is missing."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import SecondPersonApprovalTask


def stream(blocks):
    """StreamField raw data from (block type, value) pairs whose values are plain data
    (ids for chosen pages, images and documents), as the database stores them."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def ensure_page(parent, model, slug, publish=True, **fields):
    """The child of `parent` with this slug, created and published (or left a draft) if it is
    missing. StreamFields may be given as lists of (block type, value) pairs."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, live=publish, **streams(fields))
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def streams(fields):
    """`fields` with each list of (block type, value) pairs as StreamField raw data."""
    return {
        name: stream(value)
        if isinstance(value, list) and value and isinstance(value[0], tuple)
        else value
        for name, value in fields.items()
    }


def ensure_image(title, draw, size=(1200, 675), background="#f3f8f6"):
    """An image drawn by the project itself (no downloads): `draw(ImageDraw, size)` paints it."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", size, background)
    draw(ImageDraw.Draw(picture), size)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    filename = title.lower().replace(" ", "-") + ".png"
    image = Image(title=title, file=ImageFile(buffer, name=filename))
    image.save()
    return image


def ensure_pdf(title, lines):
    """A one-page PDF with the given lines of text, made with Pillow."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = PillowImage.new("RGB", (1240, 1754), "white")
    pen = ImageDraw.Draw(page)
    y = 120
    for number, line in enumerate([title, "", *lines]):
        pen.text((110, y), line, fill="black", font_size=44 if number == 0 else 30)
        y += 70 if number == 0 else 48
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    filename = title.lower().replace(" ", "-") + ".pdf"
    document = Document(title=title, file=SimpleUploadedFile(filename, buffer.getvalue()))
    document.save()
    return document


def grant(
    group_name, *, model_permissions=(), pages=(), page_permissions=(), collection_permissions=()
):
    """Give a group permissions, adding to what it has. Codenames are 'app_label.codename'."""
    group, _ = Group.objects.get_or_create(name=group_name)
    for name in model_permissions:
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for page in pages:
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    if collection_permissions:
        root = Collection.get_first_root_node()
        for name in collection_permissions:
            app_label, codename = name.split(".")
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    return group


def site_home():
    """The home page of the default site, which home.starter makes first."""
    return Site.objects.get(is_default_site=True).root_page.specific


def ensure_approval_workflow(name, task_name, approvers, pages):
    """A workflow of one task, approved by a member of the `approvers` group other than the
    person whose work it is (SecondPersonApprovalTask), for each of `pages` and what is below
    them. Approving publishes (or schedules) the page, so approvers need no publish permission.
    A task of Wagtail's plain group approval with the same name, made by an earlier version,
    is replaced."""
    workflow, _ = Workflow.objects.get_or_create(name=name)
    group, _ = Group.objects.get_or_create(name=approvers)
    task = SecondPersonApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = SecondPersonApprovalTask.objects.create(name=task_name)
        task.groups.set([group])
    for old in Task.objects.filter(name=task_name).exclude(pk=task.pk):
        WorkflowTask.objects.filter(workflow=workflow, task=old).delete()
        old.deactivate()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow

"""The comms schedule's statuses, worked out in the database so the listing can filter by them."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, Revision, WorkflowState

DRAFT = "draft"
IN_MODERATION = "in_moderation"
SCHEDULED = "scheduled"
LIVE = "live"
EXPIRED = "expired"

STATUSES = [
    (DRAFT, "Draft"),
    (IN_MODERATION, "In moderation"),
    (SCHEDULED, "Scheduled"),
    (LIVE, "Live"),
    (EXPIRED, "Expired"),
]
LABELS = dict(STATUSES)
TAG_CLASSES = {
    DRAFT: "grey",
    IN_MODERATION: "warning",
    SCHEDULED: "primary",
    LIVE: "success",
    EXPIRED: "critical",
}


def with_schedule(pages):
    """Annotate pages with `in_moderation` and `scheduled_at` (the go-live time of a revision
    approved to publish later), from Wagtail's own workflow and revision tables."""
    page_type = ContentType.objects.get_for_model(Page)
    object_id = Cast(OuterRef("pk"), output_field=CharField())
    return pages.annotate(
        in_moderation=Exists(
            WorkflowState.objects.filter(
                base_content_type=page_type,
                object_id=object_id,
                status=WorkflowState.STATUS_IN_PROGRESS,
            )
        ),
        scheduled_at=Subquery(
            Revision.objects.filter(
                base_content_type=page_type, object_id=object_id, approved_go_live_at__isnull=False
            )
            .order_by("approved_go_live_at")
            .values("approved_go_live_at")[:1]
        ),
    )


def status_of(page):
    """One status a person would use, the first that applies: in moderation, live (residents
    can see it, even if changes are scheduled), scheduled to go live, expired, or draft."""
    if page.in_moderation:
        return IN_MODERATION
    if page.live:
        return LIVE
    if page.scheduled_at:
        return SCHEDULED
    if page.expired:
        return EXPIRED
    return DRAFT


def filter_by_status(pages, status):
    """The same rules as status_of, as a database filter on annotated pages."""
    if status == IN_MODERATION:
        return pages.filter(in_moderation=True)
    pages = pages.filter(in_moderation=False)
    if status == LIVE:
        return pages.filter(live=True)
    pages = pages.filter(live=False)
    if status == SCHEDULED:
        return pages.filter(scheduled_at__isnull=False)
    pages = pages.filter(scheduled_at__isnull=True)
    return pages.filter(expired=status == EXPIRED)

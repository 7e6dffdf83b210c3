"""The comms team's admin: the schedule of campaign pages, awareness dates and the year ahead."""

from datetime import timedelta

from django.contrib.admin import SimpleListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import format_html
from django.views.generic import TemplateView
from wagtail.admin.auth import PermissionPolicyChecker
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSetGroup
from wagtail_modeladmin.helpers import PagePermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView as ModelAdminIndexView

from campaigns import schedule, windows
from campaigns.models import AwarenessDate, CampaignIndexPage, CampaignPage, ReportingRoute, Topic
from home.dates import date_span
from home.filters import YEAR
from home.viewsets import OfficerViewSet


class StatusFilter(SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return schedule.STATUSES

    def queryset(self, request, queryset):
        if self.value() in schedule.LABELS:
            return schedule.filter_by_status(queryset, self.value())
        return queryset


class YearFilter(SimpleListFilter):
    title = "year of the campaign window"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = CampaignPage.objects.dates("window_start", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and YEAR.fullmatch(self.value()):
            year = int(self.value())
            # A yearly campaign runs in every year from its first.
            return queryset.filter(
                Q(window_start__year__lte=year, window_end__year__gte=year)
                | Q(repeats_yearly=True, window_start__year__lte=year)
            )
        return queryset


class SchedulePermissionHelper(PagePermissionHelper):
    """Only those who may edit campaign pages see the schedule (and its drafts)."""

    def user_can_list(self, user):
        return (
            PagePermissionPolicy()
            .instances_user_has_permission_for(user, "change")
            .type(CampaignIndexPage)
            .exists()
        )


class ScheduleIndexView(ModelAdminIndexView):
    """A filter in the address that names no field, or a value of the wrong type
    (`?topics__id__exact=abc`), is a 400, not a 500: the address is wrong, not the site."""

    def get_queryset(self, request=None):
        try:
            return super().get_queryset(request)
        except IncorrectLookupParameters as error:
            raise BadRequest("That filter is not one the comms schedule has.") from error


class CommsScheduleAdmin(ModelAdmin):
    """Every campaign page, drafts included, ordered by what goes live next."""

    model = CampaignPage
    index_view_class = ScheduleIndexView
    permission_helper_class = SchedulePermissionHelper
    menu_label = "Comms schedule"
    menu_icon = "date"
    menu_order = 200
    list_display = (
        "title",
        "status",
        "goes_live",
        "comes_down",
        "window",
        "topic_names",
        "last_edited",
    )
    list_filter = (StatusFilter, "topics", YearFilter)
    search_fields = ("title",)
    list_per_page = 50

    def get_queryset(self, request):
        pages = schedule.with_schedule(super().get_queryset(request)).prefetch_related("topics")
        return pages.order_by(
            F("scheduled_at").asc(nulls_last=True),
            F("go_live_at").asc(nulls_last=True),
            "window_start",
        )

    @staticmethod
    def status(page):
        status = schedule.status_of(page)
        return format_html(
            '<span class="w-status w-status--{}">{}</span>',
            schedule.TAG_CLASSES[status],
            schedule.LABELS[status],
        )

    @staticmethod
    def goes_live(page):
        when = page.scheduled_at or (page.go_live_at if not page.live else page.first_published_at)
        return timezone.localtime(when).strftime("%-d %b %Y, %H:%M") if when else "—"

    goes_live.short_description = "Goes live"

    @staticmethod
    def comes_down(page):
        return (
            timezone.localtime(page.expire_at).strftime("%-d %b %Y, %H:%M")
            if page.expire_at
            else "—"
        )

    comes_down.short_description = "Comes down"

    @staticmethod
    def window(page):
        text = date_span(*page.dates())
        return f"{text} (every year)" if page.repeats_yearly else text

    window.short_description = "Campaign window"

    @staticmethod
    def topic_names(page):
        return ", ".join(topic.name for topic in page.topics.all())

    topic_names.short_description = "Topics"

    @staticmethod
    def last_edited(page):
        when = page.latest_revision_created_at
        return timezone.localtime(when).strftime("%-d %b %Y") if when else "—"

    last_edited.short_description = "Last edited"


class AwarenessDateViewSet(OfficerViewSet):
    model = AwarenessDate
    icon = "date"
    menu_label = "Awareness dates"
    list_display = ["name", "starts_on", "ends_on", "repeats_yearly"]
    list_filter = ["repeats_yearly", "topics"]
    search_fields = ["name"]


class TopicViewSet(OfficerViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug", "sensitive"]
    list_filter = ["sensitive"]
    search_fields = ["name"]


class ReportingRouteViewSet(OfficerViewSet):
    model = ReportingRoute
    icon = "help"
    menu_label = "Reporting routes"
    list_display = ["name", "organisation", "kind", "is_emergency", "is_anonymous"]
    list_filter = ["kind", "is_emergency", "is_anonymous", "topics"]
    search_fields = ["name", "organisation", "description"]


class CampaignPlanningGroup(SnippetViewSetGroup):
    items = (AwarenessDateViewSet, TopicViewSet, ReportingRouteViewSet)
    menu_icon = "calendar-alt"
    menu_label = "Campaign planning"
    menu_name = "campaign-planning"
    menu_order = 210


def year_ahead(dates, campaigns, today, days=365):
    """Each awareness date's next occurrence within `days`, soonest first, with the campaign
    pages that mark it: [(date, start, end, [campaigns])]. A plain function of plain lists."""
    by_date = {}
    for campaign in campaigns:
        by_date.setdefault(campaign.awareness_date_id, []).append(campaign)
    rows = []
    for awareness_date in dates:
        start, end = windows.occurrence(awareness_date.window, today)
        if end >= today and start <= today + timedelta(days=days):
            rows.append((awareness_date, start, end, by_date.get(awareness_date.pk, [])))
    return sorted(rows, key=lambda row: row[1])


awareness_permissions = PermissionPolicyChecker(ModelPermissionPolicy(AwarenessDate))


class YearAheadView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "campaigns/admin/year_ahead.html"
    page_title = "The year ahead"
    header_icon = "calendar-alt"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        campaigns = CampaignPage.objects.filter(awareness_date__isnull=False).only(
            "title", "awareness_date_id", "live", "path", "depth"
        )
        context["rows"] = year_ahead(AwarenessDate.objects.all(), campaigns, today)
        context["today"] = today
        return context


year_ahead_view = awareness_permissions.require_any("change", "add")(YearAheadView.as_view())

"""The officers' admin for plans: partners, actions and indicators, grouped under one menu."""

import django_filters
from django.db.models import Prefetch
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from plans.models import Action, Indicator, Partner, PlanPage, PriorityPage
from plans.progress import Status


class ActionFilterSet(WagtailFilterSet):
    plan = django_filters.ModelChoiceFilter(
        queryset=PlanPage.objects.order_by("-starts_on"), method="filter_plan", label="Plan"
    )
    priority = django_filters.ModelChoiceFilter(queryset=PriorityPage.objects.order_by("path"))
    lead_partners = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(), label="Lead partner"
    )
    latest_status = django_filters.ChoiceFilter(choices=Status.CHOICES, label="Latest status")

    def filter_plan(self, queryset, name, plan):
        return queryset.filter(priority__in=PriorityPage.objects.child_of(plan))

    class Meta:
        model = Action
        fields = ["plan", "priority", "lead_partners", "latest_status"]


class ActionViewSet(SnippetViewSet):
    model = Action
    icon = "tasks"
    menu_label = "Actions"
    filterset_class = ActionFilterSet
    list_display = [
        "__str__",
        Column("priority", label="Priority", accessor="priority"),
        Column("latest_status", label="Latest status", accessor="get_latest_status_display"),
        "target_date",
    ]
    search_fields = ["reference", "description"]
    ordering = ["priority__path", "sort_order", "reference"]
    list_per_page = 50

    def get_queryset(self, request):
        return Action.objects.select_related("priority").prefetch_related(
            Prefetch("lead_partners", queryset=Partner.objects.all())
        )


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    list_display = ["name", "short_name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "doc-full-inverse"
    menu_label = "Indicators"
    list_display = ["name", "area", "unit", "better"]
    list_filter = ["area", "better"]
    search_fields = ["name"]


class PlansViewSetGroup(SnippetViewSetGroup):
    items = (ActionViewSet, IndicatorViewSet, PartnerViewSet)
    menu_icon = "list-ul"
    menu_label = "Plans and progress"
    menu_name = "plans"
    menu_order = 250

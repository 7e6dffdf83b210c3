"""The officers' admin for plans (partners, actions, indicators and "you said, we did", under one
menu), and the public listing of "you said, we did"."""

import re

import django_filters
from django.db.models import Prefetch
from django.http import Http404
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.pagination import paginate
from home.visibility import visible
from plans.models import Action, Indicator, Partner, PlanPage, PriorityPage, YouSaidWeDid
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


class YouSaidWeDidViewSet(SnippetViewSet):
    model = YouSaidWeDid
    icon = "openquote"
    menu_label = "You said, we did"
    list_display = ["title", "said_on", "channel", "parish", "priority", "progress", "live"]
    list_filter = ["channel", "progress", "live"]
    search_fields = ["title", "said", "did", "place"]
    ordering = ["-said_on"]


class PlansViewSetGroup(SnippetViewSetGroup):
    items = (ActionViewSet, IndicatorViewSet, PartnerViewSet, YouSaidWeDidViewSet)
    menu_icon = "list-ul"
    menu_label = "Plans and progress"
    menu_name = "plans"
    menu_order = 250


# The public listing ----------------------------------------------------------------------------

SLUG = re.compile(r"[-\w]+")
YEAR = re.compile(r"[1-9][0-9]{3}")
ID = re.compile(r"[0-9]{1,9}")
PER_PAGE = 20
Parish = YouSaidWeDid._meta.get_field("parish").related_model


def you_said_we_did_list(index, request):
    """/you-said-we-did/?parish=kibworth&priority=12&year=2026. Unknown values are a 404."""
    items = YouSaidWeDid.objects.published().for_listing()
    chosen = {}
    parish_slug = request.GET.get("parish", "")
    if parish_slug:
        parish = (
            visible(Parish.objects.filter(slug=parish_slug)).first()
            if SLUG.fullmatch(parish_slug)
            else None
        )
        if parish is None:
            raise Http404("There is no such parish or town.")
        items, chosen["parish"] = items.filter(parish=parish), parish
    priority_id = request.GET.get("priority", "")
    if priority_id:
        priority = (
            visible(PriorityPage.objects.filter(pk=int(priority_id))).first()
            if ID.fullmatch(priority_id)
            else None
        )
        if priority is None:
            raise Http404("There is no such priority.")
        items, chosen["priority"] = items.filter(priority=priority), priority
    year = request.GET.get("year", "")
    if year:
        if not YEAR.fullmatch(year):
            raise Http404("There is no such year.")
        items, chosen["year"] = items.filter(said_on__year=int(year)), int(year)
    published = YouSaidWeDid.objects.published()
    return index.render(
        request,
        context_overrides={
            "page_obj": paginate(request, items, PER_PAGE),
            "chosen": chosen,
            "parishes": visible(Parish.objects.all())
            .filter(you_said_we_did__in=published)
            .distinct()
            .order_by("title"),
            "priorities": visible(PriorityPage.objects.all())
            .filter(you_said_we_did__in=published)
            .distinct()
            .order_by("-path"),
            "years": sorted({day.year for day in published.dates("said_on", "year")}, reverse=True),
        },
    )

"""The officers' admin for plans (partners, actions, indicators and "you said, we did", under one
menu), and the public listing of "you said, we did"."""

import re

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.pagination import paginate
from home.visibility import visible
from plans.models import Action, Indicator, Partner, PlanPage, PriorityPage, YouSaidWeDid
from plans.progress import Status

# The admin listings -----------------------------------------------------------------------------
#
# They search with the database itself (`search_backend_name = None`), not Wagtail's search index:
# SQLite's full-text index has only "title", "body" and "autocomplete" columns, so a search limited
# to the listing's fields ("reference", "name") asked it for columns it does not have (a 500), and
# filters combined with a search needed every filtered field in the index too. The database finds
# what officers type the same way on SQLite and PostgreSQL: an action's reference ("V01"), part of
# a word, several words in any order, and straight after a save, with no index to rebuild.

ADMIN_ID = re.compile(r"[0-9]{1,18}")  # what a database id can be; longer overflows SQLite
MAX_SEARCH_WORDS = 10


def search_words(queryset, fields, query):
    """The rows where every word of `query` is in one of `fields` (any case, any part of a
    word). A field may follow a relation ("lead_partners__name"); each row is listed once."""
    words = query.split()[:MAX_SEARCH_WORDS]
    if not words or not fields:
        return queryset
    matching = queryset.model._default_manager.all()
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        matching = matching.filter(condition)
    return queryset.filter(pk__in=matching.values("pk"))


class _IdsOnly:
    """A choice of rows by id that refuses anything but an id, before asking the database."""

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        for one in values:
            if one not in self.empty_values and not ADMIN_ID.fullmatch(str(one)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": one},
                )
        return super().clean(value)


class IdChoiceField(_IdsOnly, django_filters.fields.ModelChoiceField):
    pass


class IdsChoiceField(_IdsOnly, django_filters.fields.ModelMultipleChoiceField):
    pass


class OfficerFilterSet(WagtailFilterSet):
    """Filters that answer a mistyped id ("abc", "-1", 20 digits) as a form error, not a 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, django_filters.ModelMultipleChoiceFilter):
                filter_.field_class = IdsChoiceField
            elif isinstance(filter_, django_filters.ModelChoiceFilter):
                filter_.field_class = IdChoiceField


class OfficerIndexView(SnippetIndexView):
    """A snippet listing searched with the database, word by word, over the viewset's
    `search_fields`, and filtered with `OfficerFilterSet`."""

    base_filterset_class = OfficerFilterSet

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_words(queryset, self.search_fields, self.search_query)


class OfficerViewSet(SnippetViewSet):
    index_view_class = OfficerIndexView
    search_backend_name = None


class ActionFilterSet(OfficerFilterSet):
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


class ActionViewSet(OfficerViewSet):
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
    search_fields = [
        "reference",
        "description",
        "intended_outcome",
        "group",
        "lead_partners__name",
        "lead_partners__short_name",
    ]
    ordering = ["priority__path", "sort_order", "reference"]
    list_per_page = 50

    def get_queryset(self, request):
        return Action.objects.select_related("priority").prefetch_related(
            Prefetch("lead_partners", queryset=Partner.objects.all())
        )


class PartnerViewSet(OfficerViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    list_display = ["name", "short_name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class IndicatorViewSet(OfficerViewSet):
    model = Indicator
    icon = "doc-full-inverse"
    menu_label = "Indicators"
    list_display = ["name", "area", "unit", "better"]
    list_filter = ["area", "better"]
    search_fields = ["name", "description"]


class YouSaidWeDidViewSet(OfficerViewSet):
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

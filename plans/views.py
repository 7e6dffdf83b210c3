"""The officers' admin for plans (partners, actions, indicators and "you said, we did", under one
menu), and the public listing of "you said, we did"."""

import re

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from areas.models import AreaPage
from home import autosave
from home.forms import ChoiceLabelMixin
from home.pagination import paginate
from home.visibility import visible
from plans.models import (
    Action,
    Indicator,
    Partner,
    PlanPage,
    PriorityPage,
    YouSaidWeDid,
    overdue_q,
)
from plans.progress import NO_UPDATE, NO_UPDATE_LABEL, Status

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


class IdChoiceField(_IdsOnly, ChoiceLabelMixin, django_filters.fields.ModelChoiceField):
    pass


class IdsChoiceField(_IdsOnly, ChoiceLabelMixin, django_filters.fields.ModelMultipleChoiceField):
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
    # Autosave only where it makes a draft (home/autosave.py).
    add_view_class = autosave.SnippetCreateView
    edit_view_class = autosave.SnippetEditView
    copy_view_class = autosave.SnippetCopyView
    search_backend_name = None


class ActionFilterSet(OfficerFilterSet):
    plan = django_filters.ModelChoiceFilter(
        queryset=PlanPage.objects.order_by("-starts_on"), method="filter_plan", label="Plan"
    )
    priority = django_filters.ModelChoiceFilter(queryset=PriorityPage.objects.all())
    lead_partners = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.all(), label="Lead partner"
    )
    latest_status = django_filters.ChoiceFilter(
        choices=[*Status.CHOICES, (NO_UPDATE, NO_UPDATE_LABEL)],
        method="filter_status",
        label="Latest status",
    )
    overdue = django_filters.ChoiceFilter(
        choices=[("yes", "Overdue"), ("no", "Not overdue")],
        method="filter_overdue",
        label="Target date",
        empty_label="Any",
    )

    def filter_plan(self, queryset, name, plan):
        return queryset.filter(priority__in=PriorityPage.objects.child_of(plan))

    def filter_status(self, queryset, name, status):
        return queryset.filter(latest_status="" if status == NO_UPDATE else status)

    def filter_overdue(self, queryset, name, overdue):
        """Overdue: past the target date (a month's target runs to its end) and not complete."""
        condition = overdue_q(timezone.localdate())
        return queryset.filter(condition) if overdue == "yes" else queryset.exclude(condition)

    class Meta:
        model = Action
        fields = ["plan", "priority", "lead_partners", "latest_status", "overdue"]


class TargetColumn(Column):
    """The target date in words, and "overdue" when it has passed and the action is not done."""

    def get_value(self, instance):
        if not instance.target_date:
            return "None given"
        words = instance.target_in_words
        return f"{words}: overdue" if instance.is_overdue() else words


class ActionViewSet(OfficerViewSet):
    model = Action
    icon = "tasks"
    menu_label = "Actions"
    filterset_class = ActionFilterSet
    list_display = [
        "__str__",
        Column("priority", label="Priority", accessor="priority.choice_label"),
        Column("latest_status", label="Latest status", accessor="status_label"),
        TargetColumn("target_date", label="Target", sort_key="target_date"),
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
        priorities = PriorityPage.choice_queryset(PriorityPage.objects.all())
        return Action.objects.prefetch_related(
            Prefetch("priority", queryset=priorities),
            Prefetch("lead_partners", queryset=Partner.objects.all()),
        )

    def get_add_view_kwargs(self, **kwargs):
        # A new action opens on its own fields; an existing one on its progress.
        return super().get_add_view_kwargs(
            panel=Action.new_action_edit_handler.bind_to_model(Action), **kwargs
        )


class PartnerCreateView(SnippetCreateView):
    """A partner added from an action's chooser is kept like one added from the Partners
    listing: with its first revision and a line in the history."""

    def save_form(self, form):
        partner = form.save()
        partner.save_revision(user=self.request.user)
        log(instance=partner, action="wagtail.create", user=self.request.user)
        return partner


class PartnerCreationForm(WagtailAdminModelForm):
    """The chooser's "Add a partner" form: built as every admin form is (home/forms.py)."""

    class Meta(WagtailAdminModelForm.Meta):
        model = Partner
        fields = ["name", "short_name", "kind", "website"]


class PartnerChooserViewSet(SnippetChooserViewSet):
    # The chooser on an action's form has an "Add a partner" tab, for a partner not listed yet.
    creation_form_class = PartnerCreationForm
    create_action_label = "Add this partner"
    creation_tab_label = "Add a partner"
    create_view_class = PartnerCreateView


class PartnerViewSet(OfficerViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    chooser_viewset_class = PartnerChooserViewSet
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
Parish = AreaPage


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
            # Named with their plan and years, so that two plans' priorities are told apart.
            "priorities": PriorityPage.choice_queryset(
                visible(PriorityPage.objects.all()).filter(you_said_we_did__in=published).distinct()
            ),
            "years": sorted({day.year for day in published.dates("said_on", "year")}, reverse=True),
        },
    )

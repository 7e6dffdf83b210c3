"""The officers' admin for plans: partners, actions, indicators and "you said, we did", under one
menu (registered in plans/wagtail_hooks.py)."""

import django_filters
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from home.viewsets import OfficerFilterSet, OfficerViewSet
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

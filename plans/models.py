"""Plans and progress: what the partnership plans to do and how it is going.

Pages publish plans and their priorities; the facts officers keep up to date (partners, actions
with their quarterly progress, indicators with their values) are snippets, so that one action or
indicator is entered once and shown wherever it belongs.
"""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin
from wagtail.search import index

from home.blocks import DocumentBlock
from home.dates import day_month_year, month_year
from home.fields import BodyField
from home.models import Council, SectionIndexPage
from home.routes import file_route
from home.slugs import free_slug
from home.visibility import shown, visible
from plans import indicators as indicator_maths
from plans import open_data, views
from plans.blocks import ProgressFigureBlock, ThemeBlock
from plans.forms import ActionForm, IndicatorForm
from plans.progress import (
    Status,
    combine,
    group_in_order,
    parse_period,
    quarter_label,
    quarter_months,
    rollup,
    rollup_counts,
)
from plans.target_dates import month_end

RICH_TEXT = ["bold", "italic", "ul", "ol", "link"]
BULLET_MARK = re.compile(r"^[-•*]\s+")

# Pages ----------------------------------------------------------------------------------------


class PlanIndexPage(SectionIndexPage):
    """/plans/: every plan, the current ones first."""

    subpage_types = ["plans.PlanPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        plans = list(visible(PlanPage.objects.child_of(self)).order_by("-starts_on"))
        context["plan_sections"] = [
            ("Current plans", [plan for plan in plans if plan.starts_on <= today <= plan.ends_on]),
            ("Coming up", [plan for plan in plans if plan.starts_on > today]),
            ("Past plans", [plan for plan in plans if plan.ends_on < today]),
        ]
        context["has_plans"] = bool(plans)
        return context

    class Meta:
        verbose_name = "plan index page"


class PlanPage(RoutablePageMixin, Page):
    """A strategy or action plan for a period, with its priorities as child pages."""

    class Kind(models.TextChoices):
        STRATEGY = "strategy", "Strategy"
        ACTION_PLAN = "action_plan", "Action plan"
        PARTNERSHIP_PLAN = "partnership_plan", "Partnership plan"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACTION_PLAN)
    starts_on = models.DateField()
    ends_on = models.DateField()
    introduction = models.TextField(blank=True)
    action_group_label = models.CharField(
        max_length=40,
        default="Objective",
        help_text="What this plan calls the groups its actions sit in, such as Objective, "
        "Section or Prevention tier.",
    )
    cross_cutting_themes = StreamField([("theme", ThemeBlock())], blank=True)
    body = BodyField(blank=True)
    documents = StreamField([("document", DocumentBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("introduction"),
        FieldPanel("action_group_label"),
        InlinePanel(
            "themes",
            heading="Themes",
            label="Theme",
            help_text="Only for plans that put their priorities under themes.",
        ),
        FieldPanel("cross_cutting_themes"),
        FieldPanel("body"),
        FieldPanel("documents"),
        InlinePanel("performance_indicators", heading="Performance indicators", label="Indicator"),
        InlinePanel(
            "funding",
            heading="Funding",
            label="Funding",
            help_text="What the plan has to spend and where it comes from: for a joint "
            "partnership, council by council.",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["plans.PlanIndexPage"]
    subpage_types = ["plans.PriorityPage"]

    @classmethod
    def above(cls, path_field):
        """The plan of the priority whose tree path is `path_field` of the outer query, for a
        subquery: one query for any number of priorities or actions."""
        return cls.objects.filter(
            path=Substr(OuterRef(path_field), 1, Length(OuterRef(path_field)) - Page.steplen)
        )

    @property
    def period_label(self):
        return f"{month_year(self.starts_on)} to {month_year(self.ends_on)}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {
                    "ends_on": "The plan cannot end before it starts: give an end date on or "
                    f"after {day_month_year(self.starts_on)}."
                }
            )

    def period_contains(self, day):
        return bool(self.starts_on and self.ends_on) and self.starts_on <= day <= self.ends_on

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.ends_on

    def priorities(self):
        return (
            visible(PriorityPage.objects.child_of(self))
            .select_related("theme")
            .order_by("number", "path")
        )

    def priorities_with_rollups(self):
        """[(priority, roll-up)] in one query: each status counted by the database."""
        statuses = [status for status, _ in Status.CHOICES] + [""]
        counted = self.priorities().annotate(
            **{
                f"count_{status or 'none'}": Count(
                    "actions", filter=Q(actions__latest_status=status)
                )
                for status in statuses
            }
        )
        return [
            (
                priority,
                rollup_counts(
                    {status: getattr(priority, f"count_{status or 'none'}") for status in statuses}
                ),
            )
            for priority in counted
        ]

    def actions(self):
        """Every action of the plan's live priorities, with what the open data needs."""
        return (
            Action.objects.filter(priority__in=self.priorities().values("pk"))
            .select_related("priority")
            .prefetch_related(
                *Action.partner_prefetches(),
                Prefetch(
                    "progress_updates",
                    queryset=ProgressUpdate.objects.order_by("-year", "-quarter"),
                ),
            )
            .order_by("priority__number", "sort_order", "reference", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        with_rollups = self.priorities_with_rollups()
        context["overall"] = combine(each for _, each in with_rollups)
        context["themed_priorities"] = group_in_order(with_rollups, key=lambda pair: pair[0].theme)
        context["open_data_fields"] = open_data.OPEN_DATA_FIELDS
        context["open_data_update_fields"] = open_data.UPDATES_CSV_FIELDS
        # A preview of a plan not yet saved has no indicators placed on it yet.
        context["funding"] = funding_table(list(self.funding.all()))
        context["indicators"] = (
            Indicator.objects.for_display()
            .filter(plan_placements__plan=self)
            .order_by("plan_placements__sort_order")
            if self.pk
            else Indicator.objects.none()
        )
        return context

    @file_route("progress.csv", name="progress_csv")
    def progress_csv(self, request):
        return open_data.csv_response(self, self.actions(), request)

    @file_route("updates.csv", name="updates_csv")
    def updates_csv(self, request):
        return open_data.updates_csv_response(self, self.actions(), request)

    @file_route("progress.json", name="progress_json")
    def progress_json(self, request):
        return open_data.json_response(self, self.actions(), request)

    class Meta:
        verbose_name = "plan page"


class PlanTheme(Orderable):
    """A theme that groups some of a plan's priorities (Charnwood's plans work this way)."""

    plan = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=150)
    aim = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("aim")]

    def __str__(self):
        return f"{self.name} ({self.plan.title})"


class PlanFunding(Orderable):
    """Money the plan has to spend: how much, from whom, for what and, in a joint partnership,
    for which council's area (none: the whole partnership)."""

    plan = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="funding")
    council = models.ForeignKey(
        "home.Council",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave empty for money for the whole partnership.",
    )
    source = models.CharField(
        max_length=150, help_text="Who gives it, such as the Police and Crime Commissioner"
    )
    purpose = models.CharField(max_length=200, blank=True, help_text="What it is for, if only part")
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(0)], help_text="In pounds"
    )

    panels = [
        FieldRowPanel([FieldPanel("council"), FieldPanel("amount")]),
        FieldPanel("source"),
        FieldPanel("purpose"),
    ]


def funding_table(rows):
    """The plan's funding for its page: each council's rows (the whole partnership's first) with
    their total, and the total of all; councils are fetched in one query, whatever the rows."""
    councils = Council.objects.in_bulk({row.council_id for row in rows if row.council_id})
    groups = {}
    for row in rows:
        groups.setdefault(councils.get(row.council_id), []).append(row)
    ordered = sorted(
        groups.items(),
        key=lambda item: (
            item[0] is not None,
            (item[0].sort_order or 0, item[0].pk) if item[0] else 0,
        ),
    )
    return {
        "groups": [(council, items, sum(r.amount for r in items)) for council, items in ordered],
        "total": sum(row.amount for row in rows),
        "by_council": any(council is not None for council in groups),
    }


class PlanIndicator(Orderable):
    plan = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="performance_indicators")
    indicator = models.ForeignKey(
        "plans.Indicator", on_delete=models.CASCADE, related_name="plan_placements"
    )

    panels = [FieldPanel("indicator")]


class PriorityPage(Page):
    """One of a plan's priorities: why it matters, and its actions with their latest progress."""

    number = models.PositiveSmallIntegerField(default=1)
    short_name = models.CharField(
        max_length=60, blank=True, help_text="For example People, Places or Property"
    )
    theme = models.ForeignKey(
        PlanTheme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="priorities",
        help_text="Only for plans that put their priorities under themes.",
    )
    focus = RichTextField(features=RICH_TEXT, blank=True, verbose_name="what it focuses on")
    why = RichTextField(features=RICH_TEXT, blank=True, verbose_name="why it is a priority")
    aims = RichTextField(features=RICH_TEXT, blank=True, verbose_name="what we aim to achieve")
    approach = RichTextField(features=RICH_TEXT, blank=True, verbose_name="how we will do it")
    measures = RichTextField(
        features=RICH_TEXT, blank=True, verbose_name="how we will measure success"
    )
    headline_measures = models.TextField(
        blank=True,
        help_text="The headline indicators in words, one a line, for those not tracked below.",
    )
    funding = models.TextField(blank=True)
    links_to_other_plans = RichTextField(features=RICH_TEXT, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("short_name"), FieldPanel("theme")]),
        FieldPanel("focus"),
        FieldPanel("why"),
        MultiFieldPanel(
            [FieldPanel("aims"), FieldPanel("approach"), FieldPanel("measures")],
            heading="Aims, approach and measures",
        ),
        FieldPanel("headline_measures"),
        InlinePanel("headline_indicators", heading="Headline indicators", label="Indicator"),
        FieldPanel("funding"),
        FieldPanel("links_to_other_plans"),
        HelpPanel(
            content="The priority's actions are kept under Plans and progress › Actions "
            "in the admin menu, where officers add each quarter's progress."
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("focus"),
        index.SearchField("why"),
        index.SearchField("aims"),
    ]

    parent_page_types = ["plans.PlanPage"]
    subpage_types = []

    @classmethod
    def choice_queryset(cls, queryset):
        """Priorities with their plan's title and dates (one query for any number), newest
        plan first: for every list an officer chooses a priority from."""
        plans = PlanPage.above("path")
        return queryset.annotate(
            plan_title=Subquery(plans.values("title")[:1]),
            plan_starts_on=Subquery(plans.values("starts_on")[:1]),
            plan_ends_on=Subquery(plans.values("ends_on")[:1]),
            plan_live=Subquery(plans.values("live")[:1]),
        ).order_by("-plan_starts_on", "plan_title", "number", "path")

    @property
    def choice_label(self):
        """'Priority 2: Places, 2026 to 2027', so that two plans' priorities are never confused.
        Uses the plan's dates from `choice_queryset` where there, or asks for the plan."""
        if not hasattr(self, "plan_starts_on"):
            plan = PlanPage.objects.parent_of(self).values("title", "starts_on", "ends_on", "live")
            found = plan.first() or {"title": "", "starts_on": None, "ends_on": None, "live": True}
            self.plan_title, self.plan_starts_on, self.plan_ends_on, self.plan_live = found.values()
        name = self.short_name or self.draft_title or self.title
        if not self.plan_starts_on:
            return f"Priority {self.number}: {name}"
        first, last = self.plan_starts_on.year, self.plan_ends_on.year
        years = str(first) if first == last else f"{first} to {last}"
        draft = "" if self.plan_live else " (draft plan)"
        return f"Priority {self.number}: {name}, {years}{draft}"

    def get_admin_display_title(self):
        return self.choice_label

    @property
    def introduction(self):
        """For meta descriptions and search results: what the priority focuses on, as text."""
        return strip_tags(self.focus)

    @property
    def headline_measure_lines(self):
        """One a line, without any bullet the officer typed ("- ", "• ", "* "): the page makes
        the list."""
        lines = (line.strip() for line in self.headline_measures.splitlines())
        return [BULLET_MARK.sub("", line) for line in lines if line.strip()]

    def action_list(self):
        """The actions with everything the page shows, in a fixed number of queries."""
        return list(
            self.actions.select_related(None)
            .prefetch_related(
                *Action.partner_prefetches(),
                Prefetch(
                    "progress_updates",
                    queryset=ProgressUpdate.objects.order_by("-year", "-quarter"),
                ),
            )
            .order_by("sort_order", "reference", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plan = self.get_parent().specific
        # A preview of a priority not yet saved: nothing is linked to it yet.
        saved = self.pk is not None
        actions = self.action_list() if saved else []
        context["plan"] = plan
        context["action_groups"] = group_in_order(actions, key=lambda action: action.group)
        context["rollup"] = rollup(action.latest_status for action in actions)
        context["indicators"] = (
            Indicator.objects.for_display()
            .filter(priority_placements__priority=self)
            .order_by("priority_placements__sort_order")
            if saved
            else Indicator.objects.none()
        )
        context["campaigns"] = visible(self.campaigns.all()) if saved else []
        return context

    class Meta:
        verbose_name = "priority page"


class PriorityIndicator(Orderable):
    priority = ParentalKey(
        PriorityPage, on_delete=models.CASCADE, related_name="headline_indicators"
    )
    indicator = models.ForeignKey(
        "plans.Indicator", on_delete=models.CASCADE, related_name="priority_placements"
    )

    panels = [FieldPanel("indicator")]


# Snippets -------------------------------------------------------------------------------------


class Partner(RevisionMixin, index.Indexed, models.Model):
    """An organisation in the partnership, or one that leads or supports its actions."""

    class Kind(models.TextChoices):
        RESPONSIBLE_AUTHORITY = "responsible_authority", "Responsible authority"
        PUBLIC_BODY = "public_body", "Other public body"
        VOLUNTARY = "voluntary", "Voluntary or community group"
        BUSINESS = "business", "Business"
        PARTNERSHIP = "partnership", "Partnership or board"

    name = models.CharField(max_length=150, unique=True)
    short_name = models.CharField(
        max_length=30, blank=True, help_text="For example HDC, LFRS, OPCC"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.PUBLIC_BODY)
    website = models.URLField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.FilterField("id"),
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
    ]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    class Meta:
        ordering = ["name"]


def overdue_q(today):
    """Actions past their target date and not complete; a month's target runs to its end."""
    return (
        Q(target_date__isnull=False)
        & ~Q(latest_status=Status.COMPLETE)
        & (
            Q(target_month_only=False, target_date__lt=today)
            | Q(target_month_only=True, target_date__lt=today.replace(day=1))
        )
    )


class Action(RevisionMixin, index.Indexed, ClusterableModel):
    """Something the partnership has said it will do, under one priority of a plan."""

    priority = models.ForeignKey(PriorityPage, on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField(
        max_length=20, blank=True, help_text="The plan's own code, such as V01 or ASB03"
    )
    group = models.CharField(
        max_length=255,
        blank=True,
        help_text="The objective, section or prevention tier this action sits under.",
    )
    description = models.TextField(verbose_name="the action")
    intended_outcome = models.TextField(blank=True)
    success_measures = models.TextField(blank=True, verbose_name="how success is measured")
    # In the order the officer gave them (the plan's own order), through the links below; the
    # many-to-many fields are for finding and filtering actions by partner.
    lead_partners = models.ManyToManyField(
        Partner, through="ActionLeadPartner", blank=True, related_name="actions_led"
    )
    supporting_partners = models.ManyToManyField(
        Partner, through="ActionSupportingPartner", blank=True, related_name="actions_supported"
    )
    owners = models.TextField(
        "named owners",
        blank=True,
        help_text="People who own the action beside the partners, one a line, such as "
        "'Jo Smith, Community Safety Officer'. Kept in the admin unless the box below is ticked.",
    )
    show_owners = models.BooleanField(
        "show the named owners on the public site",
        default=False,
        help_text="Tick only when each person has agreed to be named publicly.",
    )
    possible_barriers = models.TextField(blank=True)
    target_date = models.DateField(null=True, blank=True)
    target_month_only = models.BooleanField(
        "the target is a month",
        default=False,
        help_text="For a plan that gives a month, such as March 2027: the site shows the month "
        "only. Give any day in that month above.",
    )
    sort_order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first within the priority."
    )
    # Kept in step with the progress updates on every save, so listings and roll-ups can filter
    # and count by it without reading every update.
    latest_status = models.CharField(
        max_length=20, choices=Status.CHOICES, blank=True, editable=False
    )

    action_panels = [
        FieldPanel("priority"),
        FieldRowPanel([FieldPanel("reference"), FieldPanel("sort_order")]),
        FieldPanel("group"),
        FieldPanel("description"),
        FieldPanel("intended_outcome"),
        FieldPanel("success_measures"),
        # Rows with Wagtail's partner chooser, moved up and down into the plan's order. (Not
        # MultipleChooserPanel: in Wagtail 8.0 its move buttons move a row two places a click.)
        InlinePanel(
            "lead_partner_links",
            heading="Lead partners",
            label="Lead partner",
            help_text="In the order the plan gives them. A partner not listed yet can be added "
            "from the chooser's “Add a partner” tab.",
        ),
        InlinePanel(
            "supporting_partner_links",
            heading="Supporting partners",
            label="Supporting partner",
        ),
        MultiFieldPanel([FieldPanel("owners"), FieldPanel("show_owners")], heading="Named owners"),
        FieldPanel("possible_barriers"),
        FieldRowPanel([FieldPanel("target_date"), FieldPanel("target_month_only")]),
    ]
    progress_panels = [
        InlinePanel(
            "progress_updates",
            heading="Quarterly progress",
            label="Progress update",
            help_text="Add this quarter's update here; the action's own text stays as it is.",
        )
    ]
    base_form_class = ActionForm
    # Editing an action is mostly adding this quarter's update, so the Progress tab comes first;
    # a new action opens on its own fields (ActionViewSet uses `new_action_edit_handler`).
    edit_handler = TabbedInterface(
        [
            ObjectList(progress_panels, heading="Progress"),
            ObjectList(action_panels, heading="Action"),
        ]
    )
    new_action_edit_handler = TabbedInterface(
        [
            ObjectList(action_panels, heading="Action"),
            ObjectList(progress_panels, heading="Progress"),
        ]
    )
    search_fields = [
        index.FilterField("id"),
        index.SearchField("reference", boost=3),
        index.SearchField("description"),
        index.SearchField("intended_outcome"),
        index.SearchField("group"),
        index.FilterField("priority"),
        index.FilterField("latest_status"),
    ]

    def __str__(self):
        text = self.description if len(self.description) <= 80 else self.description[:77] + "…"
        return f"{self.reference}: {text}" if self.reference else text

    @property
    def description_heading(self):
        """The action's first line, for its heading; the rest (sub-points, lists) goes below."""
        return BULLET_MARK.sub("", self.description.strip().split("\n", 1)[0].strip())

    @property
    def description_rest(self):
        parts = self.description.strip().split("\n", 1)
        return parts[1].strip("\n") if len(parts) > 1 else ""

    @staticmethod
    def partner_prefetches():
        """The lead and supporting partners in order, in one query each."""
        return [
            Prefetch(links, queryset=model.objects.select_related("partner"))
            for links, model in (
                ("lead_partner_links", ActionLeadPartner),
                ("supporting_partner_links", ActionSupportingPartner),
            )
        ]

    @property
    def leads(self):
        """The lead partners in the officer's order; uses prefetched links where there are."""
        return [link.partner for link in self.lead_partner_links.all()]

    @property
    def supporters(self):
        return [link.partner for link in self.supporting_partner_links.all()]

    def set_partners(self, lead=None, supporting=None):
        """Set the lead and/or supporting partners, in the order given; saved with the action."""
        for partners, relation, link in (
            (lead, "lead_partner_links", ActionLeadPartner),
            (supporting, "supporting_partner_links", ActionSupportingPartner),
        ):
            if partners is not None:
                unique = list(dict.fromkeys(partners))
                setattr(
                    self,
                    relation,
                    [link(partner=partner, sort_order=n) for n, partner in enumerate(unique)],
                )

    @property
    def owner_names(self):
        """The named owners, one a line, for the public page: none unless the officer said so."""
        if not self.show_owners:
            return []
        return [line.strip() for line in self.owners.splitlines() if line.strip()]

    @property
    def target_in_words(self):
        """'31 March 2027', or 'March 2027' for a plan that gives a month."""
        if not self.target_date:
            return ""
        if self.target_month_only:
            return month_year(self.target_date)
        return day_month_year(self.target_date)

    def is_overdue(self, today=None):
        """Past its target (the end of the month, for a month) and not complete: as
        `overdue_q`, for one action in hand."""
        if not self.target_date or self.latest_status == Status.COMPLETE:
            return False
        due = month_end(self.target_date) if self.target_month_only else self.target_date
        return due < (today or timezone.localdate())

    def target_date_warning(self):
        """Words for the officer when the target date falls outside the plan's period, or ""."""
        if not self.target_date or not self.priority_id:
            return ""
        plan = self.priority.get_parent().specific
        if not isinstance(plan, PlanPage) or plan.period_contains(self.target_date):
            return ""
        return (
            f"Check the target date: {day_month_year(self.target_date)} is outside "
            f"the period of {plan.title} ({day_month_year(plan.starts_on)} to "
            f"{day_month_year(plan.ends_on)}). The action was saved."
        )

    def save(self, *args, **kwargs):
        self.latest_status = self._latest_status()
        super().save(*args, **kwargs)

    def _latest_status(self):
        updates = sorted(self.progress_updates.all(), key=lambda u: (u.year, u.quarter))
        return updates[-1].status if updates else ""

    @cached_property
    def updates(self):
        """Newest first; uses the prefetched updates where there are some."""
        return sorted(self.progress_updates.all(), key=lambda u: (u.year, u.quarter), reverse=True)

    @property
    def latest_update(self):
        return self.updates[0] if self.updates else None

    @property
    def earlier_updates(self):
        return self.updates[1:]

    @property
    def status_label(self):
        return Status.LABELS.get(self.latest_status, "No update yet")

    class Meta:
        ordering = ["priority", "sort_order", "reference"]


class ActionPartnerLink(Orderable):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("partner")]

    def __str__(self):
        return self.partner.name

    class Meta(Orderable.Meta):
        abstract = True


class ActionLeadPartner(ActionPartnerLink):
    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="lead_partner_links")

    class Meta(ActionPartnerLink.Meta):
        verbose_name = "lead partner"


class ActionSupportingPartner(ActionPartnerLink):
    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="supporting_partner_links")

    class Meta(ActionPartnerLink.Meta):
        verbose_name = "supporting partner"


class ProgressUpdate(models.Model):
    """What happened on an action in one quarter of a financial year."""

    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    year = models.PositiveSmallIntegerField(
        verbose_name="financial year", help_text="The year it starts in: 2026 for 2026/27"
    )
    quarter = models.PositiveSmallIntegerField(
        choices=[(q, f"Q{q} ({quarter_months(q)})") for q in range(1, 5)]
    )
    status = models.CharField(max_length=20, choices=Status.CHOICES)
    summary = models.TextField(verbose_name="what happened")
    figures = StreamField([("figure", ProgressFigureBlock())], blank=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("quarter"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("figures"),
    ]

    def __str__(self):
        return f"{self.period_label}: {self.get_status_display()}"

    @property
    def period_label(self):
        return quarter_label(self.year, self.quarter)

    def clean(self):
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError(
                {"year": "Give the year the financial year starts in, such as 2026."}
            )

    class Meta:
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "year", "quarter"], name="one_update_per_action_quarter"
            )
        ]


class IndicatorQuerySet(models.QuerySet):
    def for_display(self):
        return self.prefetch_related(
            Prefetch("values", queryset=IndicatorValue.objects.order_by("period_start"))
        )


class Indicator(RevisionMixin, index.Indexed, ClusterableModel):
    """A measure such as total recorded crime, with its values by period."""

    class Better(models.TextChoices):
        LOWER = indicator_maths.LOWER_IS_BETTER, "Lower is better"
        HIGHER = indicator_maths.HIGHER_IS_BETTER, "Higher is better"
        NEITHER = indicator_maths.NEITHER, "Neither: it is context"

    name = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=160,
        unique=True,
        blank=True,
        help_text="Used to import values from a spreadsheet. Made from the name if left empty.",
    )
    area = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the figures are for, such as a district or a town. Leave empty when "
        "they are for the whole area the partnership covers.",
    )
    unit = models.CharField(
        max_length=40, help_text="What is counted, such as crimes, incidents or %"
    )
    better = models.CharField(
        max_length=10,
        choices=Better.choices,
        default=Better.LOWER,
        help_text="More reports of domestic abuse can be good: they can mean more victims come forward.",
    )
    description = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)

    objects = IndicatorQuerySet.as_manager()

    base_form_class = IndicatorForm
    panels = [
        # The slug fills itself from the name as the officer types it, until they change it.
        TitleFieldPanel("name", placeholder=False, classname=""),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("unit"), FieldPanel("better")]),
        FieldPanel("description"),
        FieldPanel("source"),
        InlinePanel("values", heading="Values", label="Value"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    def __str__(self):
        return indicator_maths.name_with_area(self.name, self.area, brackets=True)

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = self.free_slug(self.name)
        elif self.slug and Indicator.objects.exclude(pk=self.pk).filter(slug=self.slug).exists():
            # Two indicators may share a name ("Anti-social behaviour incidents" for two areas);
            # the slug the form made from it is then taken.
            raise ValidationError(
                {
                    "slug": f"Another indicator already has the slug '{self.slug}': give this "
                    f"one its own, such as '{self.free_slug(self.slug)}'."
                }
            )

    def free_slug(self, name):
        """A slug made from the name, not used by another indicator."""
        others = Indicator.objects.exclude(pk=self.pk)
        return free_slug(
            name,
            lambda base: others.filter(slug__startswith=base).values_list("slug", flat=True),
            max_length=Indicator._meta.get_field("slug").max_length,
            fallback="indicator",
        )

    @property
    def name_with_area(self):
        """For residents: "Total crime, Blaby", or the name alone when it already says where."""
        return indicator_maths.name_with_area(self.name, self.area)

    @property
    def better_in_words(self):
        """What residents read about which way is better; the admin's labels are for officers."""
        return indicator_maths.better_in_words(self.better)

    @cached_property
    def points(self):
        """(period, value) pairs, oldest first by when each period ends (a year, its H1 and its
        Q1 share a start date); uses prefetched values where there are some."""
        return indicator_maths.in_period_order(
            [(value.period, value.value) for value in self.values.all()]
        )

    @property
    def comparison(self):
        """The latest value against the same period a year before, or why it is not charted;
        "" when the trend already says it."""
        return indicator_maths.describe_latest(self.points, self.better)

    @property
    def trend(self):
        return indicator_maths.describe_trend(self.points, self.better)

    @property
    def chart(self):
        return indicator_maths.bar_chart(self.points)

    @property
    def latest(self):
        return self.points[-1] if self.points else None

    def chart_description(self):
        """The chart's text alternative."""
        # The name as the officer wrote it: never lowercased (it may be a place or a partner).
        if not self.points:
            return f"{self.name_with_area}: no values yet."
        values = "; ".join(
            f"{label}: {indicator_maths.format_number(value)}"
            for label, value in indicator_maths.like_for_like(self.points)
        )
        described = f"Bar chart by period: {self.name_with_area} ({self.unit}). {values}."
        return f"{described} {self.trend} {self.comparison}".strip()


class IndicatorValue(models.Model):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(
        max_length=20,
        help_text="For example 2021/22, 2021/22 Q2, 2021/22 H1 (April to September), "
        "2021/22 Q1 to Q3 (the year to date, April to December) or 2021",
    )
    period_start = models.DateField(editable=False)
    value = models.DecimalField(max_digits=14, decimal_places=2)

    panels = [FieldRowPanel([FieldPanel("period"), FieldPanel("value")])]

    def __str__(self):
        return f"{self.indicator.name}, {self.period}: {self.value}"

    def clean(self):
        try:
            parsed = parse_period(self.period)
        except ValueError as error:
            raise ValidationError({"period": str(error)}) from error
        self.period, self.period_start = parsed.label, parsed.start

    def save(self, *args, **kwargs):
        parsed = parse_period(self.period)
        self.period, self.period_start = parsed.label, parsed.start
        super().save(*args, **kwargs)

    class Meta:
        ordering = ["period_start"]
        # By the period as tidied ("2021/22", "2021/22 Q1"): a year and its first quarter
        # start on the same day but are different periods.
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="one_value_per_period")
        ]


# You said, we did ------------------------------------------------------------------------------


class YouSaidWeDidQuerySet(models.QuerySet):
    def published(self):
        return visible(self)

    def for_listing(self):
        return self.select_related("parish", "priority").order_by("-said_on", "-pk")


class YouSaidWeDid(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """What residents raised, and what the partnership did about it."""

    class Channel(models.TextChoices):
        SURVEY = "survey", "Survey"
        BEAT_MEETING = "beat-meeting", "Beat meeting or surgery"
        PATCH_WALK = "patch-walk", "Patch walk"
        CONSULTATION = "consultation", "Consultation"
        PARISH_COUNCIL = "parish-council", "Parish council"
        ONLINE = "online", "Online or social media"
        OTHER = "other", "Other"

    class Progress(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in-progress", "In progress"
        DONE = "done", "Done"

    title = models.CharField(
        max_length=120, help_text="A short heading, such as 'Lighting on the riverside path'"
    )
    said = models.TextField("you said", help_text="What residents told us, in their terms.")
    said_on = models.DateField(
        "when", help_text="When they told us (the date of the walk, the survey's close)."
    )
    channel = models.CharField("how", max_length=20, choices=Channel.choices)
    place = models.CharField(
        max_length=120, blank=True, help_text="A street, park or estate, if it was about one place."
    )
    did = models.TextField("we did", help_text="What the partnership did, or is doing.")
    done_on = models.DateField("done on", null=True, blank=True)
    progress = models.CharField(max_length=20, choices=Progress.choices, default=Progress.DONE)
    parish = models.ForeignKey(
        "areas.AreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="you_said_we_did",
    )
    priority = models.ForeignKey(
        PriorityPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="you_said_we_did",
    )
    revisions = GenericRelation("wagtailcore.Revision", related_query_name="you_said_we_did")

    objects = YouSaidWeDidQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("said"),
                FieldRowPanel([FieldPanel("said_on"), FieldPanel("channel")]),
                FieldPanel("place"),
            ],
            heading="You said",
        ),
        MultiFieldPanel(
            [FieldPanel("did"), FieldRowPanel([FieldPanel("done_on"), FieldPanel("progress")])],
            heading="We did",
        ),
        FieldRowPanel([FieldPanel("parish"), FieldPanel("priority")]),
        # Go-live and expiry times, set in the status side panel's "Set schedule" dialog.
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("said"),
        index.SearchField("did"),
        index.SearchField("place"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("id"),
    ]

    def __str__(self):
        return self.title

    # The parish and priority as residents may see them: a page taken down leaves no trace.
    @property
    def shown_parish(self):
        return shown(self.parish)

    @property
    def shown_priority(self):
        return shown(self.priority)

    @property
    def said_in_words(self):
        how = self.get_channel_display().lower()
        where = f" ({self.place})" if self.place else ""
        return f"{day_month_year(self.said_on)}, {how}{where}"

    def clean(self):
        super().clean()
        if self.done_on and self.said_on and self.done_on < self.said_on:
            raise ValidationError({"done_on": "It cannot be done before it was raised."})

    class Meta:
        verbose_name = "“you said, we did” entry"
        verbose_name_plural = "you said, we did"
        ordering = ["-said_on"]


class YouSaidWeDidIndexPage(RoutablePageMixin, SectionIndexPage):
    """/you-said-we-did/: everything residents raised and what was done, filterable, each with
    its own address for feeds and links."""

    subpage_types = []

    def entries(self):
        return YouSaidWeDid.objects.published()

    def get_sitemap_urls(self, request=None):
        """The index, then each entry's own address (the item route)."""
        base = self.get_full_url(request)
        return [
            *super().get_sitemap_urls(request),
            *(
                {"location": f"{base}{entry.pk}/", "lastmod": entry.last_published_at}
                for entry in self.entries().only("pk", "last_published_at").order_by("pk")
            ),
        ]

    def priorities(self):
        return visible(PriorityPage.objects.all())

    def priority_choices(self, priorities):
        return PriorityPage.choice_queryset(priorities)

    @path("", name="index")
    def index_route(self, request):
        return views.you_said_we_did_list(self, request)

    # One address an entry: /you-said-we-did/12/, not /0012/.
    @re_path(r"^(?P<pk>[1-9][0-9]{0,17})/$", name="item")
    def item_route(self, request, pk):
        item = YouSaidWeDid.objects.published().for_listing().filter(pk=int(pk)).first()
        if item is None:
            raise Http404("There is no such entry.")
        return self.render(
            request,
            template="plans/you_said_we_did_item.html",
            context_overrides={"item": item, "crumb_extra": [(self.title, self.get_url(request))]},
        )

    class Meta:
        verbose_name = "you said, we did index page"

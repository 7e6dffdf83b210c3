"""Campaigns: what residents see most, and what the comms team plans all year."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns import windows
from campaigns.blocks import toolkit_blocks
from campaigns.reporting import route_order
from home.dates import date_span
from home.fields import BodyField
from home.indexing import IndexedWithRelations
from home.models import QuickExitMixin, SectionIndexPage
from home.phone import dialable
from home.visibility import is_visible, visible

SLUG = re.compile(r"[-\w]+")

# Snippets -------------------------------------------------------------------------------------


class Topic(index.Indexed, models.Model):
    """What a campaign, a reporting route or an update is about: hate crime, scams, rural crime."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    sensitive = models.BooleanField(
        default=False,
        help_text="Pages about a sensitive topic (domestic abuse, sexual violence, hate crime, modern "
        "slavery) show 'Exit this page', so someone at risk can leave in one move.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sensitive"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    def __str__(self):
        return self.name

    class Meta:
        ordering = ["name"]


class AwarenessDate(index.Indexed, models.Model):
    """A national week or day (Hate Crime Awareness Week, Anti-Slavery Day) the comms team plans
    around, so the year ahead shows which have no campaign page yet."""

    name = models.CharField(max_length=120)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="Leave empty for a single day.")
    repeats_yearly = models.BooleanField(default=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="awareness_dates")
    description = models.TextField(blank=True)
    link = models.URLField(blank=True, help_text="The national campaign's own page")

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("repeats_yearly")]
        ),
        FieldPanel("topics"),
        FieldPanel("description"),
        FieldPanel("link"),
    ]
    search_fields = [index.SearchField("name")]

    def __str__(self):
        return self.name

    @property
    def window(self):
        return windows.Window(self.starts_on, self.ends_on or self.starts_on, self.repeats_yearly)

    def clean(self):
        super().clean()
        # Without a valid first day, its own field already says what is wrong.
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The last day cannot be before the first."})

    class Meta:
        ordering = ["starts_on"]


class ReportingRoute(index.Indexed, ClusterableModel):
    """A way to report something or get support: who, what it is for, and how to reach them."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report it"
        SUPPORT = "support", "Get support"

    organisation = models.CharField(max_length=150)
    name = models.CharField(
        max_length=150,
        help_text="What a resident would call it, such as 'Report hate crime online'",
    )
    description = models.TextField(help_text="What it is for, in a sentence or two.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORT)
    topics = ParentalManyToManyField(Topic, blank=True, related_name="reporting_routes")
    is_emergency = models.BooleanField(default=False, help_text="For when someone is in danger now")
    is_anonymous = models.BooleanField(default=False, help_text="You do not have to give your name")
    hours = models.CharField(
        max_length=150, blank=True, help_text="For example: 24 hours a day, every day"
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first within their group"
    )
    source = models.URLField(
        blank=True,
        help_text="Where the organisation publishes these details, so that anyone can check them.",
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("is_emergency"), FieldPanel("is_anonymous")]),
        FieldPanel("topics"),
        FieldPanel("hours"),
        InlinePanel("channels", heading="How to get in touch", label="Channel", min_num=1),
        FieldPanel("source"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.FilterField("id"),
        # Indexed as its title, which the database backends rank by. Not by its topics: 999
        # and 101 are for every topic, and would come before the helpline for each one.
        index.SearchField("title", boost=2),
        index.SearchField("organisation"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def title(self):
        return self.name

    @property
    def order_key(self):
        return route_order(self.is_emergency, self.kind, self.sort_order, self.organisation)

    class Meta:
        ordering = ["sort_order", "organisation"]


class ReportingChannel(Orderable):
    """One way to reach a route: a phone number, an online form, an address."""

    class Kind(models.TextChoices):
        PHONE = "phone", "Phone"
        TEXT_RELAY = "text_relay", "Text relay (for deaf people and those with speech loss)"
        TEXT_MESSAGE = "text", "Text message"
        ONLINE = "online", "Online form or website"
        EMAIL = "email", "Email"
        IN_PERSON = "in_person", "In person"

    route = ParentalKey(ReportingRoute, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    value = models.CharField(
        max_length=300, help_text="The number, web address, email address or street address"
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="For example: free from landlines and mobiles"
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("value")]), FieldPanel("note")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self):
        if self.kind == self.Kind.ONLINE and not self.value.startswith(("https://", "http://")):
            raise ValidationError({"value": "Give the full web address, starting https://"})
        if self.kind == self.Kind.EMAIL and "@" not in self.value:
            raise ValidationError({"value": "Give an email address."})
        if self.kind in (self.Kind.PHONE, self.Kind.TEXT_RELAY, self.Kind.TEXT_MESSAGE) and not any(
            ch.isdigit() for ch in self.value
        ):
            raise ValidationError({"value": "Give the number."})

    @property
    def href(self):
        """A link for the channel, where it has one: tel:, sms:, mailto: or the web address."""
        digits = dialable(self.value)
        return {
            self.Kind.PHONE: f"tel:{digits}",
            self.Kind.TEXT_RELAY: f"tel:{digits}",
            self.Kind.TEXT_MESSAGE: f"sms:{digits}",
            self.Kind.ONLINE: self.value,
            self.Kind.EMAIL: f"mailto:{self.value}",
        }.get(self.kind)


def routes_for_topics(topics):
    """The reporting routes for any of these topics, in order, with their channels: two queries."""
    routes = (
        ReportingRoute.objects.filter(topics__in=topics)
        .distinct()
        .prefetch_related(
            Prefetch("channels", queryset=ReportingChannel.objects.order_by("sort_order"))
        )
    )
    return sorted(routes, key=lambda route: route.order_key)


# Pages ----------------------------------------------------------------------------------------


class CampaignIndexPage(SectionIndexPage):
    """/campaigns/: what is on now, coming up and past, filterable by topic."""

    subpage_types = ["campaigns.CampaignPage"]

    def campaigns(self):
        return (
            visible(CampaignPage.objects.child_of(self))
            .select_related("hero_image")
            .prefetch_related("topics")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = self.campaigns()
        topic = None
        slug = request.GET.get("topic")
        if slug:
            # Only something shaped like a slug reaches the database (PostgreSQL refuses NUL).
            topic = Topic.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
            if topic is None:
                raise Http404("There is no such topic.")
            campaigns = campaigns.filter(topics=topic)
        context["topic"] = topic
        context["quick_exit"] = bool(topic and topic.sensitive)
        context["topics"] = Topic.objects.filter(campaigns__in=self.campaigns()).distinct()
        by_state = sort_by_state(campaigns, timezone.localdate())
        # The topic's name as it was written, never lowercased: it may name a place or a law.
        about = f" on the topic {topic.name}" if topic else ""
        context["sections"] = [
            ("On now", by_state["on_now"], f"No campaigns{about} are running at the moment."),
            ("Coming up", by_state["coming_up"], f"No campaigns{about} are planned yet."),
            ("Past campaigns", by_state["past"], f"No past campaigns{about}."),
        ]
        # Nothing published at all: one word on what will be here, not three empty lists.
        context["none_yet"] = topic is None and not any(by_state.values())
        return context

    class Meta:
        verbose_name = "campaign index page"


def sort_by_state(campaigns, today):
    """Campaigns in three lists: on now (ending soonest first), coming up (starting soonest
    first) and past (most recent first)."""
    sorted_campaigns = {windows.ON_NOW: [], windows.COMING_UP: [], windows.PAST: []}
    for campaign in campaigns:
        sorted_campaigns[campaign.state(today)].append(campaign)
    return {
        "on_now": sorted(sorted_campaigns[windows.ON_NOW], key=lambda c: c.dates(today)[1]),
        "coming_up": sorted(sorted_campaigns[windows.COMING_UP], key=lambda c: c.dates(today)[0]),
        "past": sorted(
            sorted_campaigns[windows.PAST], key=lambda c: c.dates(today)[1], reverse=True
        ),
    }


class CampaignPage(IndexedWithRelations, QuickExitMixin, Page):
    """A campaign: Ask for Angela, Hate Crime Awareness Week, White Ribbon Day."""

    strapline = models.CharField(
        max_length=120, blank=True, help_text="A short line under the title"
    )
    summary = models.TextField(
        help_text="What the campaign asks people to do, in a sentence or two."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the image, or leave empty if it only decorates.",
    )
    window_start = models.DateField(verbose_name="first day")
    window_end = models.DateField(verbose_name="last day")
    repeats_yearly = models.BooleanField(
        default=False, help_text="Runs on the same dates every year."
    )
    awareness_date = models.ForeignKey(
        AwarenessDate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        help_text="The national week or day this campaign marks, if any.",
    )
    topics = ParentalManyToManyField(Topic, blank=True, related_name="campaigns")
    priorities = ParentalManyToManyField("plans.PriorityPage", blank=True, related_name="campaigns")
    partners = ParentalManyToManyField("plans.Partner", blank=True, related_name="campaigns")
    body = BodyField(blank=True)
    toolkit = StreamField(
        toolkit_blocks(),
        blank=True,
        help_text="Images and documents partners and parishes may download and reuse.",
    )
    hashtags = models.CharField(
        max_length=200, blank=True, help_text="Separated by spaces: #NoPlaceForHate #HCAW"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("strapline"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading="Image"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("window_start"),
                        FieldPanel("window_end"),
                        FieldPanel("repeats_yearly"),
                    ]
                ),
                FieldPanel("awareness_date"),
            ],
            heading="When it runs",
        ),
        FieldPanel("topics"),
        FieldPanel("priorities"),
        FieldPanel("partners"),
        FieldPanel("body"),
        FieldPanel("toolkit"),
        FieldPanel("hashtags"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("show_quick_exit")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("strapline"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("hashtags"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("window_start"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    @property
    def window(self):
        return windows.Window(self.window_start, self.window_end, self.repeats_yearly)

    def dates(self, today=None):
        return windows.occurrence(self.window, today or timezone.localdate())

    def state(self, today=None):
        return windows.state(self.window, today or timezone.localdate())

    @property
    def dates_in_words(self):
        return date_span(*self.dates())

    @property
    def introduction(self):
        """For meta descriptions and search results."""
        return self.summary

    @cached_property
    def hashtag_list(self):
        return [tag if tag.startswith("#") else f"#{tag}" for tag in self.hashtags.split()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Events name their campaign: a campaign previewed before its first save has none yet.
        context["campaign_events"] = visible(self.events.all()) if self.pk else []
        return context

    def shown_priorities(self):
        """The priorities it serves that residents may see (in memory, so previews match)."""
        return [priority for priority in self.priorities.all() if is_visible(priority)]

    def reporting_routes(self):
        """Who to report to and where to get support, for the campaign's topics."""
        return routes_for_topics(self.topics.all())

    @cached_property
    def needs_quick_exit(self):
        """Also whenever any of the campaign's topics is sensitive."""
        return self.show_quick_exit or any(topic.sensitive for topic in self.topics.all())

    def clean(self):
        super().clean()
        if self.window_start and self.window_end and self.window_end < self.window_start:
            raise ValidationError({"window_end": "The last day cannot be before the first."})

    class Meta:
        verbose_name = "campaign page"


class ReportPage(RoutablePageMixin, QuickExitMixin, SectionIndexPage):
    """/report/: what to do in an emergency first, then a page for each topic listing who to
    report to and where to get support."""

    settings_panels = [*Page.settings_panels, FieldPanel("show_quick_exit")]

    subpage_types = []

    @staticmethod
    def topics():
        return Topic.objects.filter(reporting_routes__isnull=False).distinct().order_by("name")

    @path("", name="index")
    def index_route(self, request):
        return self.render(request, context_overrides={"topics": self.topics()})

    @path("<slug:topic_slug>/", name="topic")
    def topic_route(self, request, topic_slug):
        topic = self.topics().filter(slug=topic_slug).first()
        if topic is None:
            raise Http404("There is no such topic.")
        return self.render(
            request,
            template="campaigns/report_topic.html",
            context_overrides={
                "topic": topic,
                "routes": routes_for_topics([topic]),
                "quick_exit": topic.sensitive,
                "crumb_extra": [(self.title, self.get_url(request))],
            },
        )

    class Meta:
        verbose_name = "report page"

"""What every part of the site shares: the home page, general pages, site settings and alerts."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    AbstractGroupApprovalTask,
    DraftStateMixin,
    Orderable,
    Page,
    RevisionMixin,
    Site,
)
from wagtail.search import index

from home.blocks import LinkBlock, SignpostBlock
from home.caching import (
    ContentVersion,  # noqa: F401  (its row is the cache's; defined beside it)
    cached_for_version,
)
from home.fields import BodyField
from home.forms import StandardPageForm
from home.slugs import free_slug
from home.visibility import is_visible, not_expired_q, visible

SECTION_INDEX_CACHE_SECONDS = 60 * 60 * 24

# Pages ----------------------------------------------------------------------------------------


class HomePage(Page):
    """The front door: what to do in an emergency, then what is happening now."""

    introduction = models.TextField(
        blank=True, help_text="One or two sentences under the title: who we are and what we do."
    )
    signposts = StreamField(
        [("signpost", SignpostBlock())],
        blank=True,
        help_text="The few places most residents want to go next.",
    )
    body = BodyField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("signposts"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]

    def sections(self):
        """The sections in the site's menu, for a home page with no signposts of its own: as
        the menu has them, only those residents may see (an expired page's expiry passes
        before publish_scheduled takes it down)."""
        return visible(self.get_children()).in_menu()

    class Meta:
        verbose_name = "home page"


class SectionIndexPage(Page):
    """The top page of a section of the site (/events/, /plans/, /news/...): one for each site,
    under its home page, with a sentence or two under the title."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        """This section's index in `site` as residents may see it (as a plain Page, enough for
        its address), or None. Every section's is found at once, in one query, and kept under
        the content version: the home page's panels link to theirs at no cost."""
        if site is None:
            return None
        indexes = cached_for_version(
            f"section-indexes:{site.pk}", lambda: section_indexes(site), SECTION_INDEX_CACHE_SECONDS
        )
        return indexes.get(cls._meta.label_lower)

    @classmethod
    def url_for(cls, request, full=False):
        """The address of this section's index for the site `request` is on, or None."""
        index = cls.for_site(Site.find_for_request(request)) if request else None
        if index is None:
            return None
        return index.get_full_url(request) if full else index.get_url(request)


def section_indexes(site):
    """{model label: page} of the section indexes residents may see in `site`, the first of
    each type in the page tree."""
    kinds = ContentType.objects.get_for_models(
        *(model for model in apps.get_models() if issubclass(model, SectionIndexPage))
    )
    labels = {kind.pk: model._meta.label_lower for model, kind in kinds.items()}
    pages = visible(Page.objects.descendant_of(site.root_page).filter(content_type__in=labels))
    found = {}
    for page in pages.order_by("path"):
        found.setdefault(labels[page.content_type_id], page)
    return found


class QuickExitMixin(models.Model):
    """A page that can show GOV.UK's "Exit this page", so someone at risk can leave in one move.
    Page types about sensitive topics add their own reasons in `needs_quick_exit`."""

    show_quick_exit = models.BooleanField(
        default=False,
        verbose_name="show 'Exit this page'",
        help_text="For pages someone at risk may be reading, such as support after abuse.",
    )

    @property
    def needs_quick_exit(self):
        return self.show_quick_exit

    class Meta:
        abstract = True


class StandardPage(QuickExitMixin, Page):
    """A general page: about the partnership, the accessibility statement, privacy."""

    introduction = models.TextField(blank=True, help_text="The lead paragraph under the title.")
    body = BodyField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("show_quick_exit")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    base_form_class = StandardPageForm

    class Meta:
        verbose_name = "standard page"


# Settings -------------------------------------------------------------------------------------


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    partnership_name = models.CharField(max_length=120, default="Community Safety Partnership")
    short_name = models.CharField(
        max_length=40,
        blank=True,
        help_text="Shown in the header and the browser tab, for example 'Safer Bramshire'; the "
        "full name when this is empty.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header beside the name. Leave empty to show the name alone.",
    )
    description = models.TextField(
        blank=True,
        help_text="What the partnership does, in a sentence. Search engines show it for pages "
        "that have no summary of their own.",
    )
    theme_colour = models.CharField(
        max_length=7,
        default="#0b5c3e",
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$", "Give a colour as # and six hexadecimal digits, like #0b5c3e."
            )
        ],
        help_text="The colour phones show around the address bar: the brand colour of the "
        "site's stylesheet (site/src/scss/_settings.scss), such as #0b5c3e.",
    )

    emergency_number = models.CharField(max_length=20, default="999")
    non_emergency_number = models.CharField(max_length=20, default="101")
    emergency_textphone = models.CharField(
        max_length=20,
        default="18000",
        help_text="Relay UK number for people who are deaf or have hearing or speech loss.",
    )
    non_emergency_textphone = models.CharField(max_length=20, default="18001 101")

    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    contact_address = models.TextField(blank=True)

    quick_exit_url = models.URLField(
        default="https://www.bbc.co.uk/weather",
        help_text="Where 'Exit this page' takes someone: a harmless, everyday site.",
    )
    safety_advice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Advice on covering your tracks online, linked beside every 'Exit this page'.",
    )
    footer_links = StreamField([("link", LinkBlock())], blank=True)
    social_links = StreamField([("link", LinkBlock())], blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("partnership_name"),
                FieldPanel("short_name"),
                FieldPanel("logo"),
                FieldPanel("description"),
                FieldPanel("theme_colour"),
            ],
            heading="The partnership",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("emergency_number"), FieldPanel("emergency_textphone")]),
                FieldRowPanel(
                    [FieldPanel("non_emergency_number"), FieldPanel("non_emergency_textphone")]
                ),
            ],
            heading="Emergency and non-emergency numbers",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading="Contact",
        ),
        InlinePanel(
            "councils",
            heading="Councils",
            label="Council",
            help_text="Each council the partnership covers, with how to contact it: one for a "
            "district, several for a joint partnership. Shown in the footer, and on any page "
            "with a 'Councils' contacts' block; areas are grouped by them.",
        ),
        MultiFieldPanel(
            [FieldPanel("quick_exit_url"), FieldPanel("safety_advice_page")],
            heading="Exit this page",
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    @property
    def short_or_full_name(self):
        """The name where space is short: in the header and after each page's title in the
        browser tab."""
        return self.short_name or self.partnership_name

    class Meta:
        verbose_name = "site settings"


class Council(Orderable):
    """A council the partnership covers, and how residents contact it about community safety."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="councils")
    name = models.CharField(max_length=120, help_text="Such as: Northfield District Council")
    slug = models.SlugField(
        max_length=120,
        blank=True,
        help_text="Its name in links that show one council's areas, events and news, such as "
        "?council=northfield-district-council. Made from the name if left empty.",
    )
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("address"),
        FieldPanel("website"),
        FieldPanel("slug"),
    ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug and self.name:
            others = Council.objects.exclude(pk=self.pk)
            self.slug = free_slug(
                self.name,
                lambda base: others.filter(slug__startswith=base).values_list("slug", flat=True),
                max_length=self._meta.get_field("slug").max_length,
                fallback="council",
            )
        super().save(*args, **kwargs)


# Alert banners --------------------------------------------------------------------------------


class AlertBannerQuerySet(models.QuerySet):
    def showing_on(self, page=None, at=None):
        """Live banners for a page, most severe first: one query, whatever the page's depth."""
        at = at or timezone.now()
        where = Q(whole_site=True)
        if page is not None:
            # Ancestors' paths come from the page's own path, so no query walks up the tree.
            ancestor_paths = [
                page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)
            ]
            placements = AlertBannerPlacement.objects.filter(
                Q(page_id=page.pk) | Q(include_descendants=True, page__path__in=ancestor_paths)
            ).values("banner_id")
            where |= Q(pk__in=placements)
        return (
            self.filter(live=True)
            .filter(not_expired_q(at))
            .filter(where)
            .select_related("link_page")
            .annotate(
                severity=Case(
                    *(
                        When(level=level, then=Value(rank))
                        for rank, level in enumerate(AlertBanner.Level.values)
                    ),
                    output_field=IntegerField(),
                )
            )
            .order_by("severity", "-last_published_at", "pk")
        )


class AlertBanner(DraftStateMixin, RevisionMixin, ClusterableModel):
    """A message across the top of the site or of chosen pages, for a set time.

    Scheduling is Wagtail's own: publish with a go-live and expiry time and `publish_scheduled`
    puts the banner up and takes it down.
    """

    class Level(models.TextChoices):
        # Listed most severe first: the order banners are shown in.
        URGENT = "urgent", "Urgent"
        WARNING = "warning", "Warning"
        INFORMATION = "information", "Information"

    title = models.CharField(
        max_length=120, help_text="A short heading, for example 'Road closed'."
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.INFORMATION)
    message = RichTextField(features=["bold", "link"], max_length=600)
    link_text = models.CharField(max_length=80, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_url = models.URLField(blank=True)
    whole_site = models.BooleanField(
        default=True, help_text="Untick to show the banner only on the pages chosen below."
    )

    objects = AlertBannerQuerySet.as_manager()

    panels = [
        TitleFieldPanel("title", placeholder=False),
        FieldPanel("level"),
        FieldPanel("message"),
        MultiFieldPanel(
            [FieldPanel("link_text"), FieldPanel("link_page"), FieldPanel("link_url")],
            heading="Link (optional)",
        ),
        MultiFieldPanel(
            [FieldPanel("whole_site"), InlinePanel("placements", label="Page")],
            heading="Where it shows",
        ),
        # Go-live and expiry times, set in the status side panel's "Set schedule" dialog.
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("message")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "Choose a page or give an address, not both."})
        if (self.link_page_id or self.link_url) and not self.link_text:
            raise ValidationError(
                {"link_text": "Say where the link goes, for example 'Road closures'."}
            )
        if self.link_text and not (self.link_page_id or self.link_url):
            raise ValidationError({"link_page": "Choose a page or give an address for the link."})
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError({"expire_at": "The expiry time must be after the go-live time."})

    @property
    def link_href(self):
        if self.link_page_id:
            # A page taken down or made private since it was chosen: no link to a login.
            return self.link_page.url if is_visible(self.link_page) else None
        return self.link_url

    class Meta:
        verbose_name = "alert banner"


class AlertBannerPlacement(Orderable):
    banner = ParentalKey(AlertBanner, on_delete=models.CASCADE, related_name="placements")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    include_descendants = models.BooleanField(default=True, verbose_name="and the pages below it")

    panels = [FieldPanel("page"), FieldPanel("include_descendants")]


# Approval ----------------------------------------------------------------------------------------


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups other than the person whose work it is.

    Wagtail's own group approval lets a member approve what they submitted themselves. Here the
    person who submitted, and whoever wrote the latest version (the one approving publishes),
    may ask for changes or cancel but not approve: a second person always looks."""

    APPROVE = "approve"

    @staticmethod
    def own_work(obj, user):
        workflow_state = obj.current_workflow_state
        latest = obj.get_latest_revision()
        return (workflow_state is not None and workflow_state.requested_by_id == user.pk) or (
            latest is not None and latest.user_id == user.pk
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.own_work(obj, user):
            return [action for action in actions if action[0] != self.APPROVE]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # However the request was made: the admin's views check get_actions, this checks again.
        if action_name == self.APPROVE and self.own_work(
            task_state.workflow_state.content_object, user
        ):
            raise PermissionDenied("Someone else must approve this.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve, but never their own work"

    class Meta:
        verbose_name = "approval by a second person"
        verbose_name_plural = "approvals by a second person"

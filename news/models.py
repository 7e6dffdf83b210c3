"""News: local updates (an operation's results, a new camera, a closure order), town by town
and across the district, with the site-wide feeds. Each update says which towns and parishes,
topics and priorities it concerns; area pages show their own (news/wagtail_hooks.py)."""

from datetime import date

from django.db import models
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.shortcuts import get_object_or_404
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from areas.models import AreaPage
from home.feeds import feed_response, partnership_name
from home.fields import BodyField
from home.filters import SLUG
from home.models import Council, SectionIndexPage
from home.pagination import paginate
from home.routes import file_route
from home.visibility import is_visible, visible
from news.forms import UpdatePageForm

PER_PAGE = 10


class UpdateIndexPage(RoutablePageMixin, SectionIndexPage):
    """/news/: local updates, newest first, with the site-wide feeds."""

    subpage_types = ["news.UpdatePage"]

    def updates(self):
        return visible(UpdatePage.objects.child_of(self))

    @path("", name="index")
    def index_route(self, request):
        updates = self.updates().order_by("-date", "-pk").prefetch_related("parishes")
        return self.render(
            request,
            context_overrides={
                "page_obj": paginate(request, updates, PER_PAGE),
                # A feed for each council's areas, offered when there is more than one.
                "councils": Council.objects.order_by("sort_order", "pk"),
                # Each town and parish has feeds of its own, once there are any.
                "has_areas": visible(AreaPage.objects.all()).exists(),
            },
        )

    # The whole site's feeds carry what every feature registers (home/registry.py), as an
    # area's do.
    @file_route("feed.rss", name="rss")
    def rss_route(self, request):
        return self.site_feed(request, "rss")

    @file_route("feed.atom", name="atom")
    def atom_route(self, request):
        return self.site_feed(request, "atom")

    def site_feed(self, request, kind):
        """The whole site's feed, or with ?council= one council's areas' (an unknown council
        is a 404)."""
        partnership = partnership_name(request)
        council = council_chosen(request)
        if council is None:
            return feed_response(
                self,
                request,
                kind,
                title=f"{partnership}: news",
                description=f"Local updates and 'you said, we did' from {partnership}.",
            )
        return feed_response(
            self,
            request,
            kind,
            title=f"{partnership}: news in {council.name}’s area",
            description=f"Local updates and 'you said, we did' in {council.name}’s area.",
            area=council,
            query=f"?council={council.slug}",
        )

    class Meta:
        verbose_name = "news index page"


def council_chosen(request):
    """The council named by ?council=, None without one; a 404 for one there is not."""
    slug = request.GET.get("council")
    if slug is None:
        return None
    if not SLUG.fullmatch(slug):
        raise Http404("There is no such council.")
    return get_object_or_404(Council, slug=slug)


class UpdatePage(Page):
    """A local update: an operation's results, a new camera, a closure order."""

    date = models.DateField(default=date.today, help_text="Shown on the update and used in feeds.")
    summary = models.TextField(help_text="The news in a sentence or two, for lists and feeds.")
    body = BodyField(blank=True)
    parishes = ParentalManyToManyField(
        "areas.AreaPage",
        blank=True,
        related_name="updates",
        help_text="Leave empty for the whole district.",
    )
    topics = ParentalManyToManyField("campaigns.Topic", blank=True, related_name="updates")
    priorities = ParentalManyToManyField("plans.PriorityPage", blank=True, related_name="updates")

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("parishes", widget=CheckboxSelectMultiple),
        FieldPanel("topics", widget=CheckboxSelectMultiple),
        FieldPanel("priorities"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.UpdateIndexPage"]
    subpage_types = []
    base_form_class = UpdatePageForm

    @property
    def introduction(self):
        """For meta descriptions and search results."""
        return self.summary

    # The places and priorities as residents may see them. Filtered here rather than by a query,
    # so that a preview (whose choices are held in memory) shows the same.
    def shown_parishes(self):
        return [parish for parish in self.parishes.all() if is_visible(parish)]

    def shown_priorities(self):
        return [priority for priority in self.priorities.all() if is_visible(priority)]

    class Meta:
        verbose_name = "news update"

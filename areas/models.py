"""Parishes and towns: one page each that gathers everything local, for residents and for the
parish council's own website."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home.models import Council, SectionIndexPage
from home.routes import file_route
from home.visibility import visible


class AreaIndexPage(SectionIndexPage):
    """/areas/: find your parish or town."""

    subpage_types = ["areas.AreaPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        areas = visible(AreaPage.objects.child_of(self)).select_related("council")
        context["councils"] = grouped(areas.order_by("title"))
        return context

    class Meta:
        verbose_name = "area index page"


def grouped(areas):
    """[(council or None, [(kind's plural label, [area, ...]), ...]), ...]: the areas by the
    council they are in (in the site settings' order; those with none last), then by kind
    (in the order of AreaPage.Kind), each in the order given."""
    areas = list(areas)
    councils = sorted(
        {area.council for area in areas},
        key=lambda council: (
            council is None,
            (council.sort_order or 0, council.pk) if council else 0,
        ),
    )
    return [
        (
            council,
            [
                (plural, of_kind)
                for kind, plural in KIND_PLURALS.items()
                if (of_kind := [a for a in areas if a.council == council and a.kind == kind])
            ],
        )
        for council in councils
    ]


def areas_in(place):
    """The areas a feed or listing is about: an area page itself, or a council's areas."""
    if isinstance(place, Council):
        return AreaPage.objects.filter(council=place)
    return AreaPage.objects.filter(pk=place.pk)


def councils_of(areas):
    """The councils `areas` (a queryset) are in, in the site settings' order: a filter by
    council is worth offering only when there is more than one."""
    return Council.objects.filter(areas__in=areas).distinct().order_by("sort_order", "pk")


class AreaPage(RoutablePageMixin, Page):
    """A parish, town, ward or neighbourhood: its neighbourhood team, and everything tagged to
    it, with feeds and an embeddable page for the parish council's own website (areas/views.py)."""

    class Kind(models.TextChoices):
        TOWN = "town", "Town"
        PARISH = "parish", "Parish"
        VILLAGE = "village", "Village"
        WARD = "ward", "Ward"
        NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
        ESTATE = "estate", "Estate"

    kind = models.CharField(
        max_length=15,
        choices=Kind.choices,
        default=Kind.PARISH,
        help_text="Your area lists the areas by kind: choose the kinds that suit the partnership.",
    )
    council = models.ForeignKey(
        "home.Council",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="areas",
        help_text="The council it is in, from the councils in Settings > Site settings. Your "
        "area lists the areas council by council when there is more than one.",
    )
    introduction = models.TextField(
        blank=True, help_text="A sentence or two about the place and the partnership's work there."
    )
    team_name = models.CharField(
        max_length=120,
        blank=True,
        verbose_name="neighbourhood team",
        help_text="For example: Northfield Neighbourhood Policing Team",
    )
    team_email = models.EmailField(blank=True, verbose_name="team email")
    team_phone = models.CharField(
        max_length=30, blank=True, verbose_name="team phone", help_text="Leave empty to use 101."
    )
    team_url = models.URLField(
        blank=True, verbose_name="team web page", help_text="The police page for this area"
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("council")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("team_name"),
                FieldPanel("team_email"),
                FieldPanel("team_phone"),
                FieldPanel("team_url"),
            ],
            heading="Neighbourhood team",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["areas.AreaIndexPage"]
    subpage_types = []

    @path("", name="area")
    def area_route(self, request):
        from areas.views import area_context

        return self.render(request, context_overrides=area_context(self, request))

    @file_route("feed.rss", name="rss")
    def rss_route(self, request):
        from areas.feeds import area_feed

        return area_feed(self, request, "rss")

    @file_route("feed.atom", name="atom")
    def atom_route(self, request):
        from areas.feeds import area_feed

        return area_feed(self, request, "atom")

    @file_route("events.ics", name="events")
    def events_route(self, request):
        from areas.views import area_calendar

        return area_calendar(self, request)

    @file_route("updates.json", name="json")
    def json_route(self, request):
        from areas.views import area_json

        return area_json(self, request)

    @path("embed/", name="embed")
    def embed_route(self, request):
        from areas.views import area_embed

        return area_embed(self, request)

    @property
    def phone(self):
        return self.team_phone or "101"

    class Meta:
        verbose_name = "area page"
        ordering = ["title"]


# How Your area heads each kind of area.
KIND_PLURALS = {
    AreaPage.Kind.TOWN: "Towns",
    AreaPage.Kind.PARISH: "Parishes",
    AreaPage.Kind.VILLAGE: "Villages",
    AreaPage.Kind.WARD: "Wards",
    AreaPage.Kind.NEIGHBOURHOOD: "Neighbourhoods",
    AreaPage.Kind.ESTATE: "Estates",
}

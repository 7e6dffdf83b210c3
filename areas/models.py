"""Parishes and towns: one page each that gathers everything local, for residents and for the
parish council's own website."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class AreaIndexPage(Page):
    """/areas/: find your parish or town."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["areas.AreaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "area index page"


class AreaPage(Page):
    """A parish or town: its neighbourhood team, and everything tagged to it."""

    class Kind(models.TextChoices):
        PARISH = "parish", "Parish"
        TOWN = "town", "Town"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PARISH)
    introduction = models.TextField(
        blank=True, help_text="A sentence or two about the place and the partnership's work there."
    )
    team_name = models.CharField(
        max_length=120,
        blank=True,
        verbose_name="neighbourhood team",
        help_text="For example: Lutterworth Neighbourhood Policing Team",
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
        FieldPanel("kind"),
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

    class Meta:
        verbose_name = "area page"
        ordering = ["title"]

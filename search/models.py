"""The search's own content: the words the comms team says mean the same."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from search.synonyms import parse_terms


class Synonym(models.Model):
    """A group of words residents may use for one thing: an abbreviation and what it stands
    for, or two ways of saying it. A search for any finds what mentions the others."""

    terms = models.TextField(
        help_text="Separate them with commas, such as: ASB, anti-social behaviour, antisocial behaviour",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="For the comms team only: why this is here."
    )

    panels = [FieldPanel("terms"), FieldPanel("note")]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self):
        return parse_terms(self.terms)

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError(
                {"terms": "Give at least two words or phrases that mean the same."}
            )

    class Meta:
        verbose_name = "search synonym"
        ordering = ["terms"]


class FoundNothing(models.Model):
    """How many searches for these words found nothing, a day: for the comms team's search
    terms report (what to write about, or a synonym to add). Deleted with Wagtail's own counts
    of searches after WAGTAILSEARCH_HITS_MAX_AGE days (forget_search_terms)."""

    query_string = models.CharField(max_length=255)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    # Counting a search changes nothing residents see: every cache stays (home/caching.py).
    not_content = True

    @classmethod
    def add_hit(cls, query_string, day):
        row, _created = cls.objects.get_or_create(query_string=query_string, date=day)
        cls.objects.filter(pk=row.pk).update(hits=models.F("hits") + 1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query_string", "date"], name="one_row_a_day")
        ]

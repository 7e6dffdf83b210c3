"""Delete what residents searched for after WAGTAILSEARCH_HITS_MAX_AGE days (30): the counts
Wagtail keeps, searches nobody promotes anything for, and the searches that found nothing.
Searches may hold a name or an address. Run daily, by cron and by `make run`'s scheduler."""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from search.models import FoundNothing


class Command(BaseCommand):
    help = "Delete search terms older than WAGTAILSEARCH_HITS_MAX_AGE days."

    def handle(self, *args, **options):
        call_command("searchpromotions_garbage_collect", verbosity=0)
        oldest = timezone.localdate() - timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE)
        deleted, _ = FoundNothing.objects.filter(date__lt=oldest).delete()
        if options["verbosity"]:
            self.stdout.write(f"Forgot {deleted} days of searches that found nothing.")

"""Run daily (make run does; production uses cron): the occurrence table covers a rolling window,
so each day a little more of the future joins it and the oldest month falls out."""

from django.core.management.base import BaseCommand

from local_events.occurrences import rebuild_all


class Command(BaseCommand):
    help = "Rebuild every live event's dates for the rolling window (12 months back, 24 ahead)."

    def handle(self, *args, **options):
        events, occurrences = rebuild_all()
        if options["verbosity"]:
            self.stdout.write(f"{events} events, {occurrences} dates.")

"""Load a realistic demonstration partnership: the set-up every partnership starts with
(`setup_partnership`), then the Harborough demo content on top of it.

Its dates are relative to the day it is loaded (or to --today): the current financial year's
plan, events in the coming weeks and months, news and "you said, we did" from the past year or
so. Each app that has demo content keeps it in its own `demo.py` with a `load(command)` function;
this command runs them in the order of settings.LOCAL_APPS, so `home` comes first and no app
needs to know about the others. Every loader only adds what is missing, so running the command
again changes nothing.
"""

from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from home.demo import NAME, SHORT_NAME
from home.loading import each_apps


class Command(BaseCommand):
    help = "Load the demonstration partnership (safe to run again: it adds only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="Load the demo as if today were this date (YYYY-MM-DD): its plan is that "
            "year's, its events come after it. The tests load it as of the day it was written.",
        )
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Do not create the demo admin and team logins, whatever the settings say.",
        )

    def handle(self, *args, no_users=False, verbosity=1, today=None, **options):
        self.with_users = not no_users
        self.today = today or timezone.localdate()
        self.verbosity = verbosity
        call_command(
            "setup_partnership", NAME, short_name=SHORT_NAME, verbosity=0, stdout=self.stdout
        )
        # Demo pages go through workflows as real ones do; the notices that would send stay here.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for demo in each_apps("demo"):
                with transaction.atomic():
                    demo.load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def say(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)

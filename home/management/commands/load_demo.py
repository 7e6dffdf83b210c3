"""Load the demonstration partnership: the Harborough District content pack (packs/harborough)
on top of the set-up every partnership starts with. `manage.py load_demo` is
`manage.py load_pack harborough`, kept because `make run`, the tests and the README use it.

Its dates move with the day it is loaded (or --today): the current financial year's plan,
events in the coming weeks and months, news and "you said, we did" from the past year or so.
Running it again adds nothing.
"""

from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_PACK = "harborough"


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

    def handle(self, *args, today=None, no_users=False, verbosity=1, **options):
        call_command(
            "load_pack",
            DEMO_PACK,
            today=today,
            no_users=no_users,
            verbosity=verbosity,
            stdout=self.stdout,
        )

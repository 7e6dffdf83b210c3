"""Load a realistic demonstration partnership.

Each app that has demo content keeps it in its own `demo.py` with a `load(command)` function;
this command runs them in the order of settings.LOCAL_APPS, so `home` (the page tree, settings, groups)
comes first and no app needs to know about the others. Every loader only adds what is missing,
so running the command again changes nothing.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings


class Command(BaseCommand):
    help = "Load the demonstration partnership (safe to run again: it adds only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Do not create the demo admin and team logins, whatever the settings say.",
        )

    def handle(self, *args, no_users=False, verbosity=1, **options):
        self.with_users = not no_users
        self.verbosity = verbosity
        # Demo pages go through workflows as real ones do; the notices that would send stay here.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            for app_name in settings.LOCAL_APPS:
                module_name = f"{app_name}.demo"
                if find_spec(module_name) is None:
                    continue
                with transaction.atomic():
                    import_module(module_name).load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def say(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)

"""Load a content pack: `manage.py load_pack north-west-leicestershire` (or a folder's path).

Sets the partnership up first (`setup_partnership`, with the pack's name), then loads the pack's
files through Wagtail's own APIs (home/packs.py says how a pack is written). Its dates move with
the day it is loaded (or --today). Safe to run again: it adds only what is missing.
"""

from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from home.packs import PackError, load_pack, read_pack
from home.site_setup import move_site_to_its_address


class Command(BaseCommand):
    help = "Load a content pack into the site (safe to run again: it adds only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "pack", help="A pack in packs/ by its name, or the path of a folder with a pack.yaml"
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="Load the pack as if today were this date (YYYY-MM-DD).",
        )
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Do not create the pack's demonstration logins, whatever the settings say.",
        )

    def handle(self, pack, today=None, no_users=False, verbosity=1, **options):
        try:
            description = read_pack(pack)
        except PackError as error:
            raise CommandError(str(error)) from error
        call_command(
            "setup_partnership",
            description["name"],
            short_name=description["short_name"],
            verbosity=0,
            stdout=self.stdout,
        )
        move_site_to_its_address()
        # Pages go through workflows as real ones do; the notices that would send stay here.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
            transaction.atomic(),
        ):
            try:
                counts = load_pack(
                    description["folder"],
                    today or timezone.localdate(),
                    with_users=not no_users,
                    say=self.stdout.write,
                )
            except PackError as error:
                raise CommandError(str(error)) from error
        if verbosity > 0:
            made = ", ".join(
                f"{number} {model._meta.verbose_name if number == 1 else model._meta.verbose_name_plural}"
                for model, number in counts.items()
            )
            made = made or "nothing new"
            self.stdout.write(f"Added: {made}.")
            self.stdout.write(self.style.SUCCESS(f"{description['name']}: the pack is loaded."))

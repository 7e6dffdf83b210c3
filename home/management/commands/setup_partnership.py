"""Start a new partnership's site: `manage.py setup_partnership "Partnership name"`.

Makes the page tree (home, plans, campaigns, report it, events, your area, you said we did,
news), the teams and their permissions, the approval workflows, the national topics, awareness
dates, reporting routes and helplines, and the standard pages (accessibility statement, privacy
notice, safety advice) as drafts to complete. Each app's `starter.py` adds its part. Safe to run
again: it adds only what is missing, and leaves what editors have changed as it is.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.loading import each_apps


class Command(BaseCommand):
    help = "Set up a new, empty partnership (safe to run again: it adds only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "name",
            help='The partnership\'s name, such as "Bramshire Community Safety Partnership"',
        )
        parser.add_argument(
            "--short-name",
            default="",
            help='A short name for the browser tab and the header, such as "Safer Bramshire" '
            "(the full name if not given)",
        )

    def handle(self, name, short_name="", verbosity=1, **options):
        self.partnership_name = " ".join(name.split())
        if not self.partnership_name:
            raise CommandError(
                'Give the partnership\'s name, such as "Bramshire Community Safety Partnership".'
            )
        self.short_name = " ".join(short_name.split()) or self.partnership_name
        self.verbosity = verbosity
        self.drafts = []
        with transaction.atomic():
            before = rows()
            for starter in each_apps("starter"):
                starter.set_up(self)
            added = rows() != before
        if verbosity > 0:
            self.stdout.write(
                self.style.SUCCESS(f"{self.partnership_name} is set up.")
                if added
                else f"{self.partnership_name} was set up already: nothing was missing, so "
                "nothing has changed."
            )
        unfinished = [page for page in self.drafts if not page.live]
        if unfinished:
            self.say("Complete these drafts in the admin and publish them:")
            for page in unfinished:
                self.say(f"  {page.title} (/{page.url_path.split('/', 2)[-1]})")

    def say(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)

    def to_complete(self, *pages):
        self.drafts.extend(pages)


def rows():
    """How many rows each table holds: what a run added shows as a change."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }

"""Replace the database and MEDIA_ROOT with a backup's: `manage.py restore ARCHIVE [--yes]`.

Stop the site (and the cron jobs) first, and start it again afterwards. See "Backups" in
README.md.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, check_restorable, describe, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace everything in the database and in MEDIA_ROOT with what a backup made by "
        "`manage.py backup` holds."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz file `manage.py backup` wrote.")
        parser.add_argument(
            "--yes",
            "--noinput",
            "--no-input",
            action="store_true",
            dest="yes",
            help="Do not ask before replacing the database and the files.",
        )

    def handle(self, archive, yes=False, verbosity=1, **options):
        database = settings.DATABASES["default"]
        try:
            manifest = read_manifest(archive)
            check_restorable(archive, manifest, database)
        except BackupError as error:
            raise CommandError(str(error)) from None

        tables = manifest["tables"]
        summary = (
            f"The backup {archive} was made at {manifest['created']} on {manifest['host']}: "
            f"{tables.get('wagtailcore_page', 0)} pages, {sum(tables.values())} rows in "
            f"{len(tables)} tables, {manifest['media']['files']} files.\n"
            f"Restoring it REPLACES everything in {describe(database)} and everything in "
            f"{settings.MEDIA_ROOT}. What is there now is lost: if any of it is worth keeping, "
            "run `manage.py backup` first. Stop the site before restoring."
        )
        if not yes:
            self.stdout.write(summary)
            try:
                answer = input("Type 'yes' to restore, or anything else to stop: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing has been restored: restoring needs a 'yes' (or --yes).")

        try:
            result = restore_backup(archive, manifest, database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        # Fragments cached from the content that was there before.
        cache.clear()

        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored {result['rows']} rows in {result['tables']} tables into "
                    f"{describe(database)}, and {result['media_files']} files into "
                    f"{settings.MEDIA_ROOT}. Start the site again."
                )
            )
        if result["extra_tables"]:
            self.stderr.write(
                "These tables are not in the backup and were left as they were: "
                + ", ".join(result["extra_tables"])
            )
        if result["migrations_to_apply"]:
            self.stderr.write(
                f"The backup was made by an older version of the site: run `manage.py migrate` "
                f"to apply the {result['migrations_to_apply']} newer migrations before starting "
                "the site."
            )

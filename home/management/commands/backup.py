"""Back up the database and MEDIA_ROOT into one archive: `manage.py backup [--output PATH]`.

The site may go on running: the database is copied as one consistent snapshot. See home/backups.py
for what the archive holds, and "Backups" in README.md for running it nightly.
"""

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, create_backup, describe


class Command(BaseCommand):
    help = "Write the database and the uploaded files (MEDIA_ROOT) into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            metavar="FOLDER_OR_FILE",
            help=(
                "A folder to put the archive in (made if missing; the default is the current "
                "folder), where it is named csp-backup-YYYYMMDD-HHMMSS.tar.gz; or the archive's "
                "own name, ending .tar.gz."
            ),
        )

    def handle(self, *args, output=None, verbosity=1, **options):
        try:
            path, manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if verbosity >= 1:
            from django.conf import settings

            size = path.stat().st_size / 1_000_000
            self.stdout.write(
                self.style.SUCCESS(
                    f"Backed up {describe(settings.DATABASES['default'])} "
                    f"({sum(manifest['tables'].values())} rows in {len(manifest['tables'])} "
                    f"tables) and {manifest['media']['files']} files from {manifest['media']['root']} "
                    f"into {path} ({size:.1f} MB)."
                )
            )

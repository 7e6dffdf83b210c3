"""Run the site's periodic commands, for development (`make run` starts it).

Production runs the same commands from cron or a systemd timer: see the README. The list and
intervals are in settings.SCHEDULED_COMMANDS so that each feature can add its own.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run settings.SCHEDULED_COMMANDS at their intervals until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run each command once and stop.")

    def handle(self, *args, once=False, **options):
        next_run = dict.fromkeys((name for name, _ in settings.SCHEDULED_COMMANDS), 0.0)
        while True:
            now = time.monotonic()
            for name, every in settings.SCHEDULED_COMMANDS:
                if now >= next_run[name]:
                    try:
                        call_command(name, verbosity=0)
                    except Exception as error:  # keep the other commands running
                        self.stderr.write(f"{name} failed: {error}")
                    next_run[name] = now + every
            if once:
                return
            time.sleep(max(1.0, min(next_run.values()) - time.monotonic()))

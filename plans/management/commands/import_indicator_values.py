"""Import indicator values from a CSV file with the columns indicator, period and value.

    manage.py import_indicator_values values.csv

`indicator` is the indicator's slug (shown in the admin), `period` a financial year such as
2021/22, a quarter such as 2021/22 Q2 or a calendar year, `value` a number with a point for
decimals and, if you like, commas between groups of three digits (1234.5 or 1,234.5). What could
be read two ways is refused: a decimal comma (1,5), spaces inside a number, % or £ signs. A value
already held for that indicator and period is replaced. If any row is wrong, nothing is imported and every
problem is listed with its line number.
"""

import io
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from plans.importing import check_rows
from plans.models import Indicator, IndicatorValue


class Command(BaseCommand):
    help = "Import indicator values from a CSV file (indicator, period, value). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="Path to the CSV file, or - for standard input")

    def handle(self, csv_file, **options):
        lines = self.read(csv_file)
        indicators = {indicator.slug: indicator for indicator in Indicator.objects.all()}
        rows, problems = check_rows(lines, indicators)
        if problems:
            raise CommandError(
                "Nothing was imported. Put these right and try again:\n" + "\n".join(problems)
            )
        with transaction.atomic():
            for row in rows:
                IndicatorValue.objects.update_or_create(
                    indicator=indicators[row.indicator],
                    period=row.period.label,
                    defaults={"value": row.value},
                )
        touched = len({row.indicator for row in rows})
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(rows)} value{'s' * (len(rows) != 1)} for {touched} indicator{'s' * (touched != 1)}."
            )
        )

    def read(self, csv_file):
        """The file's text as a file to read lines from. Not str.splitlines(): that also breaks
        rows at form feeds and other Unicode separators in cells, which CSV does not."""
        if csv_file == "-":
            return io.StringIO(sys.stdin.read(), newline="")
        try:
            with open(csv_file, encoding="utf-8-sig", newline="") as handle:
                return io.StringIO(handle.read(), newline="")
        except OSError as error:
            raise CommandError(f"Cannot read {csv_file}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{csv_file} is not UTF-8 text: save it from your spreadsheet as 'CSV UTF-8'."
            ) from error

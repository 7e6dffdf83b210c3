"""Start a new, empty site on a server: `manage.py init_site "Partnership name"`.

Makes the home page (in place of Wagtail's placeholder), points the default site at the
address in WAGTAILADMIN_BASE_URL and names the partnership in the site settings. Safe to run
again: an existing home page is kept as it is.
"""

from django.core.management.base import BaseCommand

from home.site_setup import create_home_page, name_partnership, point_site_at


class Command(BaseCommand):
    help = "Create the home page and point the site at WAGTAILADMIN_BASE_URL."

    def add_arguments(self, parser):
        parser.add_argument(
            "name",
            help='The partnership\'s name, such as "Harborough District Community Safety Partnership"',
        )

    def handle(self, name, **options):
        home = create_home_page(title=name, site_name=name)
        site = point_site_at(home, name)
        name_partnership(site, name)
        self.stdout.write(
            self.style.SUCCESS(
                f"The site {site.hostname}:{site.port} has its home page, '{home.title}'."
            )
        )

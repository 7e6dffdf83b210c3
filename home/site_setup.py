"""Setting up a new site: the home page at the root of the default site, at its real address.

Used by `manage.py init_site` on a new server and by the demo loader.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings


def create_home_page(title, site_name, **fields):
    """The site's HomePage, made if there is none, in place of Wagtail's placeholder page."""
    existing = HomePage.objects.first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(
        content_type__app_label="wagtailcore", content_type__model="page"
    ):
        placeholder.delete()
    home = HomePage(title=title, slug="home", **fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    point_site_at(home, site_name)
    return home


def site_address():
    """(host name, port) of WAGTAILADMIN_BASE_URL."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


def point_site_at(home, site_name):
    """Make `home` the root of the default site, at the address in WAGTAILADMIN_BASE_URL, so
    that canonical links and the sitemap name the address the site is really served from."""
    hostname, port = site_address()
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": hostname, "port": port, "site_name": site_name},
    )
    return site


def move_site_to_its_address():
    """The default site at WAGTAILADMIN_BASE_URL if it has moved (`PORT=8101 make run`), so that
    feeds, calendars and JSON link to the address really served. Nothing is saved otherwise."""
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site


def name_partnership(site, name):
    site_settings = SiteSettings.for_site(site)
    site_settings.partnership_name = name
    site_settings.save()
    return site_settings

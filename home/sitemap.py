"""/sitemap.xml: Wagtail's sitemap, listing only the pages residents may see."""

from wagtail.contrib.sitemaps import Sitemap

from home.visibility import visible


class VisibleSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return visible(pages).order_by("path").defer_streamfields().specific()


SITEMAPS = {"wagtail": VisibleSitemap}

"""What campaigns let residents find in search: campaign pages, and the helplines and other
ways to report listed on the Report page (registered in campaigns/wagtail_hooks.py)."""

from campaigns.models import CampaignPage, ReportingRoute, ReportPage
from home.dates import date_span
from home.registry import Found, labels_of
from home.visibility import visible


def campaigns(site):
    return visible(CampaignPage.objects.descendant_of(site.root_page))


def campaign_found(campaign, request):
    return Found(
        kind="Campaign",
        title=campaign.title,
        summary=campaign.summary,
        url=campaign.get_url(request),
        date=campaign.last_published_at,
        note=date_span(*campaign.dates()),
    )


def routes(site):
    """The routes the Report page lists (those with a topic), each found on its first topic's
    page; none without a Report page residents may see."""
    if ReportPage.for_site(site) is None:
        return ReportingRoute.objects.none()
    return ReportingRoute.objects.filter(topics__isnull=False).distinct()


def with_topics(routes):
    return routes.prefetch_related("topics")


def route_found(route, request):
    report = ReportPage.url_for(request)
    topics = sorted(route.topics.all(), key=lambda topic: topic.name)
    url = f"{report}{topics[0].slug}/#route-{route.pk}" if topics else report
    return Found(
        kind="Helpline" if route.kind == ReportingRoute.Kind.SUPPORT else "Way to report",
        title=route.name,
        summary=f"{route.organisation}. {route.description}",
        url=url,
    )


def topics(items):
    return labels_of(items, "topic", "topics", "name")

from django import template
from django.utils import timezone

from campaigns.models import CampaignIndexPage, CampaignPage, sort_by_state
from home.visibility import visible

register = template.Library()

COMING_UP_ON_HOME_PAGE = 3


@register.inclusion_tag("campaigns/includes/home_campaigns.html", takes_context=True)
def campaigns_on_now(context):
    """For the home page: the campaigns on now, and the next few coming up. One query."""
    campaigns = list(visible(CampaignPage.objects.all()).select_related("hero_image"))
    sorted_campaigns = sort_by_state(campaigns, timezone.localdate())
    return {
        "on_now": sorted_campaigns["on_now"],
        "coming_up": sorted_campaigns["coming_up"][:COMING_UP_ON_HOME_PAGE],
        "request": context.get("request"),
        "campaigns_index_url": CampaignIndexPage.url_for(context.get("request"))
        if campaigns
        else None,
    }

from datetime import date

from campaigns.models import CampaignIndexPage, CampaignPage, Topic
from home.ensure import ensure_page


def campaign_index(home):
    return ensure_page(home, CampaignIndexPage, "campaigns", title="Campaigns")


def topic(name, sensitive=False):
    from django.utils.text import slugify

    return Topic.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "sensitive": sensitive}
    )[0]


def make_campaign(
    home, slug, title=None, start=date(2026, 10, 9), end=date(2026, 10, 16), topics=(), **fields
):
    fields.setdefault("summary", f"What {title or slug} asks of residents.")
    page = ensure_page(
        campaign_index(home),
        CampaignPage,
        slug,
        title=title or slug.replace("-", " ").title(),
        window_start=start,
        window_end=end,
        **fields,
    )
    if topics:
        page.topics.set(topics)
        page.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)

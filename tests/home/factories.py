"""General pages for tests, published through revisions as an editor's are."""

from home.ensure import ensure_page
from home.models import AlertBanner, StandardPage


def make_standard_page(home, slug="about", title=None, **fields):
    fields.setdefault("introduction", f"What {title or slug} is about.")
    page = ensure_page(
        home, StandardPage, slug, title=title or slug.replace("-", " ").capitalize(), **fields
    )
    return StandardPage.objects.get(pk=page.pk)


def rich_body(image, document, page=None):
    """A body with a block of most kinds an editor can choose, as (block type, value) pairs."""
    email = "mailto:safer@bramshire.example"
    link = {"text": "Email us", "page": page.pk if page else None, "url": "" if page else email}
    return [
        ("text", "<h2>What we do</h2><p>We work together to keep people <b>safe</b>.</p>"),
        (
            "figure",
            {
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "caption": "At the station",
            },
        ),
        ("warning_text", {"text": "If you are in danger now, call 999."}),
        (
            "accordion",
            {
                "heading": "Questions people ask",
                "sections": [
                    {"heading": "Who can help?", "summary": "", "content": "<p>Call 101.</p>"}
                ],
            },
        ),
        ("inset_text", {"text": "<p>Help is free and confidential.</p>"}),
        ("quote", {"quote": "It made a difference.", "attribution": "A resident"}),
        ("statistic", {"value": "34%", "label": "fewer burglaries", "source": "Police figures"}),
        ("document", {"document": document.pk, "title": "", "description": "The plan on a page."}),
        ("call_to_action", {"heading": "Tell us", "text": "What worries you?", "link": link}),
    ]


def make_banner(
    title,
    *,
    level=AlertBanner.Level.INFORMATION,
    whole_site=True,
    go_live_at=None,
    expire_at=None,
    pages=(),
):
    banner = AlertBanner(
        title=title,
        level=level,
        message="<p>Details of the alert.</p>",
        whole_site=whole_site,
        go_live_at=go_live_at,
        expire_at=expire_at,
        live=False,
    )
    for page, include_descendants in pages:
        banner.placements.add(
            banner.placements.model(page=page, include_descendants=include_descendants)
        )
    banner.save()
    banner.save_revision().publish()
    banner.refresh_from_db()
    return banner


def add_councils(*names):
    """Councils in the site settings, in the order given after any already there, each with a
    phone number and an email address: {name: council} for every council the site has."""
    from wagtail.models import Site

    from home.models import Council, SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for number, name in enumerate(names):
        settings.councils.add(
            Council(name=name, phone=f"0111 496 000{number}", email=f"safety{number}@example.org")
        )
    settings.save()
    return {council.name: council for council in Council.objects.all()}

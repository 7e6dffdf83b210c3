from datetime import date

from areas.models import AreaIndexPage, AreaPage
from home.ensure import ensure_page, site_home
from news.models import UpdateIndexPage, UpdatePage
from plans.models import YouSaidWeDid


def area(slug="lutterworth"):
    """One of the demo's areas."""
    return AreaPage.objects.get(slug=slug)


def make_area(slug="lutterworth", title=None, kind=AreaPage.Kind.TOWN, **fields):
    """A published area in Your area (which gets its own editors group as it is published)."""
    index = site_home().get_children().type(AreaIndexPage).get().specific
    fields.setdefault("introduction", f"The partnership's work in {title or slug.title()}.")
    page = ensure_page(
        index, AreaPage, slug, title=title or slug.replace("-", " ").title(), kind=kind, **fields
    )
    return AreaPage.objects.get(pk=page.pk)


def make_update(home, slug, parishes=(), day=date(2026, 6, 1), **fields):
    news = ensure_page(home, UpdateIndexPage, "news", title="News")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("summary", f"What happened: {slug}.")
    page = ensure_page(news, UpdatePage, slug, date=day, parishes=list(parishes), **fields)
    return UpdatePage.objects.get(pk=page.pk)


def make_you_said_we_did(parish=None, title="Litter on the green", publish=True, **fields):
    fields.setdefault("said", "There is litter on the green.")
    fields.setdefault("did", "We added bins.")
    fields.setdefault("said_on", date(2026, 3, 1))
    fields.setdefault("channel", YouSaidWeDid.Channel.SURVEY)
    item = YouSaidWeDid(title=title, parish=parish, **fields)
    item.save()
    if publish:
        item.save_revision().publish()
    else:
        item.live = False
        item.save()
    return item

from datetime import date

from areas.models import AreaPage
from home.ensure import ensure_page
from news.models import UpdateIndexPage, UpdatePage
from plans.models import YouSaidWeDid


def area(slug="lutterworth"):
    return AreaPage.objects.get(slug=slug)


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

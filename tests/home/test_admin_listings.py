"""Every listing in the admin answers every search and filter without a server error.

The listings are found by walking the admin's URL patterns for listing views (Wagtail's own,
every snippet viewset's, wagtail-modeladmin's), not from a list kept here, so a listing added
later is walked too. Each is asked plainly, with searches (ordinary, empty, awkward), with each
of its filters given a valid value and invalid ones, and with pairs of filters plus a search.
Invalid input may be refused (4xx); nothing may be a 5xx."""

import inspect
import itertools
import re
import time
from datetime import date

import pytest
from django import forms
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.chooser import BrowseView as PageBrowseView
from wagtail.admin.views.chooser import SearchView as PageChooserSearchView
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.generic.chooser import BaseChooseView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView as ModelAdminIndexView

from campaigns.models import CampaignPage, ReportingRoute, Topic
from plans.models import Action, Indicator, Partner, YouSaidWeDid
from tests.factories import signed_in

pytestmark = pytest.mark.django_db

SEARCHES = [
    "outreach",
    "",
    '"',
    "it's \"unbalanced",
    "100%_done\\",
    "x" * 300,
    "café naïve Ωμέγα 日本語 ☕ 🏳️\u200d🌈",
    "title:outreach {title body}: x* NEAR(a b) AND OR NOT -x ^y (",
]
INVALID_VALUES = ["abc", "-1", "9999999999999999999"]
MAX_FILTER_PAIRS = 3
# The listings an officer opens are walked in full; their partial "results" views (the same view,
# fetched as one types), per-object history and usage, and the choosers, more lightly.
LIGHT = re.compile(r"results/$|/(history|usage)/|/choose|/chooser/")
LIGHT_SEARCHES = ["outreach", '"']
LIGHT_INVALID_VALUES = ["abc", "9999999999999999999"]

# Defects in Wagtail 8.0 itself (and the django-modelsearch and Django code under it), not in
# this project's listings: a 500 on SQLite from these listings, for these inputs, is allowed
# here and tested below to still happen, so that this list is emptied when they are fixed.
KNOWN_UPSTREAM = [
    # SQLite FTS5: modelsearch passes an unbalanced double quote through to MATCH.
    (
        r"/admin/(pages|images|documents|workflows/usage)/",
        "OperationalError",
        r"unterminated string|fts5: syntax error",
    ),
    # A page search with the "has child pages" filter: numchild is not a FilterField of Page.
    (r"/admin/(pages|workflows/usage)/", "FilterFieldError", 'field "numchild"'),
    # A 20-digit id in a multiple-choice filter (owner, site, group, content type): Django's
    # ModelMultipleChoiceField asks SQLite `pk IN (…)`, which cannot hold it.
    (
        r"/admin/(pages|users|reports/site-history|workflows/(usage|tasks))/",
        "OverflowError",
        r"too large to convert to SQLite INTEGER",
    ),
]


def _known_upstream(url, error):
    return any(
        re.match(url_pattern, url) and type(error).__name__ == name and re.search(text, str(error))
        for url_pattern, name, text in KNOWN_UPSTREAM
    )


@pytest.fixture
def admin_client(every_kind_site):
    return signed_in(Client(raise_request_exception=False), "admin")


# Finding the listings ----------------------------------------------------------------------


def _route(pattern):
    text = str(pattern.pattern)
    if text.startswith("^"):  # a re_path: only plain ones, as wagtail-modeladmin's are
        text = text[1:].removesuffix("$").removesuffix("\\Z")
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", text)
    return text


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + _route(pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + _route(pattern), pattern.callback


def _view_class(callback):
    """The class of a view. Django's class-based views say so. wagtail-modeladmin's URLs are
    bound methods of the ModelAdmin (`index_view`) that make an instance of its view class;
    the page views' URLs route to the viewset of the page's type, by the view's name."""
    unwrapped = inspect.unwrap(callback)
    model_admin = getattr(unwrapped, "__self__", None)
    if isinstance(model_admin, ModelAdmin):
        return getattr(model_admin, f"{unwrapped.__name__}_class", None)
    if unwrapped.__name__ == "view_router":
        view_name = inspect.getclosurevars(unwrapped).nonlocals.get("view_name")
        view = page_viewset_registry.get_by_type(Page).views.get(view_name)
        return getattr(view, "view_class", None)
    return getattr(callback, "view_class", None)


# What counts as a listing: a view of many objects that can be searched or filtered.
LISTING_VIEWS = (
    BaseListingView,  # Wagtail's index, history, usage and report views, and every viewset's
    BaseChooseView,  # the choosers' listings (images, documents, snippets, tasks)
    PageBrowseView,  # the page chooser
    PageChooserSearchView,
    ModelAdminIndexView,  # wagtail-modeladmin
)


def _is_listing(callback):
    view_class = _view_class(callback)
    return isinstance(view_class, type) and issubclass(view_class, LISTING_VIEWS)


def admin_listing_routes():
    """[(route, callback)] for every listing view under /admin/."""
    return [
        (route, callback)
        for route, callback in _walk(get_resolver().url_patterns)
        if route.startswith("admin/") and _is_listing(callback)
    ]


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
CONTENT_TYPE_PARAMETERS = {
    "content_type_app_name": "home",
    "content_type_model_name": "standardpage",
}


def _object_for(callback, name):
    """An object whose id can fill the URL parameter `name` of this view, or None."""
    if "page" in name:
        return Page.objects.filter(depth=2).first()
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model") or getattr(
        _view_class(callback), "model", None
    )
    if model is None:
        return None
    return model._default_manager.order_by("pk").first()


def listing_urls():
    """[(url, callback)], with the URL parameters the walker can fill filled in; and the
    routes it could not fill."""
    urls, unfilled = [], []
    for route, callback in admin_listing_routes():
        url = route
        for match in PARAMETER.finditer(route):
            if match.group(2) in CONTENT_TYPE_PARAMETERS:  # a page type's usage
                url = url.replace(match.group(0), CONTENT_TYPE_PARAMETERS[match.group(2)], 1)
                continue
            obj = _object_for(callback, match.group(2))
            if obj is None:
                url = None
                break
            url = url.replace(match.group(0), str(obj.pk), 1)
        if url is None or re.search(r"[()\[\]\\?*+|]", url):
            unfilled.append(route)
        else:
            urls.append(("/" + url, callback))
    return urls, unfilled


# Reading a listing's filters ---------------------------------------------------------------


def _choice_values(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):  # an option group
            yield from _choice_values(label)
        elif value not in ("", None):
            yield str(getattr(value, "value", value))


def _valid_values(field):
    """A valid value for a form field, as its query-string parameters: {name suffix: value}."""
    widget = field.widget
    if isinstance(field, forms.MultiValueField) or isinstance(widget, forms.MultiWidget):
        names = getattr(widget, "widgets_names", ["_0", "_1"])
        sub_fields = getattr(field, "fields", [forms.CharField()] * len(names))
        values = {}
        for suffix, sub_field in zip(names, sub_fields, strict=False):
            values.update({suffix + k: v for k, v in _valid_values(sub_field).items()})
        return values
    if isinstance(field, forms.ModelChoiceField):
        first = field.queryset.order_by("pk").first()
        return {"": str(first.pk)} if first else {}
    choices = getattr(field, "choices", None)
    if choices is None:
        choices = getattr(widget, "choices", None)
    if choices is not None:
        values = list(_choice_values(iter(choices)))
        return {"": values[0]} if values else {}
    if isinstance(field, forms.DateTimeField):
        return {"": "2026-01-01 09:00"}
    if isinstance(field, forms.DateField):
        return {"": date(2026, 1, 1).isoformat()}
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        return {"": "true"}
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return {"": "1"}
    return {"": "outreach"}


def wagtail_filters(response):
    """[(valid params, [invalid params])] for each filter of a Wagtail listing."""
    context = response.context
    if context is None:
        return []
    if context.get("filters"):
        form = context["filters"].form
    elif context.get("filter_form"):  # a chooser's
        form = context["filter_form"]
    else:
        return []
    filters = []
    for name, field in form.fields.items():
        if name == "q":
            continue
        valid = {name + suffix: value for suffix, value in _valid_values(field).items()}
        param_names = list(valid) or [name]
        invalid = [dict.fromkeys(param_names, bad) for bad in INVALID_VALUES]
        filters.append((valid, invalid))
    return filters


def modeladmin_filters(response):
    """The same for a wagtail-modeladmin listing, from its list filters' own choices."""
    view = response.context.get("view") if response.context is not None else None
    specs = getattr(view, "filter_specs", None) or []
    filters = []
    for spec in specs:
        choices = [
            dict(re.findall(r"([^?&=]+)=([^&]*)", choice["query_string"]))
            for choice in spec.choices(view)
            if not choice.get("selected") or choice.get("display") != "All"
        ]
        valid = next((params for params in choices if params), {})
        names = spec.expected_parameters()
        invalid = [dict.fromkeys(names, bad) for bad in INVALID_VALUES]
        filters.append((valid, invalid))
    return filters


# Asking ------------------------------------------------------------------------------------


class Walker:
    def __init__(self, client):
        self.client = client
        self.requests = 0
        self.failures = []
        self.known_upstream = []

    def get(self, url, params=None):
        """The response, or None after a 5xx (which is recorded). Each request is in a
        savepoint, so a database error in one (fatal to a PostgreSQL transaction) does not
        spoil the next."""
        self.requests += 1
        savepoint = transaction.savepoint()
        response = self.client.get(url, params or {})
        if response.status_code >= 500:
            transaction.savepoint_rollback(savepoint)
            error = response.exc_info[1] if response.exc_info else None
            failure = (
                f"{response.status_code} {url} {params or ''}: {type(error).__name__}: {error}"
            )
            if _known_upstream(url, error):
                self.known_upstream.append(failure)
            else:
                self.failures.append(failure)
            return None
        transaction.savepoint_commit(savepoint)
        return response

    def walk(self, url):
        first = self.get(url)
        if first is None or first.status_code != 200:
            return first
        light = bool(LIGHT.search(url))
        context = first.context or {}
        if b'name="q"' in first.content or context.get("search_form") or "search_url" in context:
            for query in LIGHT_SEARCHES if light else SEARCHES:
                self.get(url, {"q": query})
        filters = [*wagtail_filters(first), *modeladmin_filters(first)]
        for valid, invalid in filters:
            if valid:
                self.get(url, valid)
                if not light:
                    self.get(url, {**valid, "q": "outreach"})
            for params in invalid[: len(LIGHT_INVALID_VALUES)] if light else invalid:
                if light and not any(v in LIGHT_INVALID_VALUES for v in params.values()):
                    continue
                self.get(url, params)
        if not light:
            valid_filters = [valid for valid, _ in filters if valid]
            for one, other in itertools.islice(
                itertools.combinations(valid_filters, 2), MAX_FILTER_PAIRS
            ):
                self.get(url, {**one, **other, "q": "outreach"})
        return first


def test_every_admin_listing_answers_searches_and_filters_without_a_server_error(
    admin_client,
):
    started = time.monotonic()
    urls, unfilled = listing_urls()
    walker = Walker(admin_client)
    answered = {}
    for url, _callback in urls:
        response = walker.walk(url)
        answered[url] = response.status_code if response is not None else 500
    elapsed = time.monotonic() - started
    print(
        f"\n{len(urls)} listings, {walker.requests} requests in {elapsed:.1f}s;"
        f" {len(walker.known_upstream)} known Wagtail defects;"
        f" not walked (parameters it cannot fill): {unfilled}"
    )
    assert not walker.failures, "\n".join(walker.failures)
    # Each listing opens for a superuser (a redirect is allowed: the pages explorer's own).
    opened = {url: status for url, status in answered.items() if status not in (200, 302)}
    assert not opened, opened


@pytest.mark.xfail(
    strict=True,
    reason="Wagtail 8.0 defects (KNOWN_UPSTREAM): when this passes, empty that list",
)
def test_the_known_wagtail_defects_still_happen(admin_client):
    walker = Walker(admin_client)
    home = Page.objects.get(depth=2)
    walker.get("/admin/images/", {"q": '"'})
    walker.get(f"/admin/pages/{home.pk}/", {"q": "outreach", "has_child_pages": "true"})
    walker.get("/admin/users/", {"group": "9999999999999999999"})
    assert not walker.known_upstream, walker.known_upstream  # fails while they happen
    assert not walker.failures


def test_the_walker_finds_every_kind_of_admin_listing(db):
    """The walk above is only as good as what it finds: every snippet model's listing, the
    comms schedule (wagtail-modeladmin) and Wagtail's own listings."""
    urls = {url for url, _ in listing_urls()[0]}
    for model in get_snippet_models():
        index_url = "/" + model.snippet_viewset.get_url_name("list")  # only for the message
        listing = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/"
        assert listing in urls, index_url
    for listing in [
        "/admin/campaigns/campaignpage/",
        "/admin/pages/search/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/redirects/",
        "/admin/searchpicks/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
    ]:
        assert listing in urls, listing
    assert any(re.fullmatch(r"/admin/pages/\d+/", url) for url in urls)  # the explorer


# What officers search for --------------------------------------------------------------------


def _listed(client, model, query):
    url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/"
    response = client.get(url, {"q": query})
    assert response.status_code == 200, (url, query, response.status_code)
    return {obj.pk for obj in response.context["object_list"]}


def test_officers_find_an_action_by_its_reference_and_by_words_of_its_description(admin_client):
    action = Action.objects.exclude(reference="").order_by("pk").first()
    assert action.pk in _listed(admin_client, Action, action.reference)
    assert action.pk in _listed(admin_client, Action, action.reference.lower())
    words = [word for word in re.findall(r"[A-Za-z]{5,}", action.description)][:2]
    assert action.pk in _listed(admin_client, Action, " ".join(reversed(words)))
    assert action.pk in _listed(admin_client, Action, words[0][:-1])  # part of a word
    assert not _listed(admin_client, Action, "zzqx-nothing-like-this")


def test_officers_find_partners_indicators_and_entries_by_name(admin_client):
    partner = Partner.objects.exclude(short_name="").order_by("pk").first() or (
        Partner.objects.order_by("pk").first()
    )
    assert partner.pk in _listed(admin_client, Partner, partner.name[:6])
    if partner.short_name:
        assert partner.pk in _listed(admin_client, Partner, partner.short_name)
    indicator = Indicator.objects.order_by("pk").first()
    assert indicator.pk in _listed(admin_client, Indicator, indicator.name.split()[0])
    entry = YouSaidWeDid.objects.order_by("pk").first()
    assert entry.pk in _listed(admin_client, YouSaidWeDid, entry.said.split()[0][:6])
    route = ReportingRoute.objects.order_by("pk").first()
    assert route.pk in _listed(admin_client, ReportingRoute, route.organisation[:6])
    topic = Topic.objects.order_by("pk").first()
    assert topic.pk in _listed(admin_client, Topic, topic.name[:4])


def test_the_comms_schedule_refuses_a_malformed_filter_with_a_400(admin_client):
    url = "/admin/campaigns/campaignpage/"
    for params in [
        {"topics__id__exact": "abc"},
        {"no_such_field": "1"},
        {"year": "9999999999999999999"},
    ]:
        response = admin_client.get(url, params)
        assert response.status_code in (200, 400), (params, response.status_code)
    assert admin_client.get(url, {"topics__id__exact": "abc"}).status_code == 400
    topic = Topic.objects.filter(campaigns__isnull=False).first() or Topic.objects.first()
    response = admin_client.get(url, {"topics__id__exact": topic.pk, "q": ""})
    assert response.status_code == 200
    campaign = CampaignPage.objects.order_by("pk").first()
    response = admin_client.get(url, {"q": campaign.title.split()[0]})
    assert response.status_code == 200
    assert campaign.title.encode() in response.content

"""Template helpers every page uses: navigation, breadcrumbs, banners, assets and dates."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Page, Site

from home import registry
from home.caching import cached_for_version, content_version
from home.inline_script import JS_ENABLED
from home.models import AlertBanner
from home.pagination import page_numbers
from home.phone import dialable
from home.routes import file_url
from home.status import tag_class
from home.visibility import expiry_epoch, shown, visible

register = template.Library()
# A day: an old version's banners are never read again, so let them go.
BANNERS_CACHE_SECONDS = 60 * 60 * 24


@register.simple_tag
def js_enabled_script():
    """GOV.UK Frontend's inline line, exactly as the Content Security Policy's hash allows it."""
    return mark_safe(JS_ENABLED)


META_DESCRIPTION_LENGTH = 160

# Components whose CSS or JS is not in every page's bundle (see site/build.mjs).
COMPONENT_ASSETS = {
    "accordion": ("css/components/accordion.css", "js/accordion.js"),
    "area-finder": ("css/components/area-finder.css", "js/area-finder.js"),
    "copy": ("css/components/copy.css", "js/copy.js"),
    "events": ("css/components/events.css", None),
    "exit-this-page": ("css/components/exit-this-page.css", "js/exit-this-page.js"),
    "filters": ("css/components/filters.css", None),
    "pagination": ("css/components/pagination.css", None),
    "search-autocomplete": ("css/components/search-autocomplete.css", "js/search-autocomplete.js"),
    "search-form": ("css/components/search-form.css", None),
}


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def main_navigation(context):
    """The site root's live children that are set to show in menus."""
    request = context["request"]
    current = context.get("page")
    root = _site_root(request)
    items = []
    if root is not None:
        menu = visible(root.get_children()).in_menu().only("title", "path", "url_path", "depth")
        for item in menu:
            items.append(
                {
                    "text": item.title,
                    "href": item.get_url(request),
                    "current": current is not None and current.pk == item.pk,
                    "active": current is not None and current.path.startswith(item.path),
                }
            )
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra=None):
    """Links from the home page down to the page's parent. `extra` adds (text, url) pairs
    after them, for views that are not pages (a search, a month of events)."""
    request = context["request"]
    page = page or context.get("page")
    root = _site_root(request)
    crumbs = []
    if page is not None and root is not None and page.pk != root.pk:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gte=root.depth)
        crumbs = [
            {"text": "Home" if a.pk == root.pk else a.title, "href": a.get_url(request)}
            for a in ancestors
        ]
    elif page is None and root is not None:
        # A view that is not a page sits under the home page.
        crumbs = [{"text": "Home", "href": root.get_url(request)}]
    crumbs += [{"text": text, "href": href} for text, href in (extra or [])]
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def chrome_cache_key(context):
    """What the cached menu and footer depend on: the site, the content version, and the
    section the page is in (the menu marks it)."""
    request = context["request"]
    site = Site.find_for_request(request)
    page = context.get("page")
    section = (
        page.path[: Page.steplen * 3] if page is not None and getattr(page, "path", None) else ""
    )
    return f"{site.pk if site else 0}:{content_version()}:{section}"


@register.inclusion_tag("components/alert_banners.html", takes_context=True)
def alert_banners(context):
    """The banners showing on the page, kept under the content version (a banner put up by
    publish_scheduled changes it) and the expiry epoch (one taken down at its expiry time
    leaves it at that moment)."""
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    key = f"banners:{getattr(page, 'pk', None)}:{getattr(page, 'path', '')}:{expiry_epoch()}"
    banners = cached_for_version(
        key, lambda: list(AlertBanner.objects.showing_on(page)), BANNERS_CACHE_SECONDS
    )
    return {"banners": banners}


@register.simple_tag(takes_context=True)
def meta_description(context, page=None):
    """The page's own search description, else its introduction or summary, else the site's."""
    page = page or context.get("page")
    text = summary(page) if page is not None else ""
    if not text:
        settings = context.get("settings")
        text = settings["home"]["SiteSettings"].description if settings else ""
    return Truncator(" ".join(str(text).split())).chars(META_DESCRIPTION_LENGTH)


@register.filter
def summary(page):
    """A page's own short description, for meta tags and search results."""
    text = (
        getattr(page, "search_description", "")
        or getattr(page, "introduction", "")
        or getattr(page, "summary", "")
    )
    return Truncator(" ".join(str(text).split())).chars(META_DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def component(context, name):
    """Link a component's own CSS and JS the first time a page uses it, and only then.

    A stylesheet link in the body is valid HTML and holds back rendering of what follows it
    until it loads, so the component never shows unstyled."""
    request = context["request"]
    used = request.__dict__.setdefault("_components_used", set())
    if name in used:
        return ""
    used.add(name)
    css, js = COMPONENT_ASSETS[name]
    html = format_html('<link rel="stylesheet" href="{}">', static(css))
    if js:
        html += format_html('<script type="module" src="{}"></script>', static(js))
    return html


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed: for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, label="Pages of results"):
    return {
        "request": context["request"],
        "page_obj": page_obj,
        "numbers": page_numbers(page_obj.number, page_obj.paginator.num_pages),
        "label": label,
    }


@register.filter(name="shown")
def shown_filter(page):
    """The page if residents may see it, else None: for pages chosen in settings and blocks."""
    return shown(page)


@register.filter
def file_extension(name):
    """'images/poster.jpeg' -> 'JPEG'."""
    return str(name).rsplit(".", 1)[-1].upper() if "." in str(name) else ""


@register.filter
def tel(number):
    """A phone number as written, turned into a `tel:` address."""
    return "tel:" + dialable(number)


@register.simple_tag(takes_context=True)
def page_file_url(context, page, route_name):
    """The address of a page's file-like route, such as a plan's progress.csv: no trailing slash."""
    return file_url(page, route_name, context.get("request"))


# Plain text typed in the admin, shown as paragraphs and lists (appended: imports kept here).
import re  # noqa: E402

from django.utils.html import conditional_escape  # noqa: E402

_BULLET = re.compile(r"^\s*(?:[-•*])\s+(?P<text>.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(?P<text>.*)$")


@register.filter(is_safe=True, needs_autoescape=True)
def paragraphs(value, css_class="govuk-body", autoescape=True):
    """Plain text as an officer typed it, escaped, as GOV.UK paragraphs and lists: a blank line
    starts a new paragraph, a single line break stays a line break, and lines starting "- ",
    "• ", "* " or "1." (or "1)") become a bulleted or numbered list.

    `{{ action.success_measures|paragraphs }}`, `{{ page.introduction|paragraphs:"govuk-body-l" }}`
    """
    escape = conditional_escape if autoescape else (lambda text: text)
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    parts, lines, items, kind = [], [], [], None

    def end_paragraph():
        if lines:
            parts.append(f'<p class="{css_class}">' + "<br>".join(lines) + "</p>")
            lines.clear()

    def end_list():
        nonlocal kind
        if items:
            tag, style = ("ol", "number") if kind == "ol" else ("ul", "bullet")
            body = "".join(f"<li>{item}</li>" for item in items)
            parts.append(f'<{tag} class="govuk-list govuk-list--{style}">{body}</{tag}>')
            items.clear()
        kind = None

    for line in text.split("\n"):
        if not line.strip():
            end_paragraph()
            end_list()
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            end_paragraph()
            this_kind = "ul" if bullet else "ol"
            if kind != this_kind:
                end_list()
                kind = this_kind
            items.append(escape((bullet or numbered).group("text").strip()))
        elif items and line[:1].isspace():
            # An indented line under a list item carries on that item.
            items[-1] += "<br>" + escape(line.strip())
        else:
            end_list()
            lines.append(escape(line.strip()))
    end_paragraph()
    end_list()
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def registered_panels(context, where, page=None):
    """The panels feature apps register for the home page ("home"), an area page ("area") or an
    area's embeddable page ("embed"), in order (home/registry.py). Each is a rendered template,
    so already escaped."""
    chosen = {
        "home": lambda: registry.panels(registry.HOME_PANELS),
        "area": lambda: registry.panels(registry.AREA_PANELS),
        "embed": registry.embed_panels,
    }[where]()
    return mark_safe("".join(panel.render(context, page) for panel in chosen))


@register.inclusion_tag("components/tag.html")
def status_tag(status, text):
    """A GOV.UK tag for a status, in the colour home/status.py gives it, with its words."""
    return {"text": text, "tag_class": tag_class(status)}

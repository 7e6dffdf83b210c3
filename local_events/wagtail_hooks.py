"""What events contribute to the pages that gather everything (home/registry.py)."""

from wagtail import hooks

from home import registry
from local_events import area_source, search_source
from local_events.models import EventPage, Occurrence
from local_events.templatetags import events_tags


@hooks.register(registry.PACK_PAGE_DATES_MOVED)
def changes_on_the_events_own_dates(page):
    """A content pack moves a repeating event and its changes with the day it is loaded; each
    change goes back onto the event's date nearest to where it moved (a moved date keeps its
    distance from it)."""
    if not isinstance(page, EventPage) or not page.repeats:
        return
    for change in page.changes.all():
        nearest = page.nearest_date(change.date)
        if change.new_date:
            change.new_date += nearest - change.date
        change.date = nearest


@hooks.register(registry.CHANGE_TIMES)
def events_starting_and_ending(start, end):
    """An event leaves "coming up" as it ends, and "on now" lists follow its start."""
    dates = Occurrence.objects.overlapping(start, end)
    for begins, ends in dates.values_list("start", "end"):
        yield from (moment for moment in (begins, ends) if start <= moment < end)


@hooks.register(registry.HOME_PANELS)
def next_events():
    return registry.Panel(
        order=20,
        template="events/includes/home_events.html",
        context=lambda context, page: events_tags.next_events(context),
    )


@hooks.register(registry.AREA_PANELS)
def events_in_the_area():
    return registry.Panel(
        order=20,
        template="events/includes/parish_events.html",
        context=lambda context, area: events_tags.events_in(context, area),
    )


@hooks.register(registry.AREA_SOURCES)
def events_about_the_area():
    return registry.AreaSource(
        order=30,
        json_key="events",
        json_entries=area_source.json_entries,
        embed=registry.Panel(
            order=30,
            template="events/includes/embed_events.html",
            context=area_source.embed_context,
        ),
        calendar=area_source.calendar,
    )


@hooks.register(registry.SEARCH_SOURCES)
def events_in_search():
    return registry.SearchSource(
        order=60,
        name="events",
        label="Events",
        items=search_source.events,
        select=search_source.with_next_date,
        found=search_source.event_found,
        labels=search_source.areas,
    )

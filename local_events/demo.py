"""The demonstration partnership's events: monthly beat surgeries in several parishes, patch walks,
the January rural crime event, November's parish liaison meeting, cost-of-living roadshows and
events in the campaigns' awareness weeks.

The kinds of event come from the Harborough District plans in shared/seeds (beat surgeries
advertised in the beat newsletter, the annual parish liaison meeting, the rural crime event in
January or February, multi-agency patch walks); places, times and every sentence are made up for
this site. Dates move with the day the demo is loaded (see in_time); the repeating events run
on without an end, so the calendar always has dates ahead.
"""

from datetime import date, time, timedelta

from areas.models import AreaPage
from campaigns.models import CampaignPage
from home.demo import WRITTEN
from home.ensure import ensure_page, site_home
from home.relative_dates import coming, moved_years, years_back
from local_events import recurrence
from local_events.models import EventChange, EventIndexPage, EventPage, EventType, Repeats

STEP_FREE = "Step-free entrance and an accessible toilet. A hearing loop is available on request."


def load(command):
    index = EventIndexPage.objects.child_of(site_home()).get()
    parishes = {area.slug: area for area in AreaPage.objects.all()}
    campaigns = {c.slug: c for c in CampaignPage.objects.all()}
    for spec in event_specs():
        spec = in_time(spec, command.today)
        parish = parishes.get(spec.pop("parish", None))
        campaign = campaigns.get(spec.pop("campaign", None))
        changes = [EventChange(**change) for change in spec.pop("changes", [])]
        ensure_page(
            index,
            EventPage,
            spec.pop("slug"),
            parish=parish,
            campaign=campaign,
            changes=changes,
            **spec,
        )
    command.say(
        f"Events: {EventPage.objects.count()} events, {index.specific.events().count()} live."
    )


def in_time(spec, today):
    """The event moved to the day the demo is loaded. A one-off event that was still to come
    comes after it, in the same season and on the same day of the week; one that had happened
    stays as far in the past. A repeating event with an end runs on past it. Its changes fall on
    its own dates, in the same season as they did."""
    first, until = spec["start_date"], spec.get("repeat_until")
    if "repeats" not in spec and first <= WRITTEN:
        shift = moved_years(first, years_back([WRITTEN], today)) - first
    elif "repeats" not in spec:
        shift = coming(first, today) - first
    elif until is not None:
        shift = coming(until, today) - until  # whole weeks: the days of the week are kept
    else:
        shift = timedelta(0)  # it runs on without an end
    moved = {**spec, "start_date": first + shift}
    if until is not None:
        moved["repeat_until"] = until + shift
    if spec.get("end_date"):
        moved["end_date"] = spec["end_date"] + shift
    if "changes" in spec:
        rule = EventPage(**{key: moved[key] for key in RULE_FIELDS if key in moved}).build_rrule()
        moved["changes"] = [
            moved_change(change, moved["start_date"], rule, today, shift if until else None)
            for change in spec["changes"]
        ]
    return moved


# What makes an event's repeat rule.
RULE_FIELDS = (
    "start_date", "start_time", "end_date", "end_time", "repeats", "repeat_every",
    "repeat_weekday", "repeat_week", "repeat_until", "repeat_count",
)  # fmt: skip


def moved_change(change, start, rule, today, shift=None):
    """A cancelled or moved date of a repeating event, on the event's own date nearest to the
    next time the date it was written for comes round (or moved with the event by `shift`, for
    one that ends)."""
    if shift is not None:
        target = change["date"] + shift
    else:
        target = coming(change["date"], today) if change["date"] > WRITTEN else change["date"]
    near = recurrence.expand(
        recurrence.local(start, None),
        timedelta(hours=1),
        rule,
        recurrence.local(target - timedelta(days=20), None),
        recurrence.local(target + timedelta(days=20), None),
    )
    nearest = min((one.start.date() for one in near), key=lambda day: abs(day - target))
    moved = {**change, "date": nearest}
    if change.get("new_date"):
        moved["new_date"] = change["new_date"] + (nearest - change["date"])
    return moved


def beat_surgery(slug, parish, place, venue, address, first, start, end, week, **extra):
    return {
        "slug": slug,
        "title": f"{place} beat surgery",
        "summary": (
            f"Drop in to meet the neighbourhood officers and PCSOs who cover {place}: report a "
            "concern, ask about something you have seen, or pick up crime prevention advice."
        ),
        "event_type": EventType.BEAT_SURGERY,
        "start_date": first,
        "start_time": start,
        "end_time": end,
        "repeats": Repeats.MONTHLY_BY_WEEKDAY,
        "repeat_week": week,
        "venue": venue,
        "address": address,
        "parish": parish,
        "accessibility": STEP_FREE,
        **extra,
    }


def event_specs():
    return [
        beat_surgery(
            "lutterworth-beat-surgery",
            "lutterworth",
            "Lutterworth",
            "Lutterworth Library",
            "George Street\nLutterworth\nLE17 4ED",
            date(2026, 4, 7),  # the first Tuesday of April
            time(18),
            time(19),
            1,
            changes=[
                {
                    "date": date(2026, 12, 1),
                    "cancelled": True,
                    "reason": "The library is closed for repairs. Come to the January surgery or call 101.",
                }
            ],
        ),
        beat_surgery(
            "broughton-astley-beat-surgery",
            "broughton-astley",
            "Broughton Astley",
            "Broughton Astley Village Hall",
            "Station Road\nBroughton Astley\nLE9 6PT",
            date(2026, 4, 8),  # the second Wednesday
            time(10),
            time(11),
            2,
        ),
        beat_surgery(
            "kibworth-beat-surgery",
            "kibworth",
            "Kibworth",
            "Kibworth Village Hall",
            "Fleckney Road\nKibworth Beauchamp\nLE8 0HJ",
            date(2026, 4, 16),  # the third Thursday
            time(19),
            time(20),
            3,
            changes=[
                {
                    "date": date(2027, 1, 21),
                    "cancelled": False,
                    "new_date": date(2027, 1, 28),
                    "reason": "The hall is booked that evening, so this month's surgery is a week later.",
                }
            ],
        ),
        beat_surgery(
            "fleckney-beat-surgery",
            "fleckney",
            "Fleckney",
            "Fleckney Village Hall",
            "Main Street\nFleckney\nLE8 8AP",
            date(2026, 4, 25),  # the last Saturday
            time(10),
            time(11, 30),
            -1,
        ),
        beat_surgery(
            "market-harborough-beat-surgery",
            "market-harborough",
            "Market Harborough",
            "Market Harborough Library",
            "Pen Lloyd Library, Adam and Eve Street\nMarket Harborough\nLE16 7LT",
            date(2026, 4, 14),  # the second Tuesday
            time(12),
            time(14),
            2,
        ),
        {
            "slug": "youth-drop-in-broughton-astley",
            "title": "Youth drop-in with the PCSOs",
            "summary": (
                "A weekly evening for 11 to 17 year olds: games, food and a chance to talk to the "
                "PCSOs and youth workers about feeling safe in the village."
            ),
            "event_type": EventType.COMMUNITY_EVENT,
            "start_date": date(2026, 9, 2),
            "start_time": time(19),
            "end_time": time(20, 30),
            "repeats": Repeats.WEEKLY,
            "repeat_until": date(2027, 7, 21),
            "venue": "Broughton Astley Youth Centre",
            "address": "Broughton Astley",
            "parish": "broughton-astley",
            "changes": [
                {
                    "date": date(2026, 12, 23),
                    "cancelled": True,
                    "reason": "No drop-in over Christmas; back on 30 December.",
                }
            ],
        },
        {
            "slug": "patch-walk-welland-park",
            "title": "Patch walk: Welland Park and the riverside",
            "summary": (
                "Walk the park and the riverside path with council, police and the park's friends "
                "group, and show us where lighting, paths or planting make you feel unsafe."
            ),
            "event_type": EventType.PATCH_WALK,
            "start_date": date(2026, 12, 3),
            "start_time": time(14),
            "end_time": time(15, 30),
            "venue": "Meet at the Welland Park Road gates",
            "address": "Welland Park Road\nMarket Harborough",
            "parish": "market-harborough",
            "accessibility": "The route is about a mile on level, surfaced paths.",
        },
        {
            "slug": "patch-walk-lutterworth-town-centre",
            "title": "Evening patch walk: Lutterworth town centre",
            "summary": (
                "After dark, when residents told us they feel least safe: walk the High Street, "
                "the car parks and the alleyways with the neighbourhood team and licensing officers."
            ),
            "event_type": EventType.PATCH_WALK,
            "start_date": date(2027, 1, 14),
            "start_time": time(18),
            "end_time": time(19, 30),
            "venue": "Meet at the Town Hall steps",
            "address": "Market Street\nLutterworth",
            "parish": "lutterworth",
        },
        {
            "slug": "rural-crime-event",
            "title": "Rural crime event for farmers and landowners",
            "summary": (
                "The partnership's annual evening for the farming community: machinery and "
                "quad bike marking, hare coursing and fly-tipping, and what Op Arable found last "
                "year."
            ),
            "event_type": EventType.COMMUNITY_EVENT,
            "start_date": date(2027, 1, 27),
            "start_time": time(19),
            "end_time": time(21),
            "venue": "Market Harborough Cattle Market",
            "address": "Market Harborough",
            "parish": "market-harborough",
            "campaign": "rural-crime-week",
            "booking_link": "https://www.harborough.gov.uk/",
            "cost": "Free, with a hot supper. Please book so we can cater.",
        },
        {
            "slug": "parish-liaison-meeting",
            "title": "Annual parish liaison meeting",
            "summary": (
                "Clerks and councillors from every town and parish meet the partnership: this "
                "year's priorities, what you told us, and how to raise local concerns."
            ),
            "event_type": EventType.MEETING,
            "start_date": date(2026, 11, 26),
            "start_time": time(18, 30),
            "end_time": time(20, 30),
            "venue": "Harborough District Council, The Symington Building",
            "address": "Adam and Eve Street\nMarket Harborough\nLE16 7AG",
            "online_link": "https://www.harborough.gov.uk/",
            "parish": "market-harborough",
            "accessibility": STEP_FREE,
        },
        *[
            {
                "slug": f"cost-of-living-roadshow-{parish}",
                "title": f"Cost of living and scams roadshow: {place}",
                "summary": (
                    "Money advice, energy help and the latest scams in one place, with Citizens "
                    "Advice, Trading Standards and the police's fraud team."
                ),
                "event_type": EventType.COMMUNITY_EVENT,
                "start_date": day,
                "start_time": time(10),
                "end_time": time(13),
                "venue": venue,
                "address": place,
                "parish": parish,
                "campaign": "friends-against-scams",
                "accessibility": STEP_FREE,
            }
            for parish, place, venue, day in [
                ("market-harborough", "Market Harborough", "Market Hall", date(2026, 12, 12)),
                ("lutterworth", "Lutterworth", "Lutterworth Library", date(2027, 1, 9)),
                (
                    "broughton-astley",
                    "Broughton Astley",
                    "Broughton Astley Village Hall",
                    date(2027, 2, 13),
                ),
                ("fleckney", "Fleckney", "Fleckney Village Hall", date(2027, 3, 13)),
            ]
        ],
        {
            "slug": "white-ribbon-day-stall",
            "title": "White Ribbon Day information stall",
            "summary": (
                "Pick up a white ribbon and talk in confidence to domestic abuse support services "
                "on the day that starts 16 days of action against violence towards women and girls."
            ),
            "event_type": EventType.AWARENESS_DAY,
            "start_date": date(2026, 11, 25),
            "start_time": time(10),
            "end_time": time(14),
            "venue": "The Square",
            "address": "Market Harborough",
            "parish": "market-harborough",
            "campaign": "white-ribbon-day",
        },
        {
            "slug": "hate-crime-awareness-week-stall",
            "title": "Hate Crime Awareness Week stall",
            "summary": "How to report hate crime, including without giving your name.",
            "event_type": EventType.AWARENESS_DAY,
            "start_date": date(2026, 10, 13),
            "start_time": time(10),
            "end_time": time(15),
            "venue": "Lutterworth High Street",
            "address": "Lutterworth",
            "parish": "lutterworth",
            "campaign": "hate-crime-awareness-week",
        },
        {
            "slug": "ask-for-angela-training",
            "title": "Ask for Angela training for licensed premises",
            "summary": (
                "An hour's training for bar and door staff on what to do when someone asks for "
                "Angela, with a pack for the venue."
            ),
            "event_type": EventType.TRAINING,
            "start_date": date(2027, 2, 3),
            "start_time": time(15),
            "end_time": time(16),
            "online_link": "https://www.harborough.gov.uk/",
            "campaign": "ask-for-angela",
            "booking_link": "https://www.harborough.gov.uk/",
        },
        {
            "slug": "christmas-market-safety-stall",
            "title": "Safer Christmas stall at the Christmas market",
            "summary": (
                "Free purse bells, bag tags and advice on keeping parcels and cars safe over "
                "the holidays."
            ),
            "event_type": EventType.AWARENESS_DAY,
            "start_date": date(2026, 12, 5),
            "end_date": date(2026, 12, 6),
            "venue": "Christmas market, The Square",
            "address": "Market Harborough",
            "parish": "market-harborough",
            "campaign": "celebrate-safely",
        },
    ]

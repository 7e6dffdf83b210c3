"""The demonstration district's "you said, we did": what residents raised at beat surgeries, on
patch walks and in surveys and consultations, and what the partnership did, place by place.

The facts come from the seeds (the re-deployable CCTV cameras at Little Bowden Recreation Ground
and Western Avenue, the consultation on a PSPO for psychoactive substances, Community Speedwatch,
the rural crime event). Every sentence, and the residents' words, are made up for this site.
Dates move on by the whole years since the demo was written (home/demo.py, WRITTEN), so each is
as recent as it was then; loading the demo again changes nothing. Called from plans/demo.py, after the
areas' demo (settings.LOCAL_APPS puts areas first).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from areas.demo import demo_areas
from home.demo import WRITTEN
from home.relative_dates import financial_year, moved_years, years_back
from plans.models import PriorityPage, YouSaidWeDid

LONDON = ZoneInfo("Europe/London")


def load(command):
    ensure_you_said_we_did(demo_areas(), command.today)
    command.say(f"You said, we did: {YouSaidWeDid.objects.count()} entries.")


def current_plan_slug(today):
    """The financial year's plan on `today`, as the demo names it: 2026-2027."""
    year = financial_year(today)
    return f"{year}-{year + 1}"


def priority(slug, today):
    return PriorityPage.objects.filter(
        slug=slug, url_path__contains=f"/{current_plan_slug(today)}/"
    ).first()


YOU_SAID_WE_DID = [
    {
        "title": "Groups gathering at Little Bowden Recreation Ground",
        "parish": "market-harborough",
        "said": "Neighbours of the rec told us about groups gathering after dark, broken glass on the play area and damage to the pavilion.",
        "said_on": date(2025, 4, 8),
        "channel": YouSaidWeDid.Channel.BEAT_MEETING,
        "place": "Little Bowden Recreation Ground",
        "did": "We put one of our re-deployable CCTV cameras on the rec, and upgraded it to 4G so officers can see it live. It stays until a permanent camera is fitted, and calls about anti-social behaviour there have fallen since.",
        "done_on": date(2025, 6, 30),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "places",
    },
    {
        "title": "Anti-social behaviour on Western Avenue",
        "parish": "market-harborough",
        "said": "Residents of Western Avenue reported cars being damaged overnight and asked for something that would deter it.",
        "said_on": date(2025, 3, 12),
        "channel": YouSaidWeDid.Channel.SURVEY,
        "place": "Western Avenue",
        "did": "The re-deployable camera went up on Western Avenue for three months, and the neighbourhood team added the street to its evening patrols.",
        "done_on": date(2025, 4, 14),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "property",
    },
    {
        "title": "More cameras for Lutterworth town centre",
        "parish": "lutterworth",
        "said": "The town council and traders asked for better CCTV coverage of the town centre and the routes in and out of town.",
        "said_on": date(2025, 9, 4),
        "channel": YouSaidWeDid.Channel.PARISH_COUNCIL,
        "did": "We are extending CCTV in Lutterworth, with number-plate recognition (ANPR) cameras on the main roads and target-hardening advice for the shops that were hit most.",
        "progress": YouSaidWeDid.Progress.IN_PROGRESS,
        "priority": "property",
    },
    {
        "title": "Nitrous oxide canisters in parks and car parks",
        "parish": "market-harborough",
        "said": "In our public consultation, most people who answered wanted powers to stop the use of psychoactive substances such as nitrous oxide in public places.",
        "said_on": date(2025, 9, 30),
        "channel": YouSaidWeDid.Channel.CONSULTATION,
        "did": "The council made a Public Spaces Protection Order on psychoactive substances. Officers can now seize them and issue fixed penalties for breaches.",
        "done_on": date(2025, 12, 1),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "places",
    },
    {
        "title": "Speeding through Kibworth",
        "parish": "kibworth",
        "said": "At the parish council's open meeting, speeding on the A6 and through the village centre was the concern raised most.",
        "said_on": date(2025, 10, 16),
        "channel": YouSaidWeDid.Channel.PARISH_COUNCIL,
        "did": "We helped the parish set up Community Speedwatch: volunteers are trained and out twice a month with the police's equipment. Eight places in the district have now asked about joining the scheme.",
        "done_on": date(2026, 2, 20),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "places",
    },
    {
        "title": "Thefts from farms around Fleckney",
        "parish": "fleckney",
        "said": "Farmers at the beat surgery told us about quad bikes, tools and fuel taken from yards, and hare coursing on their land.",
        "said_on": date(2025, 11, 29),
        "channel": YouSaidWeDid.Channel.BEAT_MEETING,
        "did": "Joint police and council patrols ran under Op Arable, and at the rural crime event in January farmers had machinery marked and got advice on securing yards.",
        "done_on": date(2026, 1, 28),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "property",
    },
    {
        "title": "Nothing for young people in the evenings",
        "parish": "broughton-astley",
        "said": "In the village survey, parents and young people said there was nowhere to go in the evenings, and older residents were worried about groups on the streets.",
        "said_on": date(2026, 6, 15),
        "channel": YouSaidWeDid.Channel.SURVEY,
        "did": "With the parish council and youth workers we started a weekly youth drop-in with the PCSOs on Wednesday evenings.",
        "done_on": date(2026, 9, 2),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "people",
    },
    {
        "title": "Cold callers targeting older residents",
        "parish": "thurnby-and-bushby",
        "said": "Residents on the patch walk told us about doorstep sellers and phone scams aimed at older neighbours.",
        "said_on": date(2026, 3, 10),
        "channel": YouSaidWeDid.Channel.PATCH_WALK,
        "did": "Trading Standards and the neighbourhood team ran two Friends Against Scams sessions in the village hall and delivered advice to every house on the walk's route.",
        "done_on": date(2026, 5, 6),
        "progress": YouSaidWeDid.Progress.DONE,
        "priority": "people",
    },
    {
        "title": "Dark paths by the river in Welland Park",
        "parish": "market-harborough",
        "said": "On the patch walk people showed us overgrown paths and broken lights along the riverside, where they avoid walking after dark.",
        "said_on": date(2026, 10, 8),
        "channel": YouSaidWeDid.Channel.PATCH_WALK,
        "place": "Welland Park",
        "did": "The council has cut back the vegetation and reported the lights for repair; a second walk in December will check what is left to do.",
        "progress": YouSaidWeDid.Progress.IN_PROGRESS,
        "priority": "places",
    },
    {
        "title": "Feeling unsafe in Lutterworth after dark",
        "parish": "lutterworth",
        "said": "In the police and crime commissioner's survey, fewer people in Lutterworth said they felt safe in the town centre after dark than elsewhere in the district.",
        "said_on": date(2026, 1, 31),
        "channel": YouSaidWeDid.Channel.SURVEY,
        "did": "An evening patch walk with licensing officers is planned for January, to find the places people avoid and agree what to change.",
        "progress": YouSaidWeDid.Progress.PLANNED,
        "priority": "places",
    },
]


def ensure_you_said_we_did(areas, today):
    # All moved by the years since the demo was written, so that each is as recent as it was.
    years = years_back([WRITTEN], today)
    for spec in YOU_SAID_WE_DID:
        if YouSaidWeDid.objects.filter(title=spec["title"]).exists():
            continue
        dates = {
            name: moved_years(spec[name], years)
            for name in ("said_on", "done_on")
            if spec.get(name)
        }
        item = YouSaidWeDid(
            **{
                **spec,
                **dates,
                "parish": areas.get(spec["parish"]),
                "priority": priority(spec["priority"], today),
            }
        )
        item.save()
        revision = item.save_revision()
        revision.publish()
        # Published the day the work was done (or raised), so feeds date it sensibly.
        when = datetime.combine(
            item.done_on or item.said_on, datetime.min.time().replace(hour=10), LONDON
        )
        YouSaidWeDid.objects.filter(pk=item.pk).update(
            first_published_at=when, last_published_at=when
        )

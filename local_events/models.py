"""Events: beat surgeries, patch walks, roadshows and awareness-week events, one-off or repeating,
with a calendar residents and parishes can subscribe to."""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.fields import BodyField
from home.models import SectionIndexPage
from home.routes import file_route
from home.visibility import shown, visible
from local_events import recurrence, views
from local_events.choices import WEEK_CHOICES, WEEKDAY_CHOICES, EventType, Repeats
from local_events.forms import EventPageForm
from local_events.ical import CalendarEvent, MovedDate

EARLIEST, LATEST = recurrence.EARLIEST, recurrence.LATEST
UID_DOMAIN = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """/events/: what is coming up, a month at a time, and the calendar feed. The views are in
    local_events/views.py."""

    subpage_types = ["events.EventPage"]

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return views.upcoming(self, request)

    # One address a month: /events/2026/03/. A month typed without its zero redirects there;
    # anything else shaped otherwise (02026, 012) is not a month.
    @re_path(r"^(?P<year>[1-9][0-9]{3})/(?P<month>0[1-9]|1[0-2]|[1-9])/$", name="month")
    def month_route(self, request, year, month):
        if len(month) == 1:
            query = request.META.get("QUERY_STRING", "")
            path = self.reverse_subpage("month", args=[year, f"0{month}"])
            return redirect(
                self.get_url(request) + path + (f"?{query}" if query else ""), permanent=True
            )
        return views.month_grid(self, request, int(year), int(month))

    @file_route("calendar.ics", name="calendar")
    def calendar_route(self, request):
        return views.calendar_feed(self, request)

    def events(self):
        return visible(EventPage.objects.child_of(self))

    def occurrences(self):
        """The dates of the events under this index residents may see, for listings."""
        return Occurrence.objects.public().filter(event__path__startswith=self.path).for_listing()

    class Meta:
        verbose_name = "event index page"


class EventPage(RoutablePageMixin, Page):
    """One event, which may repeat."""

    summary = models.TextField(help_text="What happens and who it is for, in a sentence or two.")
    event_type = models.CharField(
        "type", max_length=20, choices=EventType.choices, default=EventType.COMMUNITY_EVENT
    )

    start_date = models.DateField("date", help_text="The first date, for a repeating event.")
    start_time = models.TimeField(null=True, blank=True, help_text="Leave empty for all day.")
    end_time = models.TimeField(null=True, blank=True)
    end_date = models.DateField(
        null=True, blank=True, help_text="Only for an event that runs over several days."
    )

    repeats = models.CharField(max_length=20, choices=Repeats.choices, default="", blank=True)
    repeat_every = models.PositiveSmallIntegerField(
        default=1, help_text="1 for every week or month, 2 for every other one, and so on."
    )
    repeat_weekday = models.PositiveSmallIntegerField(
        "on",
        choices=WEEKDAY_CHOICES,
        null=True,
        blank=True,
        help_text="Leave empty for the first date's weekday.",
    )
    repeat_week = models.SmallIntegerField(
        "week of the month",
        choices=WEEK_CHOICES,
        null=True,
        blank=True,
        help_text="For monthly events. Leave empty for the first date's week.",
    )
    repeat_until = models.DateField("until", null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        "or this many times", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    rrule = models.CharField(
        max_length=255, blank=True, editable=False, help_text="Made from the choices above."
    )

    venue = models.CharField(
        max_length=150, blank=True, help_text="Such as: Town Library, Community Room"
    )
    address = models.TextField(blank=True)
    online_link = models.URLField(blank=True, help_text="For an event online or streamed.")
    parish = models.ForeignKey(
        "areas.AreaPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The parish or town it is in, so it shows on that area's page and feeds.",
    )
    booking_link = models.URLField(blank=True)
    cost = models.CharField(max_length=100, blank=True, help_text="Leave empty if it is free.")
    accessibility = models.TextField(
        "accessibility notes",
        blank=True,
        help_text="Step-free access, hearing loop, parking, toilets, anything people ask about.",
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    body = BodyField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("event_type"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("end_date"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeats"),
                FieldRowPanel(
                    [
                        FieldPanel("repeat_every"),
                        FieldPanel("repeat_week"),
                        FieldPanel("repeat_weekday"),
                    ]
                ),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading="Repeats",
        ),
        InlinePanel(
            "changes",
            heading="Cancelled or moved dates",
            label="Change",
            help_text="Residents see the reason beside the date, and calendar feeds update.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_link"),
                FieldPanel("parish"),
            ],
            heading="Where",
        ),
        FieldRowPanel([FieldPanel("booking_link"), FieldPanel("cost")]),
        FieldPanel("accessibility"),
        FieldPanel("campaign"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("event_type"),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    # Times -----------------------------------------------------------------------------------

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def first_start(self):
        return recurrence.local(self.start_date, self.start_time)

    @property
    def duration(self) -> timedelta:
        """From the start to the end on the clock: an all-day event lasts whole days, and a
        timed one with no end time is shown as an hour."""
        last_day = self.end_date or self.start_date
        if self.all_day:
            return timedelta(days=(last_day - self.start_date).days + 1)
        if self.end_time is None:
            return timedelta(hours=1) + timedelta(days=(last_day - self.start_date).days)
        start = datetime.combine(self.start_date, self.start_time)
        return datetime.combine(last_day, self.end_time) - start

    def build_rrule(self):
        return recurrence.build_rrule(
            self.repeats,
            self.start_date,
            interval=self.repeat_every or 1,
            weekday=self.repeat_weekday,
            week=self.repeat_week,
            until=self.repeat_until,
            count=self.repeat_count,
            all_day=self.all_day,
        )

    @property
    def repeats_in_words(self):
        # From the fields, not the stored rule, so a preview shows what is being edited.
        return recurrence.describe(self.build_rrule(), self.start_date)

    def nearest_date(self, day):
        """The event's own date nearest to `day`: where a change meant for that day belongs."""
        if not self.repeats:
            return self.start_date
        around = recurrence.expand(
            self.first_start,
            self.duration,
            self.build_rrule(),
            recurrence.local(day - timedelta(days=45), None),
            recurrence.local(day + timedelta(days=45), None),
            all_day=self.all_day,
        )
        return min(
            (one.start.date() for one in around), key=lambda one: abs(one - day), default=day
        )

    def planned_changes(self):
        return [change.as_change() for change in self.changes.all()]

    def occurrences_between(self, window_start, window_end):
        """The event's dates in the window as Occurrence rows, not saved: what the occurrence
        table holds for it once published, and what a preview shows before then."""
        return [
            Occurrence(
                event=self,
                start=occurrence.start,
                end=occurrence.end,
                status=occurrence.status,
                reason=occurrence.reason,
                original_start=occurrence.original_start,
            )
            for occurrence in self.expand(window_start, window_end)
        ]

    def expand(self, window_start, window_end):
        return recurrence.expand(
            self.first_start,
            self.duration,
            self.rrule,
            window_start,
            window_end,
            self.planned_changes(),
            self.all_day,
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time is None and self.end_time is not None:
            errors["start_time"] = "Give a start time too, or clear the end time for all day."
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The last day cannot be before the first."
        elif (
            self.start_date
            and self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = "The end time must be after the start time."
        if self.repeats:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = "Give an end date or a number of times, not both."
            if self.repeat_until and self.start_date and self.repeat_until < self.start_date:
                errors["repeat_until"] = "The last date cannot be before the first."
            if self.end_date and self.end_date != self.start_date:
                errors["end_date"] = "A repeating event lasts a single day each time."
            errors.update(self.first_date_problems())
        for name in ("start_date", "end_date", "repeat_until"):
            value = getattr(self, name)
            if value and not EARLIEST <= value <= LATEST:
                errors[name] = f"Give a date between {EARLIEST.year} and {LATEST.year}."
        if errors:
            raise ValidationError(errors)

    def first_date_problems(self):
        """The first date must be one of the dates the rule gives, or calendar apps add it as
        an extra one (RFC 5545 counts DTSTART as the first occurrence)."""
        if not self.start_date:
            return {}
        day = recurrence.WEEKDAY_NAMES[self.start_date.weekday()]
        if self.repeats in (
            Repeats.WEEKLY,
            Repeats.MONTHLY_BY_WEEKDAY,
        ) and self.repeat_weekday not in (None, self.start_date.weekday()):
            wanted = recurrence.WEEKDAY_NAMES[self.repeat_weekday]
            return {
                "repeat_weekday": f"The first date is a {day}: make it a {wanted}, or choose {day}."
            }
        if self.repeats == Repeats.MONTHLY_BY_WEEKDAY and self.repeat_week:
            week = self.repeat_week
            last = (self.start_date + timedelta(days=7)).month != self.start_date.month
            if not (week == recurrence.week_of_month(self.start_date) or (week == -1 and last)):
                ordinal = recurrence.ORDINALS[week]
                return {
                    "repeat_week": f"The first date is not the {ordinal} {day} of its month: make it one, or change this."
                }
        if self.repeats == Repeats.MONTHLY_BY_DATE and self.start_date.day > 28:
            return {
                "repeats": "Some months have no such date. Choose 'monthly on a weekday', or a first date up to the 28th."
            }
        return {}

    def save(self, *args, **kwargs):
        self.rrule = self.build_rrule()
        return super().save(*args, **kwargs)

    # Pages -----------------------------------------------------------------------------------

    @path("", name="event")
    def event_route(self, request):
        return self.render(request, context_overrides=views.event_context(self, request))

    @file_route("event.ics", name="ical")
    def ical_route(self, request):
        return views.event_feed(self, request)

    # The parish and campaign as residents may see them: a private or unpublished page is not
    # named or linked.
    @property
    def shown_parish(self):
        return shown(self.parish)

    @property
    def shown_campaign(self):
        return shown(self.campaign)

    @cached_property
    def location(self):
        lines = [self.venue, *self.address.splitlines()]
        return ", ".join(line.strip() for line in lines if line.strip())

    def calendar_event(self, request) -> CalendarEvent:
        """This event for a calendar file: a rule with its exceptions, not a list of dates."""
        changes = self.planned_changes()
        cancelled, moved = [], []
        start = self.first_start
        end = recurrence.end_of(start, self.duration, self.all_day)
        one_off_cancelled = False
        if not self.rrule and changes:
            # A one-off event cancelled or moved: the event itself says so.
            everywhen = (recurrence.local(EARLIEST, None), recurrence.local(LATEST, None))
            [occurrence] = self.expand(*everywhen) or [None]
            if occurrence is not None:
                start, end = occurrence.start, occurrence.end
                one_off_cancelled = occurrence.status == recurrence.CANCELLED
        elif self.rrule and changes:
            # Only the dates with changes need expanding, to find the times they were due.
            days = [day for change in changes for day in (change.on, change.new_date) if day]
            first, last = min(days), max(days) + timedelta(days=1)
            for occurrence in self.expand(
                recurrence.local(first, None), recurrence.local(last, None) + self.duration
            ):
                if occurrence.status == recurrence.CANCELLED:
                    cancelled.append(occurrence.start)
                elif occurrence.status == recurrence.MOVED:
                    moved.append(
                        MovedDate(
                            occurrence.original_start,
                            occurrence.start,
                            occurrence.end,
                            occurrence.reason,
                        )
                    )
        return CalendarEvent(
            # The same for as long as the event exists, whatever its title or address becomes.
            uid=f"event-{self.pk}@{UID_DOMAIN}",
            title=self.title,
            start=start,
            end=end,
            all_day=self.all_day,
            cancelled=one_off_cancelled,
            rrule=self.rrule,
            description=self.summary,
            location=self.location or self.online_link,
            url=self.get_full_url(request),
            last_modified=self.last_published_at,
            cancelled_dates=cancelled,
            moved_dates=moved,
        )

    class Meta:
        verbose_name = "event page"


class EventChange(Orderable):
    """One date of a repeating event cancelled or moved, with the reason residents see."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="changes")
    date = models.DateField(help_text="The date it was due.")
    cancelled = models.BooleanField(
        default=True, help_text="Untick to move it to the new date or time below instead."
    )
    new_date = models.DateField(null=True, blank=True)
    new_time = models.TimeField(null=True, blank=True)
    reason = models.CharField(max_length=200, help_text="Such as: the hall is closed for repairs")

    panels = [
        FieldPanel("date"),
        FieldPanel("cancelled"),
        FieldRowPanel([FieldPanel("new_date"), FieldPanel("new_time")]),
        FieldPanel("reason"),
    ]

    def as_change(self):
        return recurrence.Change(
            self.date, self.cancelled, self.reason, self.new_date, self.new_time
        )

    def clean(self):
        if not self.cancelled and not (self.new_date or self.new_time):
            raise ValidationError({"new_date": "Give the new date or time, or tick 'cancelled'."})
        for name in ("date", "new_date"):
            value = getattr(self, name)
            if value and not EARLIEST <= value <= LATEST:
                raise ValidationError(
                    {name: f"Give a date between {EARLIEST.year} and {LATEST.year}."}
                )


# What lists, the month grid and the feeds show of each date, its event and the event's parish.
LISTING_FIELDS = [
    "event",
    "start",
    "end",
    "status",
    "reason",
    "original_start",
    "event__title",
    "event__url_path",
    "event__start_time",
    "event__venue",
    "event__online_link",
    "event__parish__title",
    "event__parish__url_path",
    # What deciding whether the parish may be named needs.
    "event__parish__path",
    "event__parish__live",
    "event__parish__expire_at",
]


class OccurrenceQuerySet(models.QuerySet):
    def overlapping(self, start, end):
        """Every occurrence that is on at some moment in [start, end): one indexed query."""
        return self.filter(start__lt=end, end__gt=start)

    def for_listing(self):
        """Only LISTING_FIELDS: a busy month is hundreds of rows, and a whole page per row is
        slow."""
        return (
            self.select_related("event", "event__parish")
            .only(*LISTING_FIELDS)
            .order_by("start", "event__title")
        )

    def public(self):
        """Of events residents may see (home/visibility.py)."""
        return self.filter(event__in=visible(EventPage.objects.all()))

    def coming_up_in(self, parish):
        """A parish's dates from now on, for its area page, feeds and embed."""
        if parish.pk is None:  # a preview of an area page not yet saved
            return self.none()
        return self.filter(event__parish=parish, end__gt=timezone.now()).public().for_listing()


class Occurrence(models.Model):
    """A date of an event, kept for a rolling window so listings and the month view are simple
    range queries. Rebuilt from the event whenever it is published, unpublished or moved
    (local_events/occurrences.py, connected in apps.py), and daily to move the window on."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(db_index=True)
    status = models.CharField(
        max_length=10,
        choices=[
            (recurrence.SCHEDULED, "Scheduled"),
            (recurrence.CANCELLED, "Cancelled"),
            (recurrence.MOVED, "Moved"),
        ],
        default=recurrence.SCHEDULED,
    )
    reason = models.CharField(max_length=200, blank=True)
    original_start = models.DateTimeField(null=True, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    @property
    def cancelled(self):
        return self.status == recurrence.CANCELLED

    @property
    def moved(self):
        return self.status == recurrence.MOVED

    @property
    def all_day(self):
        return self.event.all_day

    def __str__(self):
        return f"{self.event.title}, {timezone.localtime(self.start):%d %b %Y %H:%M}"

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["start", "end"])]

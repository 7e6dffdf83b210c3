"""What an event can be and how it can repeat: the choices officers pick from, shared by the
models, the admin form and the public filters."""

from django.db import models

from local_events import recurrence


class EventType(models.TextChoices):
    BEAT_SURGERY = "beat-surgery", "Beat surgery"
    PATCH_WALK = "patch-walk", "Patch walk"
    COMMUNITY_EVENT = "community-event", "Community event"
    MEETING = "meeting", "Public meeting"
    TRAINING = "training", "Training"
    AWARENESS_DAY = "awareness-day", "Awareness day"


class Repeats(models.TextChoices):
    ONCE = recurrence.ONCE, "Does not repeat"
    WEEKLY = recurrence.WEEKLY, "Every week (or every few weeks) on the same day"
    MONTHLY_BY_WEEKDAY = (
        recurrence.MONTHLY_BY_WEEKDAY,
        "Monthly on a weekday, such as the first Tuesday",
    )
    MONTHLY_BY_DATE = recurrence.MONTHLY_BY_DATE, "Monthly on the same date, such as the 15th"


WEEK_CHOICES = [(1, "First"), (2, "Second"), (3, "Third"), (4, "Fourth"), (-1, "Last")]
WEEKDAY_CHOICES = list(enumerate(recurrence.WEEKDAY_NAMES))

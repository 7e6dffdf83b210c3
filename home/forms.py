"""Length limits in the admin, shown and enforced with a clear message.

A text box with a `maxlength` attribute cuts a paste short without a word: a 320-character
title became 255 characters and nobody knew. So every text field of a model with a limit, in
every Wagtail admin form (pages, snippets, settings, inline rows), is built without the
attribute; its help text says the limit ("Up to 255 characters."), and the server still checks
it, refusing longer text with a message saying how long it is and by how much to shorten it, so
nothing is saved until it fits.

A date box says in its help text how to type a date ("For example, 25/11/2026.").

Choices of several related things (topics, parishes, priorities, partners) are ticked in a list
of checkboxes, not picked by Ctrl-click in a list box. A model may say how its choices are
labelled and fetched: `choice_queryset(queryset)` (a classmethod) and `choice_label` (a
property); a priority says which plan and year it belongs to that way.

A general page with parts still in square brackets, as the set-up's drafts have them ("[the
team's email address]"), can be saved and previewed, but not published or sent for approval
until each is filled in (`StandardPageForm`).

`install()` (called from home/apps.py, before Wagtail builds any admin form) registers the fields
below with Wagtail's form field overrides.
"""

import json
import re
from datetime import date

from django import VERSION as DJANGO_VERSION
from django import forms
from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin import widgets
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.models import register_form_field_override

TOO_LONG = (
    "This is %(show_value)d characters long; the limit is %(limit_value)d. Shorten it, "
    "then save again: nothing has been saved."
)


def limit_in_words(max_length):
    return f"Up to {max_length:,} characters."


def with_sentence(help_text, sentence):
    """A field's help text with a sentence added at the end (once)."""
    help_text = str(help_text or "").strip()
    if sentence in help_text:
        return help_text
    if help_text and not help_text.endswith((".", "!", "?", ":")):
        help_text += "."
    return f"{help_text} {sentence}" if help_text else sentence


class LengthLimitMixin:
    """For a form field with `max_length`: the limit in its help text, a clear message when the
    text is too long, and no `maxlength` attribute to cut the text short in the browser."""

    default_error_messages = {"max_length": TOO_LONG}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.help_text = with_sentence(self.help_text, limit_in_words(self.max_length))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if attrs.pop("maxlength", None) is not None:
            # For a character count in the browser one day; it does not limit typing.
            attrs["data-max-length"] = str(self.max_length)
        return attrs


class LimitedCharField(LengthLimitMixin, forms.CharField):
    pass


class LimitedSlugField(LengthLimitMixin, forms.SlugField):
    pass


class LimitedURLField(LengthLimitMixin, forms.URLField):
    pass


class LimitedEmailField(LengthLimitMixin, forms.EmailField):
    pass


class DayMonthYearField(forms.DateField):
    """A date, with an example in the order the date picker expects: a date typed another way
    (2026-11-25) would be replaced by today's when the box loses focus."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        example = date(2026, 11, 25).strftime(settings.WAGTAIL_DATE_FORMAT)
        self.help_text = with_sentence(self.help_text, f"For example, {example}.")


class ChoiceLabelMixin:
    """For a choice of model instances: labelled and fetched the way the model says."""

    def __init__(self, queryset, *args, **kwargs):
        if queryset is not None and hasattr(queryset.model, "choice_queryset"):
            queryset = queryset.model.choice_queryset(queryset)
        super().__init__(queryset, *args, **kwargs)

    def label_from_instance(self, obj):
        return getattr(obj, "choice_label", None) or str(obj)


class LabelledChoiceField(ChoiceLabelMixin, forms.ModelChoiceField):
    pass


class LabelledMultipleChoiceField(ChoiceLabelMixin, forms.ModelMultipleChoiceField):
    pass


def kept_rows(formset):
    """The rows of an inline formset that will be saved: valid, filled in and not deleted, for
    checks across rows (the same date twice, the same partner twice)."""
    for form in formset.forms:
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE"):
            yield form


# Words in square brackets: "[date]", "[list them, or remove this sentence]"; not "[1]" or "[sic]".
TO_FILL_IN = re.compile(r"\[[A-Za-z][^\[\]<>{}]{3,}\]")


class StandardPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Saving a draft and previewing defer validation (Wagtail's own required fields too).
        if self.is_deferred_validation:
            return cleaned_data
        for name in ("introduction", "body"):
            value = cleaned_data.get(name)
            if hasattr(value, "get_prep_value"):
                value = json.dumps(value.get_prep_value(), ensure_ascii=False)
            unfilled = list(dict.fromkeys(TO_FILL_IN.findall(value or "")))
            if unfilled:
                self.add_error(
                    name,
                    "Fill in or remove the parts in square brackets before this page goes live: "
                    + ", ".join(unfilled)
                    + ". You can save it as a draft meanwhile.",
                )
        return cleaned_data


def install():
    """Register the fields; each keeps Wagtail's own widget for that kind of field."""
    register_form_field_override(models.CharField, override={"form_class": LimitedCharField})
    # Wagtail's auto-height text box; exact, so rich text fields keep their editor.
    register_form_field_override(
        models.TextField,
        override={"widget": widgets.AdminAutoHeightTextInput, "form_class": LimitedCharField},
        exact_class=True,
    )
    register_form_field_override(
        models.SlugField, override={"widget": widgets.SlugInput, "form_class": LimitedSlugField}
    )
    url = {"form_class": LimitedURLField}
    if DJANGO_VERSION < (6, 0):  # as Wagtail does: addresses typed without a scheme are https
        url["assume_scheme"] = "https"
    register_form_field_override(models.URLField, override=url)
    register_form_field_override(models.EmailField, override={"form_class": LimitedEmailField})
    register_form_field_override(
        models.DateField,
        override={"widget": widgets.AdminDateInput, "form_class": DayMonthYearField},
    )
    register_form_field_override(
        ParentalManyToManyField,
        override={
            "form_class": LabelledMultipleChoiceField,
            "widget": forms.CheckboxSelectMultiple,
        },
    )

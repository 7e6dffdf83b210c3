"""Filters from a query string, for public listings and the admin's, with django-filter.

Public listings answer a value that matches nothing with a 404: it only comes from a mistyped or
out-of-date link, and showing everything instead would hide that. Only something shaped like an
id or a slug reaches the database: a 20-digit id overflows SQLite, and PostgreSQL refuses NUL.
"""

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.http import urlencode

from home.forms import ChoiceLabelMixin

ID = re.compile(r"[0-9]{1,18}")
SLUG = re.compile(r"[-\w]+")
YEAR = re.compile(r"[1-9][0-9]{3}")  # a longer number is no year a date can have


class _Shaped:
    """A choice of rows that refuses a value not shaped like `shape` before asking the database."""

    shape = ID

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        for one in values:
            if one not in self.empty_values and not self.shape.fullmatch(str(one)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": one},
                )
        return super().clean(value)


class IdChoiceField(_Shaped, ChoiceLabelMixin, django_filters.fields.ModelChoiceField):
    pass


class IdsChoiceField(_Shaped, ChoiceLabelMixin, django_filters.fields.ModelMultipleChoiceField):
    pass


class SlugChoiceField(_Shaped, django_filters.fields.ModelChoiceField):
    shape = SLUG


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A row chosen by its slug (?area=kibworth)."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class YearField(forms.CharField):
    """Four digits, as a whole number: not "02026", " 2026" or "2026.0"."""

    def __init__(self, **kwargs):
        super().__init__(strip=False, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if not YEAR.fullmatch(value):
            raise ValidationError("Enter a year.", code="invalid")
        return int(value)


class YearFilter(django_filters.Filter):
    """A date field's year (?year=2026)."""

    field_class = YearField

    def __init__(self, field_name, **kwargs):
        super().__init__(field_name=field_name, lookup_expr="year", **kwargs)


def shaped_ids(filterset):
    """Make a filterset's choices of rows refuse anything but an id, as a form error."""
    for filter_ in filterset.filters.values():
        if isinstance(filter_, django_filters.ModelMultipleChoiceFilter):
            filter_.field_class = IdsChoiceField
        elif isinstance(filter_, django_filters.ModelChoiceFilter) and not isinstance(
            filter_, SlugChoiceFilter
        ):
            filter_.field_class = IdChoiceField


class PublicFilterSet(django_filters.FilterSet):
    """A public listing's filters. `choices` gives each row-choosing filter the rows residents
    may choose from (visible ones), so that nothing hidden can be chosen by its slug or id.

    `not_found` gives each filter the 404's message for a value that matches nothing."""

    not_found = {}
    # Older names of filters, still answered: links from parish websites say ?parish=.
    aliases = {"parish": "area"}

    def __init__(self, data, queryset, *, choices=None, **kwargs):
        old = {alias: name for alias, name in self.aliases.items() if alias in (data or {})}
        if old:
            data = data.copy()
            for alias, name in old.items():
                data.setdefault(name, data.get(alias))
        super().__init__(data, queryset=queryset, **kwargs)
        for name, rows in (choices or {}).items():
            self.filters[name].queryset = rows
        if not self.is_valid():
            name = next(iter(self.errors))
            raise Http404(self.not_found.get(name, "There is no such choice."))

    @property
    def chosen(self):
        """{name: value} for each filter in use: a row, a choice's value or a year."""
        values = {name: value for name, value in self.form.cleaned_data.items() if value}
        return values

    @property
    def active(self):
        return bool(self.chosen)

    def query(self, **overrides):
        """The filters in use as a query string, for links that keep them."""
        values = {name: self.data.get(name, "") for name in self.chosen}
        values.update(overrides)
        pairs = {name: value for name, value in values.items() if value}
        return f"?{urlencode(pairs)}" if pairs else ""

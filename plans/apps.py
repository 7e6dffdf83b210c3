from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"

    def ready(self):
        from django import forms
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from home.forms import LabelledChoiceField
        from plans.models import PriorityPage

        # A priority is chosen from a list that says which plan and year each belongs to
        # ("Priority 2: Places, 2026 to 2027"), never by its title alone.
        register_form_field_override(
            models.ForeignKey,
            to=PriorityPage,
            override={"form_class": LabelledChoiceField, "widget": forms.Select},
        )

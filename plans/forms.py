"""The officers' forms: an action lists each partner once; an indicator has one value a period,
however the period is written ("2023/24" and "2023-24" are the same year)."""

from wagtail.admin.forms import WagtailAdminModelForm

from home.forms import kept_rows
from plans.progress import parse_period

PARTNER_LINKS = ("lead_partner_links", "supporting_partner_links")


class ActionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        for relation in PARTNER_LINKS:
            formset = self.formsets.get(relation)
            if formset is None:
                continue
            seen = set()
            for form in kept_rows(formset):
                partner = form.cleaned_data.get("partner")
                if partner is None:
                    continue
                if partner.pk in seen:
                    form.add_error("partner", f"{partner} is already listed: remove this row.")
                seen.add(partner.pk)
        return cleaned


class IndicatorForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("values")
        if formset is None:
            return cleaned
        seen = {}
        for form in kept_rows(formset):
            written = form.cleaned_data.get("period")
            try:
                label = parse_period(written).label if written else None
            except ValueError:
                continue  # the row's own check says what is wrong with it
            if label in seen:
                form.add_error(
                    "period",
                    f"'{written}' is the same period as '{seen[label]}' ({label}) in another "
                    "row: give each period once.",
                )
            elif label:
                seen[label] = written
        return cleaned

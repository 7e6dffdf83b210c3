"""The officers' form for an action: each partner listed once."""

from wagtail.admin.forms import WagtailAdminModelForm

from home.forms import kept_rows

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

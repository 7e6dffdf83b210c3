from wagtail.admin.forms import WagtailAdminPageForm

from areas.permissions import editable_areas, edits_all_news


class UpdatePageForm(WagtailAdminPageForm):
    """A parish editor's news is about their own areas: they may tick only those, and must tick
    at least one (news for the whole district is the partnership's to publish)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        index = parent_page or (self.instance.get_parent() if self.instance.pk else None)
        self.limited = (
            self.for_user is not None
            and index is not None
            and not edits_all_news(self.for_user, index.specific)
        )
        if self.limited and "parishes" in self.fields:
            field = self.fields["parishes"]
            field.queryset = editable_areas(self.for_user, field.queryset)
            field.required = True
            field.error_messages["required"] = "Choose the town or parish this news is about."
            field.help_text = "The towns and parishes this is about: those you edit."

"""Saving straight after typing makes one record, not two (Wagtail 8's autosave).

On a form that creates a snippet or a page, Wagtail's autosave (its `w-autosave` controller)
POSTs the form to the *add* address in the background, and only when the answer comes back does
it point the form at the new record's edit address. Pressing Save before then (while the
autosave's request is at the server, or in the half second before it is sent) posts the form to
the add address a second time, and a second record is made. Nothing on the server ties the two
requests together, and Wagtail has no setting to turn autosave off for create views only.

So every editor form is given a small script, home/static/home/js/save-after-autosave.js (the
`insert_editor_js` hook, in home/wagtail_hooks.py), that puts the two in order: once Save is pressed, no further autosave
starts; and if one is already under way, the Save waits for it to finish, by which time the form
points at the record the autosave made, and the Save edits that record instead of making
another. The same holds on edit forms, where it saves a needless revision.

Autosave is only for what has drafts. A snippet without drafts (an action, a partner, an
indicator) is live the moment it is saved: an autosave of a half-typed action put it on the
public priority page and in the open data before the officer pressed Save. Their create and edit
views (`NoLiveAutosave`) turn autosave off, so nothing is saved until Save is pressed.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail.snippets.views.snippets import CopyView, CreateView, EditView


def editor_js():
    return format_html('<script src="{}"></script>', static("home/js/save-after-autosave.js"))


class NoLiveAutosave:
    """For a create or edit view: autosave only where saving makes a draft, never where it would
    change what the public sees."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not self.draftstate_enabled:
            self.autosave_enabled = False


class SnippetCreateView(NoLiveAutosave, CreateView):
    pass


class SnippetEditView(NoLiveAutosave, EditView):
    pass


class SnippetCopyView(NoLiveAutosave, CopyView):
    pass

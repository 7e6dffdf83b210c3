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
"""

from django.templatetags.static import static
from django.utils.html import format_html


def editor_js():
    return format_html('<script src="{}"></script>', static("home/js/save-after-autosave.js"))

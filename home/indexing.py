"""Search indexing for models whose indexed fields include their many-to-many relations."""

from wagtail.search import index


class IndexedWithRelations:
    """Wagtail indexes a row when it is saved, reading it back from the database, and a
    clusterable model (a page, a snippet with inline panels) saves its many-to-many relations
    after that: its first index entry would leave them out (a campaign not found by its topics
    until it was saved again). Index it again once they are saved."""

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        index.insert_or_update_object(self)
        return result

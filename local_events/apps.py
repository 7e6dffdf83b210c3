from django.apps import AppConfig


class EventsConfig(AppConfig):
    # The package is not called `events`: that name belongs to a library the OpenSearch client
    # imports (`from events import Events`), and a folder of ours by that name would hide it.
    # The app label stays "events", so models are "events.EventPage" and templates live in
    # templates/events/.
    name = "local_events"
    label = "events"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from local_events.models import EventPage
        from local_events.occurrences import event_changed, event_unpublished

        # Deleting an event deletes its occurrences with it (a cascading foreign key).
        page_published.connect(event_changed, sender=EventPage, dispatch_uid="events-published")
        post_page_move.connect(event_changed, sender=EventPage, dispatch_uid="events-moved")
        page_unpublished.connect(
            event_unpublished, sender=EventPage, dispatch_uid="events-unpublished"
        )

from django.apps import AppConfig


class EventsConfig(AppConfig):
    # The package is not called `events`: that name belongs to a library the OpenSearch client
    # imports (`from events import Events`), and a folder of ours by that name would hide it.
    # The app label stays "events", so models are "events.EventPage" and templates live in
    # templates/events/.
    name = "local_events"
    label = "events"

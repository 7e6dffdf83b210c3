"""People and media for tests, made on the new partnership every test starts from.

Each app's own content has its factories beside its tests (tests/<app>/factories.py). These are
the ones every app's tests use: the team members who sign in, and pictures and documents.
"""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.starter import COMMS_LEADS, COMMS_TEAM, PARISH_EDITORS, PARTNERSHIP_OFFICERS

PASSWORD = "changeme"

# The people the tests sign in as, by the teams setup_partnership makes (the demo's logins
# have the same names and teams).
TEAMS = {
    "comms": (COMMS_TEAM,),
    "lead": (COMMS_TEAM, COMMS_LEADS),
    "officer": (PARTNERSHIP_OFFICERS,),
    "parish": (PARISH_EDITORS,),
}


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a login; `groups` are the names of the teams they are in."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*(Group.objects.get(name=name) for name in names))


def team_member(username, *groups):
    """`admin` (a superuser), one of TEAMS, or anyone in the teams named."""
    if username == "admin":
        return UserFactory(username=username, is_superuser=True, is_staff=True)
    return UserFactory(username=username, groups=groups or TEAMS[username])


def signed_in(client, username, *groups):
    """The test client, signed in through the login form's check as `team_member(...)`."""
    team_member(username, *groups)
    assert client.login(username=username, password=PASSWORD)
    return client


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Picture {n}")
    description = factory.LazyAttribute(lambda image: f"Described: {image.title}")


DocumentFactory = wagtail_factories.DocumentFactory

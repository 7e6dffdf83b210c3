"""Run a module of each app in turn (its starter), in the order of settings.LOCAL_APPS:
`home` first, then each layer above it, so no app needs to know about the others."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings


def each_apps(module):
    """The `module` of each app that has one, such as every `<app>.starter`."""
    for app_name in settings.LOCAL_APPS:
        name = f"{app_name}.{module}"
        if find_spec(name) is not None:
            yield import_module(name)

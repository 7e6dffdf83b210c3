"""A laptop: debug pages on, a fixed key, the demo admin allowed."""

from .base import *  # noqa: F403
from .base import ENV

DEBUG = True
SECRET_KEY = ENV.get(
    "SECRET_KEY", "dev-only-key-not-for-any-server-0123456789-abcdefghijklmnopqrstuvwxyz"
)
DEMO_USERS_ALLOWED = True
SERVE_MEDIA = True
# Serve site/build straight from the finders, so a rebuild shows without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

"""A laptop: debug pages on, a fixed key, the demo admin allowed."""

from .base import *  # noqa: F403
from .base import ENV

DEBUG = True
SECRET_KEY = ENV.get(
    "SECRET_KEY", "dev-only-key-not-for-any-server-0123456789-abcdefghijklmnopqrstuvwxyz"
)
# The demo logins (admin / changeme) only for a laptop's own SQLite file: never for a database
# named in DATABASE_URL, even if a server runs manage.py without choosing its settings.
DEMO_USERS_ALLOWED = not ENV.get("DATABASE_URL")
SERVE_MEDIA = True
# Serve site/build straight from the finders, so a rebuild shows without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

"""The test suite: production-like (DEBUG off), quick to hash passwords, no files left behind."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import ENV

SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789"
DEMO_USERS_ALLOWED = True
SERVE_MEDIA = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One folder for every run, outside the project, rather than a new one each time.
MEDIA_ROOT = Path(ENV.get("MEDIA_ROOT") or Path(tempfile.gettempdir()) / "csp-test-media")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

"""Settings shared by every environment. Each value that differs between machines comes from
the environment (see config/env.py); the defaults suit a laptop with nothing installed."""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF

from config import env
from home.inline_script import JS_ENABLED, hash_source

BASE_DIR = Path(__file__).resolve().parent.parent.parent
ENV = os.environ

SECRET_KEY = ENV.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env.as_list(ENV.get("ALLOWED_HOSTS"), ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.as_list(ENV.get("CSRF_TRUSTED_ORIGINS"))

# The site's own apps. Listed first so their templates and commands win; `setup_partnership`
# runs their starters in this order: places first, then what refers to them.
LOCAL_APPS = ["home", "areas", "plans", "campaigns", "news", "local_events", "search"]

INSTALLED_APPS = [
    *LOCAL_APPS,
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    # wagtail-modeladmin builds on Django's admin (its list filters); the Django admin itself has no URL.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages whole, and every response's Cache-Control: outside the middleware below, so
    # that a kept page has their headers and a request answered from it costs one query.
    "home.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "home.middleware.PermissionsPolicyMiddleware",
    "home.middleware.DatabaseUnavailableMiddleware",  # a busy or read-only database: 503
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: its lock-out page passes all the others
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database(ENV, BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = env.caches(ENV)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes). Wrong passwords for the admin (and for Wagtail's front-end
# login) are counted, and so are wrong passwords for password-protected pages and document
# collections (home/lockouts.py wraps Wagtail's views). Superusers unlock people early under
# Settings > Sign-in lock-outs, or `manage.py axes_reset` clears every lock-out.
AUTHENTICATION_BACKENDS = [
    # Axes' AxesStandaloneBackend, refusing locked-out logins before any password is checked.
    "home.lockouts.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# A try while locked out starts the 15 minutes again, so guessing on never gets a turn.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_RESET_ON_SUCCESS = True
# Lock the pair of username and client address, not either alone. Locking a username wherever
# the guesses come from would let anyone shut an editor out by typing their username wrongly
# five times; locking an address alone would shut out a whole council office behind one shared
# address over one person's typing. With the pair, a guesser is stopped after 5 tries per
# username from their address, and the editor, from their own address, can still sign in.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client's address, counting our own reverse proxies from the right of X-Forwarded-For (see
# config/env.py and home/lockouts.py); with none, the address the connection came from.
TRUSTED_PROXY_COUNT = env.trusted_proxy_count(ENV)
AXES_CLIENT_IP_CALLABLE = "home.lockouts.client_ip_address"
AXES_LOCKOUT_CALLABLE = "home.lockouts.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Keep failed attempts only (they expire with the cool-off): no lasting log of every editor's
# sign-ins and addresses. The Django admin, where Axes would list them, has no URL here.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: site/build is what `npm run build` makes from site/src.
STATIC_URL = "/static/"
STATIC_ROOT = Path(ENV.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "build"]
MEDIA_URL = "/media/"
# Uploaded images and documents: Django serves them only on a laptop or in the tests. In
# production the web server in front (nginx, say) serves MEDIA_ROOT at /media/.
SERVE_MEDIA = False
MEDIA_ROOT = Path(ENV.get("MEDIA_ROOT", BASE_DIR / "media"))
# Images and documents in MEDIA_ROOT, or in an S3-compatible bucket (config/env.py).
STORAGES = {
    "default": env.media_storage(ENV),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = ENV.get("SITE_NAME", "Community Safety Partnership")
WAGTAILADMIN_BASE_URL = ENV.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = env.search_backends(ENV)
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Approving a workflow publishes the page even though approvers may not publish it directly.
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.approval.publish_approved"
# The page that asks for a password names nothing of what it protects, in the site's own style.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "documents_password_required.html"
# No avatars from Gravatar: the admin makes no requests to other sites either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go through Wagtail's serve view (not straight from /media/), so privacy settings
# apply and only these types can be uploaded at all.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Caching whole responses (home/page_cache.py). Browsers keep a public page this many seconds;
# shared caches (the front cache) longer, since the site purges them when content changes
# (home/front_cache.py); the site's own copy, in CACHES, is dropped at once on any change. None
# is kept past the next expiry, scheduled go-live or midnight.
BROWSER_CACHE_SECONDS = int(ENV.get("BROWSER_CACHE_SECONDS", 60))
PAGE_CACHE_SECONDS = int(ENV.get("PAGE_CACHE_SECONDS", 60 * 60))
WAGTAILFRONTENDCACHE = env.front_caches(ENV)
# Without a front cache to purge, a shared cache someone puts in front keeps pages 5 minutes.
FRONT_CACHE_SECONDS = int(
    ENV.get("FRONT_CACHE_SECONDS", 60 * 60 if WAGTAILFRONTENDCACHE else 60 * 5)
)

# Commands the development runner (`manage.py scheduler`) runs, and how often in seconds.
# Production runs the same commands from cron: see the README.
SCHEDULED_COMMANDS = [
    ("publish_scheduled", 60),
    ("extend_occurrences", 60 * 60 * 24),
    ("forget_search_terms", 60 * 60 * 24),
]

# What residents search for is kept this many days (for the comms team's search terms report),
# then deleted by forget_search_terms: searches may hold names or addresses.
WAGTAILSEARCH_HITS_MAX_AGE = 30

# The occurrence table holds events' dates from this many months back to this many ahead;
# extend_occurrences moves the window on daily.
EVENT_OCCURRENCES_MONTHS_BACK = 12
EVENT_OCCURRENCES_MONTHS_AHEAD = 24

# Whether `load_demo` may create the demo admin with its published password.
DEMO_USERS_ALLOWED = False

# Security headers for every environment; production adds HTTPS-only settings on top.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# The Content Security Policy for public pages: no inline code but GOV.UK Frontend's one
# js-enabled line, allowed by its hash (home/inline_script.py), so that a public page is the
# same for every visitor and can be cached whole. Wagtail's admin uses inline code that a
# strict policy would break, so it is left out and protected by being behind a login.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "base-uri": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [NONE],
        "img-src": [SELF, "data:", *env.media_origins(ENV)],
        "manifest-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "script-src": [SELF, hash_source(JS_ENABLED)],
        "style-src": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.get("LOG_LEVEL", "WARNING")},
}

import os

from django.core.wsgi import get_wsgi_application

from config.memory import freeze_what_is_loaded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()
freeze_what_is_loaded()  # after loading the site, in each worker (config/memory.py)

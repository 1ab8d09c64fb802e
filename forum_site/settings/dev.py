from .base import *  # noqa: F403

DEBUG = True
# The demo site and its demo administrator (`make run`): never installed in production.
INSTALLED_APPS = ["demo", *INSTALLED_APPS]  # noqa: F405
# Serve static files straight from the apps' folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

from .base import *  # noqa: F403

DEBUG = True
# Serve static files straight from the apps' folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

from django.apps import AppConfig


class ForumSiteConfig(AppConfig):
    name = "forum_site"
    verbose_name = "Arab Smart Cities Forum"

    def ready(self):
        from . import invalidation, locales, localize

        invalidation.connect()
        locales.connect()
        localize.connect()

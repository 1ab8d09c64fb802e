from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The bilingual demo site and its demo administrator: installed in development and tests, never in production."""

    name = "demo"
    verbose_name = "Demo content"

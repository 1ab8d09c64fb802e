"""`python -m tests.build_demo`: the demo site for a test run (tests/shared_demo.py), its images encoded as the
tests encode them (tests/avif.py), in the database DATABASE_URL names."""

import django
from django.core.management import call_command

from tests import avif


def render_every_page():
    """Request every live page once, so that a copy of the database (the demo site, the base tree) holds the
    renditions its pages show.

    Wagtail makes a rendition at the first request that shows it, and each test starts from such a copy:
    without them, every browser test made the same renditions again (on the demo site, a third of the
    screenshot test's time), and a test that only looked wrote to the database, which then had to be copied
    back (conftest.py)."""
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().iterator():
        response = client.get(page.get_url())
        if response.status_code != 200:
            raise RuntimeError(f"{page.get_url()} answered {response.status_code}")


if __name__ == "__main__":
    avif.encode_faster()
    django.setup()
    call_command("load_demo_content")
    render_every_page()

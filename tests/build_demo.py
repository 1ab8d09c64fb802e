"""`python -m tests.build_demo`: the demo site for a test run (tests/shared_demo.py), its images encoded as the
tests encode them (tests/avif.py), in the database DATABASE_URL names."""

import django
from django.core.management import call_command

from tests import avif

if __name__ == "__main__":
    avif.encode_faster()
    django.setup()
    call_command("load_demo_content")

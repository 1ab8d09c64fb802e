"""Fixtures of the apps' own test folders that the cross-app tests use too."""

from programs.tests.conftest import course, programs_tree  # noqa: F401 - fixtures, found by pytest here

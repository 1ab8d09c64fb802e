"""Fixtures of the apps' own test folders that the cross-app tests use too."""

from programs.tests.conftest import course, course_of_module, programs_tree, programs_tree_of_module  # noqa: F401 - fixtures, found by pytest here

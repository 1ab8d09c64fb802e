from programs.tests.conftest import course, programs_tree  # noqa: F401 - fixtures, found by pytest here

from programs.tests.conftest import course, course_of_module, programs_tree, programs_tree_of_module  # noqa: F401 - fixtures, found by pytest here

import pytest

from conftest import built_for_module, for_this_test, home_pages

from . import helpers


@pytest.fixture(scope="module")
def partners_page_of_module(request):
    """Built once for the rest of a module where it can be (`shared_in_module`); for each test elsewhere."""
    return built_for_module(request, "partners_page", lambda: helpers.partners_page(home_pages().home_ar))


@pytest.fixture
def partners_page(partners_page_of_module, site_tree):
    return for_this_test(partners_page_of_module, helpers.partners_page, site_tree.home_ar)

import pytest

from conftest import home_pages, refreshed
from search.tests.pages import create_search_pages


@pytest.fixture(scope="module")
def search_pages_of_module(module_transaction):
    # Kept for the rest of the module once built, even for tests not asking for it: the search modules'
    # other tests look for words these pages do not hold.
    return module_transaction and create_search_pages(home_pages())


@pytest.fixture
def search_pages(search_pages_of_module, site_tree):
    """Fourteen pages published and translated: built once per module."""
    return refreshed(search_pages_of_module) if search_pages_of_module else create_search_pages(site_tree)

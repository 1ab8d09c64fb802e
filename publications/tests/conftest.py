import pytest

from . import helpers


@pytest.fixture
def publication_index(site_tree):
    return helpers.index_page(site_tree.home_ar)

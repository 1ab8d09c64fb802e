import pytest

from . import helpers


@pytest.fixture
def partners_page(site_tree):
    return helpers.partners_page(site_tree.home_ar)

import pytest

from . import helpers


@pytest.fixture
def news_index(site_tree):
    return helpers.news_index(site_tree.home_ar)

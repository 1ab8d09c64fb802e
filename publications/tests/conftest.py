import pytest

from . import helpers


@pytest.fixture
def publication_index(site_tree):
    return helpers.index_page(site_tree.home_ar)


@pytest.fixture
def bilingual_study(publication_index):
    """A study in Arabic with its English translation: two people (the first with the al- particle) and an
    organisation, in that order; Arabic and English PDF editions; a DOI; one topic."""
    return helpers.bilingual_study(publication_index)

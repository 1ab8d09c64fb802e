import pytest

from conftest import home_pages, refreshed, shared_in_module

from . import helpers


@pytest.fixture(scope="module")
def publication_index_of_module(request):
    """Built once for the rest of a module where it can be (`shared_in_module`); for each test elsewhere."""
    return helpers.index_page(home_pages().home_ar) if shared_in_module(request, "publication_index") else None


@pytest.fixture
def publication_index(publication_index_of_module, site_tree):
    if publication_index_of_module:
        return refreshed(publication_index_of_module)
    return helpers.index_page(site_tree.home_ar)


@pytest.fixture(scope="module")
def bilingual_study_of_module(request, publication_index_of_module):
    if publication_index_of_module and shared_in_module(request, "bilingual_study"):
        return helpers.bilingual_study(publication_index_of_module)
    return None


@pytest.fixture
def bilingual_study(bilingual_study_of_module, publication_index):
    """A study in Arabic with its English translation: two people (the first with the al- particle) and an
    organisation, in that order; Arabic and English PDF editions; a DOI; one topic."""
    if bilingual_study_of_module:
        return refreshed(bilingual_study_of_module)
    return helpers.bilingual_study(publication_index)

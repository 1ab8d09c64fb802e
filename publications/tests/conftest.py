import pytest

from conftest import built_for_module, for_this_test, home_pages

from . import helpers


@pytest.fixture(scope="module")
def publication_index_of_module(request):
    """Built once for the rest of a module where it can be (`shared_in_module`); for each test elsewhere."""
    return built_for_module(request, "publication_index", lambda: helpers.index_page(home_pages().home_ar))


@pytest.fixture
def publication_index(publication_index_of_module, site_tree):
    return for_this_test(publication_index_of_module, helpers.index_page, site_tree.home_ar)


@pytest.fixture(scope="module")
def bilingual_study_of_module(request, publication_index_of_module):
    return built_for_module(request, "bilingual_study", helpers.bilingual_study, publication_index_of_module)


@pytest.fixture
def bilingual_study(bilingual_study_of_module, publication_index):
    """A study in Arabic with its English translation: two people (the first with the al- particle) and an
    organisation, in that order; Arabic and English PDF editions; a DOI; one topic."""
    return for_this_test(bilingual_study_of_module, helpers.bilingual_study, publication_index)

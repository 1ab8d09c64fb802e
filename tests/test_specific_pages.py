"""Pages of several types read as their own types in one query (forum_site/pages.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from forum_site.pages import specific
from programs.models import EventPage, TrainingCoursePage, WorkshopPage
from programs.tests.conftest import make_event


def test_mixed_page_types_are_read_as_their_own_types_in_two_queries(programs_tree):
    course = make_event(programs_tree.program, english=False)
    workshop = make_event(programs_tree.program, WorkshopPage, english=False)
    wanted = [programs_tree.home_ar.pk, programs_tree.program.pk, programs_tree.calendar_ar.pk, course.pk, workshop.pk]

    with CaptureQueriesContext(connection) as queries:
        pages = specific(Page.objects.filter(pk__in=wanted).order_by("path"))

    assert len(queries) == 2  # the types, then the pages joined to their tables
    assert {type(page) for page in pages} == {
        type(programs_tree.home_ar.specific),
        type(programs_tree.program.specific),
        type(programs_tree.calendar_ar.specific),
        TrainingCoursePage,
        WorkshopPage,
    }
    by_pk = {page.pk: page for page in pages}
    assert by_pk[course.pk].capacity == course.capacity and by_pk[course.pk].title == course.title
    assert [page.pk for page in pages] == sorted(wanted, key=lambda pk: Page.objects.get(pk=pk).path)


def test_a_queryset_of_a_parent_type_reads_its_subtypes(programs_tree):
    course = make_event(programs_tree.program, english=False)
    workshop = make_event(programs_tree.program, WorkshopPage, english=False)

    pages = specific(EventPage.objects.filter(pk__in=[course.pk, workshop.pk]))

    assert sorted(type(page).__name__ for page in pages) == ["TrainingCoursePage", "WorkshopPage"]

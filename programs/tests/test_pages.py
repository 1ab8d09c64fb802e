"""The page tree of programs: what can be created where, and that every page type renders."""

from conftest import home_pages
from home.models import HomePage
from programs.models import (
    EventPage,
    ProgramIndexPage,
    ProgramPage,
    TrainingCalendarPage,
    TrainingCoursePage,
    WorkshopPage,
)
from tests.pages import LocalisedPageTestCase

from .conftest import build_programs_tree, make_event


class ProgramPageTreeTests(LocalisedPageTestCase):
    @classmethod
    def setUpTestData(cls):
        # One page of each type in both languages (the demo site's own pages are served by demo/tests).
        tree = build_programs_tree(home_pages())
        make_event(tree.program)
        make_event(tree.program, WorkshopPage)

    def test_program_index_and_calendar_are_created_under_home(self):
        self.assertCanCreateAt(HomePage, ProgramIndexPage)
        self.assertCanCreateAt(HomePage, TrainingCalendarPage)
        self.assertAllowedParentPageTypes(ProgramIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(TrainingCalendarPage, {HomePage})

    def test_programs_live_under_the_index(self):
        self.assertCanCreateAt(ProgramIndexPage, ProgramPage)
        self.assertCanNotCreateAt(HomePage, ProgramPage)
        self.assertAllowedParentPageTypes(ProgramPage, {ProgramIndexPage})

    def test_courses_and_workshops_live_under_a_program(self):
        self.assertCanCreateAt(ProgramPage, TrainingCoursePage)
        self.assertCanCreateAt(ProgramPage, WorkshopPage)
        self.assertAllowedParentPageTypes(TrainingCoursePage, {ProgramPage})
        self.assertAllowedParentPageTypes(WorkshopPage, {ProgramPage})
        self.assertAllowedSubpageTypes(ProgramPage, {TrainingCoursePage, WorkshopPage})
        self.assertAllowedSubpageTypes(TrainingCoursePage, set())

    def test_the_shared_event_base_cannot_be_created(self):
        self.assertCanNotCreateAt(ProgramPage, EventPage)

    def test_every_page_type_is_routable_and_renderable_in_both_languages(self):
        for model in (ProgramIndexPage, ProgramPage, TrainingCalendarPage, TrainingCoursePage, WorkshopPage):
            pages = model.objects.live()
            self.assertEqual({page.locale.language_code for page in pages}, {"ar", "en"}, model)
            for page in pages:
                with self.subTest(page=page.url):
                    self.assertPageIsRoutable(page)
                    self.assertPageIsRenderable(page)

    def test_every_page_type_names_its_date_field_for_search(self):
        for model in (ProgramIndexPage, ProgramPage, TrainingCalendarPage, TrainingCoursePage, WorkshopPage):
            field = model._meta.get_field(model.search_date_field)
            self.assertEqual(field.get_internal_type(), "DateTimeField")

    def test_course_and_workshop_have_the_mou_link(self):
        for model in (TrainingCoursePage, WorkshopPage):
            self.assertEqual(model._meta.get_field("mou").related_model.__name__, "MoUPage")

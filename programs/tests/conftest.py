import re
from datetime import timedelta
from itertools import count
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from conftest import built_for_module, for_this_test, home_pages
from demo.bilingual import Bilingual
from forum_site.localize import translate
from programs import links
from programs.models import (
    ProgramIndexPage,
    ProgramPage,
    TrainingCalendarPage,
    TrainingCoursePage,
    Venue,
)

_numbers = count(1)


def make_event(program, model=TrainingCoursePage, *, english=True, venue=None, **fields):
    """A published course (or workshop) under `program`, open for registration, with its English translation."""
    number = next(_numbers)
    t = Bilingual()
    now = timezone.now()
    defaults = dict(
        title=t(f"دورة رقم {number}", f"Course number {number}"),
        slug=t(f"دورة-{number}", f"course-{number}"),
        summary=t("دورة تدريبية للبلديات.", "A training course for municipalities."),
        start_at=now + timedelta(days=30),
        end_at=now + timedelta(days=31),
        delivery_mode=model.DeliveryMode.ONLINE if venue is None else model.DeliveryMode.IN_PERSON,
        venue=venue,
        capacity=10,
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=29),
    )
    defaults.update(fields)
    event = model(**defaults)
    program.add_child(instance=event)
    event.save_revision().publish()
    if english:
        translate(event, t.english)
    return event


def make_program():
    """An Arabic programs index and program under the Arabic home page, without translations."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ar")
    index = ProgramIndexPage(title="البرامج", slug="البرامج")
    home.add_child(instance=index)
    index.save_revision().publish()
    program = ProgramPage(title="التحول الرقمي", slug="التحول-الرقمي")
    index.add_child(instance=program)
    program.save_revision().publish()
    return program


def registrant(**overrides):
    details = dict(
        name_arabic="ليلى أحمد",
        name_latin="Layla Ahmad",
        email="layla@example.org",
        phone="+962791234567",
        country="JO",
        city="عمّان",
        organisation="أمانة عمان الكبرى",
        job_title="مهندسة",
    )
    details.update(overrides)
    return details


def registration_cancelled_by_link_in(text):
    """The registration the one cancel link in `text` (an email or a page) would cancel.

    A signed link carries the second it was made in, so a test reads the link back instead of remaking it."""
    (token,) = set(re.findall(r"/programs/cancel/([^/\s\"]+)/", text))
    return links.registration_from_cancel_token(token)


def build_programs_tree(site_tree):
    """The training calendar, a programs index and a program, each with its English translation, and a venue."""
    t = Bilingual()
    arabic = Locale.objects.get(language_code="ar")
    calendar = TrainingCalendarPage(title=t("التقويم التدريبي", "Training calendar"), slug=t("التقويم", "calendar"))
    site_tree.home_ar.add_child(instance=calendar)
    calendar.save_revision().publish()
    translate(calendar, t.english)
    index = ProgramIndexPage(title=t("البرامج", "Programs"), slug=t("البرامج", "programs"))
    site_tree.home_ar.add_child(instance=index)
    index.save_revision().publish()
    translate(index, t.english)
    program = ProgramPage(
        title=t("التحول الرقمي", "Digital transformation"),
        slug=t("التحول-الرقمي", "digital-transformation"),
        summary=t("برنامج التحول الرقمي.", "The digital transformation program."),
    )
    index.add_child(instance=program)
    program.save_revision().publish()
    translate(program, t.english)
    venue = Venue.objects.create(locale=arabic, name=t("قاعة عمّان", "Amman hall"), city=t("عمّان", "Amman"))
    translate(venue, t.english)
    return SimpleNamespace(
        **vars(site_tree),
        calendar_ar=calendar,
        calendar_en=calendar.get_translation(Locale.objects.get(language_code="en")),
        index=index,
        program=program,
        venue=venue,
    )


@pytest.fixture(scope="module")
def programs_tree_of_module(request):
    """Built once for the rest of a module where it can be (`shared_in_module`); for each test elsewhere."""
    return built_for_module(request, "programs_tree", lambda: build_programs_tree(home_pages()))


@pytest.fixture
def programs_tree(programs_tree_of_module, site_tree):
    return for_this_test(programs_tree_of_module, build_programs_tree, site_tree)


@pytest.fixture(scope="module")
def course_of_module(request, programs_tree_of_module):
    return built_for_module(request, "course", _course_of, programs_tree_of_module)


@pytest.fixture
def course(course_of_module, programs_tree):
    return for_this_test(course_of_module, _course_of, programs_tree)


def _course_of(programs_tree):
    return make_event(programs_tree.program)


@pytest.fixture
def coordinator(django_user_model):
    """A member of the training coordinators' group: the one group that sees registrations."""
    user = django_user_model.objects.create_user("coordinator", email="coordinator@example.org", password="x")
    user.groups.add(Group.objects.get(name="Training coordinators"))
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def editor(django_user_model):
    """An editor: edits pages, but is not a training coordinator."""
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user

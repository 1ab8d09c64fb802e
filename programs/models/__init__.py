"""The programs app's models, in three modules so that the listings' code (programs.calendar) reads the events
without the pages that show those listings importing it back: snippets, events with their registrations, and
the pages that list events."""

from .events import (
    EventPage,
    Registration,
    RegistrationEmail,
    SeatBook,
    SeatQuota,
    TrainingCoursePage,
    WorkshopPage,
)
from .pages import ProgramIndexPage, ProgramPage, TrainingCalendarPage
from .snippets import Trainer, Venue

__all__ = [
    "EventPage",
    "ProgramIndexPage",
    "ProgramPage",
    "Registration",
    "RegistrationEmail",
    "SeatBook",
    "SeatQuota",
    "Trainer",
    "TrainingCalendarPage",
    "TrainingCoursePage",
    "Venue",
    "WorkshopPage",
]

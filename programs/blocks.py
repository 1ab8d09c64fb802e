"""The blocks of a course or workshop page: the shared body blocks plus an agenda of time slots."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from forum_site.blocks import BodyBlock


class AgendaSlotBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("starts"))
    ends = blocks.TimeBlock(label=_("ends"), required=False)
    title = blocks.CharBlock(label=_("title"))
    speaker = blocks.CharBlock(label=_("speaker"), required=False)

    class Meta:
        icon = "time"
        label = _("Time slot")


class AgendaBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("day"), required=False)
    heading = blocks.CharBlock(label=_("heading"), required=False)
    slots = blocks.ListBlock(AgendaSlotBlock(), label=_("time slots"))

    class Meta:
        icon = "list-ol"
        label = _("Agenda")
        template = "programs/blocks/agenda.html"


class EventBodyBlock(BodyBlock):
    agenda = AgendaBlock()

    class Meta:
        label = _("Body")

"""Events: what has happened to a provider, as recorded in a case file.

Every event has a ``type`` (its stable, kebab-case name in case files) and a ``date``; an
inspection has ``start`` and ``end`` instead, and its ``date`` is its last day.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import ClassVar

import attrs

from improvement_kit.calendar import Closure
from improvement_kit.model.categories import Category
from improvement_kit.model.grades import Grade, Safeguarding

__all__ = [
    "EVENT_TYPES",
    "INSPECTION_KINDS",
    "AcademyOrderMade",
    "CategoryNotice",
    "CategoryRemoved",
    "CoastingNotification",
    "CompliancePeriod",
    "DraftReportReceived",
    "Event",
    "FinalReportReceived",
    "GenericEvent",
    "Inspection",
    "NoticeGiver",
    "NoticeGround",
    "ObligationMet",
    "ReasonableNoticeGiven",
    "ReportPublished",
    "RepresentationsMade",
    "StatementOfActionSent",
    "SupportAndChallengeVisit",
    "TermDates",
    "WarningNoticeComplied",
    "WarningNoticeConfirmed",
    "WarningNoticeGiven",
    "WarningNoticeNotConfirmed",
]


class NoticeGround(enum.StrEnum):
    """The statutory kind of a warning notice."""

    PERFORMANCE_STANDARDS_AND_SAFETY = "performance-standards-and-safety"  # EIA 2006 s.60
    TEACHERS_PAY_AND_CONDITIONS = "teachers-pay-and-conditions"  # EIA 2006 s.60A


class NoticeGiver(enum.StrEnum):
    """Who gave a notice."""

    LOCAL_AUTHORITY = "local-authority"
    SECRETARY_OF_STATE = "secretary-of-state"
    WELSH_MINISTERS = "welsh-ministers"


@attrs.frozen(kw_only=True)
class Event:
    """Base class of every event. ``id`` lets other events and documents refer to it."""

    TYPE: ClassVar[str] = ""
    date: dt.date
    id: str | None = None
    notes: str | None = None

    @property
    def type(self) -> str:
        """The event's type as written in case files."""
        return self.TYPE


#: The values an inspection's ``kind`` may take (none means a full, graded inspection):
#: ``full``; ``ungraded`` (Ofsted section 8 of a good or outstanding school);
#: ``monitoring-visit``, ``monitoring-inspection`` and ``new-provider-monitoring-visit`` (further
#: education and skills monitoring, not full inspections); ``suspended`` (an inspection
#: suspended to return within three months, which gives no category on safeguarding alone).
INSPECTION_KINDS = frozenset(
    {
        "full",
        "ungraded",
        "monitoring-visit",
        "monitoring-inspection",
        "new-provider-monitoring-visit",
        "suspended",
    }
)


@attrs.frozen(kw_only=True)
class Inspection(Event):
    """An inspection: its dates, the grades per area, safeguarding and any recorded category.

    ``date`` is the last day of the inspection. ``leadership_capacity`` answers, for the
    frameworks before September 2024, whether leaders, managers and governors are demonstrating
    the capacity to improve. ``framework`` may name a framework id; otherwise the one in force
    on ``start`` applies. ``inspectorate`` is ``ofsted`` or ``estyn``; ``kind`` one of
    :data:`INSPECTION_KINDS` (none for a full inspection). ``notified_on`` is the day the
    provider was told of the inspection (further education's regimes turn on it);
    ``inspectors`` names the inspection team (a warning when the same person makes a later
    improvement visit).
    """

    TYPE: ClassVar[str] = "inspection"
    start: dt.date
    grades: Mapping[str, Grade] = attrs.field(factory=dict)
    safeguarding: Safeguarding | None = None
    leadership_capacity: bool | None = None
    category: Category | None = None
    framework: str | None = None
    inspectorate: str = "ofsted"
    kind: str | None = None
    notified_on: dt.date | None = None
    inspectors: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.start > self.date:
            raise ValueError(f"start {self.start} is after end {self.date}")
        if self.notified_on is not None and self.notified_on > self.start:
            raise ValueError(f"notified_on {self.notified_on} is after start {self.start}")

    @property
    def end(self) -> dt.date:
        """The last day of the inspection (the same as ``date``)."""
        return self.date


@attrs.frozen(kw_only=True)
class CategoryNotice(Event):
    """The Chief Inspector's notice that a school needs special measures or significant
    improvement (EA 2005 s.13(3)(a)); in Wales Estyn's notice under EA 2005 s.37(2)."""

    TYPE: ClassVar[str] = "ofsted-category-notice"
    category: Category


@attrs.frozen(kw_only=True)
class CategoryRemoved(Event):
    """A later inspection report stating that the category no longer applies."""

    TYPE: ClassVar[str] = "category-removed"
    category: Category | None = None


@attrs.frozen(kw_only=True)
class DraftReportReceived(Event):
    """The governing body or proprietor received the draft inspection report."""

    TYPE: ClassVar[str] = "draft-report-received"


@attrs.frozen(kw_only=True)
class FinalReportReceived(Event):
    """The appropriate authority (or the LA) received the final inspection report."""

    TYPE: ClassVar[str] = "final-report-received"
    received_by: str | None = None


@attrs.frozen(kw_only=True)
class ReportPublished(Event):
    """The inspection report was published."""

    TYPE: ClassVar[str] = "report-published"


@attrs.frozen(kw_only=True)
class StatementOfActionSent(Event):
    """The LA sent its statement of action (EA 2005 s.15)."""

    TYPE: ClassVar[str] = "statement-of-action-sent"


@attrs.frozen(kw_only=True)
class CompliancePeriod:
    """A compliance period as a notice specifies it: an end date, or an expression such as
    ``"15 working days following"`` counted from the day the notice was given."""

    end: dt.date | None = None
    expression: str | None = None


@attrs.frozen(kw_only=True)
class WarningNoticeGiven(Event):
    """A warning notice was given to a governing body (EIA 2006 s.60 or s.60A)."""

    TYPE: ClassVar[str] = "warning-notice-given"
    ground: NoticeGround = NoticeGround.PERFORMANCE_STANDARDS_AND_SAFETY
    given_by: NoticeGiver = NoticeGiver.LOCAL_AUTHORITY
    compliance_period_end: dt.date | None = None
    compliance_period: str | None = None
    matters: tuple[str, ...] = ()
    action_required: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class RepresentationsMade(Event):
    """The governing body made representations against a warning notice."""

    TYPE: ClassVar[str] = "representations-made"
    notice: str | None = None


@attrs.frozen(kw_only=True)
class WarningNoticeConfirmed(Event):
    """The Chief Inspector (s.60) or the LA (s.60A) confirmed a warning notice."""

    TYPE: ClassVar[str] = "warning-notice-confirmed"
    notice: str | None = None


@attrs.frozen(kw_only=True)
class WarningNoticeNotConfirmed(Event):
    """The Chief Inspector (s.60) or the LA (s.60A) decided not to confirm a warning notice."""

    TYPE: ClassVar[str] = "warning-notice-not-confirmed"
    notice: str | None = None


@attrs.frozen(kw_only=True)
class WarningNoticeComplied(Event):
    """The governing body complied with a warning notice to the authority's satisfaction."""

    TYPE: ClassVar[str] = "warning-notice-complied"
    notice: str | None = None


@attrs.frozen(kw_only=True)
class ObligationMet(Event):
    """Any obligation or expected event on the timeline was met on ``date``.

    ``item`` names the timeline item: its stable key (``<item>@<event id>``, for an item whose
    triggering event has an ``id``) or its id (``statement-of-action.due``, ``x#2``).
    """

    TYPE: ClassVar[str] = "obligation-met"
    item: str = attrs.field(validator=attrs.validators.min_len(1))


@attrs.frozen(kw_only=True)
class ReasonableNoticeGiven(Event):
    """Reasonable notice in writing of proposed intervention (EIA 2006 s.60(1)(d)/(e))."""

    TYPE: ClassVar[str] = "reasonable-notice-given"
    notice: str | None = None
    powers: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CoastingNotification(Event):
    """The Secretary of State notified the governing body that the school is coasting
    (EIA 2006 s.60B)."""

    TYPE: ClassVar[str] = "coasting-notification"


@attrs.frozen(kw_only=True)
class SupportAndChallengeVisit(Event):
    """An Ofsted support and challenge visit to a further education provider (2012-2017),
    made by ``improvement_hmi``."""

    TYPE: ClassVar[str] = "support-and-challenge-visit"
    improvement_hmi: str | None = None


@attrs.frozen(kw_only=True)
class AcademyOrderMade(Event):
    """The Secretary of State made an academy order (Academies Act 2010 s.4)."""

    TYPE: ClassVar[str] = "academy-order-made"
    converted_on: dt.date | None = None


@attrs.frozen(kw_only=True)
class TermDates(Event):
    """The school's holidays, given inline or as a CSV/iCalendar file of term dates."""

    TYPE: ClassVar[str] = "term-dates"
    holidays: tuple[Closure, ...] = ()
    file: str | None = None


@attrs.frozen(kw_only=True)
class GenericEvent(Event):
    """An event of a type a plugin declared; its fields are kept in ``details``."""

    event_type: str
    details: Mapping[str, object] = attrs.field(factory=dict)

    @property
    def type(self) -> str:
        """The event's type as written in case files."""
        return self.event_type


#: The event classes of the core, by their case-file ``type``.
EVENT_TYPES: Mapping[str, type[Event]] = {
    cls.TYPE: cls
    for cls in (
        Inspection,
        CategoryNotice,
        CategoryRemoved,
        DraftReportReceived,
        FinalReportReceived,
        ReportPublished,
        StatementOfActionSent,
        WarningNoticeGiven,
        RepresentationsMade,
        WarningNoticeConfirmed,
        WarningNoticeNotConfirmed,
        WarningNoticeComplied,
        ObligationMet,
        ReasonableNoticeGiven,
        CoastingNotification,
        AcademyOrderMade,
        SupportAndChallengeVisit,
        TermDates,
    )
}

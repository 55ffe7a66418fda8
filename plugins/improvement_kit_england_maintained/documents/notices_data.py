"""The extra data of the notices: warning notices (s.60, s.60A) and proposed intervention."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from improvement_kit.documents.extra_data import Text
from improvement_kit.model import NoticeGround

__all__ = [
    "NoticeData",
    "ProposedInterventionData",
    "TpcWarningNoticeData",
    "WarningGround",
    "WarningNoticeData",
]


class WarningGround(enum.StrEnum):
    """A ground of a performance standards and safety warning notice (EIA 2006 s.60(2))."""

    #: Standards of performance unacceptably low (s.60(2)(a)).
    STANDARDS = "standards"
    #: A serious breakdown in management or governance (s.60(2)(b)).
    BREAKDOWN = "breakdown"
    #: The safety of pupils or staff threatened (s.60(2)(c)).
    SAFETY = "safety"


@attrs.frozen(kw_only=True)
class NoticeData:
    """What a warning notice's table gives. A date the case's notice event (or its timeline)
    has wins; the dates here are for a notice the case does not record."""

    #: The day the notice is given; else the date of the case's latest notice of its ground.
    given_on: dt.date | None = None
    #: The date the notice bears (else the day it is given).
    document_date: dt.date | None = None
    #: The end of the 15-working-day initial period (notices given before 18 April 2016).
    initial_period_end: dt.date | None = None
    #: The last day for representations (notices given before 18 April 2016).
    representations_deadline: dt.date | None = None
    #: The end of the compliance period it specifies (notices given from 18 April 2016).
    compliance_period_end: dt.date | None = None
    #: The matters on which the notice is based (else the event's ``matters``).
    matters: tuple[Text, ...] | None = None
    #: The action the governing body must take (else the event's ``action_required``).
    action_required: tuple[Text, ...] | None = None
    #: The powers the authority is minded to use, as codes (``s63`` to ``s69``; ``s.64`` and
    #: ``section 64`` are read alike) or in the authority's own words.
    minded_to_take: tuple[Text, ...] | None = None


@attrs.frozen(kw_only=True)
class WarningNoticeData(NoticeData):
    """``warning_notice``: a performance standards and safety warning notice (s.60)."""

    #: The grounds of s.60(2) the notice rests on.
    grounds: tuple[WarningGround, ...] | None = None


@attrs.frozen(kw_only=True)
class TpcWarningNoticeData(NoticeData):
    """``tpc_warning_notice``: a teachers' pay and conditions warning notice (s.60A); its
    ``minded_to_take`` may name sections 64 to 66 only."""


@attrs.frozen(kw_only=True)
class ProposedInterventionData:
    """``proposed_intervention``: reasonable notice in writing of proposed intervention."""

    #: The ground of the warning notice acted on (else that of the case's latest LA notice).
    ground: NoticeGround | None = None
    #: The day that warning notice was given (else the date of the case's latest one).
    warning_notice_given_on: dt.date | None = None
    #: The end of its compliance period, when the case does not record the notice.
    compliance_period_end: dt.date | None = None
    #: The date the notice bears (else the date of the case's reasonable-notice event).
    document_date: dt.date | None = None
    #: How the governing body failed to comply.
    failures: tuple[Text, ...] | None = None
    #: The powers the authority proposes to use (codes as for ``minded_to_take``), sections
    #: 63 to 66 (64 to 66 under s.60A).
    powers: tuple[Text, ...] | None = None
    #: The day from which the authority proposes to use them.
    proposed_from: dt.date | None = None
    #: The day by which the governing body may respond.
    response_by: dt.date | None = None

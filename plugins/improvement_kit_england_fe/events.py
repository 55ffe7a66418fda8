"""Event types the further education plugin adds to case files."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from improvement_kit.model import Event

__all__ = ["FeCommissionerAssessment", "NoticeOfConcernGiven"]


@attrs.frozen(kw_only=True)
class NoticeOfConcernGiven(Event):
    """A notice of concern (training providers) or notice to improve (colleges) from the
    funding body (ESFA, later DfE): what it requires by when is what the notice states, as
    ``compliance_period_end`` or ``compliance_period``. ``grounds`` are the reasons it gives
    (an inadequate Ofsted grade, financial health, minimum standards)."""

    TYPE: ClassVar[str] = "notice-of-concern-given"
    given_by: str = "ESFA"
    grounds: tuple[str, ...] = ()
    compliance_period_end: dt.date | None = None
    compliance_period: str | None = None


@attrs.frozen(kw_only=True)
class FeCommissionerAssessment(Event):
    """An FE Commissioner's intervention assessment of a college: ``date`` is the last day of
    the visit (assessments last 2 to 3 days), ``start`` the first."""

    TYPE: ClassVar[str] = "fe-commissioner-assessment"
    start: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.start > self.date:
            raise ValueError(f"start {self.start} is after the last day {self.date}")

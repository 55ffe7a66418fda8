"""Event types the academies plugin adds to case files."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from improvement_kit.model import Event

__all__ = [
    "CWSA_2026_S56_COMMENCEMENT",
    "ComplianceDirectionGiven",
    "NoticeToImproveGiven",
    "TerminationWarningNoticeGiven",
]

#: Education Act 1996 s.497C (inserted by CWSA 2026 s.56) in force: "at the end of the period
#: of two months beginning with the day on which this Act is passed" (s.78(2)(g)); passed
#: 29 Apr 2026, so the period is 29 Apr - 28 Jun 2026 and the section is in force 29 Jun 2026.
CWSA_2026_S56_COMMENCEMENT = dt.date(2026, 6, 29)


@attrs.frozen(kw_only=True)
class TerminationWarningNoticeGiven(Event):
    """A termination warning notice to an academy trust (Academies Act 2010 s.2B(3), or a
    funding agreement): it requires the proprietor to take specified action by ``action_by``
    and to respond by ``respond_by``. Either may instead be written as ``compliance_period``
    (an expression such as ``"within 15 days"``), counted from the notice's date. A notice
    given before 18 April 2016 is the funding agreement's: its dates are what it states."""

    TYPE: ClassVar[str] = "termination-warning-notice-given"
    action_by: dt.date | None = None
    respond_by: dt.date | None = None
    compliance_period: str | None = None

    def __attrs_post_init__(self) -> None:
        for name, day in (("action_by", self.action_by), ("respond_by", self.respond_by)):
            if day is not None and day < self.date:
                raise ValueError(
                    f"{name} {day.isoformat()} is before the notice's date {self.date.isoformat()}"
                )


@attrs.frozen(kw_only=True)
class NoticeToImproveGiven(Event):
    """A notice to improve given to an academy trust (finance, governance or a breach of the
    funding agreement or the Academy Trust Handbook): what it requires by when is what the
    notice states, as ``compliance_period_end`` or ``compliance_period``."""

    TYPE: ClassVar[str] = "notice-to-improve-given"
    compliance_period_end: dt.date | None = None
    compliance_period: str | None = None


@attrs.frozen(kw_only=True)
class ComplianceDirectionGiven(Event):
    """A direction under Education Act 1996 s.497C (inserted by CWSA 2026 s.56): the
    Secretary of State, satisfied that the proprietor breached a duty imposed by Academy
    arrangements, directs it to secure the proper performance of the duty. The Act sets no
    compliance period; the direction may (``compliance_period_end`` or ``compliance_period``).
    The power exists from 29 June 2026: an earlier direction is refused."""

    TYPE: ClassVar[str] = "compliance-direction-given"
    duty: str | None = None
    compliance_period_end: dt.date | None = None
    compliance_period: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.date < CWSA_2026_S56_COMMENCEMENT:
            raise ValueError(
                f"{self.date.isoformat()} is before 29 Jun 2026, when Education Act 1996 s.497C "
                "came into force (CWSA 2026 s.56; s.78(2)(g)): no direction could be given"
            )

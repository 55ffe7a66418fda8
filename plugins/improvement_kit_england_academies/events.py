"""Event types the academies plugin adds to case files."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from improvement_kit.model import Event

__all__ = ["TerminationWarningNoticeGiven"]


@attrs.frozen(kw_only=True)
class TerminationWarningNoticeGiven(Event):
    """A termination warning notice to an academy trust (Academies Act 2010 s.2B(3), or a
    funding agreement): it requires the proprietor to take specified action by ``action_by``
    and to respond by ``respond_by``. Either may instead be written as ``compliance_period``
    (an expression such as ``"within 15 days"``), counted from the notice's date."""

    TYPE: ClassVar[str] = "termination-warning-notice-given"
    action_by: dt.date | None = None
    respond_by: dt.date | None = None
    compliance_period: str | None = None

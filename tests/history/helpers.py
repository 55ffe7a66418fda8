"""Hand-made histories: one line per inspection, as a person would write them down."""

from __future__ import annotations

import datetime as dt

from improvement_kit.history.records import (
    Establishment,
    HistoryInspection,
    InspectionHistory,
    InspectionKind,
    framework_id_on,
)
from improvement_kit.model.grades import Grade

_GRADES = {
    "outstanding": Grade.OUTSTANDING,
    "good": Grade.GOOD,
    "satisfactory": Grade.SATISFACTORY,
    "ri": Grade.REQUIRES_IMPROVEMENT,
    "inadequate": Grade.INADEQUATE,
    "none": None,
}
_NO_OVERALL = {"ofsted-schools-eif-2024", "ofsted-schools-report-cards-2025"}


def inspection(urn: str, line: str) -> HistoryInspection:
    """``"2010-03-01 full satisfactory"`` as a history inspection."""
    day, kind, grade = line.split()
    date = dt.date.fromisoformat(day)
    framework = framework_id_on(date)
    return HistoryInspection(
        urn,
        date,
        InspectionKind(kind),
        _GRADES[grade],
        framework,
        framework not in _NO_OVERALL,
        source="hand-made",
    )


def history(urn: str, *lines: str, **info: object) -> InspectionHistory:
    """A history from lines ``"YYYY-MM-DD kind grade"``."""
    return InspectionHistory(
        Establishment(urn, **info),  # type: ignore[arg-type]
        tuple(inspection(urn, line) for line in lines),
    )


def inspections(urn: str, *lines: str) -> list[HistoryInspection]:
    """The inspections of :func:`history`, oldest first."""
    return list(history(urn, *lines).inspections)

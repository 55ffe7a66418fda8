"""The follow-up an Ofsted inspection of a further education and skills provider leads to.

FE providers have no statutory category. The decision reads the overall effectiveness grade of
the framework in force (Sep 2012 - 9 Nov 2025): "requires improvement" -> a non-statutory follow-up
level (requires-improvement monitoring, rule FE-CAT-01); "inadequate" -> no category, and the
timeline adds the DfE/ESFA intervention status (FE-DFE-01). From 10 Nov 2025 (report cards):
"needs attention" without any "urgent improvement" -> needs-attention monitoring (FE-CAT-02).
"""

from __future__ import annotations

from improvement_kit.jurisdictions import CategoryDecision
from improvement_kit.model import (
    Category,
    Grade,
    Inspection,
    Inspectorate,
    Safeguarding,
    framework_for,
)

__all__ = [
    "MONITORING_KINDS",
    "REPORT_CARDS",
    "decide_category",
    "is_full_inspection",
    "urgent_causes",
    "uses_report_cards",
]

#: The Ofsted FE framework whose report card decides the follow-up.
REPORT_CARDS = "ofsted-fe-report-cards-2025"
#: ``Inspection.kind`` values that are not full inspections.
MONITORING_KINDS = frozenset(
    {"monitoring-visit", "monitoring-inspection", "new-provider-monitoring-visit"}
)


def is_full_inspection(inspection: Inspection) -> bool:
    """Whether the inspection is a full inspection (not a monitoring visit)."""
    return inspection.kind not in MONITORING_KINDS


def uses_report_cards(inspection: Inspection) -> bool:
    """Whether the inspection is graded on the report-card scale (from 10 Nov 2025)."""
    framework = framework_for(Inspectorate.OFSTED, "further-education", inspection.start)
    return framework is not None and framework.id == REPORT_CARDS


def urgent_causes(inspection: Inspection) -> list[str]:
    """Report-card causes of college intervention (FE-DFE-06): leadership and governance or
    inclusion "urgent improvement", safeguarding "not met"."""
    causes = [
        f"{area} 'urgent improvement'"
        for area in ("leadership-and-governance", "inclusion")
        if inspection.grades.get(area) is Grade.URGENT_IMPROVEMENT
    ]
    if inspection.safeguarding is Safeguarding.NOT_MET:
        causes.append("safeguarding 'not met'")
    return causes


def decide_category(inspection: Inspection) -> CategoryDecision | None:
    """The decision for one inspection, or ``None`` where the grades do not decide it.

    >>> import datetime as dt
    >>> day = dt.date(2014, 10, 15)
    >>> grades = {"overall-effectiveness": Grade.REQUIRES_IMPROVEMENT}
    >>> ri = Inspection(date=day, start=day, grades=grades)
    >>> decide_category(ri).monitoring.value
    'requires-improvement-monitoring'
    """
    if inspection.inspectorate != "ofsted" or not is_full_inspection(inspection):
        return None
    if uses_report_cards(inspection):
        urgent = [a for a, g in inspection.grades.items() if g is Grade.URGENT_IMPROVEMENT]
        attention = sorted(a for a, g in inspection.grades.items() if g is Grade.NEEDS_ATTENTION)
        if urgent or inspection.safeguarding is Safeguarding.NOT_MET:
            reasons = tuple(urgent_causes(inspection)) or (
                "'urgent improvement': " + ", ".join(sorted(urgent)),
            )
            return CategoryDecision(None, "FE-CAT-02", reasons)
        if attention:
            return CategoryDecision(
                None,
                "FE-CAT-02",
                ("'needs attention': " + ", ".join(attention),),
                monitoring=Category.NEEDS_ATTENTION_MONITORING,
            )
        return CategoryDecision(None, "FE-CAT-02", ("no area below 'expected standard'",))
    overall = inspection.grades.get("overall-effectiveness")
    if overall is None or overall is Grade.SATISFACTORY:
        return None
    if overall is Grade.REQUIRES_IMPROVEMENT:
        return CategoryDecision(
            None,
            "FE-CAT-01",
            ("overall effectiveness requires improvement",),
            monitoring=Category.REQUIRES_IMPROVEMENT_MONITORING,
        )
    if overall is Grade.INADEQUATE:
        return CategoryDecision(
            None, "FE-DFE-01", ("overall effectiveness inadequate: DfE/ESFA intervention",)
        )
    return CategoryDecision(None, "FE-CAT-01", (f"overall effectiveness {overall.value}",))

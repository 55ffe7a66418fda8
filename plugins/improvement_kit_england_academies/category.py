"""The category an Ofsted inspection of an academy leads to (this plugin's own small decision).

Deliberately independent of england-maintained's modules. Two frameworks are decided:

* report cards (inspections starting on or after 10 Nov 2025, rule AC-CAT-RC): a category iff any
  evaluation area is "urgent improvement" or safeguarding is "not met"; special measures when
  leadership and governance is "urgent improvement" together with another "urgent improvement"
  area or safeguarding "not met", otherwise significant improvement; any "needs attention"
  without a category -> needs-attention monitoring;
* overall-grade frameworks (inspections starting before 2 Sep 2024, rule AC-CAT-OE): an
  inadequate overall effectiveness grade -> special measures when leaders are not demonstrating
  the capacity to improve, significant improvement when they are.

Anything else (no overall grade Sep 2024 - Nov 2025, or an inadequate grade without a capacity
answer) is not decided: ``None``, so the engine uses the category the inspector recorded.
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

__all__ = ["REPORT_CARDS", "decide_category"]

#: The Ofsted framework whose report card decides the category.
REPORT_CARDS = "ofsted-schools-report-cards-2025"
_LEADERSHIP = "leadership-and-governance"


def _report_card(inspection: Inspection) -> CategoryDecision:
    urgent = sorted(a for a, g in inspection.grades.items() if g is Grade.URGENT_IMPROVEMENT)
    attention = sorted(a for a, g in inspection.grades.items() if g is Grade.NEEDS_ATTENTION)
    not_met = inspection.safeguarding is Safeguarding.NOT_MET
    reasons: list[str] = []
    if urgent:
        reasons.append("'urgent improvement': " + ", ".join(urgent))
    if not_met:
        reasons.append("safeguarding 'not met'")
    if not urgent and not not_met:
        if attention:
            return CategoryDecision(
                None,
                "AC-CAT-RC",
                ("no category; 'needs attention': " + ", ".join(attention),),
                monitoring=Category.NEEDS_ATTENTION_MONITORING,
            )
        return CategoryDecision(None, "AC-CAT-RC", ("no area 'urgent improvement'",))
    others = [a for a in urgent if a != _LEADERSHIP]
    if _LEADERSHIP in urgent and (others or not_met):
        category = Category.SPECIAL_MEASURES
        reasons.append("leadership and governance 'urgent improvement' with another cause")
    else:
        category = Category.SIGNIFICANT_IMPROVEMENT
    return CategoryDecision(category, "AC-CAT-RC", tuple(reasons))


def decide_category(inspection: Inspection) -> CategoryDecision | None:
    """The decision for one inspection, or ``None`` where the grades do not decide it.

    >>> import datetime as dt
    >>> day = dt.date(2026, 1, 14)
    >>> grades = {"leadership-and-governance": Grade.URGENT_IMPROVEMENT}
    >>> decide_category(Inspection(date=day, start=day, grades=grades)).category.value
    'significant-improvement'
    """
    if inspection.inspectorate != "ofsted":
        return None
    framework = framework_for(Inspectorate.OFSTED, "schools", inspection.start)
    if framework is None:
        return None
    if framework.id == REPORT_CARDS:
        return _report_card(inspection)
    if not framework.overall_grade:
        return None
    overall = inspection.grades.get("overall-effectiveness")
    if overall is None:
        return None
    if overall is not Grade.INADEQUATE:
        return CategoryDecision(None, "AC-CAT-OE", (f"overall effectiveness {overall.value}",))
    if inspection.leadership_capacity is None:
        return None
    if inspection.leadership_capacity:
        return CategoryDecision(
            Category.SIGNIFICANT_IMPROVEMENT,
            "AC-CAT-OE",
            ("overall effectiveness inadequate", "leaders demonstrate the capacity to improve"),
        )
    return CategoryDecision(
        Category.SPECIAL_MEASURES,
        "AC-CAT-OE",
        ("overall effectiveness inadequate", "leaders not demonstrating the capacity to improve"),
    )

"""The follow-up an Ofsted inspection of a school in England leads to (maintained schools and
academies alike: EA 2005 s.44 and Ofsted's school frameworks make no difference between them).

One function per framework era. The rows of ``rules/categories.toml`` in force on the
inspection's first day (within its framework) are looked up by ``when.basis`` (category,
allocation, inferred, monitoring), so every switch date lives in the data; the decision names
the row it rests on, so the timeline cites the right source and grade:

* up to 1 Sep 2024 (frameworks with an overall-effectiveness grade): overall effectiveness
  inadequate -> a category of concern; leaders not demonstrating the capacity to improve
  (``leadership_capacity`` false, EA 2005 s.44(1)(b)) -> special measures, otherwise
  significant improvement; 'satisfactory' (from Sep 2009) or 'requires improvement' (from Sep
  2012) -> non-statutory monitoring;
* 2 Sep 2024 - 9 Nov 2025 (no overall grade): the inspector's recorded category; a category is
  derived only when the capacity answer is given (or, unverified, from inadequate leadership);
  otherwise the decision says a recorded category is required;
* from 10 Nov 2025 (report cards): any area 'urgent improvement' or safeguarding 'not met' ->
  a category (V1); special measures when leadership and governance is 'urgent improvement'
  together with another such area or with safeguarding 'not met' (V3); any 'needs attention'
  without a category -> needs-attention monitoring.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib.resources import files

from improvement_kit.jurisdictions import CategoryDecision
from improvement_kit.model import Category, Grade, Inspection, Provider, Safeguarding
from improvement_kit.model.grades import FRAMEWORKS, Framework, Inspectorate, framework_for
from improvement_kit.rules import Rule, load_rule_file

__all__ = ["RECORDED_CATEGORY_REQUIRED", "decide_category", "framework_of"]

#: The reason given when the grades alone cannot decide the category.
RECORDED_CATEGORY_REQUIRED = "recorded category required"

_LEADERSHIP_2024 = ("leadership-and-management",)
_LEADERSHIP_RC = "leadership-and-governance"


@functools.cache
def _rows() -> tuple[Rule, ...]:
    """The rows of ``rules/categories.toml`` (the same rows the rule book holds)."""
    table = files("improvement_kit_england_base") / "rules" / "categories.toml"
    return tuple(load_rule_file(table, "england-base:categories.toml"))


def _row(basis: str, on: dt.date) -> str | None:
    """The id of the category row for ``basis`` in force on ``on``."""
    for rule in _rows():
        if basis in rule.when.get("basis", ()) and rule.in_force_on(on):
            return rule.id
    return None


def _cite(rule_id: str) -> str:
    """``"rule EM-CAT-RC, primary"``."""
    grade = next((r.grade.value for r in _rows() if r.id == rule_id), "?")
    return f"rule {rule_id}, {grade}"


def framework_of(inspection: Inspection) -> Framework | None:
    """The Ofsted schools framework of an inspection: the one it names, else the one in force
    on its first day."""
    if inspection.framework:
        return next((f for f in FRAMEWORKS if f.id == inspection.framework), None)
    return framework_for(Inspectorate.OFSTED, "schools", inspection.start)


def _areas(inspection: Inspection, grade: Grade) -> list[str]:
    return sorted(area for area, given in inspection.grades.items() if given is grade)


def decide_category(
    inspection: Inspection, provider: Provider | None = None
) -> CategoryDecision | None:
    """The category (or monitoring level) an Ofsted inspection leads to, with reasons.

    The rows are those in force on the first day of the inspection's framework. ``None`` for
    an inspection the base cannot judge (not Ofsted, or before Sep 2005). ``provider`` is
    accepted for the hook's signature; the decision does not depend on it.

    >>> day = dt.date(2026, 1, 14)
    >>> grades = {"leadership-and-governance": Grade.URGENT_IMPROVEMENT}
    >>> decision = decide_category(Inspection(date=day, start=day, grades=grades))
    >>> decision.category.value, decision.rule_id
    ('significant-improvement', 'EM-CAT-RC-ALLOC')
    """
    del provider
    if inspection.inspectorate != Inspectorate.OFSTED.value:
        return None
    framework = framework_of(inspection)
    if framework is None or framework.sector != "schools":
        return None
    day = max(
        framework.in_force.start, min(inspection.start, framework.in_force.end or dt.date.max)
    )
    rule_id = _row("category", day)
    if rule_id is None:
        return None
    if framework.overall_grade:
        return _overall_grade(inspection, rule_id, _row("monitoring", day))
    if Grade.URGENT_IMPROVEMENT in framework.scale:
        return _report_card(inspection, rule_id, _row("allocation", day), _row("monitoring", day))
    return _no_overall_grade(inspection, rule_id, _row("inferred", day), _row("monitoring", day))


def _overall_grade(
    inspection: Inspection, rule_id: str, monitoring_id: str | None
) -> CategoryDecision:
    overall = inspection.grades.get("overall-effectiveness")
    if overall is None:
        if inspection.category is not None:
            return CategoryDecision(
                inspection.category, rule_id, ("no overall grade in the case; recorded category",)
            )
        return CategoryDecision(
            None, rule_id, (f"no overall-effectiveness grade; {RECORDED_CATEGORY_REQUIRED}",)
        )
    if overall is Grade.INADEQUATE:
        first = "overall effectiveness inadequate: a category of concern (EA 2005 s.44)"
        capacity = inspection.leadership_capacity
        capacity_reason = "leaders, managers and governors"
        if capacity is None and "capacity-to-improve" in inspection.grades:
            capacity = inspection.grades["capacity-to-improve"] is not Grade.INADEQUATE
            capacity_reason = (
                "capacity to improve judged " + inspection.grades["capacity-to-improve"].value + ":"
            )
        if capacity is None:
            return CategoryDecision(
                inspection.category,
                rule_id,
                (
                    first,
                    "the case does not say whether leaders are demonstrating the capacity to "
                    f"improve (leadership_capacity); {RECORDED_CATEGORY_REQUIRED}",
                ),
            )
        if capacity:
            return CategoryDecision(
                Category.SIGNIFICANT_IMPROVEMENT,
                rule_id,
                (
                    first,
                    f"{capacity_reason} demonstrating the capacity to improve: "
                    "significant improvement (s.44(2))",
                ),
            )
        return CategoryDecision(
            Category.SPECIAL_MEASURES,
            rule_id,
            (
                first,
                f"{capacity_reason} not demonstrating the capacity to secure the necessary "
                "improvement: special measures (s.44(1))",
            ),
        )
    if overall in (Grade.SATISFACTORY, Grade.REQUIRES_IMPROVEMENT) and monitoring_id is not None:
        return CategoryDecision(
            None,
            monitoring_id,
            (f"overall effectiveness {overall.value}: non-statutory monitoring (Ofsted practice)",),
            monitoring=Category.REQUIRES_IMPROVEMENT_MONITORING,
        )
    return CategoryDecision(None, rule_id, (f"overall effectiveness {overall.value}: no category",))


def _no_overall_grade(
    inspection: Inspection, rule_id: str, inferred_id: str | None, monitoring_id: str | None
) -> CategoryDecision:
    inadequate = _areas(inspection, Grade.INADEQUATE)
    unsafe = inspection.safeguarding is Safeguarding.NOT_MET
    if inspection.category is not None:
        return CategoryDecision(
            inspection.category,
            rule_id,
            (f"category recorded by the inspector ({inspection.category.value})",),
        )
    if not inadequate and not unsafe:
        weak = _areas(inspection, Grade.REQUIRES_IMPROVEMENT)
        if weak:
            return CategoryDecision(
                None,
                monitoring_id or rule_id,
                (f"requires improvement in {', '.join(weak)}: non-statutory monitoring",),
                monitoring=Category.REQUIRES_IMPROVEMENT_MONITORING,
            )
        return CategoryDecision(None, rule_id, ("no key judgement inadequate: no category",))
    found = []
    if inadequate:
        found.append(f"inadequate in {', '.join(inadequate)}")
    if unsafe:
        found.append("safeguarding not effective")
    first = "; ".join(found) + ": a category of concern can follow (no overall grade)"
    if inspection.leadership_capacity is False:
        return CategoryDecision(
            Category.SPECIAL_MEASURES,
            rule_id,
            (first, "leaders not demonstrating the capacity to improve: special measures"),
        )
    if inspection.leadership_capacity is True:
        return CategoryDecision(
            Category.SIGNIFICANT_IMPROVEMENT,
            rule_id,
            (first, "leaders demonstrating the capacity to improve: significant improvement"),
        )
    if any(area in inadequate for area in _LEADERSHIP_2024):
        return CategoryDecision(
            Category.SPECIAL_MEASURES,
            inferred_id or rule_id,
            (
                first,
                "leadership and management inadequate, read as leaders not demonstrating the "
                "capacity to improve: special measures (unverified inference; record the "
                "inspector's category)",
            ),
        )
    return CategoryDecision(None, rule_id, (first, RECORDED_CATEGORY_REQUIRED))


def _report_card(
    inspection: Inspection, rule_id: str, allocation_id: str | None, monitoring_id: str | None
) -> CategoryDecision:
    allocation = allocation_id or rule_id
    monitoring_row = monitoring_id or rule_id
    urgent = _areas(inspection, Grade.URGENT_IMPROVEMENT)
    unsafe = inspection.safeguarding is Safeguarding.NOT_MET
    if not urgent and not unsafe:
        attention = _areas(inspection, Grade.NEEDS_ATTENTION)
        if attention:
            return CategoryDecision(
                None,
                monitoring_row,
                (f"needs attention in {', '.join(attention)}: monitoring (no category)",),
                monitoring=Category.NEEDS_ATTENTION_MONITORING,
            )
        return CategoryDecision(
            None,
            rule_id,
            (f"no area 'urgent improvement' and safeguarding met: no category ({_cite(rule_id)})",),
        )
    found = []
    if urgent:
        found.append(f"urgent improvement in {', '.join(urgent)}")
    if unsafe:
        found.append("safeguarding not met")
    first = "; ".join(found) + f": a category of concern ({_cite(rule_id)})"
    if unsafe and not urgent and inspection.kind == "suspended":
        return CategoryDecision(
            None,
            allocation,
            (
                "safeguarding not met but the inspection was suspended to return within three "
                "months: no category unless unresolved at the return visit "
                f"({_cite(allocation)})",
            ),
        )
    leadership = _LEADERSHIP_RC in urgent
    others = [area for area in urgent if area != _LEADERSHIP_RC]
    if leadership and (others or unsafe):
        why = "another area 'urgent improvement'" if others else "safeguarding not met"
        return CategoryDecision(
            Category.SPECIAL_MEASURES,
            allocation,
            (
                first,
                f"leadership and governance 'urgent improvement' with {why}: requires special "
                f"measures (allocation {_cite(allocation)})",
            ),
        )
    detail = (
        "leadership and governance is the only area needing urgent improvement"
        if leadership
        else "leadership and governance not 'urgent improvement'"
    )
    if unsafe and not urgent:
        detail += (
            " (a safeguarding-only failure leaders can fix within three months may instead be "
            "suspended: record kind 'suspended')"
        )
    return CategoryDecision(
        Category.SIGNIFICANT_IMPROVEMENT,
        allocation,
        (
            first,
            f"{detail}: requires significant improvement (allocation {_cite(allocation)})",
        ),
    )

"""FE items derived in code: Ofsted's follow-up windows and DfE/ESFA intervention.

Each full inspection with an overall effectiveness grade selects the rule versions in force on
its last day (``when`` names the grade). Requires improvement: re-inspection and monitoring
windows counted from the inspection, the support and challenge visit from publication of the
report. Inadequate: re-inspection within 15 months of publication and the intervention status.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from improvement_kit.model import Event, Grade, Inspection, ReportPublished, TimelineItem
from improvement_kit.rules import describe_day
from improvement_kit_england_fe.category import (
    is_full_inspection,
    urgent_causes,
    uses_report_cards,
)

if TYPE_CHECKING:
    from improvement_kit.rules import Rule
    from improvement_kit.timeline import TimelineContext

__all__ = ["SUPPORT_AND_CHALLENGE_VISIT", "derive_items"]

#: The event type the core still lacks for an improvement HMI's visit (read when present).
SUPPORT_AND_CHALLENGE_VISIT = "support-and-challenge-visit"


def _publication(
    context: TimelineContext, inspection: Inspection, next_full: Inspection | None
) -> ReportPublished | None:
    for report in context.case.of_type(ReportPublished):
        if report.date < inspection.date:
            continue
        if next_full is not None and report.date >= next_full.start:
            return None
        return report
    return None


def _window_item(
    context: TimelineContext,
    rule: Rule,
    anchor: dt.date,
    trigger: Event,
    satisfied: dt.date | None,
    explanation: str | None = None,
) -> TimelineItem:
    computed = context.evaluate(rule, anchor)
    return context.make_item(
        rule, computed, trigger=trigger, satisfied_on=satisfied, explanation=explanation
    )


def _after_inspection(
    context: TimelineContext,
    inspection: Inspection,
    grade: Grade,
    full: list[Inspection],
    monitoring: list[Inspection],
) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    when = grade.value
    later = [i for i in full if i.start > inspection.date]
    next_full = later[0] if later else None
    next_done = next_full.date if next_full is not None else None
    publication = _publication(context, inspection, next_full)
    on = inspection.date
    if grade is Grade.REQUIRES_IMPROVEMENT:
        rule = context.rule_for("reinspection", on, overall_effectiveness=when)
        if rule is not None:
            items.append(_window_item(context, rule, on, inspection, next_done))
        rule = context.rule_for("monitoring-visit", on, overall_effectiveness=when)
        if rule is not None:
            visit = next((m for m in monitoring if m.start > on), None)
            items.append(_window_item(context, rule, on, inspection, visit.date if visit else None))
        rule = context.rule_for("support-and-challenge-visit", on, overall_effectiveness=when)
        if rule is not None:
            if publication is None:
                context.warn(
                    f"inspection ending {on.isoformat()}: no report-published event, so the "
                    f"support and challenge visit window (rule {rule.id}) is not computed"
                )
            else:
                visit_event = context.first_after((SUPPORT_AND_CHALLENGE_VISIT,), publication.date)
                items.append(
                    _window_item(
                        context,
                        rule,
                        publication.date,
                        publication,
                        visit_event.date if visit_event is not None else None,
                        f"report on the inspection ending {describe_day(on)}",
                    )
                )
    elif grade is Grade.INADEQUATE:
        rule = context.rule_for("reinspection", on, overall_effectiveness=when)
        if rule is None:
            context.warn(
                f"inspection ending {on.isoformat()}: no verified re-inspection timing for an "
                "inadequate provider on that date"
            )
        elif publication is None:
            context.warn(
                f"inspection ending {on.isoformat()}: no report-published event, so the "
                f"re-inspection deadline (rule {rule.id}) is not computed"
            )
        else:
            items.append(
                _window_item(
                    context,
                    rule,
                    publication.date,
                    publication,
                    next_done,
                    f"report on the inspection ending {describe_day(on)}",
                )
            )
        items.extend(_intervention(context, inspection, ("overall effectiveness inadequate",)))
    return items


def _intervention(
    context: TimelineContext, inspection: Inspection, reasons: tuple[str, ...]
) -> list[TimelineItem]:
    rule = context.rule_for("intervention", inspection.date)
    provider_type = context.case.provider.type.value
    if rule is None or (rule.provider_types and provider_type not in rule.provider_types):
        return []
    return [
        context.make_item(
            rule,
            due=inspection.date,
            explanation=f"inspection ending {describe_day(inspection.date)}: " + "; ".join(reasons),
            trigger=inspection,
        )
    ]


def derive_items(context: TimelineContext) -> list[TimelineItem]:
    """Every FE item that needs code."""
    inspections = [i for i in context.case.inspections() if i.inspectorate == "ofsted"]
    full = [i for i in inspections if is_full_inspection(i)]
    monitoring = [i for i in inspections if not is_full_inspection(i)]
    items: list[TimelineItem] = []
    for inspection in full:
        if uses_report_cards(inspection):
            causes = urgent_causes(inspection)
            if causes:
                items.extend(_intervention(context, inspection, tuple(causes)))
            continue
        grade = inspection.grades.get("overall-effectiveness")
        if grade is not None:
            items.extend(_after_inspection(context, inspection, grade, full, monitoring))
    return items

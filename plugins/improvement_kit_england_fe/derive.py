"""FE items that need code: report-card intervention and the missing-timing warning.

Ofsted's follow-up windows (requires improvement: re-inspection and monitoring counted from
the inspection, the support and challenge visit from publication of the report; inadequate:
re-inspection within 15 months of publication) and the DfE/ESFA intervention status after an
inadequate grade are rule rows in ``rules/*.toml``, applied by the engine to each full
inspection in the version in force on its last day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from improvement_kit.model import Grade, Inspection, TimelineItem
from improvement_kit.rules import describe_day
from improvement_kit_england_fe.category import (
    is_full_inspection,
    urgent_causes,
    uses_report_cards,
)

if TYPE_CHECKING:
    from improvement_kit.timeline import TimelineContext

__all__ = ["SUPPORT_AND_CHALLENGE_VISIT", "derive_items"]

#: The event type the core still lacks for an improvement HMI's visit (read when present).
SUPPORT_AND_CHALLENGE_VISIT = "support-and-challenge-visit"


def _warn_if_untimed(context: TimelineContext, inspection: Inspection) -> None:
    """An inadequate provider before Ofsted's 15-month rule (1 Sep 2015) has no verified
    re-inspection timing: say so rather than stay silent (rule rows apply the rest)."""
    grade = inspection.grades.get("overall-effectiveness")
    if grade is not Grade.INADEQUATE:
        return
    rule = context.rule_for(
        "reinspection", inspection.date, **{"grades.overall-effectiveness": grade.value}
    )
    if rule is None:
        context.warn(
            f"inspection ending {inspection.date.isoformat()}: no verified re-inspection timing "
            "for an inadequate provider on that date"
        )


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
    """The FE items that need code: intervention from report cards (any of three causes gives
    one item), and a warning where no re-inspection timing is verified. The follow-up windows
    after "requires improvement" or "inadequate" are rule rows the engine applies."""
    items: list[TimelineItem] = []
    for inspection in context.case.inspections():
        if inspection.inspectorate != "ofsted" or not is_full_inspection(inspection):
            continue
        if uses_report_cards(inspection):
            causes = urgent_causes(inspection)
            if causes:
                items.extend(_intervention(context, inspection, tuple(causes)))
            continue
        _warn_if_untimed(context, inspection)
    return items

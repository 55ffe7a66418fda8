"""RISE support for a 'stuck' school (DfE policy for maintained schools, ``rules/rise.toml``;
the row for a school requiring significant improvement is the engine's). Ofsted's first
monitoring inspection and re-inspection are rule rows of the shared England base
(``improvement_kit_england_base/rules/monitoring.toml``) that the engine applies.
"""

from __future__ import annotations

from improvement_kit.model import Grade, Inspection, TimelineItem
from improvement_kit.rules import Rule, describe_day
from improvement_kit.timeline import TimelineContext

__all__ = ["rise_items"]

_BELOW_GOOD = frozenset({Grade.REQUIRES_IMPROVEMENT, Grade.SATISFACTORY, Grade.INADEQUATE})


def _overall(inspection: Inspection) -> Grade | None:
    return inspection.grades.get("overall-effectiveness")


def rise_items(ctx: TimelineContext) -> list[TimelineItem]:
    """RISE targeted intervention for a 'stuck' school (the engine applies the row for a
    school requiring significant improvement, from its s.61 eligibility)."""
    items: list[TimelineItem] = []
    inspections = [i for i in ctx.case.inspections() if _overall(i) is not None]
    if len(inspections) >= 2:
        latest, previous = inspections[-1], inspections[-2]
        before = _overall(previous)
        if _overall(latest) is Grade.REQUIRES_IMPROVEMENT and before in _BELOW_GOOD:
            row = _first_row(ctx, "stuck")
            if row is not None:
                day = max(latest.date, row.in_force.start)
                items.append(
                    ctx.make_item(
                        row,
                        due=day,
                        explanation=(
                            f"requires improvement at the inspection ending "
                            f"{describe_day(latest.date)} and {before} "
                            f"at the one ending {describe_day(previous.date)}: a 'stuck' school"
                            + (
                                f"; policy applies from {describe_day(row.in_force.start)}"
                                if day > latest.date
                                else ""
                            )
                        ),
                        trigger=latest,
                        details={"basis": "stuck"},
                    )
                )
    return items


def _first_row(ctx: TimelineContext, basis: str) -> Rule | None:
    rows = [r for r in ctx.rules if r.item == "rise-support" and basis in r.when.get("basis", ())]
    return min(rows, key=lambda r: r.in_force.start) if rows else None

"""Ofsted follow-up after an inspection (policy): first monitoring inspection, re-inspection
and RISE support, from ``rules/monitoring.toml``.

Rows are looked up by the inspection's outcome (``when.outcome``: the category or monitoring
level) in the version in force on the last day of the inspection. A row's ``anchor`` says what
its period counts from: ``report-published`` (the first ``report-published`` event after the
inspection, before the next one; nothing is computed without it) or ``inspection-end``. The
next inspection, if any, satisfies the item.
"""

from __future__ import annotations

from collections.abc import Sequence

from improvement_kit.model import (
    Category,
    Event,
    Grade,
    Inspection,
    ReportPublished,
    TimelineItem,
)
from improvement_kit.rules import Rule, describe_day
from improvement_kit.timeline import TimelineContext
from improvement_kit_england_maintained.eligibility import Eligibility
from improvement_kit_england_maintained.reports import outcome_of

__all__ = ["monitoring_items", "rise_items"]

_FOLLOW_UP_ITEMS = ("monitoring-inspection.first", "reinspection")
_BELOW_GOOD = frozenset({Grade.REQUIRES_IMPROVEMENT, Grade.SATISFACTORY, Grade.INADEQUATE})


def _published(
    ctx: TimelineContext, inspection: Inspection, following: Inspection | None
) -> ReportPublished | None:
    for event in ctx.case.of_type(ReportPublished):
        if event.date >= inspection.date and (following is None or event.date < following.date):
            return event
    return None


def monitoring_items(ctx: TimelineContext) -> list[TimelineItem]:
    """First monitoring inspection and re-inspection after each inspection."""
    items: list[TimelineItem] = []
    inspections = ctx.case.inspections()
    for index, inspection in enumerate(inspections):
        outcome = outcome_of(ctx, inspection)
        if outcome is None:
            continue
        following = inspections[index + 1] if index + 1 < len(inspections) else None
        for item in _FOLLOW_UP_ITEMS:
            rule = ctx.rule_for(item, inspection.date, outcome=outcome.value)
            if rule is None or "outcome" not in rule.when:
                continue
            made = _follow_up(ctx, rule, inspection, following, outcome)
            if made is not None:
                items.append(made)
    return items


def _follow_up(
    ctx: TimelineContext,
    rule: Rule,
    inspection: Inspection,
    following: Inspection | None,
    outcome: Category,
) -> TimelineItem | None:
    trigger: Event = inspection
    if rule.anchor == "report-published":
        published = _published(ctx, inspection, following)
        if published is None:
            ctx.warn(
                f"inspection ending {inspection.date.isoformat()}: {rule.item} counts from the "
                "publication of the report; add a report-published event"
            )
            return None
        anchor, trigger = published.date, published
    else:
        anchor = inspection.date
    computed = ctx.evaluate(rule, anchor)
    if computed is None:
        return None
    return ctx.make_item(
        rule,
        computed,
        explanation=f"after the inspection of {describe_day(inspection.date)} "
        f"({outcome.label(inspection.date)}); Ofsted practice, not statute",
        trigger=trigger,
        satisfied_on=following.start if following is not None else None,
        details={"outcome": outcome.value},
    )


def _overall(inspection: Inspection) -> Grade | None:
    return inspection.grades.get("overall-effectiveness")


def rise_items(ctx: TimelineContext, spells: Sequence[Eligibility]) -> list[TimelineItem]:
    """RISE targeted intervention: a 'stuck' school, and (from Sep 2026) a school requiring
    significant improvement."""
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
    for spell in spells:
        if spell.ground != "s.61":
            continue
        rule = ctx.rule_for("rise-support", spell.start, basis="significant-improvement")
        if rule is None:
            continue
        items.append(
            ctx.make_item(
                rule,
                due=spell.start,
                explanation=(
                    f"Ofsted's notice of {describe_day(spell.start)}: the school requires "
                    "significant improvement; RISE targeted intervention is the default"
                ),
                trigger=spell.trigger,
                details={"basis": "significant-improvement"},
            )
        )
    return items


def _first_row(ctx: TimelineContext, basis: str) -> Rule | None:
    rows = [r for r in ctx.rules if r.item == "rise-support" and basis in r.when.get("basis", ())]
    return min(rows, key=lambda r: r.in_force.start) if rows else None

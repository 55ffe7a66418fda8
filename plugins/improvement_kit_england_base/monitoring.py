"""Ofsted follow-up after an inspection (policy): first monitoring inspection and re-inspection,
from ``rules/monitoring.toml``; the same for maintained schools and academies.

Rows are looked up by the inspection's outcome (``when.outcome``: the category or monitoring
level) in the version in force on the last day of the inspection. A row's ``anchor`` says what
its period counts from: ``report-published`` (the first ``report-published`` event after the
inspection, before the next one; nothing is computed without it) or ``inspection-end``. The
next inspection, if any, satisfies the item.
"""

from __future__ import annotations

from improvement_kit.context import TimelineContext
from improvement_kit.model import Category, Event, Inspection, ReportPublished, TimelineItem
from improvement_kit.rules import Rule, describe_day
from improvement_kit_england_base.reports import outcome_of

__all__ = ["monitoring_items"]

_FOLLOW_UP_ITEMS = ("monitoring-inspection.first", "reinspection")


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

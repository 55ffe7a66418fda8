"""Periods around the inspection report that apply only to a school in a category of concern:
comments on the draft report (SI 2005/2038 reg 5) and the LA statement of action (EA 2005 s.15,
reg 7), both counted on the school calendar from receipt. (Parents' copies, reg 6, apply to
every section 5 report and are a plain trigger row.)

Whether the school is in a category is read from the latest inspection on or before the day
the report was received (the inspector's recorded category, else the plugin's decision), or
from an ``ofsted-category-notice`` given since that inspection.
"""

from __future__ import annotations

import datetime as dt

from improvement_kit.model import (
    Category,
    CategoryNotice,
    DraftReportReceived,
    Event,
    FinalReportReceived,
    Inspection,
    StatementOfActionSent,
    TimelineItem,
)
from improvement_kit.rules import describe_day
from improvement_kit.timeline import TimelineContext

__all__ = ["category_on", "outcome_of", "report_items"]

_NEAR = dt.timedelta(days=92)
_NOT_THE_LA = frozenset({"governing-body", "school", "proprietor", "appropriate-authority"})


def outcome_of(ctx: TimelineContext, inspection: Inspection) -> Category | None:
    """The category (recorded, else decided) or monitoring level an inspection led to."""
    if inspection.category is not None:
        return inspection.category
    for done, decision in ctx.decisions:
        if done is inspection and decision is not None:
            return decision.category or decision.monitoring
    return None


def category_on(ctx: TimelineContext, day: dt.date) -> tuple[Category | None, Inspection | None]:
    """The statutory category the school is in on ``day`` after its latest inspection."""
    latest = None
    following = None
    for inspection in ctx.case.inspections():
        if inspection.date <= day:
            latest = inspection
        elif following is None:
            following = inspection
    if latest is not None:
        since = latest.date
        bound = following.date if following is not None else dt.date.max
    else:  # no inspection in the case: a notice near the day the report was received
        since, bound = day - _NEAR, day + _NEAR
    for notice in ctx.case.of_type(CategoryNotice):
        if since <= notice.date < bound and notice.category.statutory:
            return notice.category, latest
    if latest is None:
        return None, None
    outcome = outcome_of(ctx, latest)
    if outcome is not None and outcome.statutory:
        return outcome, latest
    return None, latest


def _first_after(ctx: TimelineContext, cls: type[Event], day: dt.date) -> Event | None:
    for event in ctx.case.events:
        if isinstance(event, cls) and event.date >= day:
            return event
    return None


def report_items(ctx: TimelineContext) -> list[TimelineItem]:
    """Draft-report comments and statement-of-action items."""
    items: list[TimelineItem] = []
    for event in ctx.case.events:
        if isinstance(event, DraftReportReceived):
            item_id, label = "draft-report-comments.due", "the draft report"
        elif isinstance(event, FinalReportReceived):
            if event.received_by in _NOT_THE_LA:
                continue
            item_id, label = "statement-of-action.due", "the report"
        else:
            continue
        category, inspection = category_on(ctx, event.date)
        if category is None:
            if inspection is None and not ctx.case.of_type(CategoryNotice):
                ctx.warn(
                    f"{event.type} {event.date.isoformat()}: no inspection in the case, so it is "
                    f"not known whether the report states a category of concern; "
                    f"{item_id} not computed"
                )
            continue
        rule = ctx.rule_for(item_id, event.date)
        if rule is None:
            continue
        computed = ctx.evaluate(rule, event.date, event=event)
        if computed is None:
            continue
        satisfied = None
        if item_id == "statement-of-action.due":
            satisfied = _first_after(ctx, StatementOfActionSent, event.date)
        items.append(
            ctx.make_item(
                rule,
                computed,
                explanation=(
                    f"{label} states that the school "
                    + (
                        "requires special measures"
                        if category is Category.SPECIAL_MEASURES
                        else "requires significant improvement"
                    )
                    + f" ({category.label(event.date)})"
                    + (
                        "; school holidays longer than a week are not working days"
                        " (SI 2005/2038 reg 2(1))"
                        if ctx.case.all_school_holidays()
                        else "; no school holidays in the case: regional calendar used"
                    )
                ),
                trigger=event,
                satisfied_on=satisfied.date if satisfied is not None else None,
                details={"category": category.value, "received": describe_day(event.date)},
            )
        )
    return items

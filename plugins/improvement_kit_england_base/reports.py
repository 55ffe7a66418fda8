"""Periods around the inspection report that apply only to a school in a category of concern:
comments on the draft report (SI 2005/2038 reg 5) and the statement of action (EA 2005 s.15 for
a maintained school's local authority, s.17 for any other school's proprietor; reg 7), both
counted on the school calendar from receipt. (Parents' copies, reg 6, apply to every section 5
report and are plain trigger rows.)

Shared by maintained schools and academies: whether the report states a category, which row
applies to the provider (``provider_types``), the count and what satisfies the statement. Each
jurisdiction words its own items.

Whether the school is in a category is read from the latest inspection on or before the day
the report was received (the inspector's recorded category, else the decision), or from an
``ofsted-category-notice`` given since that inspection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import attrs

from improvement_kit.context import TimelineContext
from improvement_kit.model import (
    Category,
    CategoryNotice,
    DraftReportReceived,
    Event,
    FinalReportReceived,
    Inspection,
    StatementOfActionSent,
)
from improvement_kit.rules import Computed, Rule

__all__ = [
    "ReportPeriod",
    "category_on",
    "first_after",
    "outcome_of",
    "report_periods",
    "row_for",
]

_NEAR = dt.timedelta(days=92)


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


def first_after(ctx: TimelineContext, cls: type[Event], day: dt.date) -> Event | None:
    """The case's first event of ``cls`` on or after ``day``."""
    for event in ctx.case.events:
        if isinstance(event, cls) and event.date >= day:
            return event
    return None


def row_for(ctx: TimelineContext, item: str, on: dt.date) -> Rule | None:
    """The version in force on ``on`` of the rows producing ``item`` for the case's kind of
    provider (a row without ``provider_types`` applies to every provider)."""
    kind = ctx.case.provider.type.value
    for rule in ctx.rules:
        if rule.item != item or not rule.in_force_on(on):
            continue
        if not rule.provider_types or kind in rule.provider_types:
            return rule
    return None


@attrs.frozen
class ReportPeriod:
    """A period that applies: the report ``event`` states ``category``; ``rule`` counts
    ``computed`` from its receipt; ``satisfied_on`` is the statement sent, if any."""

    event: DraftReportReceived | FinalReportReceived
    rule: Rule
    computed: Computed
    category: Category
    satisfied_on: dt.date | None = None


def report_periods(
    ctx: TimelineContext,
    *,
    draft_item: str,
    statement_item: str,
    not_the_statement_writer: Collection[str] = (),
) -> list[ReportPeriod]:
    """Comments on each draft and a statement of action after each final report stating a
    category of concern, in case order. ``draft_item`` and ``statement_item`` are the
    jurisdiction's item ids; a final report whose ``received_by`` is in
    ``not_the_statement_writer`` (a maintained school's own copy, not the local authority's)
    starts no statement period."""
    periods: list[ReportPeriod] = []
    for event in ctx.case.events:
        if isinstance(event, DraftReportReceived):
            item_id = draft_item
        elif isinstance(event, FinalReportReceived):
            if event.received_by in not_the_statement_writer:
                continue
            item_id = statement_item
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
        rule = row_for(ctx, item_id, event.date)
        if rule is None:
            continue
        computed = ctx.evaluate(rule, event.date, event=event)
        if computed is None:
            continue
        satisfied = None
        if item_id == statement_item:
            sent = first_after(ctx, StatementOfActionSent, event.date)
            satisfied = sent.date if sent is not None else None
        periods.append(ReportPeriod(event, rule, computed, category, satisfied))
    return periods

"""The inspection-report periods of a maintained school: comments on the draft report by the
governing body (SI 2005/2038 reg 5) and the local authority's statement of action (EA 2005
s.15, reg 7). The periods, the rows (``inspection-reports.toml``) and whether the report states
a category are the shared England base's (:mod:`improvement_kit_england_base.reports`); this
module words the items.
"""

from __future__ import annotations

from improvement_kit.model import Category, DraftReportReceived, TimelineItem
from improvement_kit.rules import describe_day
from improvement_kit.timeline import TimelineContext
from improvement_kit_england_base.reports import category_on, outcome_of, report_periods

__all__ = ["category_on", "outcome_of", "report_items"]

#: A copy of the report these received is not the local authority's (s.15 counts from the LA's).
_NOT_THE_LA = frozenset({"governing-body", "school", "proprietor", "appropriate-authority"})


def report_items(ctx: TimelineContext) -> list[TimelineItem]:
    """Draft-report comments and statement-of-action items."""
    items: list[TimelineItem] = []
    periods = report_periods(
        ctx,
        draft_item="draft-report-comments.due",
        statement_item="statement-of-action.due",
        not_the_statement_writer=_NOT_THE_LA,
    )
    for period in periods:
        event, category = period.event, period.category
        label = "the draft report" if isinstance(event, DraftReportReceived) else "the report"
        items.append(
            ctx.make_item(
                period.rule,
                period.computed,
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
                satisfied_on=period.satisfied_on,
                details={"category": category.value, "received": describe_day(event.date)},
            )
        )
    return items

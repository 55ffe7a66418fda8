"""Everything the England maintained-school rules derive in code, in one call.

:func:`derive_items` is called by the plugin's ``improvement_kit_timeline_items`` hook after the
engine has placed the category items and applied every rule with a trigger. It returns:

* warning-notice items (:mod:`.warning_notices`): ``warning-notice.copies``,
  ``warning-notice.compliance-period-end`` (old law), ``warning-notice.decision-awaited``,
  ``warning-notice.not-confirmed``, ``warning-notice.ceased``, ``warning-notice.transitional``,
  ``reasonable-notice``;
* ``eligible-for-intervention`` for the warning-notice grounds (:mod:`.eligibility`; the
  engine makes it for the category and coasting grounds);
* the two-month windows of the powers ``la-power.s63``, ``s64``, ``s66`` and
  ``sos-power.s66a`` after a warning notice (:mod:`.powers`; the engine makes the open-ended
  powers from each ``eligible-for-intervention`` item);
* ``academy-order`` and ``academy-order.saving`` (:mod:`.academy_orders`);
* ``draft-report-comments.due`` and ``statement-of-action.due`` (:mod:`.reports`);
* ``rise-support`` for a 'stuck' school (:mod:`.monitoring`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from improvement_kit.model import AcademyOrderMade, CategoryNotice, TimelineItem
from improvement_kit.rules import describe_day
from improvement_kit.timeline import TimelineContext
from improvement_kit_england_maintained.academy_orders import academy_order_items
from improvement_kit_england_maintained.category import RECORDED_CATEGORY_REQUIRED
from improvement_kit_england_maintained.eligibility import (
    Eligibility,
    all_items,
    check_category_notices,
    check_coasting_notifications,
    engine_spells,
)
from improvement_kit_england_maintained.monitoring import rise_items
from improvement_kit_england_maintained.powers import power_items
from improvement_kit_england_maintained.reports import report_items
from improvement_kit_england_maintained.warning_notices import warning_notice_items

__all__ = ["derive_items"]


def derive_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """The items of a case that only code can derive."""
    ctx = context
    _decision_warnings(ctx)
    items: list[TimelineItem] = []
    notice_items, spells = warning_notice_items(ctx)
    items.extend(notice_items)
    pending = [s for s in spells if s.pending]
    notice_spells = [_until_conversion(ctx, s) for s in spells if not s.pending]
    check_category_notices(ctx)
    check_coasting_notifications(ctx)
    items.extend(all_items(ctx, notice_spells))
    spells = sorted([*notice_spells, *engine_spells(ctx)], key=lambda s: s.start)
    for spell in pending:
        items.extend(power_items(ctx, spell))
    for spell in spells:
        items.extend(power_items(ctx, spell))
        items.extend(academy_order_items(ctx, spell))
    items.extend(report_items(ctx))
    items.extend(rise_items(ctx))
    return items


def _until_conversion(ctx: TimelineContext, spell: Eligibility) -> Eligibility:
    """A maintained school that converts into an academy stops being eligible the day before."""
    for order in ctx.case.of_type(AcademyOrderMade):
        converted = order.converted_on
        if converted is None or converted <= spell.start:
            continue
        last = converted - dt.timedelta(days=1)
        if spell.end is None or last < spell.end:
            return attrs.evolve(
                spell,
                end=last,
                ended_by=f"converted into an academy on {describe_day(converted)}",
            )
    return spell


def _decision_warnings(ctx: TimelineContext) -> None:
    notices = ctx.case.of_type(CategoryNotice)
    for inspection, decision in ctx.decisions:
        if decision is None:
            continue
        category = inspection.category or decision.category
        when = f"inspection ending {describe_day(inspection.date)}"
        if category is None and any(RECORDED_CATEGORY_REQUIRED in r for r in decision.reasons):
            ctx.warn(f"{when}: {'; '.join(decision.reasons)} (rule {decision.rule_id})")
        if (
            category is not None
            and category.statutory
            and not any(n.date >= inspection.date for n in notices)
        ):
            ctx.warn(
                f"{when}: {category.label(inspection.date)}; eligibility for intervention "
                "(s.61/s.62) starts on the date of Ofsted's notice under EA 2005 s.13(3)(a): "
                "add an ofsted-category-notice event"
            )

"""Wales items derived in code: the Welsh Ministers' power under SSO(W)A 2013 s.11(5).

The power is computed here rather than from a triggered row because its window closes when a
later report removes the category (ground 7 or 8 ceases to exist), and because the explanation
must show the loose reading of "a period of not less than 10 days has elapsed" beside the
strict one (worked example 16).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from improvement_kit.calendar import calendar_days_elapsed
from improvement_kit.model import Category, CategoryNotice, CategoryRemoved, TimelineItem, Window
from improvement_kit.rules import describe_day
from improvement_kit_wales_schools.events import FollowUpRemoved

if TYPE_CHECKING:
    from improvement_kit.timeline import TimelineContext

__all__ = ["derive_items"]

_GROUND = {Category.SIGNIFICANT_IMPROVEMENT: "7", Category.SPECIAL_MEASURES: "8"}


def derive_items(context: TimelineContext) -> list[TimelineItem]:
    """The s.11(5) power for every Estyn s.37(2) notice, and a warning about s.4(4)."""
    items: list[TimelineItem] = []
    removals = sorted(
        [*context.case.of_type(CategoryRemoved), *context.case.of_type(FollowUpRemoved)],
        key=lambda event: event.date,
    )
    for notice in context.case.of_type(CategoryNotice):
        if notice.category not in _GROUND:
            continue
        if context.rule_for("local-authority-power.s4-4", notice.date) is not None:
            context.warn(
                f"Estyn notice of {describe_day(notice.date)}: any waiting period before the "
                "local authority may intervene on ground 7 or 8 (SSO(W)A 2013 s.4(4)) is "
                "unverified (rule W-LA-06); check s.4(4) before relying on a date"
            )
        rule = context.rule_for("welsh-ministers-power.s11", notice.date)
        if rule is None:
            continue
        computed = context.evaluate(rule, notice.date)
        if computed is None or computed.window is None:
            continue
        strict = computed.window.start
        loose = calendar_days_elapsed(notice.date, 10, reading="loose")
        ground = _GROUND[notice.category]
        notes = [
            f"ground {ground} ({notice.category.label(notice.date, wales=True)})",
            f"loose reading (the notice date + 10 days): {describe_day(loose)}",
            "the Welsh Ministers may determine a shorter period (s.11(6))",
        ]
        removed = next((r for r in removals if r.date > notice.date), None)
        if removed is not None:
            last = removed.date - dt.timedelta(days=1)
            if last >= strict:
                computed = attrs.evolve(computed, window=Window(strict, last))
                notes.append(
                    f"ground {ground} ceased when the category was removed on "
                    f"{describe_day(removed.date)}: window closes {describe_day(last)}"
                )
            else:
                computed = attrs.evolve(computed, window=None)
                notes.append(
                    f"the category was removed on {describe_day(removed.date)}, before the "
                    "waiting period ended: the power never became exercisable"
                )
        items.append(
            context.make_item(
                rule,
                computed,
                explanation="; ".join(notes),
                trigger=notice,
                details={
                    "ground": ground,
                    "strict_reading": strict.isoformat(),
                    "loose_reading": loose.isoformat(),
                },
            )
        )
    return items

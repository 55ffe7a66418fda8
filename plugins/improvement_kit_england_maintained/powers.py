"""Intervention powers (EIA 2006 ss.63-69) for each spell of eligibility.

A power is looked up in ``rules/powers.toml`` by the ground of eligibility, in the version in
force on the eligibility's trigger date; a power that did not exist for that ground then (s.66A
before 18 Apr 2016, s.67 and s.69 for warning-notice grounds before 12 Jan 2010, s.68 before
15 Nov 2011) opens on the commencement of the first later version that covers the ground.

Rows with a ``window`` deadline (ss.63, 64, 66, 66A for s.60 / s.60A grounds) are counted from
the end of the compliance period: the window closes on the corresponding date two months later
(last day of the month where there is none). Before reasonable notice is given the windows are
still shown (a pending spell), marked with the unmet precondition. The window is shown opening
on the first day the school is eligible (the power cannot be used earlier), or on the day after
the compliance period ended if that is later; when eligibility begins after the window closed,
the item keeps the statutory window and says the power was never exercisable. Other rows are
open-ended for as long as the school is eligible.
"""

from __future__ import annotations

import datetime as dt

from improvement_kit.model import TimelineItem, Window
from improvement_kit.rules import Rule, WindowOf, describe_day
from improvement_kit.timeline import TimelineContext
from improvement_kit_england_maintained.eligibility import Eligibility

__all__ = ["POWER_ITEMS", "power_items", "rule_for_spell"]

#: The power items, in statutory order.
POWER_ITEMS = (
    "la-power.s63",
    "la-power.s64",
    "la-power.s65",
    "la-power.s66",
    "sos-power.s66a",
    "sos-power.s67",
    "sos-power.s68",
    "sos-power.s69",
)


def rule_for_spell(
    ctx: TimelineContext, item: str, spell: Eligibility, on: dt.date | None = None
) -> tuple[Rule, dt.date] | None:
    """The rule for ``item`` and the day it first applies during ``spell``.

    The version in force on ``on`` (default: the spell's trigger date); else the earliest
    later version covering the ground that comes into force before the spell ends.
    """
    day = spell.trigger_date if on is None else on
    rule = ctx.rule_for(item, day, ground=spell.ground)
    if rule is not None:
        return rule, spell.start
    later = sorted(
        (
            r
            for r in ctx.rules
            if r.item == item
            and spell.ground in r.when.get("ground", ())
            and r.in_force.start > day
            and (spell.end is None or r.in_force.start <= spell.end)
        ),
        key=lambda r: r.in_force.start,
    )
    if not later:
        return None
    return later[0], max(spell.start, later[0].in_force.start)


def power_items(ctx: TimelineContext, spell: Eligibility) -> list[TimelineItem]:
    """Every power available during one spell of eligibility."""
    items = []
    for item in POWER_ITEMS:
        found = rule_for_spell(ctx, item, spell)
        if found is None:
            continue
        rule, opens = found
        if rule.trigger is not None:
            continue  # an open-ended power: the engine applies its row to the status item
        details = {"ground": spell.ground}
        if spell.pending and not isinstance(rule.deadline, WindowOf):
            continue  # open-ended powers begin with eligibility itself
        if isinstance(rule.deadline, WindowOf):
            if spell.compliance_period_end is None:
                continue
            computed = ctx.evaluate(rule, spell.compliance_period_end)
            assert computed is not None and computed.window is not None
            statutory = computed.window
            assert statutory.end is not None
            end = statutory.end if spell.end is None else min(statutory.end, spell.end)
            start = max(opens, statutory.start)
            details["window_end"] = statutory.end.isoformat()
            if start > end and opens > spell.start:
                continue  # the power came into force after the window had closed
            if start > end:
                window = statutory
                details["exercisable"] = "no"
                note = (
                    f"never exercisable: the school became eligible {describe_day(opens)}, "
                    "after the window closed"
                )
            elif spell.pending:
                window = Window(start, end)
                details["exercisable"] = "once reasonable notice is given"
                details["pending_precondition"] = (
                    f"reasonable notice in writing of the proposed intervention ({spell.ground}(1))"
                )
                note = (
                    "exercisable only once the school is eligible for intervention: reasonable "
                    "notice in writing of the proposed intervention has not yet been given "
                    f"({spell.ground}(1)); the window closes {describe_day(end)} regardless"
                )
            else:
                window = Window(start, end)
                details["exercisable"] = "yes"
                note = f"exercisable from {describe_day(start)} (eligible for intervention)"
            items.append(
                ctx.make_item(
                    rule,
                    window=window,
                    explanation=(
                        f"{spell.ground} ground: within the period of two months following the "
                        f"end of the compliance period: {computed.explanation}; {note}"
                    ),
                    trigger=spell.trigger,
                    details=details,
                )
            )
            continue
        commenced = (
            f" (in force from {describe_day(rule.in_force.start)})" if opens > spell.start else ""
        )
        until = f" until {describe_day(spell.end)}" if spell.end is not None else ""
        items.append(
            ctx.make_item(
                rule,
                window=Window(opens, spell.end),
                explanation=(
                    f"{spell.ground} ground: no time limit; exercisable while the school is "
                    f"eligible for intervention, from {describe_day(opens)}{commenced}{until}"
                ),
                trigger=spell.trigger,
                details=details,
            )
        )
    return items

"""Academy orders (Academies Act 2010 s.4) for each spell of eligibility.

The row (``rules/academy-orders.toml``) is the one in force on the day the school became
eligible (for s.61/s.62, the date of Ofsted's s.13(3)(a) notice), by ground:

* a **duty** (s.4(A1), item kind ``obligation``, ``details["kind"] = "duty"``) for s.61/s.62
  eligibility arising 18 Apr 2016 - 28 Jun 2026. The duty has no deadline; the item's window
  runs from the notice to the last day of the duty (28 Jun 2026, read from the row) or the end
  of eligibility. An ``academy-order-made`` event satisfies it. An order made before 29 Jun 2026
  for a school not converted by then keeps the duty-based conversion (CWSA 2026 s.58(9)):
  status item ``academy-order.saving``. A duty not performed by 28 Jun 2026 is shown ending that
  day, and a second ``academy-order`` item (the power) opens on 29 Jun 2026 (worked example 17b);
* a **power** (s.4(1)(b), kind ``power``) otherwise, open while the school is eligible.
"""

from __future__ import annotations

import datetime as dt

from improvement_kit.model import AcademyOrderMade, ItemKind, TimelineItem, Window
from improvement_kit.rules import describe_day
from improvement_kit.timeline import TimelineContext
from improvement_kit_england_maintained.eligibility import Eligibility
from improvement_kit_england_maintained.powers import rule_for_spell

__all__ = ["academy_order_items"]

_ONE_DAY = dt.timedelta(days=1)
_ITEM = "academy-order"


def _order_after(ctx: TimelineContext, day: dt.date) -> AcademyOrderMade | None:
    for order in ctx.case.of_type(AcademyOrderMade):
        if order.date >= day:
            return order
    return None


def academy_order_items(ctx: TimelineContext, spell: Eligibility) -> list[TimelineItem]:
    """The academy-order item(s) for one spell of eligibility."""
    found = rule_for_spell(ctx, _ITEM, spell, on=spell.start)
    if found is None:
        return []
    rule, opens = found
    if rule.trigger is not None:  # a power row the engine applies to the status item
        _duty_question(ctx, spell)
        return []
    order = _order_after(ctx, spell.start)
    details = {"ground": spell.ground, "kind": rule.value or ""}
    if rule.kind is not ItemKind.OBLIGATION:
        _duty_question(ctx, spell)
        satisfied = order if order is not None and order.date >= opens else None
        return [
            ctx.make_item(
                rule,
                window=Window(opens, spell.end),
                explanation=(
                    f"{spell.ground} ground: the Secretary of State may make an academy order "
                    f"while the school is eligible for intervention, from {describe_day(opens)}"
                    + (f"; order made {describe_day(satisfied.date)}" if satisfied else "")
                ),
                trigger=spell.trigger,
                satisfied_on=satisfied.date if satisfied else None,
                details=details,
            )
        ]
    duty_last = rule.in_force.end
    last = duty_last
    if spell.end is not None and (last is None or spell.end < last):
        last = spell.end
    items: list[TimelineItem] = []
    performed = order is not None and (last is None or order.date <= last)
    if performed:
        assert order is not None
        items.append(
            ctx.make_item(
                rule,
                window=Window(opens, max(opens, order.date)),
                explanation=(
                    f"{spell.ground} ground from {describe_day(spell.start)}: the Secretary of "
                    f"State must make an academy order (no statutory deadline); order made "
                    f"{describe_day(order.date)}"
                ),
                trigger=spell.trigger,
                satisfied_on=order.date,
                details=details,
            )
        )
        if duty_last is not None and (order.converted_on is None or order.converted_on > duty_last):
            saving = ctx.rule_for("academy-order.saving", duty_last + _ONE_DAY)
            if saving is not None:
                items.append(
                    ctx.make_item(
                        saving,
                        due=saving.in_force.start,
                        explanation=(
                            f"the order made {describe_day(order.date)} under s.4(A1) had effect "
                            f"immediately before {describe_day(saving.in_force.start)} and the "
                            "school had not converted: the repeal is disregarded and conversion "
                            "continues under the duty-based provisions (including s.5A)"
                        ),
                        trigger=spell.trigger,
                        details={"ground": spell.ground, "order_made": order.date.isoformat()},
                    )
                )
        return items
    ended_with_eligibility = spell.end is not None and (duty_last is None or spell.end <= duty_last)
    if ended_with_eligibility:
        note = "the duty ended with the school's eligibility for intervention, order not made"
    else:
        note = (
            f"the duty ended unperformed on {describe_day(last) if last else '?'}: "
            "CWSA 2026 s.58 omitted s.4(A1) and its saving (s.58(9)) covers only orders "
            "already made; from the next day the Secretary of State may, not must, make an order"
        )
    items.append(
        ctx.make_item(
            rule,
            window=Window(opens, last),
            explanation=(
                f"{spell.ground} ground from {describe_day(spell.start)}: the Secretary of State "
                f"must make an academy order (no statutory deadline); {note}"
            ),
            trigger=spell.trigger,
            details=details,
        )
    )
    if ended_with_eligibility or duty_last is None:
        return items
    ctx.warn(
        f"academy order: the duty that arose {describe_day(spell.start)} ({spell.ground}) was not "
        f"performed by {describe_day(duty_last)}; from {describe_day(duty_last + _ONE_DAY)} it is "
        "a power (whether an unperformed duty survives under Interpretation Act 1978 s.16 is "
        "arguable; the specific saving in CWSA 2026 s.58(9) suggests it does not)"
    )
    power = ctx.rule_for(_ITEM, duty_last + _ONE_DAY, ground=spell.ground)
    if power is not None:
        later = _order_after(ctx, duty_last + _ONE_DAY)
        items.append(
            ctx.make_item(
                power,
                window=Window(power.in_force.start, spell.end),
                explanation=(
                    f"{spell.ground} ground: from {describe_day(power.in_force.start)} the "
                    "Secretary of State may make an academy order (s.4(1)(b))"
                ),
                trigger=spell.trigger,
                satisfied_on=later.date if later else None,
                details={"ground": spell.ground, "kind": power.value or "power"},
            )
        )
    return items


def _duty_question(ctx: TimelineContext, spell: Eligibility) -> None:
    """Flag a s.61/62 spell that began before the duty and was still running when it began."""
    if spell.ground not in ("s.61", "s.62"):
        return
    duty = next(
        (
            r
            for r in ctx.rules
            if r.item == _ITEM
            and r.kind is ItemKind.OBLIGATION
            and spell.ground in r.when.get("ground", ())
        ),
        None,
    )
    if duty is None or spell.start >= duty.in_force.start:
        return
    if spell.end is not None and spell.end < duty.in_force.start:
        return
    ctx.warn(
        f"academy order: the school has been eligible ({spell.ground}) since "
        f"{describe_day(spell.start)}, before the duty in s.4(A1) began "
        f"({describe_day(duty.in_force.start)}); the library keys the duty on the date of "
        "Ofsted's notice and shows a power, but 'is eligible' arguably brings such a school "
        "within the duty (open question)"
    )

"""Wales items derived in code: the Welsh Ministers' powers on ground 7 or 8 (SSO(W)A 2013
s.11(5), and with it the powers of ss.12-17).

The power is computed here rather than from a triggered row because its window closes when a
later report removes the category (ground 7 or 8 ceases to exist), because the explanation
must show the loose reading of "a period of not less than 10 days has elapsed" beside the
strict one (worked example 16), and because an Estyn notice given before 20 Feb 2014 that was
not superseded is a ground from that day (the rows' ``pre-commencement: from-commencement``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from improvement_kit.calendar import calendar_days_elapsed
from improvement_kit.model import (
    Category,
    CategoryNotice,
    CategoryRemoved,
    ProviderType,
    TimelineItem,
    Window,
)
from improvement_kit.rules import describe_day
from improvement_kit_wales_schools.commencement import Mode, parse
from improvement_kit_wales_schools.events import FollowUpRemoved

if TYPE_CHECKING:
    from improvement_kit.model import Event
    from improvement_kit.rules import Rule
    from improvement_kit.timeline import TimelineContext

__all__ = ["MINISTERS_POWERS", "SSOWA_PART_2", "derive_items"]

_GROUND = {Category.SIGNIFICANT_IMPROVEMENT: "7", Category.SPECIAL_MEASURES: "8"}
#: SSO(W)A 2013 Part 2 Chapter 1 commenced on 20 Feb 2014 (S.I. 2014/178 art. 2(f)).
SSOWA_PART_2 = dt.date(2014, 2, 20)
#: The Welsh Ministers' powers of ss.12-17, given the window of s.11(5).
MINISTERS_POWERS = tuple(f"welsh-ministers-power.s{n}" for n in range(12, 18))


def _rule_on(context: TimelineContext, item: str, notice: dt.date) -> tuple[Rule, bool] | None:
    """The version of ``item``'s rule for a notice given on ``notice``, and whether it applies
    only from commencement (a notice given before the provision commenced)."""
    rule = context.rule_for(item, notice)
    if rule is not None:
        return rule, False
    if notice >= SSOWA_PART_2:
        return None
    later = context.rule_for(item, SSOWA_PART_2)
    if later is None:
        return None
    treatment = parse(later.notes)
    if treatment is None or treatment.mode is not Mode.FROM_COMMENCEMENT:
        return None
    return later, True


def _power(
    context: TimelineContext,
    item: str,
    notice: CategoryNotice,
    removals: list[Event],
    ministers: bool,
) -> TimelineItem | None:
    found = _rule_on(context, item, notice.date)
    if found is None:
        return None
    rule, from_commencement = found
    computed = context.evaluate(rule, notice.date)
    if computed is None or computed.window is None:
        return None
    strict = computed.window.start
    loose = calendar_days_elapsed(notice.date, 10, reading="loose")
    ground = _GROUND[notice.category]
    notes = [f"ground {ground} ({notice.category.label(notice.date, wales=True)})"]
    if ministers:
        notes.append(f"loose reading (the notice date + 10 days): {describe_day(loose)}")
        notes.append("the Welsh Ministers may determine a shorter period (s.11(6))")
    if from_commencement:
        strict = max(strict, SSOWA_PART_2)
        treatment = parse(rule.notes)
        because = treatment.because if treatment is not None else ""
        notes.append(
            f"the notice predates SSO(W)A 2013 Part 2: not superseded, it is a ground from "
            f"{describe_day(SSOWA_PART_2)} (pre-commencement: from-commencement; because: "
            f"{because})"
        )
    window = Window(strict, None)
    removed = next((r for r in removals if r.date > notice.date), None)
    if removed is not None:
        last = removed.date - dt.timedelta(days=1)
        if last >= strict:
            window = Window(strict, last)
            notes.append(
                f"ground {ground} ceased when the category was removed on "
                f"{describe_day(removed.date)}: window closes {describe_day(last)}"
            )
        else:
            notes.append(
                f"the category was removed on {describe_day(removed.date)}, before the "
                "waiting period ended: the power never became exercisable"
            )
            return context.make_item(
                rule,
                attrs.evolve(computed, window=None),
                explanation="; ".join(notes),
                trigger=notice,
                details={"ground": ground},
            )
    details = {"ground": ground, "strict_reading": strict.isoformat()}
    if ministers:
        details["loose_reading"] = loose.isoformat()
    return context.make_item(
        rule,
        attrs.evolve(computed, window=window),
        explanation="; ".join(notes),
        trigger=notice,
        details=details,
    )


def derive_items(context: TimelineContext) -> list[TimelineItem]:
    """The s.11(5) power and the ss.12-17 powers for every Estyn s.37(2) notice, and a warning
    about s.4(4)."""
    items: list[TimelineItem] = []
    if context.case.provider.type is ProviderType.WELSH_PRU:
        return items  # application of ss.4(4) and 11(5) to PRUs unverified (W-PRU-02)
    removals: list[Event] = sorted(
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
        main = _power(context, "welsh-ministers-power.s11", notice, removals, ministers=True)
        if main is None:
            continue
        items.append(main)
        for item in MINISTERS_POWERS:
            power = _power(context, item, notice, removals, ministers=False)
            if power is not None:
                items.append(power)
    return items

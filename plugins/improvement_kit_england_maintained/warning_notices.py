"""Warning notices (EIA 2006 s.60 and s.60A): what the engine's trigger rows cannot do alone.

The engine already places, from ``rules/warning-notices.toml``, the initial period and the
representations deadline (notices given 1 Apr 2007 - 17 Apr 2016) and the compliance period a
notice specifies (from 18 Apr 2016). This module adds:

* the old compliance period (s.60(10) / s.60A(10)): the initial period when no
  representations were made during it; 15 working days following the day of confirmation when
  they were and the notice was confirmed; none while the decision is awaited; and no
  eligibility when the notice was not confirmed;
* the copy list (s.60(6), (6A), (6B); s.60A(6));
* a local authority notice ceasing when the Secretary of State gives one (s.60(4B));
* the SI 2016/466 reg 4 transitional flag and its edge case;
* eligibility under s.60 / s.60A: the later of the day after the compliance period ends and
  the day reasonable notice in writing was given; without that notice, an expected-event item.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar, cast

import attrs

from improvement_kit.calendar import months_following
from improvement_kit.model import (
    Event,
    ItemKind,
    NoticeGiver,
    NoticeGround,
    Provider,
    ReasonableNoticeGiven,
    ReligiousCharacter,
    RepresentationsMade,
    TimelineItem,
    WarningNoticeComplied,
    WarningNoticeConfirmed,
    WarningNoticeGiven,
    WarningNoticeNotConfirmed,
    Window,
)
from improvement_kit.rules import Rule, describe_day
from improvement_kit.timeline import TimelineContext
from improvement_kit_england_maintained.eligibility import Eligibility

__all__ = ["ground_of", "warning_notice_items"]

_ONE_DAY = dt.timedelta(days=1)
_NOTICE = "the day the notice was given"
_DECIDER = {"s.60": "the Chief Inspector", "s.60A": "the local authority"}


def ground_of(notice: WarningNoticeGiven) -> str:
    """``"s.60"`` or ``"s.60A"``."""
    if notice.ground is NoticeGround.TEACHERS_PAY_AND_CONDITIONS:
        return "s.60A"
    return "s.60"


def _mine(event_notice: str | None, notice: WarningNoticeGiven) -> bool:
    return event_notice is None or notice.id is None or event_notice == notice.id


_NoticeEvent = TypeVar("_NoticeEvent", bound=Event)


def _related(
    ctx: TimelineContext, cls: type[_NoticeEvent], notice: WarningNoticeGiven, since: dt.date
) -> list[_NoticeEvent]:
    """The events of ``cls`` on or after ``since`` that refer to ``notice`` (by its id, or
    naming no notice), in date order; indexed once per timeline, so that a case of thousands
    of notices costs linear time."""
    if notice.id is None:
        return ctx.case.of_type_from(cls, since)
    key = f"warning-notices:{cls.__name__}"
    if key not in ctx.cache:
        built: dict[str | None, list[Event]] = {}
        for event in ctx.case.of_type(cls):
            built.setdefault(getattr(event, "notice", None), []).append(event)
        ctx.cache[key] = built
    by_notice = cast("dict[str | None, list[_NoticeEvent]]", ctx.cache[key])
    mine = (*by_notice.get(notice.id, ()), *by_notice.get(None, ()))
    found = [e for e in mine if e.date >= since]
    return sorted(found, key=lambda e: e.date)


def _first_from_rules(ctx: TimelineContext, item: str, ground: str) -> Rule | None:
    versions = [
        r for r in ctx.rules if r.item == item and ground in r.when.get("ground", (ground,))
    ]
    return min(versions, key=lambda r: r.in_force.start) if versions else None


def copies(rule: Rule, notice: WarningNoticeGiven, provider: Provider) -> list[str]:
    """Who must be given a copy of the notice "at the same time"."""
    out: list[str] = []
    if rule.id in ("EM-WN-07", "EM-WN-14"):
        out.append("Chief Inspector")
    if rule.id == "EM-TPC-07":
        out.append("Secretary of State")
    out.append("head teacher")
    if provider.religious_character in (
        ReligiousCharacter.CHURCH_OF_ENGLAND,
        ReligiousCharacter.ROMAN_CATHOLIC,
    ):
        name = f" ({provider.diocese})" if provider.diocese else ""
        out.append(f"the appropriate diocesan authority{name}")
    if provider.type.is_foundation_or_voluntary:
        name = (
            f" ({provider.foundation_governor_appointer})"
            if provider.foundation_governor_appointer
            else ""
        )
        out.append(f"the person who appoints the foundation governors{name}")
    if rule.id == "EM-WN-14":
        if notice.given_by is NoticeGiver.SECRETARY_OF_STATE:
            out.append("local authority (s.60(6B))")
        else:
            out.append("Secretary of State (s.60(6A))")
    return out


def warning_notice_items(
    ctx: TimelineContext,
) -> tuple[list[TimelineItem], list[Eligibility]]:
    """The items and eligibility spells of every warning notice in the case."""
    items: list[TimelineItem] = []
    spells: list[Eligibility] = []
    notices = ctx.case.of_type(WarningNoticeGiven)
    for notice in notices:
        made, spell = _one_notice(ctx, notice, notices)
        items.extend(made)
        if spell is not None:
            spells.append(spell)
    return items, spells


def _one_notice(
    ctx: TimelineContext, notice: WarningNoticeGiven, notices: list[WarningNoticeGiven]
) -> tuple[list[TimelineItem], Eligibility | None]:
    ground = ground_of(notice)
    given = notice.date
    items: list[TimelineItem] = []
    where = f"warning notice given {describe_day(given)} ({ground})"
    if notice.ground is NoticeGround.TEACHERS_PAY_AND_CONDITIONS and (
        notice.given_by is NoticeGiver.SECRETARY_OF_STATE
    ):
        ctx.warn(f"{where}: a s.60A notice can be given only by the local authority")
        return items, None
    old_rule = ctx.rule_for("warning-notice.compliance-period-end", given, ground=ground)
    new_rule = ctx.rule_for(
        "warning-notice.compliance-period-end",
        given,
        ground=notice.ground.value,
        given_by=notice.given_by.value,
    )
    if old_rule is not None and notice.given_by is NoticeGiver.SECRETARY_OF_STATE:
        ctx.warn(
            f"{where}: the Secretary of State could not give a warning notice before "
            "18 Apr 2016 (EAA 2016 s.2); no rule applies"
        )
        return items, None
    if old_rule is None and new_rule is None:
        first = _first_from_rules(ctx, "warning-notice.compliance-period-end", ground)
        since = f" (in force from {describe_day(first.in_force.start)})" if first else ""
        ctx.warn(f"{where}: no {ground} warning-notice rule in force on that day{since}")
        return items, None

    copy_rule = ctx.rule_for("warning-notice.copies", given, ground=ground)
    if copy_rule is not None:
        listed = copies(copy_rule, notice, ctx.case.provider)
        items.append(
            ctx.make_item(
                copy_rule,
                due=given,
                explanation=f"at the same time as the notice, {describe_day(given)}: "
                + "; ".join(listed),
                actor=notice.given_by.value.replace("-", " "),
                trigger=notice,
                details={"copies": "; ".join(listed), "ground": ground},
            )
        )

    if old_rule is not None:
        if notice.compliance_period_end is not None or notice.compliance_period is not None:
            ctx.warn(
                f"{where}: before 18 Apr 2016 the compliance period is fixed by {ground}(10); "
                "the period given in the case is ignored"
            )
        cp_end, cp_items = _old_compliance_period(ctx, notice, ground, old_rule)
        items.extend(cp_items)
        if cp_end is None:
            return items, None
        _transitional(ctx, notice, ground, cp_end, items)
    else:
        assert new_rule is not None
        for reps in _related(ctx, RepresentationsMade, notice, given):
            ctx.warn(
                f"{where}: representations of {describe_day(reps.date)} have no statutory "
                "effect after 18 Apr 2016 (s.60(7)-(10) omitted by EAA 2016)"
            )
        computed = ctx.evaluate(new_rule, given, event=notice)
        if computed is None or computed.due is None:
            return items, None
        cp_end = computed.due

    complied = _complied(ctx, notice, cp_end, items)
    if complied is not None:
        ctx.warn(
            f"{where}: the governing body complied on {describe_day(complied)}, by the end of "
            f"the compliance period ({describe_day(cp_end)}); the school does not become "
            f"eligible for intervention under {ground} on this notice"
        )
        return items, None
    ceased = _ceased(ctx, notice, notices, items)
    eligibility_rule = ctx.rule_for("eligible-for-intervention", given, ground=ground)
    if eligibility_rule is None:
        return items, None
    reasonable = None
    for event in _related(ctx, ReasonableNoticeGiven, notice, given):
        reasonable = event
        break
    window_end = months_following(cp_end, 2)
    if reasonable is None:
        rn_rule = ctx.rule_for("reasonable-notice", given, ground=ground)
        if rn_rule is not None and (ceased is None or ceased > cp_end):
            items.append(
                ctx.make_item(
                    rn_rule,
                    window=Window(cp_end + _ONE_DAY),
                    explanation=(
                        f"the compliance period ended {describe_day(cp_end)}; the school becomes "
                        f"eligible for intervention ({ground}) only once reasonable notice in "
                        "writing of the proposed intervention is given; the two-month window "
                        "for ss.63, 64, 66 and 66A still closes on "
                        f"{describe_day(window_end)}"
                    ),
                    trigger=notice,
                    details={"ground": ground, "powers_window_end": window_end.isoformat()},
                )
            )
        if ceased is not None and ceased <= cp_end:
            return items, None
        # The powers' two-month windows run from the end of the compliance period whether or
        # not notice has been given yet: the authority needs to know when they close.
        return items, Eligibility(
            ground=ground,
            trigger=notice,
            trigger_date=given,
            start=cp_end + _ONE_DAY,
            compliance_period_end=cp_end,
            explanation="reasonable notice in writing has not been given",
            pending=True,
        )
    start = max(cp_end + _ONE_DAY, reasonable.date)
    if ceased is not None and ceased <= start:
        return items, None
    why = (
        f"the compliance period ended {describe_day(cp_end)} without compliance and reasonable "
        f"notice in writing was given {describe_day(reasonable.date)}: eligible from "
        f"{describe_day(start)}"
    )
    return items, Eligibility(
        ground=ground,
        trigger=notice,
        trigger_date=given,
        start=start,
        end=None if ceased is None else ceased - _ONE_DAY,
        ended_by=None if ceased is None else "the notice ceased (s.60(4B))",
        compliance_period_end=cp_end,
        explanation=why,
    )


def _complied(
    ctx: TimelineContext, notice: WarningNoticeGiven, cp_end: dt.date, items: list[TimelineItem]
) -> dt.date | None:
    """The day the governing body complied, if it did so by the end of the compliance period
    (s.60(1)(c)/(d): eligibility needs a failure to comply by then). Marks the
    ``warning-notice.compliance-period-end`` item of this notice as satisfied."""
    for event in _related(ctx, WarningNoticeComplied, notice, notice.date):
        for index, item in enumerate(items):
            if item.id == "warning-notice.compliance-period-end":
                items[index] = attrs.evolve(item, satisfied_on=event.date)
        return event.date if event.date <= cp_end else None
    return None


def _old_compliance_period(
    ctx: TimelineContext, notice: WarningNoticeGiven, ground: str, rule: Rule
) -> tuple[dt.date | None, list[TimelineItem]]:
    """s.60(10) / s.60A(10): the compliance period, or ``None`` (pending / not confirmed)."""
    given = notice.date
    items: list[TimelineItem] = []
    initial = ctx.evaluate(rule, given, anchor_label=_NOTICE)
    assert initial is not None and initial.due is not None
    initial_end = initial.due
    decider = _DECIDER[ground]
    reps = None
    for event in _related(ctx, RepresentationsMade, notice, given):
        if event.date > initial_end:
            ctx.warn(
                f"warning notice given {describe_day(given)}: representations of "
                f"{describe_day(event.date)} came after the initial period ended "
                f"{describe_day(initial_end)} and do not count (s.60(1)(c))"
            )
            continue
        reps = event
        break
    if reps is None:
        items.append(
            ctx.make_item(
                rule,
                initial,
                explanation=(
                    "no representations were made during the initial period, so the compliance "
                    f"period is the initial period ({ground}(10)(a))"
                ),
                trigger=notice,
                details={"ground": ground},
            )
        )
        return initial_end, items
    decision = None
    decisions: list[WarningNoticeConfirmed | WarningNoticeNotConfirmed] = [
        *_related(ctx, WarningNoticeConfirmed, notice, reps.date),
        *_related(ctx, WarningNoticeNotConfirmed, notice, reps.date),
    ]
    if decisions:
        decision = min(decisions, key=lambda e: e.date)
    if isinstance(decision, WarningNoticeConfirmed):
        confirmed = ctx.evaluate(
            rule, decision.date, anchor_label=f"the day {decider} confirmed the notice"
        )
        assert confirmed is not None and confirmed.due is not None
        items.append(
            ctx.make_item(
                rule,
                confirmed,
                explanation=(
                    f"representations made {describe_day(reps.date)}; {decider} confirmed the "
                    f"notice {describe_day(decision.date)} ({ground}(10)(b))"
                ),
                trigger=notice,
                details={"ground": ground, "confirmed_on": decision.date.isoformat()},
            )
        )
        return confirmed.due, items
    awaited = ctx.rule_for("warning-notice.decision-awaited", given, ground=ground)
    if isinstance(decision, WarningNoticeNotConfirmed):
        ctx.warn(
            f"warning notice given {describe_day(given)}: {decider} did not confirm it "
            f"({describe_day(decision.date)}); the school cannot become eligible for "
            f"intervention under {ground} on this notice"
        )
        if awaited is not None:
            items.append(
                ctx.make_item(
                    awaited,
                    item_id="warning-notice.not-confirmed",
                    title=f"Warning notice not confirmed by {decider}",
                    kind=ItemKind.STATUS,
                    value="not-confirmed",
                    due=decision.date,
                    explanation=(
                        f"representations made {describe_day(reps.date)}; not confirmed "
                        f"{describe_day(decision.date)}: no compliance period and no "
                        f"eligibility under {ground} for this notice"
                    ),
                    trigger=notice,
                    details={"ground": ground},
                )
            )
        return None, items
    ctx.warn(
        f"warning notice given {describe_day(given)}: representations made "
        f"{describe_day(reps.date)} and {decider} has not yet decided; there is no compliance "
        f"period yet ({ground}(10))"
    )
    if awaited is not None:
        items.append(
            ctx.make_item(
                awaited,
                window=Window(reps.date),
                explanation=(
                    f"representations made {describe_day(reps.date)}; no statutory time limit "
                    "for the decision; the compliance period starts on the day of confirmation"
                ),
                trigger=notice,
                satisfied_on=None,
                details={"ground": ground},
            )
        )
    return None, items


def _transitional(
    ctx: TimelineContext,
    notice: WarningNoticeGiven,
    ground: str,
    cp_end: dt.date,
    items: list[TimelineItem],
) -> None:
    """Flag SI 2016/466 reg 4 for an old-law notice that reaches 18 Apr 2016."""
    rule = next((r for r in ctx.rules if r.item == "warning-notice.transitional"), None)
    if rule is None:
        return
    commencement = rule.in_force.start
    if notice.date >= commencement or months_following(cp_end, 2) < commencement:
        return
    if cp_end >= commencement:
        items.append(
            ctx.make_item(
                rule,
                due=commencement,
                explanation=(
                    f"given {describe_day(notice.date)}, before {describe_day(commencement)}, "
                    f"and the compliance period under {ground}(10) had not expired (it ends "
                    f"{describe_day(cp_end)}): the EAA 2016 amendments do not apply; the old "
                    "rules continue"
                ),
                trigger=notice,
                details={"ground": ground},
            )
        )
        return
    ctx.warn(
        f"warning notice given {describe_day(notice.date)}: its compliance period expired "
        f"{describe_day(cp_end)}, before {describe_day(commencement)}, so SI 2016/466 reg 4 "
        "does not save it and the amended s.60 applies to it literally; the old compliance "
        "period end is kept for the two-month window (open point)"
    )
    items.append(
        ctx.make_item(
            rule,
            value="outside-reg-4",
            due=commencement,
            explanation=(
                f"compliance period expired {describe_day(cp_end)}, before "
                f"{describe_day(commencement)}: outside reg 4(1)(b); flagged"
            ),
            trigger=notice,
            details={"ground": ground, "edge_case": "compliance period expired before 18 Apr 2016"},
        )
    )


def _ceased(
    ctx: TimelineContext,
    notice: WarningNoticeGiven,
    notices: list[WarningNoticeGiven],
    items: list[TimelineItem],
) -> dt.date | None:
    """The day an LA s.60 notice ceased because the Secretary of State gave one (s.60(4B))."""
    if notice.given_by is not NoticeGiver.LOCAL_AUTHORITY or ground_of(notice) != "s.60":
        return None
    if "warning-notices:by-secretary-of-state" not in ctx.cache:
        ctx.cache["warning-notices:by-secretary-of-state"] = [
            n
            for n in ctx.case.of_type(WarningNoticeGiven)
            if n.given_by is NoticeGiver.SECRETARY_OF_STATE
        ]
    given_by_state = cast(
        "list[WarningNoticeGiven]", ctx.cache["warning-notices:by-secretary-of-state"]
    )
    for later in given_by_state:
        if (
            later is notice
            or later.date < notice.date
            or later.given_by is not NoticeGiver.SECRETARY_OF_STATE
            or ground_of(later) != "s.60"
        ):
            continue
        rule = ctx.rule_for("warning-notice.ceased", later.date, ground="s.60")
        if rule is None:
            continue
        ctx.warn(
            f"the local authority's warning notice of {describe_day(notice.date)} ceased to have "
            f"effect when the Secretary of State gave a warning notice on "
            f"{describe_day(later.date)} (s.60(4B))"
        )
        items.append(
            ctx.make_item(
                rule,
                due=later.date,
                explanation=(
                    f"the Secretary of State gave a warning notice {describe_day(later.date)}; "
                    f"the local authority's notice of {describe_day(notice.date)} ceases"
                ),
                trigger=notice,
                details={"ground": "s.60", "superseded_by": later.date.isoformat()},
            )
        )
        return later.date
    return None

"""Academy items derived in code.

* Termination warning notices (``termination-warning-notice-given`` with ``action_by`` and
  ``respond_by``, or ``warning-notice-given`` by the Secretary of State with one period):
  the dates the notice specifies (AA 2010 s.2B(3)); a period written as "within N days" is
  ambiguous (worked example 15), so the stored reading (calendar days) is shown with both
  working-day alternatives.
* The s.2B(4) termination power after a coasting notification and a notice not complied with,
  limb by limb ("whether by failing to take specified action, or to respond, on time").
* The s.2A power for an academy whose category notice was given before 18 April 2016 and still
  stood on that day (rule AC-2A-02: the vocabulary cannot yet say what a row does to states
  that began before it came into force).
* The proprietor's statement of action (EA 2005 s.17, SI 2005/2038 reg 7) and comments on the
  draft report (reg 5), only when the report states that special measures are required or the
  academy requires significant improvement: the periods are the shared England base's
  (:mod:`improvement_kit_england_base.reports`), worded here.

Ofsted's first monitoring inspection and re-inspection are rows of the shared England base's
``rules/monitoring.toml`` that the engine applies.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from improvement_kit.errors import InputError
from improvement_kit.model import (
    Category,
    CategoryNotice,
    CategoryRemoved,
    CoastingNotification,
    DraftReportReceived,
    Event,
    NoticeGiver,
    ObligationMet,
    TimelineItem,
    WarningNoticeGiven,
    Window,
)
from improvement_kit.rules import (
    CalendarDaysFollowing,
    Computed,
    WorkingDaysBeginningWith,
    WorkingDaysFollowing,
    describe_day,
    parse_period_expression,
)
from improvement_kit_england_academies.events import TerminationWarningNoticeGiven
from improvement_kit_england_base.reports import report_periods

if TYPE_CHECKING:
    from improvement_kit.rules import Rule
    from improvement_kit.timeline import TimelineContext

__all__ = ["S2A_COMMENCEMENT", "derive_items", "power_limbs", "specified_period"]

#: Academies Act 2010 ss.2A-2D in force (EAA 2016 s.14; SI 2016/466).
S2A_COMMENCEMENT = dt.date(2016, 4, 18)
_ACTION = "termination-warning-notice.action-due"
_RESPONSE = "termination-warning-notice.response-due"

_BARE_DAYS = re.compile(r"^\s*(?:within\s+)?(\d+)\s+days?\s*$", re.IGNORECASE)
_WITHIN = re.compile(r"^\s*within\s+", re.IGNORECASE)


def specified_period(
    context: TimelineContext,
    rule: Rule,
    notice: Event,
    end: dt.date | None,
    text: str | None,
) -> tuple[Computed, dict[str, str]] | None:
    """The date a notice specifies: ``end`` if given, else ``text`` counted from the notice
    date. A bare "N days" is read as calendar days and the two working-day readings are
    returned in the details."""
    if end is not None:
        return (
            Computed(
                end,
                None,
                False,
                f"the notice given {describe_day(notice.date)} specifies {describe_day(end)}",
            ),
            {},
        )
    if text is None:
        return None
    calendar = context.calendar(rule.calendar)
    label = rule.anchor_label
    bare = _BARE_DAYS.match(text)
    if bare is None:
        try:
            point = parse_period_expression(_WITHIN.sub("", text))
        except ValueError as exc:
            raise InputError("compliance_period", text, str(exc).split(" is ", 1)[-1]) from None
        computed = point.evaluate(notice.date, calendar, label)
        return (
            Computed(
                computed.due,
                None,
                computed.provisional,
                f"the notice specifies {text!r}: {computed.explanation}",
            ),
            {},
        )
    n = int(bare.group(1))
    stored = CalendarDaysFollowing(n).evaluate(notice.date, calendar, label)
    following = WorkingDaysFollowing(n).evaluate(notice.date, calendar, label)
    beginning = WorkingDaysBeginningWith(n).evaluate(notice.date, calendar, label)
    assert stored.due and following.due and beginning.due
    explanation = (
        f"the notice specifies {text!r}: 'days' unqualified, read as calendar days (rule "
        f"AC-PRAC-01, ambiguous): {stored.explanation}; alternatives: "
        f"{following.explanation}; {beginning.explanation}"
    )
    details = {
        "reading": "calendar-days",
        "calendar_days": stored.due.isoformat(),
        "working_days_following": following.due.isoformat(),
        "working_days_beginning_with": beginning.due.isoformat(),
    }
    return (
        Computed(stored.due, None, following.provisional or beginning.provisional, explanation),
        details,
    )


def _first_after(events: list[Event], day: dt.date) -> Event | None:
    return next((e for e in events if e.date >= day), None)


def _met(context: TimelineContext, item_id: str, notice: Event) -> dt.date | None:
    """The first obligation-met naming ``item_id`` (or its key for this notice) on or after
    the notice's date."""
    names = {item_id, f"{item_id}@{notice.id}"} if notice.id else {item_id}
    return min(
        (
            e.date
            for e in context.case.of_type(ObligationMet)
            if e.item in names and e.date >= notice.date
        ),
        default=None,
    )


def power_limbs(
    action: tuple[dt.date, dt.date | None] | None,
    response: tuple[dt.date, dt.date | None] | None,
) -> list[tuple[str, dt.date, str]]:
    """The limbs of AA 2010 s.2B(4) that make the termination power available, as
    ``(limb, first day, why)``, earliest first. Each argument is ``(specified date, the day it
    was met or None)``; a limb fails when nothing shows it met on or before its date.

    >>> d = dt.date
    >>> [(limb, day.isoformat()) for limb, day, _ in power_limbs(
    ...     (d(2026, 3, 27), None), (d(2026, 2, 16), None))]
    [('response', '2026-02-17'), ('action', '2026-03-28')]
    >>> power_limbs((d(2026, 3, 27), d(2026, 3, 20)), (d(2026, 2, 16), d(2026, 2, 13)))
    []
    """
    limbs = []
    for limb, found, words in (
        ("response", response, "to respond"),
        ("action", action, "to take the specified action"),
    ):
        if found is None:
            continue
        due, met = found
        if met is not None and met <= due:
            continue
        opens = due + dt.timedelta(days=1)
        why = (
            f"failing {words} on time: done only on {describe_day(met)}, after {describe_day(due)}"
            if met is not None
            else f"failing {words} on time: nothing recorded by {describe_day(due)}"
        )
        limbs.append((limb, opens, why))
    return sorted(limbs, key=lambda limb: limb[1])


def _s2b_power(
    context: TimelineContext,
    notice: Event,
    made: dict[str, tuple[dt.date, dt.date | None]],
    notified: list[CoastingNotification],
) -> TimelineItem | None:
    """The s.2B(4) power on one notice given after a coasting notification: available from the
    first day any limb of "whether by failing to take specified action, or to respond, on
    time" is met."""
    power = context.rule_for("termination.s2b-power", notice.date)
    if power is None or not notified or not made:
        return None
    coasting = context.rule_for("coasting.notified", notified[-1].date)
    if coasting is None or coasting.value != "coasting":
        context.warn(
            f"the coasting notification of {describe_day(notified[-1].date)} precedes the "
            "coasting definition (11 Jan 2017): no s.2B(4) termination power is computed"
        )
        return None
    limbs = power_limbs(made.get("action"), made.get("response"))
    if not limbs:
        context.warn(
            f"the termination warning notice of {describe_day(notice.date)} was complied with "
            "on time (response and action recorded): the s.2B(4) power is not available on it"
        )
        return None
    first = limbs[0][1]
    details = {f"{limb}_limb_opens": day.isoformat() for limb, day, _ in limbs}
    return context.make_item(
        power,
        window=Window(first, None),
        explanation=(
            f"the academy was notified as coasting on {describe_day(notified[-1].date)}; "
            + "; ".join(
                f"from {describe_day(day)} by {why}"
                if n == 0
                else f"also from {describe_day(day)} by {why}"
                for n, (_, day, why) in enumerate(limbs)
            )
        ),
        trigger=notice,
        details=details,
    )


def _transition_s2a(context: TimelineContext) -> list[TimelineItem]:
    """AC-2A-02: a special measures or significant improvement notice given before 18 April
    2016 and not removed by then is a ground for termination under s.2A from that day until
    the report that removes the category."""
    if "AC-2A-02" not in context.rules:
        return []
    transition = context.rules.get("AC-2A-02")
    items = []
    removals = sorted(context.case.of_type(CategoryRemoved), key=lambda e: e.date)
    grounds = (Category.SPECIAL_MEASURES, Category.SIGNIFICANT_IMPROVEMENT)
    for notice in context.case.of_type(CategoryNotice):
        if notice.date >= S2A_COMMENCEMENT or notice.category not in grounds:
            continue
        removed = next(
            (r for r in removals if r.date > notice.date and r.category in (None, notice.category)),
            None,
        )
        if removed is not None and removed.date <= S2A_COMMENCEMENT:
            continue
        end = removed.date - dt.timedelta(days=1) if removed is not None else None
        until = (
            f" until {describe_day(end)}, the day before the report of "
            f"{describe_day(removed.date)} removed the category"
            if removed is not None and end is not None
            else ", while the category stands"
        )
        items.append(
            context.make_item(
                transition,
                window=Window(S2A_COMMENCEMENT, end),
                explanation=(
                    f"the Chief Inspector's notice of {describe_day(notice.date)} "
                    f"({notice.category.label(notice.date)}) was given before s.2A came into "
                    f"force and still stood on {describe_day(S2A_COMMENCEMENT)}: the power is "
                    f"available from {describe_day(S2A_COMMENCEMENT)}{until}; for an "
                    "agreement made before 18 Apr 2016 this rests on s.2C, not read (rule "
                    "AC-2CD-01, unverified)"
                ),
                trigger=notice,
            )
        )
    return items


def _notice_items(context: TimelineContext) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    case = context.case
    representations = [e for e in case.events if e.type == "representations-made"]
    coasting = case.of_type(CoastingNotification)
    notices: list[tuple[Event, dict[str, dt.date | None], str | None]] = []
    for given in case.of_type(WarningNoticeGiven):
        if given.given_by is not NoticeGiver.SECRETARY_OF_STATE:
            context.warn(
                f"warning notice of {describe_day(given.date)} given by "
                f"{given.given_by.value}: a local authority has no statutory warning-notice "
                "power over an academy (rule AC-LA-01); no deadline computed"
            )
            continue
        one = given.compliance_period_end
        notices.append((given, {"action": one, "response": one}, given.compliance_period))
    for twn in case.of_type(TerminationWarningNoticeGiven):
        dates = {"action": twn.action_by, "response": twn.respond_by}
        notices.append((twn, dates, twn.compliance_period))
    for notice, dates, text in sorted(notices, key=lambda n: n[0].date):
        made: dict[str, tuple[dt.date, dt.date | None]] = {}
        for kind, item_id in (("action", _ACTION), ("response", _RESPONSE)):
            rule = context.rule_for(item_id, notice.date)
            if rule is None:
                continue
            found = specified_period(context, rule, notice, dates[kind], text)
            if found is None:
                context.warn(
                    f"{rule.title}: the notice of {describe_day(notice.date)} specifies no "
                    f"date (compliance_period_end or compliance_period); rule {rule.id} needs it"
                )
                continue
            computed, details = found
            satisfied = _met(context, item_id, notice)
            if item_id == _RESPONSE:
                done = _first_after(representations, notice.date)
                if done is not None and (satisfied is None or done.date < satisfied):
                    satisfied = done.date
            extra = (
                "the case records one specified period for the notice; it is used for both "
                "the action and the response (s.2B(3) allows two different dates)"
                if isinstance(notice, WarningNoticeGiven)
                else ""
            )
            items.append(
                context.make_item(
                    rule,
                    computed,
                    explanation=extra or None,
                    trigger=notice,
                    satisfied_on=satisfied,
                    details=details,
                )
            )
            if computed.due is not None:
                made[kind] = (computed.due, satisfied)
        if (
            dates["action"] is not None
            and dates["response"] is not None
            and dates["response"] > dates["action"]
        ):
            context.warn(
                f"the notice of {describe_day(notice.date)} asks for the response by "
                f"{describe_day(dates['response'])}, after the date for action "
                f"{describe_day(dates['action'])}: unusual, but s.2B(3) allows any specified dates"
            )
        power = _s2b_power(context, notice, made, [c for c in coasting if c.date <= notice.date])
        if power is not None:
            items.append(power)
    return items


def _report_items(context: TimelineContext) -> list[TimelineItem]:
    """The proprietor's comments on a draft and statement of action, where the report states
    a category: the shared England base's periods, worded for an academy."""
    items: list[TimelineItem] = []
    periods = report_periods(
        context, draft_item="draft-report.comments-due", statement_item="statement-of-action.due"
    )
    for period in periods:
        event = period.event
        what = "the draft" if isinstance(event, DraftReportReceived) else "the report"
        items.append(
            context.make_item(
                period.rule,
                period.computed,
                explanation=f"{what} states {period.category.label(event.date)}",
                trigger=event,
                satisfied_on=period.satisfied_on,
            )
        )
    return items


def derive_items(context: TimelineContext) -> list[TimelineItem]:
    """Every academy item that needs code."""
    return [*_notice_items(context), *_transition_s2a(context), *_report_items(context)]

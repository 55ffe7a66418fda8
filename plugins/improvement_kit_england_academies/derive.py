"""Academy items derived in code.

* Termination warning notices (``termination-warning-notice-given`` with ``action_by`` and
  ``respond_by``, or ``warning-notice-given`` by the Secretary of State with one period):
  the dates the notice specifies (AA 2010 s.2B(3)); a period written as "within N days" is
  ambiguous (worked example 15), so the stored reading (calendar days) is shown with both
  working-day alternatives.
* The s.2B(4) termination power after a coasting notification and a notice not complied with.
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
    CoastingNotification,
    DraftReportReceived,
    Event,
    NoticeGiver,
    TimelineItem,
    WarningNoticeGiven,
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

__all__ = ["derive_items", "specified_period"]

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
        last: dt.date | None = None
        for kind, item_id in (
            ("action", "termination-warning-notice.action-due"),
            ("response", "termination-warning-notice.response-due"),
        ):
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
            satisfied = None
            if item_id.endswith("response-due"):
                done = _first_after(representations, notice.date)
                satisfied = done.date if done is not None else None
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
                last = computed.due if last is None else max(last, computed.due)
        notified = [c for c in coasting if c.date <= notice.date]
        power = context.rule_for("termination.s2b-power", notice.date)
        if notified and power is not None and last is not None:
            window = context.evaluate(power, last)
            items.append(
                context.make_item(
                    power,
                    window,
                    explanation=(
                        f"the academy was notified as coasting on "
                        f"{describe_day(notified[-1].date)}; only if the proprietor failed to "
                        "take the specified action or to respond on time"
                    ),
                    trigger=notice,
                )
            )
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
    return [*_notice_items(context), *_report_items(context)]

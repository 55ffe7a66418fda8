"""FE items that need code: the requires-improvement follow-up by the regime the provider was
notified under, report-card intervention, and the checks on support and challenge visits.

* Requires improvement (rules FE-REGIME-01/02, FE-SC-*, FE-MV-*, FE-EIF-*): the regime turns on
  the day the provider was notified of the inspection (``notified_on``; where the case does not
  record it, the start minus the notice period of rule FE-NOT-01, flagged in every item that
  rests on it). The rule vocabulary selects a version by its trigger's date only, so these rows
  have no trigger and are looked up here: on the inspection's last day, or on its notification
  day where the two fall in different regimes (an inspection that straddles 10 Nov 2017). A
  row counts from the inspection's last day, or from the report's publication where its
  ``anchor`` names ``report-published``.
* Inadequate re-inspection and DfE/ESFA intervention before report cards are rule rows the
  engine applies; from report cards any of three causes gives one intervention item.
* A support and challenge visit dated before the report it follows, or following an inspection
  under the monitoring-visit regime, and an inspection kind the date's regime does not have,
  are refused (:class:`~improvement_kit.errors.InputError`); an improvement HMI who was one of
  the inspectors of the inspection before or after the visit is a warning (Ofsted 130012 para
  13: "will not normally be").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from improvement_kit.errors import InputError
from improvement_kit.model import (
    Grade,
    Inspection,
    ReportPublished,
    SupportAndChallengeVisit,
    TimelineItem,
)
from improvement_kit.rules import describe_day
from improvement_kit_england_fe.category import (
    is_full_inspection,
    urgent_causes,
    uses_report_cards,
)
from improvement_kit_england_fe.events import NoticeOfConcernGiven

if TYPE_CHECKING:
    from improvement_kit.model import Event
    from improvement_kit.timeline import TimelineContext

__all__ = [
    "NOTICE_WORKING_DAYS",
    "REPORT_CARDS_DAY",
    "SUPPORT_AND_CHALLENGE_VISIT",
    "Notification",
    "derive_items",
    "notification",
]

#: The event type of an improvement HMI's visit (Ofsted 130012, 2012-2017).
SUPPORT_AND_CHALLENGE_VISIT = SupportAndChallengeVisit.TYPE
#: Ofsted's FE report cards (and "monitoring inspections") from this day.
REPORT_CARDS_DAY = dt.date(2025, 11, 10)
#: FE-NOT-01's notice period, counted back from the start (the vocabulary cannot count back).
NOTICE_WORKING_DAYS = 2
_RI = {"grades.overall-effectiveness": Grade.REQUIRES_IMPROVEMENT.value}
_RI_ITEMS = ("follow-up.regime", "reinspection", "support-and-challenge-visit", "monitoring-visit")


@attrs.frozen
class Notification:
    """The day a provider was notified of an inspection, and, when inferred, how."""

    day: dt.date
    inferred: str | None = None


def notification(context: TimelineContext, inspection: Inspection) -> Notification:
    """``notified_on`` as recorded, else the start less FE-NOT-01's two working days."""
    if inspection.notified_on is not None:
        return Notification(inspection.notified_on)
    rule = context.rule_for("inspection.notified", inspection.start)
    if rule is None:
        return Notification(
            inspection.start, "notified_on not recorded and no notice period known: the start"
        )
    calendar = context.calendar(rule.calendar)
    day = calendar.add(inspection.start, -NOTICE_WORKING_DAYS)
    return Notification(
        day,
        f"notified_on not recorded: inferred as {describe_day(day)}, "
        f"{NOTICE_WORKING_DAYS} working days before the first day "
        f"{describe_day(inspection.start)} (rule {rule.id}, the normal notice); record "
        "notified_on if the provider was told on another day",
    )


def _where(event: Event) -> str:
    """An event named for an error line: the case keeps events in date order, not the file's."""
    return f"events[{event.type} {event.date.isoformat()}]"


def _full_ofsted(context: TimelineContext) -> list[Inspection]:
    return [
        i
        for i in context.case.inspections()
        if i.inspectorate == "ofsted" and is_full_inspection(i)
    ]


def _report_of(context: TimelineContext, inspection: Inspection) -> ReportPublished | None:
    """The report published for this inspection: the first on or after its last day and
    before the next full inspection."""
    later = [i.date for i in _full_ofsted(context) if i.date > inspection.date]
    bound = min(later, default=None)
    for event in context.events_from(ReportPublished.TYPE, inspection.date):
        if bound is not None and event.date >= bound:
            return None
        assert isinstance(event, ReportPublished)
        return event
    return None


def _version_day(
    context: TimelineContext, inspection: Inspection, notified: Notification
) -> tuple[dt.date, str | None]:
    """The day whose rule versions apply: the last day, unless the notification falls in
    another regime (then the notification day, and a note saying so)."""
    at_end = context.rule_for("follow-up.regime", inspection.date)
    at_notice = context.rule_for("follow-up.regime", notified.day)
    if at_notice is not None and (at_end is None or at_end.id != at_notice.id):
        return notified.day, (
            f"notified {describe_day(notified.day)}, before the inspection ending "
            f"{describe_day(inspection.date)}: the regime of the notification applies "
            f"({at_notice.value}, rule {at_notice.id}), not that of the last day "
            f"({f'{at_end.value}, rule {at_end.id}' if at_end is not None else 'none'})"
        )
    return inspection.date, None


def _requires_improvement(context: TimelineContext, inspection: Inspection) -> list[TimelineItem]:
    notified = notification(context, inspection)
    day, straddle = _version_day(context, inspection, notified)
    notes = [n for n in (straddle, notified.inferred) if n]
    items = []
    for item_id in _RI_ITEMS:
        rule = context.rule_for(item_id, day, **_RI)
        if rule is None or rule.trigger is not None:
            continue
        if rule.deadline is None:
            items.append(
                context.make_item(
                    rule,
                    due=inspection.date,
                    explanation="; ".join(
                        [f"provider notified {describe_day(notified.day)}", *notes]
                    ),
                    trigger=inspection,
                )
            )
            continue
        anchor: dt.date | None = inspection.date
        if rule.anchor == ReportPublished.TYPE:
            report = _report_of(context, inspection)
            anchor = report.date if report is not None else None
            if report is None:
                context.warn(
                    f"inspection {inspection.date.isoformat()}: no report-published event after "
                    f"it, so {rule.item} (rule {rule.id}) is not computed"
                )
                continue
        assert anchor is not None
        computed = context.evaluate(rule, anchor, event=inspection)
        if computed is None:
            continue
        items.append(
            context.make_item(
                rule, computed, explanation="; ".join(notes) or None, trigger=inspection
            )
        )
    return items


def _check_kind(context: TimelineContext, inspection: Inspection) -> None:
    """Refuse an inspection kind the date's Ofsted FE regime does not have."""
    kind = inspection.kind
    if kind == "monitoring-inspection" and inspection.date < REPORT_CARDS_DAY:
        raise InputError(
            f"{_where(inspection)}.kind",
            kind,
            f"is not an Ofsted FE inspection kind on {inspection.date.isoformat()}: FE "
            "'monitoring inspections' begin on 10 Nov 2025; before then use monitoring-visit",
        )
    if kind in ("monitoring-visit", "new-provider-monitoring-visit") and (
        inspection.start >= REPORT_CARDS_DAY
    ):
        raise InputError(
            f"{_where(inspection)}.kind",
            kind,
            f"is not an Ofsted FE inspection kind on {inspection.start.isoformat()}: from "
            "10 Nov 2025 FE monitoring is by monitoring-inspection",
        )


def _check_visits(context: TimelineContext) -> None:
    """Refuse a visit before the report it follows, or under the monitoring-visit regime;
    warn about an improvement HMI who inspected the provider before or after the visit."""
    full = _full_ofsted(context)
    for visit in context.case.of_type(SupportAndChallengeVisit):
        before = [i for i in full if i.date <= visit.date]
        after = [i for i in full if i.start > visit.date]
        if not before:
            continue
        followed = before[-1]
        path = _where(visit)
        regime = context.rule_for(
            "follow-up.regime", _version_day(context, followed, notification(context, followed))[0]
        )
        if regime is not None and regime.value != "support-and-challenge":
            raise InputError(
                f"{path}.type",
                visit.type,
                f"follows the inspection ending {followed.date.isoformat()}, under the "
                f"{regime.value} regime (rule {regime.id}), which has no support and "
                "challenge visit",
            )
        report = _report_of(context, followed)
        if report is not None and visit.date < report.date:
            raise InputError(
                f"{path}.date",
                visit.date.isoformat(),
                f"is before the report of the inspection ending {followed.date.isoformat()} "
                f"was published ({report.date.isoformat()}); the visit follows publication",
            )
        hmi = visit.improvement_hmi
        if hmi is None:
            continue
        for inspection, which in ((followed, "last"), *((a, "next") for a in after[:1])):
            if hmi in inspection.inspectors:
                context.warn(
                    f"support and challenge visit of {describe_day(visit.date)}: the "
                    f"improvement HMI {hmi} was one of the inspectors of the {which} "
                    f"inspection (ending {describe_day(inspection.date)}); Ofsted 130012 "
                    "para 13 says the improvement HMI will not normally be (rule FE-SC-03)"
                )


def _warn_if_untimed(context: TimelineContext, inspection: Inspection) -> None:
    """An inadequate provider before Ofsted's 15-month rule (1 Sep 2015) has no verified
    re-inspection timing: say so rather than stay silent (rule rows apply the rest)."""
    grade = inspection.grades.get("overall-effectiveness")
    if grade is not Grade.INADEQUATE:
        return
    rule = context.rule_for(
        "reinspection", inspection.date, **{"grades.overall-effectiveness": grade.value}
    )
    if rule is None:
        context.warn(
            f"inspection ending {inspection.date.isoformat()}: no verified re-inspection timing "
            "for an inadequate provider on that date"
        )


def _intervention(
    context: TimelineContext, inspection: Inspection, reasons: tuple[str, ...]
) -> list[TimelineItem]:
    rule = context.rule_for("intervention", inspection.date)
    provider_type = context.case.provider.type.value
    if rule is None or (rule.provider_types and provider_type not in rule.provider_types):
        return []
    return [
        context.make_item(
            rule,
            due=inspection.date,
            explanation=f"inspection ending {describe_day(inspection.date)}: " + "; ".join(reasons),
            trigger=inspection,
        )
    ]


def derive_items(context: TimelineContext) -> list[TimelineItem]:
    """The FE items that need code (see the module docstring)."""
    items: list[TimelineItem] = []
    for inspection in context.case.inspections():
        if inspection.inspectorate != "ofsted":
            continue
        _check_kind(context, inspection)
        if not is_full_inspection(inspection):
            continue
        if uses_report_cards(inspection):
            causes = urgent_causes(inspection)
            if causes:
                items.extend(_intervention(context, inspection, tuple(causes)))
            continue
        if inspection.grades.get("overall-effectiveness") is Grade.REQUIRES_IMPROVEMENT:
            items.extend(_requires_improvement(context, inspection))
        _warn_if_untimed(context, inspection)
    _check_visits(context)
    for notice in context.case.of_type(NoticeOfConcernGiven):
        if context.rule_for("notice-of-concern", notice.date) is None:
            context.warn(
                f"notice of concern of {describe_day(notice.date)}: no rule for notices before "
                "1 Aug 2017 (earlier practice not researched); no date computed"
            )
    return items

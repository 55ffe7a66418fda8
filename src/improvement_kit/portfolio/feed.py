"""One iCalendar feed for a portfolio, or for one officer's cases.

Every register row (items met or closed included) is one event:

* **UID** from the local-authority code, the provider's URN (or Welsh school number) and the
  item's stable key (``<item>@<event id>``, or its id when the triggering event has no
  ``id``), hashed; never from a date, so a deadline that moves updates its event;
* **SEQUENCE** is the number of the case's events dated after the item's trigger (the events
  that may have moved, met or closed it; every event of the case when the item has no
  trigger), so it grows as the case file grows; **LAST-MODIFIED** is the latest of those
  events' dates (or the trigger's), at midnight UTC;
* **STATUS** is ``CONFIRMED``, or ``CANCELLED`` for an item met or a window closed, so that
  calendars drop it while the feed keeps it;
* a deadline is an all-day event; a window (a power that closes, a policy window) spans its
  days, both ends included;
* **VALARM** (with ``alarm_days``): a reminder at 09:00 on the day ``alarm_days`` working
  days (England and Wales) before the deadline, or before the end of a window;
* the description says the rule, its source, grade and nature, the plugin, the case file,
  the officer and the programme.

The event content depends only on the case files; only ``DTSTAMP`` (the time the feed was
written) changes from one run to the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from improvement_kit.portfolio.register import (
    ComputedCase,
    RegisterRow,
    RowStatus,
    build_register,
)

if TYPE_CHECKING:
    from improvement_kit.calendar import WorkingDayCalendar

__all__ = ["item_uid", "portfolio_feed"]

_ALARM_HOUR = 9


def item_uid(la_code: str, identifier: str, ref: str) -> str:
    """The UID of an item's event: a hash of the LA code, the URN and the item's key.

    Pinned by this example: calendars match events by UID, so it must never change.

    >>> item_uid("830", "830001", "statement-of-action.due@final-report")
    '830-830001-c55aba862c10d4232db986c2@improvement-kit'
    """
    digest = hashlib.sha256(f"{la_code}|{identifier}|{ref}".encode()).hexdigest()[:24]
    return f"{la_code or 'no-la'}-{identifier}-{digest}@improvement-kit"


def _sequence(row: RegisterRow) -> tuple[int, dt.date]:
    """SEQUENCE and LAST-MODIFIED's date for a row, from its case's events."""
    events = row.source.case.events
    start = row.item.trigger_date
    later = [e.date for e in events if start is None or e.date > start]
    last = max([*later, *([start] if start else [])], default=None)
    return len(later), last or row.deadline


def _description(row: RegisterRow) -> str:
    item, rule, entry = row.item, row.item.rule, row.source.entry
    case = row.source.case
    lines = [
        item.explanation,
        f"Rule: {rule.id} ({rule.title})",
        f"Source: {rule.source.citation}" + (f" <{rule.source.url}>" if rule.source.url else ""),
        f"Grade: {rule.grade.value}; nature: {rule.nature.label}"
        + (f"; plugin: {rule.plugin}" if rule.plugin else ""),
        f"Case: {entry.path}" + (f" ({case.reference})" if case.reference else ""),
        f"Provider: {case.provider.name} ({case.provider.identifier}), LA {row.source.la_code}",
    ]
    if entry.officer or entry.programme:
        lines.append(f"Officer: {entry.officer or '-'}; programme: {entry.programme or '-'}")
    if item.satisfied_on:
        lines.append(f"Met on {item.satisfied_on.isoformat()}")
    return "\n".join(lines)


def _span(row: RegisterRow) -> tuple[dt.date, dt.date, bool]:
    """First day, last day (inclusive), and whether the deadline is the end of a span."""
    item = row.item
    if item.due is not None:
        return item.due, item.due, False
    assert item.window is not None and item.window.end is not None  # rows have a deadline
    return item.window.start, item.window.end, True


def portfolio_feed(
    computed: Sequence[ComputedCase],
    *,
    as_of: dt.date,
    generated_at: dt.datetime,
    alarm_days: int | None = None,
    name: str = "improvement_kit portfolio",
) -> bytes:
    """The feed of ``computed`` cases (statuses as of ``as_of``) as iCalendar bytes."""
    from icalendar import Calendar, Event

    from improvement_kit.calendar import get_calendar

    working_days = get_calendar("england-and-wales")
    stamp = generated_at.astimezone(dt.UTC).replace(microsecond=0)
    register = build_register(computed, as_of=as_of, include_done=True)
    cal = Calendar()
    cal.add("prodid", "-//improvement_kit//portfolio feed//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for row in register.rows:
        provider = row.source.case.provider
        first, last, span_deadline = _span(row)
        sequence, modified = _sequence(row)
        event = Event()
        event.add("uid", item_uid(row.source.la_code, provider.identifier, row.ref))
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", last + dt.timedelta(days=1))
        event.add("sequence", sequence)
        event.add("last-modified", dt.datetime.combine(modified, dt.time(), tzinfo=dt.UTC))
        event.add("summary", f"{provider.name}: {row.item.title}")
        event.add("description", _description(row))
        event.add("status", "CANCELLED" if row.status is RowStatus.DONE else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        event.add("categories", [row.item.kind.value, row.item.rule.nature.value])
        if row.item.rule.source.url:
            event.add("url", row.item.rule.source.url)
        if alarm_days and row.status is not RowStatus.DONE:
            alarm = _alarm(row, alarm_days, working_days, first, last, span_deadline)
            if alarm is not None:
                event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _alarm(
    row: RegisterRow,
    n: int,
    working_days: WorkingDayCalendar,
    first: dt.date,
    last: dt.date,
    span_deadline: bool,
) -> Any:
    """A reminder at 09:00, ``n`` working days before the row's deadline (``None`` if the
    calendar does not reach that far)."""
    from icalendar import Alarm

    from improvement_kit.errors import CalendarError

    try:
        remind_on = working_days.add(row.deadline, -n)
    except CalendarError:
        return None
    at = dt.datetime.combine(remind_on, dt.time(_ALARM_HOUR))
    anchor = dt.datetime.combine(last + dt.timedelta(days=1) if span_deadline else first, dt.time())
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{n} working days to: {row.item.title}")
    alarm.add("trigger", at - anchor, parameters={"RELATED": "END" if span_deadline else "START"})
    return alarm

"""Closures and school holidays, and reading a school's holidays from CSV or iCalendar."""

from __future__ import annotations

import csv
import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.errors import CalendarError, InputError

__all__ = ["Closure", "holiday_length", "is_longer_than_a_week", "load_school_holidays"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _start_not_after_end(instance: Closure, attribute: attrs.Attribute[date], end: date) -> None:
    if instance.start > end:
        raise CalendarError(
            f"closure {instance.reason!r} ends ({end.isoformat()}) before it starts "
            f"({instance.start.isoformat()})"
        )


@attrs.frozen
class Closure:
    """A run of days, ``start`` to ``end`` inclusive, that are not working days, and why.

    Used for office closures (every day counts) and for school holidays (which count only when
    longer than a week; see :meth:`WorkingDayCalendar.with_school_holidays`).
    """

    start: date
    end: date = attrs.field(validator=_start_not_after_end)
    reason: str

    def days(self) -> list[date]:
        """Return every day of the closure, in order."""
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


def holiday_length(holiday: Closure) -> int:
    """Return the holiday's length for the "longer than a week" test, in calendar days.

    The length runs from the holiday's first weekday to its last weekday inclusive, so the
    weekends a school names around a holiday change nothing: a half term given as Sat-Sun-to-
    Sat-Sun or as Mon-Fri is 5 days; Mon 22 Dec - Fri 2 Jan is 12 days. A holiday with no
    weekday has length 0.

    >>> holiday_length(Closure(date(2026, 2, 14), date(2026, 2, 22), "half term"))
    5
    """
    first = holiday.start
    while first <= holiday.end and first.weekday() >= 5:
        first += timedelta(days=1)
    last = holiday.end
    while last >= first and last.weekday() >= 5:
        last -= timedelta(days=1)
    if first > last:
        return 0
    return (last - first).days + 1


def is_longer_than_a_week(holiday: Closure) -> bool:
    """Return whether ``holiday`` is "a holiday longer than a week" (its length exceeds 7 days).

    >>> is_longer_than_a_week(Closure(date(2025, 12, 22), date(2026, 1, 2), "Christmas"))
    True
    """
    return holiday_length(holiday) > 7


def load_school_holidays(path: str | os.PathLike[str]) -> list[Closure]:
    """Read a school's holidays (or closures) from a CSV or an iCalendar file.

    * CSV (any name not ending ``.ics``): a header ``start,end,name`` then one holiday a row,
      ISO dates (YYYY-MM-DD), both days included. Blank lines are ignored.
    * iCalendar (``.ics``): one all-day ``VEVENT`` per holiday; ``DTSTART`` is the first day,
      ``DTEND`` the day *after* the last (exclusive, RFC 5545; without ``DTEND`` or
      ``DURATION`` the event is one day); ``SUMMARY`` is the name.

    A file that cannot be read or a bad row raises :class:`~improvement_kit.errors.InputError`
    naming the file, the row (CSV) or line (iCalendar), and the value.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError("", str(file), f"cannot be read ({problem})") from None
    if file.suffix.lower() == ".ics":
        return _from_ics(str(file), text)
    return _from_csv(str(file), text)


def _parse_day(where: str, value: str) -> date:
    value = value.strip()
    if not _ISO_DATE.fullmatch(value):
        raise InputError(where, value, "is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(where, value, "is not a real date") from None


def _from_csv(name: str, text: str) -> list[Closure]:
    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header is None or [h.strip().lower() for h in header] != ["start", "end", "name"]:
        raise InputError(
            f"{name}, row 1", ",".join(header or []), "is not the header 'start,end,name'"
        )
    holidays: list[Closure] = []
    for number, row in enumerate(rows, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise InputError(f"{name}, row {number}", ",".join(row), "does not have 3 fields")
        start = _parse_day(f"{name}, row {number}, start", row[0])
        end = _parse_day(f"{name}, row {number}, end", row[1])
        reason = row[2].strip()
        if not reason:
            raise InputError(f"{name}, row {number}, name", row[2], "is empty")
        if end < start:
            raise InputError(
                f"{name}, row {number}, end", row[1].strip(), f"is before the start {row[0]}"
            )
        holidays.append(Closure(start, end, reason))
    return holidays


def _ics_day(where: str, prop: Any) -> date:
    value = getattr(prop, "dt", prop)
    if isinstance(value, date) and type(value) is date:
        return value
    raise InputError(where, str(value), "is not an all-day date (VALUE=DATE)")


def _from_ics(name: str, text: str) -> list[Closure]:
    import icalendar

    event_lines = [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().upper() == "BEGIN:VEVENT"
    ]
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise InputError(name, name, f"is not a valid iCalendar file: {exc}") from None
    holidays: list[Closure] = []
    events: list[Any] = list(calendar.walk("VEVENT"))
    for index, event in enumerate(events):
        line = event_lines[index] if index < len(event_lines) else 0
        where = f"{name}, line {line} (event {index + 1})"
        if "DTSTART" not in event:
            raise InputError(where, "", "has no DTSTART")
        start = _ics_day(f"{where}, DTSTART", event["DTSTART"])
        if "DTEND" in event:
            end_exclusive = _ics_day(f"{where}, DTEND", event["DTEND"])
        elif "DURATION" in event:
            duration = getattr(event["DURATION"], "dt", None)
            if not isinstance(duration, timedelta):
                raise InputError(f"{where}, DURATION", str(duration), "is not a duration")
            end_exclusive = start + timedelta(days=duration.days)
        else:
            end_exclusive = start + timedelta(days=1)
        if end_exclusive <= start:
            raise InputError(f"{where}, DTEND", end_exclusive.isoformat(), "is not after DTSTART")
        reason = str(event.get("SUMMARY", "")).strip() or "school holiday"
        holidays.append(Closure(start, end_exclusive - timedelta(days=1), reason))
    return holidays

"""Closures and school holidays, and reading a school's holidays from CSV or iCalendar."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.errors import CalendarError, InputError

__all__ = [
    "MAX_DAYS",
    "MAX_FILE_BYTES",
    "Closure",
    "holiday_length",
    "is_longer_than_a_week",
    "load_school_holidays",
]

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
    first = holiday.start.toordinal()
    starts_on = holiday.start.weekday()
    if starts_on >= 5:  # Saturday or Sunday: the Monday after
        first += 7 - starts_on
    last = holiday.end.toordinal()
    ends_on = holiday.end.weekday()
    if ends_on >= 5:  # Saturday or Sunday: the Friday before
        last -= ends_on - 4
    return max(0, last - first + 1)


def is_longer_than_a_week(holiday: Closure) -> bool:
    """Return whether ``holiday`` is "a holiday longer than a week" (its length exceeds 7 days).

    >>> is_longer_than_a_week(Closure(date(2025, 12, 22), date(2026, 1, 2), "Christmas"))
    True
    """
    return holiday_length(holiday) > 7


#: The most days one closures or term-dates file may give: every day of every closure, and of
#: every occurrence of a recurring event, counted (overlaps count twice). 20,000 days is about
#: 55 years, far more than any school or authority publishes; a larger file is refused.
MAX_DAYS = 20_000

#: The largest closures or term-dates file read, in bytes (1 MiB, some thousands of events);
#: a larger one is refused. Parsing iCalendar costs about a millisecond an event.
MAX_FILE_BYTES = 1024 * 1024

#: The deepest nesting of iCalendar components accepted (VCALENDAR > VEVENT > VALARM is 3).
_MAX_DEPTH = 10

#: The largest INTERVAL accepted in an RRULE.
_MAX_INTERVAL = 1000

_RRULE_PARTS = ("FREQ", "COUNT", "UNTIL", "INTERVAL", "BYDAY", "WKST")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def load_school_holidays(
    path: str | os.PathLike[str], *, max_days: int = MAX_DAYS
) -> list[Closure]:
    """Read a school's holidays (or closures) from a CSV or an iCalendar file.

    * CSV (any name not ending ``.ics``): a header ``start,end,name`` then one holiday a row,
      ISO dates (YYYY-MM-DD), both days included. Blank lines are ignored.
    * iCalendar (``.ics``): one all-day ``VEVENT`` per holiday; ``DTSTART`` is the first day,
      ``DTEND`` the day *after* the last (exclusive, RFC 5545; without ``DTEND`` or
      ``DURATION`` the event is one day); ``SUMMARY`` is the name. A recurring event
      (``RRULE`` with ``FREQ=DAILY`` or ``WEEKLY``, ``COUNT`` or ``UNTIL``, and optionally
      ``INTERVAL``, ``BYDAY`` and ``WKST``; ``EXDATE``; ``RDATE`` of dates) gives one holiday
      per occurrence, each as long as the event; occurrences that touch, or are apart only
      by a weekend, form one holiday. Any other recurrence is refused.

    The file must be UTF-8 and at most :data:`MAX_FILE_BYTES` long, and may give at most
    ``max_days`` days in all (:data:`MAX_DAYS` unless raised). A file that cannot be read, a
    bad row or event, or a file over a limit raises :class:`~improvement_kit.errors.InputError`
    naming the file, the row (CSV) or line and event (iCalendar), and the value.
    """
    file = Path(path)
    name = str(file)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError("", name, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError("", name, f"is larger than {MAX_FILE_BYTES // 1024} KiB, the most read")
    ics = file.suffix.lower() == ".ics"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{name}, {'line' if ics else 'row'} {line}",
            data[exc.start : exc.end],
            "is not UTF-8 text; save the file as UTF-8",
        ) from None
    if ics:
        return _from_ics(name, text, max_days)
    return _from_csv(name, text, max_days)


def _short(value: object, limit: int = 60) -> str:
    """``value`` as text of at most ``limit`` characters (an ellipsis marks a cut)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_day(where: str, value: str) -> date:
    value = value.strip()
    if not _ISO_DATE.fullmatch(value):
        raise InputError(where, _short(value), "is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(where, value, "is not a real date") from None


def _check_days(where: str, total: int, max_days: int) -> None:
    if total > max_days:
        raise InputError(
            where, total, f"days in all is more than the {max_days:,} days a file may give"
        )


def _from_csv(name: str, text: str, max_days: int) -> list[Closure]:
    rows = csv.reader(io.StringIO(text, newline=""))
    holidays: list[Closure] = []
    total = 0
    try:
        header = next(rows, None)
        if header is None or [h.strip().lower() for h in header] != ["start", "end", "name"]:
            raise InputError(
                f"{name}, row 1",
                _short(",".join(header or [])),
                "is not the header 'start,end,name'",
            )
        for row in rows:
            number = rows.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != 3:
                raise InputError(
                    f"{name}, row {number}", _short(",".join(row)), "does not have 3 fields"
                )
            start = _parse_day(f"{name}, row {number}, start", row[0])
            end = _parse_day(f"{name}, row {number}, end", row[1])
            reason = row[2].strip()
            if not reason:
                raise InputError(f"{name}, row {number}, name", row[2], "is empty")
            if any(not char.isprintable() for char in reason):
                raise InputError(
                    f"{name}, row {number}, name", _short(reason), "contains a control character"
                )
            if end < start:
                raise InputError(
                    f"{name}, row {number}, end", row[1].strip(), f"is before the start {row[0]}"
                )
            total += (end - start).days + 1
            _check_days(f"{name}, row {number}", total, max_days)
            holidays.append(Closure(start, end, reason))
    except csv.Error as exc:
        raise InputError(
            f"{name}, row {rows.line_num}", _short(exc, 80), "(the row is not valid CSV)"
        ) from None
    return holidays


@attrs.frozen
class _Event:
    """Where a VEVENT is, for messages: its line, its number in the file, SUMMARY and UID."""

    file: str
    line: int
    number: int
    summary: str
    uid: str

    def error(self, field: str, value: object, problem: str) -> InputError:
        """An error naming the file, line, event and ``field`` (``""`` for the whole event).

        An error about the whole event gives the event's SUMMARY (or UID) as its value.
        """
        where = f"{self.file}, line {self.line} (event {self.number})"
        names = []
        if field:
            where += f", {field}"
            if self.summary:
                names.append(repr(_short(self.summary, 40)))
        elif value == "":
            value = _short(self.summary or self.uid, 40)
        if self.uid:
            names.append(f"UID {_short(self.uid, 40)!r}")
        suffix = f" [{', '.join(names)}]" if names else ""
        return InputError(where, value, problem + suffix)


def _from_ics(name: str, text: str, max_days: int) -> list[Closure]:
    import icalendar

    event_lines: list[int] = []
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        tag = line.strip().upper()
        if tag.startswith("BEGIN:"):
            depth += 1
            if depth > _MAX_DEPTH:
                raise InputError(
                    f"{name}, line {number}", _short(line), f"nests more than {_MAX_DEPTH} deep"
                )
            if tag == "BEGIN:VEVENT":
                event_lines.append(number)
                if len(event_lines) > max_days:
                    raise InputError(
                        f"{name}, line {number}",
                        len(event_lines),
                        f"events are more than the {max_days:,} days a file may give",
                    )
        elif tag.startswith("END:"):
            depth -= 1
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises ValueError, and others, on broken files
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            "", name, f"is not a valid iCalendar file ({_short(first, 120)})"
        ) from None
    if getattr(calendar, "name", None) != "VCALENDAR":
        raise InputError("", name, "is not an iCalendar file (it does not begin with VCALENDAR)")
    for component in calendar.walk():
        if component.name != "VEVENT" and component.errors:
            field, problem = component.errors[0]
            raise InputError(
                f"{name}, {component.name}" + (f", {field}" if field else ""),
                "",
                f"cannot be read ({_short(problem, 120)})",
            )
    holidays: list[Closure] = []
    total = 0
    for index, event in enumerate(calendar.walk("VEVENT")):
        where = _Event(
            name,
            event_lines[index] if index < len(event_lines) else 0,
            index + 1,
            _text(event.get("SUMMARY")),
            _text(event.get("UID")),
        )
        closures = _event_closures(where, event, max_days)
        total += sum((c.end - c.start).days + 1 for c in closures)
        if total > max_days:
            raise where.error(
                "", total, f"days in all is more than the {max_days:,} days a file may give"
            )
        holidays.extend(closures)
    return holidays


def _text(prop: Any) -> str:
    if prop is None or isinstance(prop, list):
        return ""
    return " ".join(str(prop).split())


def _raw(prop: Any) -> str:
    if isinstance(prop, str):  # text and broken values: the text as written
        return _short(prop)
    try:
        return _short(prop.to_ical().decode("utf-8", "replace"))
    except Exception:
        return _short(prop)


def _ics_day(where: _Event, field: str, prop: Any) -> date:
    if isinstance(prop, list):
        raise where.error(field, "", f"is given {len(prop)} times")
    value = getattr(prop, "dt", prop)
    if type(value) is date:
        return value
    raise where.error(field, _short(value), "is not an all-day date (VALUE=DATE)")


def _event_closures(where: _Event, event: Any, max_days: int) -> list[Closure]:
    """The holidays one VEVENT gives: one per occurrence, each as long as the event."""
    if event.errors:
        field, problem = event.errors[0]
        raise where.error(
            field or "",
            _raw(event.get(field, "")) if field else "",
            _short(f"cannot be read ({problem})", 160),
        )
    if "RECURRENCE-ID" in event:
        raise where.error(
            "RECURRENCE-ID",
            _raw(event["RECURRENCE-ID"]),
            "(a changed occurrence) is not supported; give each occurrence as its own event",
        )
    if "DTSTART" not in event:
        raise where.error("", "", "has no DTSTART")
    start = _ics_day(where, "DTSTART", event["DTSTART"])
    if "DTEND" in event and "DURATION" in event:
        raise where.error("DURATION", _raw(event["DURATION"]), "is given as well as DTEND")
    if "DTEND" in event:
        end_exclusive = _ics_day(where, "DTEND", event["DTEND"])
        if end_exclusive <= start:
            raise where.error("DTEND", end_exclusive.isoformat(), "is not after DTSTART")
    elif "DURATION" in event:
        duration = getattr(event["DURATION"], "dt", None)
        if (
            not isinstance(duration, timedelta)
            or duration.seconds
            or duration.microseconds
            or duration.days < 1
        ):
            raise where.error(
                "DURATION", _raw(event["DURATION"]), "is not a whole number of days (P1D, P1W)"
            )
        end_exclusive = start + duration
    else:
        end_exclusive = start + timedelta(days=1)
    length = (end_exclusive - start).days
    if length > max_days:
        raise where.error(
            "DTEND", end_exclusive.isoformat(), f"makes the event longer than {max_days:,} days"
        )
    starts = {start}
    if "RRULE" in event:
        starts = set(_rule_starts(where, event["RRULE"], start, max_days))
    starts.update(_dates(where, "RDATE", event.get("RDATE")))
    starts.difference_update(_dates(where, "EXDATE", event.get("EXDATE")))
    reason = where.summary or "school holiday"
    return [Closure(first, last, reason) for first, last in _runs(sorted(starts), length)]


def _runs(starts: list[date], length: int) -> list[tuple[date, date]]:
    """Join occurrences (first days, each ``length`` days long) that touch or overlap, or are
    apart only by a weekend, into runs: a weekday-only daily rule over a fortnight is one
    fortnight's holiday, not ten one-day holidays."""
    runs: list[tuple[date, date]] = []
    for first in starts:
        last = first + timedelta(days=length - 1)
        if runs:
            run_first, run_last = runs[-1]
            gap = run_last + timedelta(days=1)
            while gap < first and gap.weekday() >= 5:
                gap += timedelta(days=1)
            if first <= gap:
                runs[-1] = (run_first, max(run_last, last))
                continue
        runs.append((first, last))
    return runs


def _dates(where: _Event, field: str, prop: Any) -> list[date]:
    """The dates of an EXDATE or RDATE property (given once or several times)."""
    if prop is None:
        return []
    out: list[date] = []
    for lists in prop if isinstance(prop, list) else [prop]:
        for item in getattr(lists, "dts", []):
            value = getattr(item, "dt", item)
            if type(value) is not date:
                raise where.error(
                    field, _short(value), "is not a date (VALUE=DATE, as the event is all-day)"
                )
            out.append(value)
    return out


def _rule_starts(where: _Event, prop: Any, start: date, max_days: int) -> list[date]:
    """The first days of the occurrences of an RRULE: DAILY or WEEKLY, ending by COUNT or UNTIL.

    Expanded with :mod:`dateutil.rrule` (RFC 5545); anything else is refused, never reduced.
    """
    from dateutil import rrule

    if isinstance(prop, list):
        raise where.error("RRULE", "", f"is given {len(prop)} times; only one is supported")
    raw = _raw(prop)
    parts = {str(key).upper(): value for key, value in dict(prop).items()}
    for part in parts:
        if part not in _RRULE_PARTS:
            raise where.error(
                "RRULE",
                raw,
                f"is not supported: {part} (only FREQ=DAILY or WEEKLY, COUNT or UNTIL, "
                "INTERVAL, BYDAY and WKST)",
            )
    freq = [str(f).upper() for f in parts.get("FREQ", [])]
    if freq not in (["DAILY"], ["WEEKLY"]):
        raise where.error(
            "RRULE", raw, "is not supported: FREQ must be DAILY or WEEKLY (expand it first)"
        )

    def one_number(part: str) -> int | None:
        values = parts.get(part)
        if values is None:
            return None
        if len(values) != 1 or not isinstance(values[0], int) or values[0] < 1:
            raise where.error("RRULE", raw, f"has a bad {part} (a whole number, 1 or more)")
        number: int = values[0]
        return number

    count = one_number("COUNT")
    interval = one_number("INTERVAL") or 1
    until_values = parts.get("UNTIL")
    if (count is None) == (until_values is None):
        raise where.error(
            "RRULE",
            raw,
            "must end with exactly one of COUNT or UNTIL (an endless rule is not supported)",
        )
    if count is not None and count > max_days:
        raise where.error("RRULE", raw, f"has COUNT over the {max_days:,} days a file may give")
    if interval > _MAX_INTERVAL:
        raise where.error("RRULE", raw, f"has INTERVAL over {_MAX_INTERVAL}")
    until = None
    if until_values is not None:
        value = until_values[0] if len(until_values) == 1 else None
        if isinstance(value, datetime):
            value = value.date()  # a date-time UNTIL (some exporters) is taken as its day
        if not isinstance(value, date):
            raise where.error("RRULE", raw, "has a bad UNTIL (a date)")
        until = datetime.combine(value, time())
    byday: list[rrule.weekday] = []
    for day in parts.get("BYDAY", []):
        text = str(day).upper()
        if text not in _WEEKDAYS:
            raise where.error(
                "RRULE",
                raw,
                f"has BYDAY {_short(text, 10)!r}; only plain days (MO..SU) are supported",
            )
        byday.append(rrule.weekdays[_WEEKDAYS.index(text)])
    wkst_values = [str(w).upper() for w in parts.get("WKST", ["MO"])]
    if len(wkst_values) != 1 or wkst_values[0] not in _WEEKDAYS:
        raise where.error("RRULE", raw, "has a bad WKST")
    rule = rrule.rrule(
        rrule.DAILY if freq == ["DAILY"] else rrule.WEEKLY,
        dtstart=datetime.combine(start, time()),
        interval=interval,
        count=count,
        until=until,
        byweekday=byday or None,
        wkst=_WEEKDAYS.index(wkst_values[0]),
    )
    try:
        starts = [moment.date() for moment in islice(rule, max_days + 1)]
    except (ValueError, OverflowError) as exc:
        raise where.error("RRULE", raw, f"cannot be expanded ({_short(exc, 80)})") from None
    if len(starts) > max_days:
        raise where.error("RRULE", raw, f"gives more than the {max_days:,} days a file may give")
    if not starts or starts[0] != start:
        raise where.error(
            "RRULE",
            raw,
            f"does not give DTSTART {start.isoformat()} as its first day (undefined in RFC 5545)",
        )
    return starts

"""The closed vocabulary of deadline expressions and how each is counted.

Rule tables write a deadline as a one-key table, e.g. ``{ working_days_following = 15 }``.
Every expression is evaluated from an *anchor* date (the day a notice was given, the day a
report was received) on a working-day calendar, and explains itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Literal

import attrs

from improvement_kit.calendar import (
    Counted,
    WorkingDayCalendar,
    calendar_days_elapsed,
    months_following,
)
from improvement_kit.model.timeline import Window

__all__ = [
    "DEADLINE_KEYS",
    "CalendarDaysElapsed",
    "CalendarDaysFollowing",
    "Computed",
    "Deadline",
    "MonthsFollowing",
    "OnAnchor",
    "SpecifiedInNotice",
    "WindowOf",
    "WorkingDaysBeginningWith",
    "WorkingDaysFollowing",
    "describe_day",
    "parse_deadline",
    "parse_period_expression",
]


@functools.lru_cache(maxsize=4096)
def describe_day(day: dt.date) -> str:
    """``"Thu 18 Dec 2014"``.

    >>> describe_day(dt.date(2014, 12, 18))
    'Thu 18 Dec 2014'
    """
    return f"{day:%a} {day.day} {day:%b %Y}"


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


@attrs.frozen
class Computed:
    """The result of evaluating a deadline: a date or a window, and why."""

    due: dt.date | None
    window: Window | None
    provisional: bool
    explanation: str


def _plural(n: int, word: str) -> str:
    """``"1 working day"``, ``"15 working days"``."""
    return f"{n} {word}" if abs(n) == 1 else f"{n} {word}s"


def _skipped_runs(counted: Counted, calendar: WorkingDayCalendar) -> list[str]:
    """Skipped days as text, a run of days with the same reason and no working day between
    them written once ("22 Jul - 1 Sep school holiday: Summer holiday")."""
    runs: list[tuple[dt.date, dt.date, str]] = []
    for skipped in counted.skipped:
        if runs:
            first, last, reason = runs[-1]
            if reason == skipped.reason and calendar.count(last, skipped.day) == 0:
                runs[-1] = (first, skipped.day, reason)
                continue
        runs.append((skipped.day, skipped.day, skipped.reason))
    return [
        f"{_short(first)} {reason}"
        if first == last
        else f"{_short(first)} - {_short(last)} {reason}"
        for first, last, reason in runs
    ]


def _counted_text(
    counted: Counted, phrase: str, anchor_label: str, calendar: WorkingDayCalendar
) -> str:
    anchor = describe_day(counted.start)
    if anchor_label:
        anchor += f", {anchor_label}"
    text = f"{_plural(counted.n, 'working day')} {phrase} {anchor}"
    if counted.skipped:
        text += "; skipped " + ", ".join(_skipped_runs(counted, calendar))
    text += f" -> {describe_day(counted.result)}"
    if counted.calendar_name and counted.calendar_name != "england-and-wales":
        text += f" (calendar: {counted.calendar_name})"
    if counted.provisional:
        text += " (provisional: crosses the end of the confirmed bank-holiday list)"
    return text


@attrs.frozen
class WorkingDaysFollowing:
    """``{ working_days_following = n }``: the n-th working day after the anchor; the anchor
    itself is never counted ("ending with the fifteenth working day following that day")."""

    n: int

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The deadline for ``anchor`` on ``calendar``."""
        counted = calendar.explain(anchor, self.n)
        return Computed(
            counted.result,
            None,
            counted.provisional,
            _counted_text(counted, "following", label, calendar),
        )


@attrs.frozen
class WorkingDaysBeginningWith:
    """``{ working_days_beginning_with = n }``: the anchor is day 1 if it is a working day."""

    n: int

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The deadline for ``anchor`` on ``calendar``."""
        counted = calendar.explain(anchor, self.n, beginning_with=True)
        return Computed(
            counted.result,
            None,
            counted.provisional,
            _counted_text(counted, "beginning with", label, calendar),
        )


@attrs.frozen
class MonthsFollowing:
    """``{ months_following = n }``: the corresponding date n calendar months after the anchor
    (the last day of the month where there is none)."""

    n: int

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The deadline for ``anchor``."""
        del calendar
        due = months_following(anchor, self.n)
        anchor_text = describe_day(anchor) + (f", {label}" if label else "")
        clamp = ""
        if due.day != anchor.day:
            clamp = " (no corresponding date: last day of the month)"
        return Computed(
            due,
            None,
            False,
            f"{_plural(self.n, 'calendar month')} following {anchor_text} -> "
            f"{describe_day(due)}{clamp}",
        )


@attrs.frozen
class CalendarDaysElapsed:
    """``{ calendar_days_elapsed = n }``: the first day on which "a period of not less than n
    days has elapsed since" the anchor (strict reading: anchor + n + 1)."""

    n: int
    reading: Literal["strict", "loose"] = "strict"

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The first day for ``anchor``."""
        del calendar
        due = calendar_days_elapsed(anchor, self.n, reading=self.reading)
        anchor_text = describe_day(anchor) + (f", {label}" if label else "")
        return Computed(
            due,
            None,
            False,
            f"{_plural(self.n, 'calendar day')} elapsed since {anchor_text} "
            f"({self.reading} reading) -> {describe_day(due)}",
        )


@attrs.frozen
class CalendarDaysFollowing:
    """``{ calendar_days_following = n }``: the anchor plus n calendar days."""

    n: int

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The date for ``anchor``."""
        del calendar
        due = anchor + dt.timedelta(days=self.n)
        anchor_text = describe_day(anchor) + (f", {label}" if label else "")
        return Computed(
            due,
            None,
            False,
            f"{_plural(self.n, 'calendar day')} after {anchor_text} -> {describe_day(due)}",
        )


@attrs.frozen
class OnAnchor:
    """``{ on_anchor = true }``: the anchor date itself (a status taking effect that day)."""

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The anchor."""
        del calendar
        anchor_text = describe_day(anchor) + (f", {label}" if label else "")
        return Computed(anchor, None, False, f"from {anchor_text}")


@attrs.frozen
class SpecifiedInNotice:
    """``{ specified_in_notice = "<field>" }``: the period the notice itself specifies; the
    case supplies it as a date or as an expression (see :func:`parse_period_expression`)."""

    field: str

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """Not computable without the notice's own words; callers resolve it first."""
        del anchor, calendar, label
        raise TypeError("SpecifiedInNotice must be resolved from the event before evaluation")


Point = (
    WorkingDaysFollowing
    | WorkingDaysBeginningWith
    | MonthsFollowing
    | CalendarDaysElapsed
    | CalendarDaysFollowing
    | OnAnchor
)


@attrs.frozen
class WindowOf:
    """``{ window = { from = <expr>, to = <expr> } }``: a window between two computed dates;
    no ``to`` means open-ended (a power available while the status lasts)."""

    start: Point
    end: Point | None = None

    def evaluate(self, anchor: dt.date, calendar: WorkingDayCalendar, label: str) -> Computed:
        """The window for ``anchor``."""
        first = self.start.evaluate(anchor, calendar, label)
        assert first.due is not None
        if self.end is None:
            return Computed(
                None,
                Window(first.due),
                first.provisional,
                f"opens {first.explanation}; no time limit",
            )
        last = self.end.evaluate(anchor, calendar, label)
        assert last.due is not None
        return Computed(
            None,
            Window(first.due, last.due),
            first.provisional or last.provisional,
            f"opens {first.explanation}; closes {last.explanation}",
        )


Deadline = Point | WindowOf | SpecifiedInNotice

_POINT_KEYS: Mapping[
    str,
    type[
        WorkingDaysFollowing
        | WorkingDaysBeginningWith
        | MonthsFollowing
        | CalendarDaysElapsed
        | CalendarDaysFollowing
    ],
] = {
    "working_days_following": WorkingDaysFollowing,
    "working_days_beginning_with": WorkingDaysBeginningWith,
    "months_following": MonthsFollowing,
    "calendar_days_elapsed": CalendarDaysElapsed,
    "calendar_days_following": CalendarDaysFollowing,
}

#: Every key a deadline table may use.
DEADLINE_KEYS = (*_POINT_KEYS, "on_anchor", "window", "specified_in_notice")


def _parse_point(value: object, where: str) -> Point:
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ValueError(
            f"{where}: expected a table with exactly one of {', '.join(DEADLINE_KEYS)}"
        )
    ((key, arg),) = value.items()
    if key == "on_anchor":
        if arg is not True:
            raise ValueError(f"{where}.on_anchor: expected true, got {arg!r}")
        return OnAnchor()
    cls = _POINT_KEYS.get(key)
    if cls is None:
        raise ValueError(f"{where}: unknown deadline expression {key!r}")
    if isinstance(arg, bool) or not isinstance(arg, int):
        raise ValueError(f"{where}.{key}: expected a whole number, got {arg!r}")
    if cls is not CalendarDaysElapsed and arg < 1:
        raise ValueError(f"{where}.{key}: expected 1 or more, got {arg!r}")
    if cls is CalendarDaysElapsed and arg < 0:
        raise ValueError(f"{where}.{key}: expected 0 or more, got {arg!r}")
    return cls(arg)


def parse_point(value: object, where: str = "deadline") -> Point:
    """Parse one point expression (``{ months_following = 4 }``); ``ValueError`` names it."""
    return _parse_point(value, where)


def parse_deadline(value: object, where: str = "deadline") -> Deadline:
    """Parse a deadline table from a rule file; ``ValueError`` names the bad key.

    >>> parse_deadline({"working_days_following": 15})
    WorkingDaysFollowing(n=15)
    >>> parse_deadline({"window": {"from": {"calendar_days_following": 1},
    ...                            "to": {"months_following": 2}}})
    WindowOf(start=CalendarDaysFollowing(n=1), end=MonthsFollowing(n=2))
    """
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, arg),) = value.items()
        if key == "window":
            if not isinstance(arg, Mapping) or "from" not in arg:
                raise ValueError(f"{where}.window: expected a table with 'from' (and 'to')")
            unknown = set(arg) - {"from", "to"}
            if unknown:
                raise ValueError(f"{where}.window: unknown key {sorted(unknown)[0]!r}")
            end = _parse_point(arg["to"], f"{where}.window.to") if "to" in arg else None
            return WindowOf(_parse_point(arg["from"], f"{where}.window.from"), end)
        if key == "specified_in_notice":
            if not isinstance(arg, str) or not arg:
                raise ValueError(f"{where}.specified_in_notice: expected a field name")
            return SpecifiedInNotice(arg)
    return _parse_point(value, where)


_EXPRESSION = re.compile(
    r"^\s*(?P<n>\d+)\s+(?P<unit>working\s+days?|calendar\s+days?|days?|months?)"
    r"(?:\s+(?P<rel>following|after|beginning\s+with|from))?"
    r"(?:\s+(?:the\s+)?(?:day|date)(?:\s+(?:on\s+which\s+)?(?:the|this)\s+notice(?:\s+is|\s+was)?"
    r"\s+given|\s+of\s+(?:the|this)\s+notice|\s+given)?)?\s*\.?\s*$",
    re.IGNORECASE,
)


def parse_period_expression(text: str) -> Point:
    """Parse the period a notice specifies, counted from the day the notice was given.

    >>> parse_period_expression("15 working days following")
    WorkingDaysFollowing(n=15)
    >>> parse_period_expression("15 working days beginning with the date of this notice")
    WorkingDaysBeginningWith(n=15)
    >>> parse_period_expression("20 working days after the date of this notice")
    WorkingDaysFollowing(n=20)
    >>> parse_period_expression("2 months following")
    MonthsFollowing(n=2)
    >>> parse_period_expression("fortnight")
    Traceback (most recent call last):
    ...
    ValueError: 'fortnight' is not a period expression (try '15 working days following')
    """
    match = _EXPRESSION.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a period expression (try '15 working days following')")
    n = int(match["n"])
    unit = match["unit"].lower()
    rel = " ".join((match["rel"] or "following").lower().split())
    if unit.startswith("working"):
        if rel == "beginning with":
            if n < 1:
                raise ValueError(
                    f"{text!r} is not a period: counting 'beginning with' a day needs 1 or "
                    "more working days"
                )
            return WorkingDaysBeginningWith(n)
        return WorkingDaysFollowing(n)
    if unit.startswith("month"):
        return MonthsFollowing(n)
    return CalendarDaysFollowing(n)

"""Explained computations: which days were passed over, and a one-line description."""

from __future__ import annotations

from datetime import date

import attrs

from improvement_kit.calendar.conventions import Convention

__all__ = ["Counted", "SkippedDay", "format_day"]

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: date) -> str:
    """Return ``day`` as "Thu 18 Dec 2014" (English, whatever the locale).

    >>> format_day(date(2014, 12, 18))
    'Thu 18 Dec 2014'
    """
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


@attrs.frozen
class SkippedDay:
    """A weekday passed over because it is not a working day, and why."""

    day: date
    reason: str


@attrs.frozen
class Counted:
    """A working-day computation with its explanation.

    ``skipped`` lists the non-working *weekdays* (bank holidays, closures, school holidays)
    passed over between ``start`` and ``result``; weekends are not listed. ``provisional`` is
    true when the computation reaches past the calendar's ``confirmed_until``.
    """

    start: date
    n: int
    convention: Convention
    result: date
    skipped: tuple[SkippedDay, ...]
    provisional: bool
    calendar_name: str
    confirmed_until: date | None = None

    def describe(self) -> str:
        """Return a one-line account of the computation.

        >>> Counted(date(2025, 12, 18), 1, Convention.FOLLOWING, date(2025, 12, 19), (), False,
        ...         "england-and-wales").describe()
        '1 working day following Thu 18 Dec 2025 -> Fri 19 Dec 2025'
        """
        count = abs(self.n)
        unit = "working day" if count == 1 else "working days"
        if self.n < 0:
            relation = "before"
        elif self.convention is Convention.BEGINNING_WITH:
            relation = "beginning with"
        else:
            relation = "following"
        text = f"{count} {unit} {relation} {format_day(self.start)}"
        if self.calendar_name != "england-and-wales":
            text += f" on the {self.calendar_name} calendar"
        if self.skipped:
            text += "; skipped " + ", ".join(
                f"{format_day(s.day)} {s.reason}" for s in self.skipped
            )
        text += f" -> {format_day(self.result)}"
        if self.provisional:
            until = f" {format_day(self.confirmed_until)}" if self.confirmed_until else ""
            text += f" (provisional: the official holiday list ends{until})"
        return text

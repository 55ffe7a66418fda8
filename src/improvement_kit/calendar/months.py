"""Calendar-month and calendar-day periods (no working days involved)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from improvement_kit.errors import CalendarError, DateOutOfRangeError, NoCorrespondingDateError

__all__ = ["calendar_days_elapsed", "days_in_month", "months_following"]


def days_in_month(year: int, month: int) -> int:
    """Return the number of days in ``month`` of ``year``.

    >>> days_in_month(2028, 2)
    29
    """
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def months_following(
    anchor: date, months: int, *, missing: Literal["last-day", "error"] = "last-day"
) -> date:
    """Return the corresponding date ``months`` calendar months after ``anchor``.

    The corresponding-date rule (Dodds v Walker [1981] 1 WLR 1027): the period "of m months
    following X" ends on the day of the month with the same number as X, m calendar months
    later ("month" is a calendar month: Interpretation Act 1978, Schedule 1). When that month
    has no such day, the period ends on its last day (``missing="last-day"``) or
    :class:`~improvement_kit.errors.NoCorrespondingDateError` is raised (``missing="error"``).
    ``months`` may be negative (months before ``anchor``) or zero.

    >>> months_following(date(2026, 1, 13), 2)
    datetime.date(2026, 3, 13)
    >>> months_following(date(2027, 12, 31), 2)
    datetime.date(2028, 2, 29)
    """
    if missing not in ("last-day", "error"):
        raise CalendarError(f"missing must be 'last-day' or 'error', not {missing!r}")
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise DateOutOfRangeError(
            f"{months} months from {anchor.isoformat()} is outside the years 1-9999"
        )
    last = days_in_month(year, month)
    if anchor.day <= last:
        return date(year, month, anchor.day)
    if missing == "error":
        raise NoCorrespondingDateError(
            f"{months} months from {anchor.isoformat()}: {year}-{month:02d} has no day "
            f"{anchor.day} (it ends on day {last})"
        )
    return date(year, month, last)


def calendar_days_elapsed(
    anchor: date, days: int, *, reading: Literal["strict", "loose"] = "strict"
) -> date:
    """Return the first day on which "a period of not less than ``days`` days has elapsed since"
    ``anchor``.

    Calendar days, the anchor excluded. ``strict`` (the default): the days must have elapsed
    in full, so the earliest day is ``anchor + days + 1``; ``loose``: ``anchor + days``. The
    law is not settled; keep both readings visible where it matters.

    >>> calendar_days_elapsed(date(2025, 12, 18), 10)
    datetime.date(2025, 12, 29)
    >>> calendar_days_elapsed(date(2025, 12, 18), 10, reading="loose")
    datetime.date(2025, 12, 28)
    """
    if days < 0:
        raise CalendarError(f"days must be 0 or more, not {days}")
    if reading == "strict":
        extra = 1
    elif reading == "loose":
        extra = 0
    else:
        raise CalendarError(f"reading must be 'strict' or 'loose', not {reading!r}")
    try:
        return anchor + timedelta(days=days + extra)
    except OverflowError:
        raise DateOutOfRangeError(
            f"{days} days after {anchor.isoformat()} is past 9999-12-31"
        ) from None

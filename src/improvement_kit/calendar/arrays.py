"""Counting working days over numpy arrays of dates, without converting a date to Python.

The day table (or the overlay of a school's holidays on it) is held once more as numpy
arrays: days are numpy's own (``datetime64[D]``, days since 1970-01-01), so starts and
results stay native arrays and each batch is a few vectorised look-ups. numpy is imported
only when an array is given.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from improvement_kit.calendar.tables import DayOverlay, DayTable
from improvement_kit.errors import CalendarError, DateOutOfRangeError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["add_array", "count_array", "is_array"]

#: ``date.toordinal()`` of numpy's day 0, 1970-01-01.
_EPOCH = date(1970, 1, 1).toordinal()


def is_array(value: object) -> bool:
    """Whether ``value`` is a numpy array (checked without importing numpy)."""
    return type(value).__module__ == "numpy" and hasattr(value, "dtype")


class _Arrays:
    """A day table as numpy arrays: working days before each day, and the working days; for
    an overlay, its extra non-working days too (the base table's arrays are shared)."""

    __slots__ = ("before", "days", "extra", "first", "shifted", "size", "span")

    def __init__(self, table: DayTable | DayOverlay) -> None:
        import numpy as np

        self.size = table.size
        self.first = table.first - _EPOCH
        self.span = table.span
        self.before: NDArray[np.int64]
        self.days: NDArray[np.int64]
        self.extra: NDArray[np.int64] | None = None
        self.shifted: NDArray[np.int64] | None = None
        if isinstance(table, DayOverlay):
            base = _arrays(table.base)
            self.before, self.days = base.before, base.days
            self.extra = np.asarray(table.extra, dtype=np.int64) - _EPOCH
            self.shifted = np.asarray(table.shifted, dtype=np.int64)
        else:
            self.before = np.asarray(table.cumulative, dtype=np.int64)
            self.days = np.asarray(table.working, dtype=np.int64) - _EPOCH

    def count_before(self, k: NDArray[np.int64]) -> NDArray[np.int64]:
        """Working days before day ``first + k``, for each ``k``."""
        import numpy as np

        out: NDArray[np.int64] = self.before[k]
        if self.extra is not None:
            out = out - np.searchsorted(self.extra, k + self.first, side="left")
        return out

    def day(self, i: NDArray[np.int64]) -> NDArray[np.int64]:
        """The ``i``-th working day (numpy day numbers), for each ``i``."""
        import numpy as np

        if self.shifted is not None:
            i = i + np.searchsorted(self.shifted, i, side="right")
        out: NDArray[np.int64] = self.days[i]
        return out


def _arrays(table: DayTable | DayOverlay) -> _Arrays:
    """The table's numpy form, made on first use and kept with the table."""
    found = table.arrays
    if not isinstance(found, _Arrays):
        found = table.arrays = _Arrays(table)
    return found


def _days(values: Any, what: str) -> NDArray[np.int64]:
    """numpy day numbers of an array of dates (``datetime64`` of any unit, cut to days)."""
    import numpy as np

    array = np.asarray(values)
    if array.dtype.kind != "M":
        raise CalendarError(f"{what} must be an array of datetime64 dates, not {array.dtype}")
    days: NDArray[np.int64] = array.astype("datetime64[D]").view(np.int64)
    if np.isnat(array).any():
        position = int(np.flatnonzero(np.isnat(array))[0])
        raise CalendarError(f"{what}[{position}] is NaT, not a date")
    return days


def _check_inside(k: NDArray[np.int64], days: NDArray[np.int64], span: int) -> None:
    import numpy as np

    bad = (k < 0) | (k >= span)
    if bad.any():
        from improvement_kit.calendar.tables import FIRST_DAY, LAST_DAY

        day = date.fromordinal(int(days[int(np.flatnonzero(bad)[0])]) + _EPOCH)
        raise DateOutOfRangeError(
            f"{day.isoformat()} is outside the calendar's range "
            f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
        )


def add_array(
    table: DayTable | DayOverlay, starts: Any, ns: Any, *, beginning_with: bool = False
) -> NDArray[np.datetime64]:
    """``add`` for arrays: ``datetime64[D]`` results for ``datetime64`` starts and integer
    counts (see :meth:`WorkingDayCalendar.add_many`)."""
    import numpy as np

    days = _days(starts, "starts")
    counts = np.asarray(ns)
    if counts.dtype.kind not in "iu":
        raise CalendarError(f"counts must be whole numbers, not {counts.dtype}")
    counts = counts.astype(np.int64, copy=False)
    if days.shape != counts.shape:
        raise CalendarError(f"{days.size} start dates but {counts.size} counts")
    arrays = _arrays(table)
    k = days - arrays.first
    _check_inside(k, days, arrays.span)
    if beginning_with:
        if counts.size and counts.min() < 1:
            raise CalendarError(
                "n must be 1 or more when counting 'beginning with' a day, "
                f"not {int(counts[counts < 1][0])}"
            )
        index = arrays.count_before(k) + counts - 1
    else:
        forward = counts > 0
        index = np.where(
            forward, arrays.count_before(k + 1) + counts - 1, arrays.count_before(k) + counts
        )
    beyond = (index < 0) | (index >= arrays.size)
    zero = None if beginning_with else counts == 0
    if zero is not None:
        beyond &= ~zero
        index = np.where(zero, 0, index)
    if beyond.any():
        position = int(np.flatnonzero(beyond)[0])
        start = date.fromordinal(int(days[position]) + _EPOCH)
        from improvement_kit.calendar.tables import FIRST_DAY, LAST_DAY

        raise DateOutOfRangeError(
            f"{int(counts[position])} working days from {start.isoformat()} goes outside the "
            f"calendar's range {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
        )
    out = arrays.day(index)
    if zero is not None and zero.any():
        out = np.where(zero, days, out)
    result: NDArray[np.datetime64] = out.view("datetime64[D]")
    return result


def count_array(table: DayTable | DayOverlay, starts: Any, ends: Any) -> NDArray[np.int64]:
    """``count`` for arrays of ``datetime64`` dates (see :meth:`WorkingDayCalendar.count_many`)."""
    a, b = _days(starts, "starts"), _days(ends, "ends")
    if a.shape != b.shape:
        raise CalendarError(f"{a.size} start dates but {b.size} end dates")
    arrays = _arrays(table)
    ka, kb = a - arrays.first, b - arrays.first
    _check_inside(ka, a, arrays.span)
    _check_inside(kb, b, arrays.span)
    return arrays.count_before(kb + 1) - arrays.count_before(ka + 1)

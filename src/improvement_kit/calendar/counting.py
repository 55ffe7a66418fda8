"""The working-day calendar: is a day a working day, and counting working days."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, overload

from improvement_kit.calendar.arrays import add_array, count_array, is_array
from improvement_kit.calendar.conventions import Convention
from improvement_kit.calendar.explain import Counted, SkippedDay
from improvement_kit.calendar.regions import Region
from improvement_kit.calendar.school import Closure, is_longer_than_a_week
from improvement_kit.calendar.tables import (
    FIRST_DAY,
    LAST_DAY,
    DayOverlay,
    DayTable,
    confirmed_until,
    non_working_weekdays,
    region_table,
)
from improvement_kit.errors import CalendarError, DateOutOfRangeError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["WorkingDayCalendar", "get_calendar"]

_WEEKEND_NAMES = ("Saturday", "Sunday")


def _outside(day: date) -> DateOutOfRangeError:
    return DateOutOfRangeError(
        f"{day.isoformat()} is outside the calendar's range "
        f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
    )


def _beyond(start: date, n: int) -> DateOutOfRangeError:
    return DateOutOfRangeError(
        f"{n} working days from {start.isoformat()} goes outside the calendar's range "
        f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
    )


def _bad_n(n: int) -> CalendarError:
    return CalendarError(f"n must be 1 or more when counting 'beginning with' a day, not {n}")


class WorkingDayCalendar:
    """A region's working days, optionally with closures and a school's holidays removed.

    A working day is any day that is not a Saturday, a Sunday, Christmas Day, Good Friday, a
    bank holiday of the region (substitute days and one-off proclaimed days included), or a day
    of a closure or of a school holiday longer than a week added to this calendar. Build one
    with :meth:`for_region` or :func:`get_calendar`; instances are immutable.

    Dates from 1 Jan 1990 to 31 Dec 2100 can be asked about; others raise
    :class:`~improvement_kit.errors.DateOutOfRangeError`.

    >>> cal = WorkingDayCalendar.for_region("england-and-wales")
    >>> cal.add(date(2014, 12, 18), 15)
    datetime.date(2015, 1, 13)
    """

    __slots__ = (
        "_bank_holidays",
        "_extra",
        "_extra_days",
        "_holiday_days",
        "_table",
        "closures",
        "confirmed_until",
        "name",
        "region",
        "school_holidays",
    )

    def __init__(
        self,
        region: Region,
        *,
        closures: tuple[Closure, ...] = (),
        school_holidays: tuple[Closure, ...] = (),
    ) -> None:
        self.region = region
        self.closures = closures
        # The school holidays given, including those too short to count.
        self.school_holidays = school_holidays
        self.confirmed_until = confirmed_until(region)
        self._bank_holidays: Mapping[int, str] = non_working_weekdays(region)
        extra: dict[int, str] = {}
        for closure in closures:
            _mark(extra, closure, f"closure: {closure.reason}")
        for holiday in school_holidays:
            if is_longer_than_a_week(holiday):
                _mark(extra, holiday, f"school holiday: {holiday.reason}")
        extra = {o: r for o, r in extra.items() if o not in self._bank_holidays}
        self._extra = extra
        # The region's table is shared; closures and school holidays lie over it.
        base = region_table(region)
        self._holiday_days = _sorted_days(region)
        self._extra_days = sorted(extra)
        self._table: DayTable | DayOverlay = DayOverlay(base, self._extra_days) if extra else base
        name = region.value
        if closures:
            name += " + closures"
        if school_holidays:
            name += " + school holidays"
        self.name = name

    def __repr__(self) -> str:
        return f"<WorkingDayCalendar {self.name}>"

    @classmethod
    def for_region(
        cls,
        region: Region | str = Region.ENGLAND_AND_WALES,
        *,
        closures: Iterable[Closure] = (),
    ) -> WorkingDayCalendar:
        """Return the calendar of ``region`` (a :class:`Region` or its name), with ``closures``."""
        return cls(Region.parse(region), closures=tuple(closures))

    def with_closures(self, closures: Iterable[Closure]) -> WorkingDayCalendar:
        """Return this calendar with every day of each closure made a non-working day.

        For example a local authority's office closure from 24 to 31 December.
        """
        return WorkingDayCalendar(
            self.region,
            closures=self.closures + tuple(closures),
            school_holidays=self.school_holidays,
        )

    def with_school_holidays(self, holidays: Iterable[Closure]) -> WorkingDayCalendar:
        """Return this calendar with a school's holidays longer than a week made non-working.

        The Education (School Inspection) (England) Regulations 2005, reg 2(1), exclude from
        working days "part of a holiday longer than a week taken by the school in question";
        shorter holidays (a Monday-to-Friday half term) are ignored. A holiday's length runs
        from its first weekday to its last weekday inclusive (see :func:`holiday_length`), so a
        half term given as Saturday to Sunday is 5 days and ignored, and Monday 22 December to
        Friday 2 January (12 days) is excluded. Every day of an excluded holiday is non-working.
        """
        return WorkingDayCalendar(
            self.region,
            closures=self.closures,
            school_holidays=self.school_holidays + tuple(holidays),
        )

    # -- single days -------------------------------------------------------------------------

    def _index(self, day: date) -> int:
        k = day.toordinal() - self._table.first
        if k < 0 or k >= self._table.span:
            raise _outside(day)
        return k

    def is_working_day(self, day: date) -> bool:
        """Return whether ``day`` is a working day on this calendar."""
        k = self._index(day)
        return self._table.before(k + 1) != self._table.before(k)

    def reason(self, day: date) -> str | None:
        """Return why ``day`` is not a working day ("Saturday", "Christmas Day", "Boxing Day
        (substitute day)", "school holiday: Christmas holiday"), or ``None`` if it is one."""
        self._index(day)
        weekday = day.weekday()
        if weekday >= 5:
            return _WEEKEND_NAMES[weekday - 5]
        ordinal = day.toordinal()
        found = self._bank_holidays.get(ordinal)
        if found is None:
            found = self._extra.get(ordinal)
        return found

    def non_working_weekdays(self, year: int) -> list[tuple[date, str]]:
        """Return the weekdays of ``year`` that are not working days, with their reasons."""
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise DateOutOfRangeError(
                f"year {year} is outside the calendar's range {FIRST_DAY.year}-{LAST_DAY.year}"
            )
        out = []
        january_first = date(year, 1, 1).toordinal()
        for ordinal in self._non_working(january_first, date(year + 1, 1, 1).toordinal()):
            day = date.fromordinal(ordinal)
            reason = self.reason(day)
            assert reason is not None
            out.append((day, reason))
        return out

    # -- counting ----------------------------------------------------------------------------

    def add(self, start: date, n: int, *, beginning_with: bool = False) -> date:
        """Return the day ``n`` working days from ``start``.

        Following (the default): "ending with the Nth working day following" ``start``; the
        start is never counted, working day or not. ``n = 0`` returns ``start`` itself (so that
        ``count(start, add(start, 0)) == 0``); negative ``n`` counts back (``-1`` is the last
        working day before ``start``).

        ``beginning_with=True``: "N working days beginning with" ``start``; ``start`` is day 1
        if it is a working day, else the first working day after it is. ``n`` must be 1 or more
        (:class:`~improvement_kit.errors.CalendarError` otherwise).
        """
        table = self._table
        k = start.toordinal() - table.first
        if k < 0 or k >= table.span:
            raise _outside(start)
        if beginning_with:
            if n < 1:
                raise _bad_n(n)
            i = table.before(k) + n - 1
        elif n > 0:
            i = table.before(k + 1) + n - 1
        elif n == 0:
            return start
        else:
            i = table.before(k) + n
        if i < 0 or i >= table.size:
            raise _beyond(start, n)
        return table.day(i)

    def count(self, start: date, end: date) -> int:
        """Return the number of working days ``d`` with ``start < d <= end``.

        Negative when ``end`` is before ``start`` (``count(a, b) == -count(b, a)``).
        """
        table = self._table
        first, span = table.first, table.span
        a = start.toordinal() - first
        b = end.toordinal() - first
        if a < 0 or a >= span:
            raise _outside(start)
        if b < 0 or b >= span:
            raise _outside(end)
        return table.before(b + 1) - table.before(a + 1)

    @overload
    def add_many(
        self, starts: Sequence[date], ns: Sequence[int], *, beginning_with: bool = False
    ) -> list[date]: ...

    @overload
    def add_many(
        self, starts: NDArray[np.datetime64], ns: Any, *, beginning_with: bool = False
    ) -> NDArray[np.datetime64]: ...

    def add_many(
        self, starts: Any, ns: Any, *, beginning_with: bool = False
    ) -> list[date] | NDArray[np.datetime64]:
        """Return ``[add(s, n, beginning_with=...) for s, n in zip(starts, ns)]``, faster.

        ``starts`` may also be a numpy array of ``datetime64`` dates, with ``ns`` an array (or
        list) of whole numbers: the answer is then a ``datetime64[D]`` array, computed without
        converting any date to Python.
        """
        if is_array(starts):
            return add_array(self._table, starts, ns, beginning_with=beginning_with)
        if len(starts) != len(ns):
            raise CalendarError(f"{len(starts)} start dates but {len(ns)} counts")
        if not starts:
            return []
        table = self._table
        first = table.first
        before: Callable[[int], int] = table.before
        day: Callable[[int], date] = table.day
        if isinstance(table, DayTable):
            before, day = table.cumulative.__getitem__, table.dates.__getitem__
        ks = [s.toordinal() - first for s in starts]
        if min(ks) < 0 or max(ks) >= table.span:
            raise _outside(
                next(s for s, k in zip(starts, ks, strict=True) if not 0 <= k < table.span)
            )
        if beginning_with:
            if min(ns) < 1:
                raise _bad_n(next(n for n in ns if n < 1))
            idx = [before(k) + n - 1 for k, n in zip(ks, ns, strict=True)]
        else:
            idx = [
                before(k + 1) + n - 1 if n > 0 else (before(k) + n if n else 0)
                for k, n in zip(ks, ns, strict=True)
            ]
        if min(idx) < 0 or max(idx) >= table.size:
            for s, n, i in zip(starts, ns, idx, strict=True):
                if not 0 <= i < table.size:
                    raise _beyond(s, int(n))
        out = [day(i) for i in idx]
        if not beginning_with and 0 in ns:
            out = [s if n == 0 else d for s, n, d in zip(starts, ns, out, strict=True)]
        return out

    @overload
    def count_many(self, starts: Sequence[date], ends: Sequence[date]) -> list[int]: ...

    @overload
    def count_many(
        self, starts: NDArray[np.datetime64], ends: NDArray[np.datetime64]
    ) -> NDArray[np.int64]: ...

    def count_many(self, starts: Any, ends: Any) -> list[int] | NDArray[np.int64]:
        """Return ``[count(s, e) for s, e in zip(starts, ends)]``, faster.

        Given numpy arrays of ``datetime64`` dates, the answer is an ``int64`` array.
        """
        if is_array(starts) or is_array(ends):
            return count_array(self._table, starts, ends)
        if len(starts) != len(ends):
            raise CalendarError(f"{len(starts)} start dates but {len(ends)} end dates")
        if not starts:
            return []
        table = self._table
        first = table.first - 1
        before: Callable[[int], int] = table.before
        if isinstance(table, DayTable):
            before = table.cumulative.__getitem__
        a = [s.toordinal() - first for s in starts]
        b = [e.toordinal() - first for e in ends]
        for ks, days in ((a, starts), (b, ends)):
            if min(ks) < 1 or max(ks) > table.span:
                raise _outside(
                    next(d for d, k in zip(days, ks, strict=True) if not 1 <= k <= table.span)
                )
        return [before(j) - before(i) for i, j in zip(a, b, strict=True)]

    # -- explanation -------------------------------------------------------------------------

    def _non_working(self, lo: int, hi: int) -> list[int]:
        """Return the ordinals of the non-working weekdays from ``lo`` up to (not with) ``hi``."""
        days = self._holiday_days
        out = days[bisect_left(days, lo) : bisect_left(days, hi)]
        extra = self._extra_days
        if extra:
            more = extra[bisect_left(extra, lo) : bisect_left(extra, hi)]
            if more:
                out = sorted(out + more)
        return out

    def is_provisional(self, start: date, end: date) -> bool:
        """Return whether the span from ``start`` to ``end`` goes past :attr:`confirmed_until`.

        Bank holidays after that date are projected by rule, not yet announced.
        """
        return max(start, end) > self.confirmed_until

    def explain(self, start: date, n: int, *, beginning_with: bool = False) -> Counted:
        """Return :meth:`add`'s answer with the non-working weekdays it passed over."""
        result = self.add(start, n, beginning_with=beginning_with)
        s, r = start.toordinal(), result.toordinal()
        if beginning_with:
            passed = self._non_working(s, r)
        elif n >= 0:
            passed = self._non_working(s + 1, r)
        else:
            passed = self._non_working(r + 1, s)
        skipped = []
        for ordinal in passed:
            day = date.fromordinal(ordinal)
            reason = self.reason(day)
            assert reason is not None
            skipped.append(SkippedDay(day, reason))
        return Counted(
            start=start,
            n=n,
            convention=Convention.BEGINNING_WITH if beginning_with else Convention.FOLLOWING,
            result=result,
            skipped=tuple(skipped),
            provisional=self.is_provisional(start, result),
            calendar_name=self.name,
            confirmed_until=self.confirmed_until,
        )

    def trace(
        self, start: date, n: int, *, beginning_with: bool = False
    ) -> list[tuple[date, int | None, str | None]]:
        """Return the computation day by day, from the earlier of start and result to the later.

        Each entry is ``(day, ordinal, reason)``: ``ordinal`` is the working day's number in the
        count (the start is 0 when following; negative numbers count back), or ``None`` for a
        day not counted, whose ``reason`` says why.
        """
        result = self.add(start, n, beginning_with=beginning_with)
        one = timedelta(days=1)
        rows: list[tuple[date, int | None, str | None]] = []
        if n >= 0 or beginning_with:
            number = 0
            day = start
            while day <= result:
                reason = self.reason(day)
                if day == start and not beginning_with:
                    rows.append((day, 0, reason))
                elif reason is None:
                    number += 1
                    rows.append((day, number, None))
                else:
                    rows.append((day, None, reason))
                day += one
            return rows
        number = 0
        day = start - one
        while day >= result:
            reason = self.reason(day)
            if reason is None:
                number -= 1
                rows.append((day, number, None))
            else:
                rows.append((day, None, reason))
            day -= one
        rows.reverse()
        rows.append((start, 0, self.reason(start)))
        return rows


def _mark(days: dict[int, str], closure: Closure, reason: str) -> None:
    """Record ``reason`` for each weekday of ``closure`` inside the table's range."""
    lo = max(closure.start, FIRST_DAY).toordinal()
    hi = min(closure.end, LAST_DAY).toordinal()
    for ordinal in range(lo, hi + 1):
        if (ordinal + 6) % 7 < 5 and ordinal not in days:  # Monday to Friday
            days[ordinal] = reason


@cache
def _sorted_days(region: Region) -> list[int]:
    """The ordinals of ``region``'s non-working weekdays, sorted (shared by its calendars)."""
    return sorted(non_working_weekdays(region))


@cache
def _calendar(region: Region) -> WorkingDayCalendar:
    return WorkingDayCalendar(region)


def get_calendar(region: Region | str = Region.ENGLAND_AND_WALES) -> WorkingDayCalendar:
    """Return the shared calendar of ``region`` (built once per region, then cached)."""
    return _calendar(Region.parse(region))

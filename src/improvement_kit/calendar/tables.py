"""Holiday tables: where the non-working weekdays come from, and the day table built from them.

The names and dates come from the ``holidays`` package, always with an explicit subdivision
(``holidays.UK()`` without one drops Easter Monday). To keep start-up fast they are read from a
snapshot generated from ``holidays`` (``data/holiday-snapshot.json``, written by
``scripts/regenerate_holiday_snapshot.py`` and checked against live ``holidays`` by the tests);
any year in the table's range that the snapshot lacks is taken from live ``holidays``.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from itertools import accumulate, compress
from pathlib import Path

from improvement_kit.calendar.regions import Region

__all__ = [
    "FIRST_DAY",
    "FIRST_YEAR",
    "GOVUK_FILE",
    "LAST_DAY",
    "LAST_YEAR",
    "SNAPSHOT_FILE",
    "DayOverlay",
    "DayTable",
    "confirmed_until",
    "live_non_working_weekdays",
    "non_working_weekdays",
    "region_table",
]

#: First and last year every calendar covers.
FIRST_YEAR = 1990
LAST_YEAR = 2100
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)

_DATA = Path(__file__).resolve().parent.parent / "data"
#: The snapshot of non-working weekdays generated from ``holidays``.
SNAPSHOT_FILE = _DATA / "holiday-snapshot.json"
#: The official GOV.UK list (Open Government Licence), with one documented addition.
GOVUK_FILE = _DATA / "govuk-bank-holidays.json"

_WEEKDAY_PATTERN = bytes((1, 1, 1, 1, 1, 0, 0))


def _tidy(name: str) -> str:
    """Return a ``holidays`` name in the calendar's wording ("(observed)" -> "(substitute day)")."""
    return name.replace("(observed)", "(substitute day)")


def live_non_working_weekdays(region: Region, years: Iterable[int]) -> dict[int, str]:
    """Return ``{ordinal: name}`` for the non-working weekdays in ``years``, from live ``holidays``.

    Imports ``holidays`` (slow); used for years the snapshot lacks and to regenerate or check it.
    """
    from holidays.countries.united_kingdom import UnitedKingdom

    table = UnitedKingdom(subdiv=region.subdivision, years=list(years))  # type: ignore[no-untyped-call]
    return {day.toordinal(): _tidy(name) for day, name in table.items() if day.weekday() < 5}


@cache
def _snapshot() -> Mapping[str, object]:
    data: dict[str, object] = json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8"))
    return data


@cache
def non_working_weekdays(region: Region) -> Mapping[int, str]:
    """Return ``{ordinal: name}`` for every non-working weekday of ``region`` in the table range."""
    snapshot = _snapshot()
    entry = snapshot["regions"][region.value]  # type: ignore[index]
    names: list[str] = entry["names"]
    days = {
        date.fromisoformat(day).toordinal(): names[index] for day, index in entry["days"].items()
    }
    first = int(snapshot["first_year"])  # type: ignore[call-overload]
    last = int(snapshot["last_year"])  # type: ignore[call-overload]
    missing = [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if not first <= y <= last]
    if missing:
        days.update(live_non_working_weekdays(region, missing))
    return {o: days[o] for o in sorted(days) if FIRST_DAY.toordinal() <= o <= LAST_DAY.toordinal()}


@cache
def region_table(region: Region) -> DayTable:
    """Return the day table of ``region``'s working days (built once per region, then shared)."""
    return DayTable(non_working_weekdays(region))


@cache
def confirmed_until(region: Region) -> date:
    """Return the last date covered by the bundled official GOV.UK list for ``region``."""
    entry = _snapshot()["regions"][region.value]  # type: ignore[index]
    return date.fromisoformat(entry["confirmed_until"])


class DayTable:
    """Working days from :data:`FIRST_DAY` to :data:`LAST_DAY` as sorted ordinals and counts.

    ``cumulative[k]`` is the number of working days before ``first + k``; ``working[i]`` is the
    ordinal of the ``i``-th working day (from 0) and ``dates[i]`` the same day as a ``date``.
    :meth:`before` and :meth:`day` answer the same through the interface :class:`DayOverlay`
    shares.
    """

    __slots__ = ("arrays", "cumulative", "dates", "first", "last", "size", "span", "working")

    def __init__(self, non_working: Iterable[int]) -> None:
        self.first = FIRST_DAY.toordinal()
        self.last = LAST_DAY.toordinal()
        self.span = span = self.last - self.first + 1
        shift = FIRST_DAY.weekday()
        pattern = _WEEKDAY_PATTERN[shift:] + _WEEKDAY_PATTERN[:shift]
        flags = bytearray((pattern * (span // 7 + 1))[:span])
        first, last = self.first, self.last
        for ordinal in non_working:
            if first <= ordinal <= last:
                flags[ordinal - first] = 0
        self.cumulative: list[int] = list(accumulate(flags, initial=0))
        self.working: list[int] = list(compress(range(first, last + 1), flags))
        self.size = len(self.working)
        self.dates: list[date] = list(map(date.fromordinal, self.working))
        #: The same as numpy arrays, made on first use by :mod:`improvement_kit.calendar.arrays`.
        self.arrays: object = None

    def before(self, k: int) -> int:
        """Return the number of working days before ``first + k`` (``0 <= k <= span``)."""
        return self.cumulative[k]

    def day(self, i: int) -> date:
        """Return the ``i``-th working day, from 0 (``0 <= i < size``)."""
        return self.dates[i]


class DayOverlay:
    """A shared :class:`DayTable` with some of its working days made non-working.

    Answers as a :class:`DayTable` built from the base table's non-working days plus ``extra``
    would, without building one: the extra days are kept as a sorted list of ordinals, and
    counts are corrected by bisecting it. A school's holidays or a council's closures are such
    overlays on the region's table, which all of them share. Ordinals in ``extra`` that are not
    working days on ``base`` (weekends, bank holidays, days outside the range) change nothing.
    """

    __slots__ = ("arrays", "base", "extra", "first", "last", "shifted", "size", "span")

    def __init__(self, base: DayTable, extra: Iterable[int]) -> None:
        self.base = base
        self.first, self.last, self.span = base.first, base.last, base.span
        cumulative, first, span = base.cumulative, base.first, base.span
        kept = sorted(
            {
                ordinal
                for ordinal in extra
                if 0 <= ordinal - first < span
                and cumulative[ordinal - first + 1] != cumulative[ordinal - first]
            }
        )
        #: The extra non-working days, as sorted ordinals.
        self.extra: list[int] = kept
        #: For the m-th extra day, the number of this table's working days before it: the
        #: i-th working day here is the base's (i + number of these that are <= i)-th.
        self.shifted = [cumulative[ordinal - first] - m for m, ordinal in enumerate(kept)]
        self.size = base.size - len(kept)
        #: The same as numpy arrays, made on first use by :mod:`improvement_kit.calendar.arrays`.
        self.arrays: object = None

    def before(self, k: int) -> int:
        """Return the number of working days before ``first + k`` (``0 <= k <= span``)."""
        return self.base.cumulative[k] - bisect_left(self.extra, self.first + k)

    def day(self, i: int) -> date:
        """Return the ``i``-th working day, from 0 (``0 <= i < size``)."""
        return self.base.dates[i + bisect_right(self.shifted, i)]

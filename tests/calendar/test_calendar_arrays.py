"""The batch functions on numpy arrays give the scalar answers, as numpy dates."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from improvement_kit.calendar import Closure, Region, get_calendar
from improvement_kit.errors import CalendarError, DateOutOfRangeError

SETTINGS = settings(max_examples=40, deadline=None, database=None)

days = st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31))
holidays = st.lists(
    st.builds(
        lambda start, length: Closure(start, date.fromordinal(start.toordinal() + length), "h"),
        days,
        st.integers(min_value=0, max_value=20),
    ),
    max_size=6,
)


@SETTINGS
@given(
    st.sampled_from(list(Region)),
    holidays,
    st.lists(st.tuples(days, st.integers(min_value=-70, max_value=70), days), min_size=1),
    st.booleans(),
)
def test_arrays_give_the_scalar_answers(
    region: Region,
    school: list[Closure],
    rows: list[tuple[date, int, date]],
    beginning_with: bool,
) -> None:
    calendar = get_calendar(region).with_school_holidays(school)
    starts = [s for s, _, _ in rows]
    ns = [abs(n) or 1 for _, n, _ in rows] if beginning_with else [n for _, n, _ in rows]
    ends = [e for _, _, e in rows]
    added = calendar.add_many(
        np.array(starts, dtype="datetime64[D]"), np.array(ns), beginning_with=beginning_with
    )
    assert added.dtype == np.dtype("datetime64[D]")
    assert added.tolist() == [
        calendar.add(s, n, beginning_with=beginning_with) for s, n in zip(starts, ns, strict=True)
    ]
    counted = calendar.count_many(
        np.array(starts, dtype="datetime64[D]"), np.array(ends, dtype="datetime64[D]")
    )
    assert counted.dtype == np.int64
    assert counted.tolist() == [calendar.count(s, e) for s, e in zip(starts, ends, strict=True)]


def test_a_worked_example_as_arrays() -> None:
    # 15 working days following Thu 18 Dec 2025: 19, 22, 23, 24, 29, 30, 31 Dec (7; 25 and
    # 26 Dec are bank holidays), 2, 5-9 Jan (13), 12, 13 Jan (15) -> Tue 13 Jan 2026
    # (1 Jan is New Year's Day). Counting back 2 from Mon 5 Jan: Fri 2 Jan, Wed 31 Dec.
    # Counts: (18 Dec, 28 Dec] holds 19, 22, 23, 24 Dec (25, 26 Dec bank holidays, 27-28 a
    # weekend): 4; (31 Dec, 5 Jan] holds 2 and 5 Jan: 2, so from 5 Jan back to 31 Dec: -2.
    calendar = get_calendar()
    starts = np.array(["2025-12-18", "2026-01-05", "2025-12-18"], dtype="datetime64[D]")
    out = calendar.add_many(starts, [15, -2, 0])
    assert out.tolist() == [date(2026, 1, 13), date(2025, 12, 31), date(2025, 12, 18)]
    ends = np.array(["2026-01-13", "2025-12-31", "2025-12-28"], dtype="datetime64[D]")
    assert calendar.count_many(starts, ends).tolist() == [15, -2, 4]


def test_bad_arrays_are_refused_by_name() -> None:
    calendar = get_calendar()
    with pytest.raises(DateOutOfRangeError, match="2101-01-01"):
        calendar.add_many(np.array(["2000-01-01", "2101-01-01"], dtype="datetime64[D]"), [1, 1])
    with pytest.raises(DateOutOfRangeError, match="1990-01-02"):
        calendar.add_many(np.array(["1990-01-02"], dtype="datetime64[D]"), [-5])
    with pytest.raises(CalendarError, match=r"starts\[1\] is NaT"):
        calendar.add_many(np.array(["2000-01-01", "NaT"], dtype="datetime64[D]"), [1, 1])
    with pytest.raises(CalendarError, match="datetime64"):
        calendar.count_many(np.array([1, 2]), np.array([3, 4]))
    with pytest.raises(CalendarError, match="whole numbers"):
        calendar.add_many(np.array(["2000-01-01"], dtype="datetime64[D]"), np.array([1.5]))
    with pytest.raises(CalendarError, match="2 start dates but 1 counts"):
        calendar.add_many(np.array(["2000-01-03", "2000-01-04"], dtype="datetime64[D]"), [1])
    with pytest.raises(CalendarError, match="1 or more"):
        calendar.add_many(np.array(["2000-01-03"], dtype="datetime64[D]"), [0], beginning_with=True)

"""School holidays and closures lie over the region's shared day table as an overlay; every
answer must equal that of a day table rebuilt with those days taken out."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from improvement_kit.calendar import (
    Closure,
    Region,
    get_calendar,
    holiday_length,
    is_longer_than_a_week,
)
from improvement_kit.calendar.tables import (
    FIRST_DAY,
    LAST_DAY,
    DayOverlay,
    DayTable,
    non_working_weekdays,
    region_table,
)

SETTINGS = settings(max_examples=40, deadline=None, database=None)

regions = st.sampled_from(list(Region))
#: Ordinals around the range's ends as well as inside it, weekends and bank holidays included.
ordinals = st.integers(min_value=FIRST_DAY.toordinal() - 30, max_value=LAST_DAY.toordinal() + 30)
closures = st.builds(
    lambda start, length: Closure(start, start + timedelta(days=length), "a closure"),
    st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=25),
)
days = st.dates(min_value=date(2011, 6, 1), max_value=date(2031, 6, 30))
counts = st.integers(min_value=-80, max_value=80)


@SETTINGS
@given(regions, st.lists(ordinals, max_size=60))
def test_the_overlay_answers_as_the_rebuilt_table_on_every_day(
    region: Region, extra: list[int]
) -> None:
    base = region_table(region)
    overlay = DayOverlay(base, extra)
    rebuilt = DayTable([*non_working_weekdays(region), *extra])
    assert overlay.size == rebuilt.size
    assert [overlay.before(k) for k in range(overlay.span + 1)] == rebuilt.cumulative
    assert [overlay.day(i) for i in range(overlay.size)] == rebuilt.dates


def _stepped_non_working(region: Region, extra: list[Closure], long_only: bool) -> set[int]:
    """Every non-working weekday: the region's, and each weekday of the (long) closures."""
    days = set(non_working_weekdays(region))
    for closure in extra:
        if long_only and not is_longer_than_a_week(closure):
            continue
        days.update(d.toordinal() for d in closure.days() if d.weekday() < 5)
    return days


def _step(non_working: set[int], start: date, n: int) -> date:
    """The n-th working day after (n > 0) or before (n < 0) start, a day at a time."""
    step = timedelta(days=1 if n > 0 else -1)
    day, left = start, abs(n)
    while left:
        day += step
        if day.weekday() < 5 and day.toordinal() not in non_working:
            left -= 1
    return day


@SETTINGS
@given(
    regions,
    st.lists(closures, max_size=8),
    st.lists(closures, max_size=4),
    days,
    counts,
    days,
)
def test_a_calendar_with_holidays_and_closures_counts_as_stepping_a_day_at_a_time(
    region: Region,
    holidays: list[Closure],
    office: list[Closure],
    start: date,
    n: int,
    end: date,
) -> None:
    calendar = get_calendar(region).with_closures(office).with_school_holidays(holidays)
    non_working = _stepped_non_working(region, holidays, True) | _stepped_non_working(
        region, office, False
    )
    expected = start if n == 0 else _step(non_working, start, n)
    assert calendar.add(start, n) == expected
    assert calendar.add_many([start], [n]) == [expected]
    worked = start.weekday() < 5 and start.toordinal() not in non_working
    assert calendar.is_working_day(start) is worked
    if n >= 1:
        # Beginning with the start: the start is day 1 when it is a working day.
        first = start if worked else _step(non_working, start, 1)
        assert calendar.add(start, n, beginning_with=True) == (
            first if n == 1 else _step(non_working, first, n - 1)
        )
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    stepped = sum(
        1
        for k in range(1, (hi - lo).days + 1)
        if (lo + timedelta(days=k)).weekday() < 5
        and (lo + timedelta(days=k)).toordinal() not in non_working
    )
    assert calendar.count(start, end) == sign * stepped
    assert calendar.count_many([start], [end]) == [sign * stepped]
    # The explanation lists exactly the weekdays stepped over that do not count.
    counted = calendar.explain(start, n)
    a, b = sorted((start, counted.result))
    between = [
        a + timedelta(days=k)
        for k in range(1, (b - a).days)
        if (a + timedelta(days=k)).weekday() < 5
        and (a + timedelta(days=k)).toordinal() in non_working
    ]
    assert [s.day for s in counted.skipped] == between
    assert all(calendar.reason(day) is not None for day in between)


@SETTINGS
@given(closures)
def test_a_holidays_length_runs_from_its_first_weekday_to_its_last(holiday: Closure) -> None:
    weekdays = [d for d in holiday.days() if d.weekday() < 5]
    expected = (weekdays[-1] - weekdays[0]).days + 1 if weekdays else 0
    assert holiday_length(holiday) == expected

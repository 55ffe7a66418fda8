"""Properties of working-day counting that hold for every date and count."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from improvement_kit.calendar import Closure, Region, get_calendar
from improvement_kit.calendar.tables import non_working_weekdays

SETTINGS = settings(max_examples=150, deadline=None, database=None)

days = st.dates(min_value=date(1992, 1, 1), max_value=date(2098, 12, 31))
counts = st.integers(min_value=-300, max_value=300)
positive = st.integers(min_value=1, max_value=300)
regions = st.sampled_from(list(Region))


def naive_add(region: Region, start: date, n: int) -> date:
    """The n-th working day after start (n >= 1), stepping a day at a time."""
    holidays = non_working_weekdays(region)
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day.toordinal() not in holidays:
            n -= 1
    return day


@SETTINGS
@given(regions, days, counts)
def test_the_result_of_a_nonzero_count_is_always_a_working_day(
    region: Region, start: date, n: int
) -> None:
    calendar = get_calendar(region)
    if n != 0:
        assert calendar.is_working_day(calendar.add(start, n))
    if n >= 1:
        assert calendar.is_working_day(calendar.add(start, n, beginning_with=True))


@SETTINGS
@given(regions, days, st.integers(min_value=0, max_value=300))
def test_counting_the_working_days_up_to_the_result_gives_back_n(
    region: Region, start: date, n: int
) -> None:
    calendar = get_calendar(region)
    assert calendar.count(start, calendar.add(start, n)) == n


@SETTINGS
@given(regions, days, positive)
def test_counting_back_n_days_passes_n_minus_one_working_days_plus_the_start_if_it_works(
    region: Region, start: date, n: int
) -> None:
    calendar = get_calendar(region)
    back = calendar.add(start, -n)
    assert back < start
    assert calendar.count(back, start) == n - 1 + calendar.is_working_day(start)
    assert calendar.count(start, back) == -calendar.count(back, start)


@SETTINGS
@given(regions, days, counts)
def test_the_result_moves_strictly_later_as_n_grows(region: Region, start: date, n: int) -> None:
    calendar = get_calendar(region)
    assert calendar.add(start, n) < calendar.add(start, n + 1)


@SETTINGS
@given(regions, days, st.integers(min_value=1, max_value=40))
def test_the_table_agrees_with_stepping_a_day_at_a_time(
    region: Region, start: date, n: int
) -> None:
    assert get_calendar(region).add(start, n) == naive_add(region, start, n)


@SETTINGS
@given(regions, days, positive)
def test_beginning_with_a_day_is_following_the_day_before(
    region: Region, start: date, n: int
) -> None:
    calendar = get_calendar(region)
    result = calendar.add(start, n, beginning_with=True)
    assert result == calendar.add(start - timedelta(days=1), n)
    if calendar.is_working_day(start):
        assert result == (start if n == 1 else calendar.add(start, n - 1))
    else:
        assert result == calendar.add(start, n)


@SETTINGS
@given(regions, st.lists(st.tuples(days, counts), max_size=30), st.booleans())
def test_the_batch_forms_give_the_same_answers_as_the_scalar_ones(
    region: Region, pairs: list[tuple[date, int]], beginning_with: bool
) -> None:
    calendar = get_calendar(region)
    starts = [start for start, _ in pairs]
    ns = [abs(n) + 1 if beginning_with else n for _, n in pairs]
    assert calendar.add_many(starts, ns, beginning_with=beginning_with) == [
        calendar.add(s, n, beginning_with=beginning_with) for s, n in zip(starts, ns, strict=True)
    ]
    ends = list(reversed(starts))
    assert calendar.count_many(starts, ends) == [
        calendar.count(s, e) for s, e in zip(starts, ends, strict=True)
    ]


holiday = st.builds(
    lambda start, length, name: Closure(start, start + timedelta(days=length), name),
    days,
    st.integers(min_value=0, max_value=45),
    st.sampled_from(["half term", "Christmas holiday", "summer holiday"]),
)


@SETTINGS
@given(regions, st.lists(holiday, max_size=4), days, positive)
def test_a_school_calendar_is_never_earlier_than_the_regional_one(
    region: Region, holidays: list[Closure], start: date, n: int
) -> None:
    regional = get_calendar(region)
    school = regional.with_school_holidays(holidays)
    assert school.add(start, n) >= regional.add(start, n)
    later = start + timedelta(days=n)
    assert school.count(start, later) <= regional.count(start, later)

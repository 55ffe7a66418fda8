"""The calendar's public API: regions, errors, explanations, months and elapsed days."""

from __future__ import annotations

from datetime import date

import pytest

import improvement_kit.calendar as calendar_module
from improvement_kit.calendar import (
    Convention,
    Counted,
    Region,
    SkippedDay,
    WorkingDayCalendar,
    calendar_days_elapsed,
    get_calendar,
    months_following,
)
from improvement_kit.errors import CalendarError, DateOutOfRangeError, UnknownRegionError


def test_the_package_exports_the_agreed_names() -> None:
    for name in (
        "Region",
        "Closure",
        "SkippedDay",
        "Convention",
        "Counted",
        "WorkingDayCalendar",
        "get_calendar",
        "months_following",
        "calendar_days_elapsed",
        "load_school_holidays",
    ):
        assert name in calendar_module.__all__


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("england-and-wales", Region.ENGLAND_AND_WALES),
        ("England and Wales", Region.ENGLAND_AND_WALES),
        ("wales", Region.ENGLAND_AND_WALES),
        ("SCOTLAND", Region.SCOTLAND),
        ("northern_ireland", Region.NORTHERN_IRELAND),
        ("nir", Region.NORTHERN_IRELAND),
    ],
)
def test_a_region_can_be_named_loosely(text: str, region: Region) -> None:
    assert Region.parse(text) is region


def test_an_unknown_region_names_the_value_and_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownRegionError) as caught:
        Region.parse("mars")
    message = str(caught.value)
    assert "'mars'" in message
    assert "england-and-wales, scotland, northern-ireland" in message


def test_calendars_are_shared_per_region() -> None:
    assert get_calendar("scotland") is get_calendar(Region.SCOTLAND)
    assert get_calendar() is get_calendar("england-and-wales")
    assert get_calendar().name == "england-and-wales"
    assert WorkingDayCalendar.for_region().region is Region.ENGLAND_AND_WALES


def test_zero_working_days_following_a_day_is_that_day() -> None:
    calendar = get_calendar()
    assert calendar.add(date(2025, 12, 25), 0) == date(2025, 12, 25)
    assert calendar.count(date(2025, 12, 25), date(2025, 12, 25)) == 0


def test_one_working_day_back_from_a_monday_is_the_friday_before() -> None:
    assert get_calendar().add(date(2025, 1, 13), -1) == date(2025, 1, 10)


def test_three_working_days_back_from_fri_10_jan_2025_is_tue_7_jan_2025() -> None:
    assert get_calendar().add(date(2025, 1, 10), -3) == date(2025, 1, 7)


def test_beginning_with_needs_at_least_one_day() -> None:
    with pytest.raises(CalendarError, match="not 0"):
        get_calendar().add(date(2025, 12, 18), 0, beginning_with=True)
    with pytest.raises(CalendarError, match="not -2"):
        get_calendar().add_many([date(2025, 12, 18)], [-2], beginning_with=True)


def test_beginning_with_a_bank_holiday_starts_on_the_next_working_day() -> None:
    assert get_calendar().add(date(2025, 12, 25), 1, beginning_with=True) == date(2025, 12, 29)


def test_count_runs_from_after_the_start_to_the_end_inclusive() -> None:
    calendar = get_calendar()
    assert calendar.count(date(2025, 12, 18), date(2026, 1, 13)) == 15
    assert calendar.count(date(2026, 1, 13), date(2025, 12, 18)) == -15
    assert calendar.count(date(2025, 12, 24), date(2025, 12, 28)) == 0


@pytest.mark.parametrize(
    "day",
    [date(1989, 12, 31), date(2101, 1, 1)],
    ids=["the day before 1990", "the day after 2100"],
)
def test_a_date_outside_the_table_is_refused_by_name(day: date) -> None:
    calendar = get_calendar()
    for call in (
        lambda: calendar.add(day, 1),
        lambda: calendar.count(day, date(2000, 1, 1)),
        lambda: calendar.count(date(2000, 1, 1), day),
        lambda: calendar.is_working_day(day),
        lambda: calendar.reason(day),
        lambda: calendar.add_many([date(2000, 1, 1), day], [1, 1]),
        lambda: calendar.count_many([date(2000, 1, 1)], [day]),
    ):
        with pytest.raises(DateOutOfRangeError, match=day.isoformat()):
            call()


def test_a_count_that_runs_off_the_end_of_the_table_is_refused() -> None:
    with pytest.raises(DateOutOfRangeError, match="2100-12-18"):
        get_calendar().add(date(2100, 12, 18), 15)
    with pytest.raises(DateOutOfRangeError, match="1990-01-02"):
        get_calendar().add_many([date(1990, 1, 2)], [-5])


def test_a_year_outside_the_table_has_no_holiday_list() -> None:
    with pytest.raises(DateOutOfRangeError, match="2101"):
        get_calendar().non_working_weekdays(2101)


def test_batches_of_different_lengths_are_refused() -> None:
    with pytest.raises(CalendarError):
        get_calendar().add_many([date(2025, 1, 1)], [1, 2])
    with pytest.raises(CalendarError):
        get_calendar().count_many([date(2025, 1, 1)], [])
    assert get_calendar().add_many([], []) == []
    assert get_calendar().count_many([], []) == []


def test_a_computation_past_the_official_list_is_provisional() -> None:
    calendar = get_calendar()
    assert calendar.confirmed_until == date(2028, 12, 31)
    assert not calendar.is_provisional(date(2028, 12, 1), date(2028, 12, 31))
    assert calendar.is_provisional(date(2028, 12, 20), date(2029, 1, 2))
    counted = calendar.explain(date(2028, 12, 20), 10)
    assert counted.provisional
    assert counted.describe().endswith(
        "(provisional: the official holiday list ends Sun 31 Dec 2028)"
    )


def test_explaining_a_count_back_lists_the_holidays_passed_over() -> None:
    counted = get_calendar().explain(date(2026, 1, 5), -5)
    assert counted == Counted(
        start=date(2026, 1, 5),
        n=-5,
        convention=Convention.FOLLOWING,
        result=date(2025, 12, 24),  # 2 Jan (-1), 31, 30, 29 Dec, 24 Dec (-5)
        skipped=(
            SkippedDay(date(2025, 12, 25), "Christmas Day"),
            SkippedDay(date(2025, 12, 26), "Boxing Day"),
            SkippedDay(date(2026, 1, 1), "New Year's Day"),
        ),
        provisional=False,
        calendar_name="england-and-wales",
        confirmed_until=date(2028, 12, 31),
    )
    assert counted.describe().startswith("5 working days before Mon 5 Jan 2026; skipped")


def test_explaining_beginning_with_a_holiday_lists_the_holiday_itself() -> None:
    counted = get_calendar().explain(date(2025, 12, 25), 2, beginning_with=True)
    assert counted.result == date(2025, 12, 30)
    assert [s.day for s in counted.skipped] == [date(2025, 12, 25), date(2025, 12, 26)]
    assert counted.describe() == (
        "2 working days beginning with Thu 25 Dec 2025; skipped Thu 25 Dec 2025 Christmas Day, "
        "Fri 26 Dec 2025 Boxing Day -> Tue 30 Dec 2025"
    )


def test_the_trace_numbers_each_working_day_and_gives_a_reason_for_the_others() -> None:
    assert get_calendar().trace(date(2025, 12, 24), 2) == [
        (date(2025, 12, 24), 0, None),
        (date(2025, 12, 25), None, "Christmas Day"),
        (date(2025, 12, 26), None, "Boxing Day"),
        (date(2025, 12, 27), None, "Saturday"),
        (date(2025, 12, 28), None, "Sunday"),
        (date(2025, 12, 29), 1, None),
        (date(2025, 12, 30), 2, None),
    ]


def test_the_trace_back_counts_negative_ordinals_and_ends_at_the_start() -> None:
    assert get_calendar().trace(date(2025, 12, 29), -2) == [
        (date(2025, 12, 23), -2, None),
        (date(2025, 12, 24), -1, None),
        (date(2025, 12, 25), None, "Christmas Day"),
        (date(2025, 12, 26), None, "Boxing Day"),
        (date(2025, 12, 27), None, "Saturday"),
        (date(2025, 12, 28), None, "Sunday"),
        (date(2025, 12, 29), 0, None),
    ]


def test_the_trace_beginning_with_a_working_day_counts_it_as_one() -> None:
    assert get_calendar().trace(date(2025, 12, 19), 2, beginning_with=True) == [
        (date(2025, 12, 19), 1, None),
        (date(2025, 12, 20), None, "Saturday"),
        (date(2025, 12, 21), None, "Sunday"),
        (date(2025, 12, 22), 2, None),
    ]


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 3, 13), -2, date(2026, 1, 13)),
        (date(2026, 1, 31), 0, date(2026, 1, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
    ],
    ids=[
        "one month before 31 Mar 2026 is 28 Feb 2026",
        "two months before 13 Mar 2026 is 13 Jan 2026",
        "zero months after a day is that day",
        "a year after a leap day is 28 Feb",
        "four years after a leap day is the next leap day",
    ],
)
def test_months_following_counts_calendar_months_either_way(
    anchor: date, months: int, expected: date
) -> None:
    assert months_following(anchor, months) == expected


def test_months_following_refuses_an_unknown_missing_policy() -> None:
    with pytest.raises(CalendarError, match="missing"):
        months_following(date(2026, 1, 31), 1, missing="next-day")  # type: ignore[arg-type]


def test_calendar_days_elapsed_refuses_a_negative_count_and_an_unknown_reading() -> None:
    with pytest.raises(CalendarError, match="-1"):
        calendar_days_elapsed(date(2026, 1, 1), -1)
    with pytest.raises(CalendarError, match="reading"):
        calendar_days_elapsed(date(2026, 1, 1), 1, reading="lenient")  # type: ignore[arg-type]


def test_calendar_days_elapsed_does_not_skip_christmas() -> None:
    assert calendar_days_elapsed(date(2025, 12, 24), 2) == date(2025, 12, 27)

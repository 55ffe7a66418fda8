"""Closures, school holidays longer than a week, and reading them from CSV and iCalendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from improvement_kit.calendar import (
    Closure,
    get_calendar,
    holiday_length,
    is_longer_than_a_week,
    load_school_holidays,
)
from improvement_kit.errors import CalendarError, InputError

CHRISTMAS = Closure(date(2025, 12, 22), date(2026, 1, 2), "Christmas holiday")
HALF_TERM_MON_FRI = Closure(date(2026, 2, 16), date(2026, 2, 20), "February half term")
HALF_TERM_SAT_SUN = Closure(date(2026, 2, 14), date(2026, 2, 22), "February half term")


def test_a_one_week_half_term_given_monday_to_friday_is_ignored() -> None:
    school = get_calendar().with_school_holidays([HALF_TERM_MON_FRI])
    assert school.is_working_day(date(2026, 2, 16))
    assert school.add(date(2026, 2, 13), 5) == get_calendar().add(date(2026, 2, 13), 5)


def test_a_one_week_half_term_given_saturday_to_sunday_is_still_only_five_days_and_ignored() -> (
    None
):
    assert holiday_length(HALF_TERM_SAT_SUN) == 5
    assert not is_longer_than_a_week(HALF_TERM_SAT_SUN)
    assert (
        get_calendar().with_school_holidays([HALF_TERM_SAT_SUN]).is_working_day(date(2026, 2, 18))
    )


def test_a_two_week_christmas_holiday_is_twelve_days_long_and_excluded() -> None:
    assert holiday_length(CHRISTMAS) == 12
    school = get_calendar().with_school_holidays([CHRISTMAS])
    assert not school.is_working_day(date(2025, 12, 22))
    assert not school.is_working_day(date(2026, 1, 2))
    assert school.is_working_day(date(2026, 1, 5))
    assert school.reason(date(2025, 12, 23)) == "school holiday: Christmas holiday"
    assert school.reason(date(2025, 12, 25)) == "Christmas Day"


def test_a_holiday_of_eight_weekday_span_days_is_longer_than_a_week() -> None:
    # Mon 16 Feb - Mon 23 Feb 2026: 8 days from the first weekday to the last.
    assert is_longer_than_a_week(Closure(date(2026, 2, 16), date(2026, 2, 23), "long half term"))


def test_a_weekend_only_holiday_has_no_length() -> None:
    assert holiday_length(Closure(date(2026, 2, 14), date(2026, 2, 15), "weekend")) == 0


def test_an_office_closure_makes_every_day_of_it_non_working_however_short() -> None:
    closure = Closure(date(2025, 12, 24), date(2025, 12, 31), "LA office closure")
    calendar = get_calendar().with_closures([closure])
    assert calendar.reason(date(2025, 12, 24)) == "closure: LA office closure"
    assert calendar.reason(date(2025, 12, 25)) == "Christmas Day"
    # 19, 22, 23 Dec then 2, 5 Jan.
    assert calendar.add(date(2025, 12, 18), 5) == date(2026, 1, 5)
    assert calendar.name == "england-and-wales + closures"
    both = calendar.with_school_holidays([CHRISTMAS])
    assert both.name == "england-and-wales + closures + school holidays"


def test_for_region_takes_closures_too() -> None:
    from improvement_kit.calendar import WorkingDayCalendar

    closure = Closure(date(2025, 12, 29), date(2025, 12, 29), "one-day closure")
    calendar = WorkingDayCalendar.for_region("england-and-wales", closures=[closure])
    assert not calendar.is_working_day(date(2025, 12, 29))


def test_a_closure_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(CalendarError, match="ends"):
        Closure(date(2026, 1, 2), date(2025, 12, 22), "backwards")


def test_a_csv_of_school_holidays_loads(tmp_path: Path) -> None:
    path = tmp_path / "holidays.csv"
    path.write_text(
        "start,end,name\n"
        "2025-12-22,2026-01-02,Christmas holiday\n"
        "\n"
        "2026-02-16,2026-02-20,February half term\n",
        encoding="utf-8",
    )
    assert load_school_holidays(path) == [CHRISTMAS, HALF_TERM_MON_FRI]


def test_an_icalendar_file_of_school_holidays_loads_with_exclusive_end_dates(
    tmp_path: Path,
) -> None:
    path = tmp_path / "holidays.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20250101T000000Z\r\n"
        "DTSTART;VALUE=DATE:20251222\r\nDTEND;VALUE=DATE:20260103\r\n"
        "SUMMARY:Christmas holiday\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20250101T000000Z\r\n"
        "DTSTART;VALUE=DATE:20260216\r\nDTEND;VALUE=DATE:20260221\r\n"
        "SUMMARY:February half term\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:3\r\nDTSTAMP:20250101T000000Z\r\n"
        "DTSTART;VALUE=DATE:20260302\r\nSUMMARY:INSET day\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    assert load_school_holidays(path) == [
        CHRISTMAS,
        HALF_TERM_MON_FRI,
        Closure(date(2026, 3, 2), date(2026, 3, 2), "INSET day"),
    ]


def test_an_icalendar_event_with_a_time_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
        "BEGIN:VEVENT\nUID:1\nDTSTAMP:20250101T000000Z\n"
        "DTSTART:20251222T090000Z\nDTEND:20251222T170000Z\nSUMMARY:Training\nEND:VEVENT\n"
        "END:VCALENDAR\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad\.ics, line 4 \(event 1\), DTSTART") as caught:
        load_school_holidays(path)
    assert "all-day" in str(caught.value)


@pytest.mark.parametrize(
    ("row", "where", "value"),
    [
        pytest.param(
            "2025-12-22,02/01/2026,Christmas", "row 3, end", "02/01/2026", id="non-ISO end"
        ),
        pytest.param(
            "2025-02-30,2025-03-02,Half term", "row 3, start", "2025-02-30", id="no such day"
        ),
        pytest.param("2026-01-02,2025-12-22,Backwards", "row 3, end", "2025-12-22", id="end first"),
        pytest.param("2026-01-02,2026-01-03", "row 3", "2026-01-02,2026-01-03", id="two fields"),
        pytest.param("2026-01-02,2026-01-03, ", "row 3, name", " ", id="no name"),
    ],
)
def test_a_bad_csv_row_gives_an_input_error_naming_the_file_row_and_value(
    tmp_path: Path, row: str, where: str, value: str
) -> None:
    path = tmp_path / "holidays.csv"
    path.write_text(f"start,end,name\n2025-10-27,2025-10-31,Half term\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_school_holidays(path)
    message = str(caught.value)
    assert "holidays.csv" in message
    assert where in message
    assert repr(value) in message
    assert "\n" not in message


def test_a_csv_without_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "holidays.csv"
    path.write_text("2025-12-22,2026-01-02,Christmas\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 1"):
        load_school_holidays(path)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        load_school_holidays(tmp_path / "missing.csv")

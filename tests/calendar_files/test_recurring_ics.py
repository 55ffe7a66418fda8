"""Recurring closures and term dates in iCalendar files: expanded day by day, or refused.

Every expected date below was counted by hand from a printed calendar (1 Jan 2026 is a
Thursday, so 1 Feb and 1 Mar 2026 are Sundays), never by running the code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from improvement_kit.calendar import Closure, get_calendar, load_school_holidays
from improvement_kit.errors import InputError
from tests.calendar_files.refusals import refused

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fictional LA//Closures//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def event(uid: str, summary: str, *lines: str) -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20250901T000000Z\r\nSUMMARY:{summary}\r\n"
        f"{body}END:VEVENT\r\n"
    )


def ics(tmp_path: Path, *events: str, name: str = "closures.ics") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + "".join(events) + TAIL, encoding="utf-8", newline="")
    return path


WEDNESDAY_TRAINING = event(
    "training@fictional-la.example",
    "Staff training",
    "DTSTART;VALUE=DATE:20260204",
    "DTEND;VALUE=DATE:20260205",
    "RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=WE",
    # Wednesday of the February half term (16-20 Feb 2026): no training that week.
    "EXDATE;VALUE=DATE:20260218",
)


def test_a_weekly_closure_with_count_and_an_exdate_in_half_term_gives_four_wednesdays(
    tmp_path: Path,
) -> None:
    # COUNT=5 from Wed 4 Feb: 4, 11, 18, 25 Feb and 4 Mar; the EXDATE removes 18 Feb.
    assert load_school_holidays(ics(tmp_path, WEDNESDAY_TRAINING)) == [
        Closure(date(2026, 2, 4), date(2026, 2, 4), "Staff training"),
        Closure(date(2026, 2, 11), date(2026, 2, 11), "Staff training"),
        Closure(date(2026, 2, 25), date(2026, 2, 25), "Staff training"),
        Closure(date(2026, 3, 4), date(2026, 3, 4), "Staff training"),
    ]


def test_every_wednesday_of_the_weekly_closure_is_skipped_when_counting(tmp_path: Path) -> None:
    calendar = get_calendar().with_closures(load_school_holidays(ics(tmp_path, WEDNESDAY_TRAINING)))
    # From Mon 2 Feb 2026: Tue 3 (1), [Wed 4 closed], Thu 5 (2), Fri 6 (3), Mon 9 (4),
    # Tue 10 (5), [Wed 11 closed], Thu 12 (6), Fri 13 (7), Mon 16 (8), Tue 17 (9),
    # Wed 18 (10): the EXDATE leaves 18 Feb a working day.
    assert calendar.add(date(2026, 2, 2), 10) == date(2026, 2, 18)
    assert not calendar.is_working_day(date(2026, 3, 4))
    assert calendar.reason(date(2026, 2, 25)) == "closure: Staff training"
    assert calendar.is_working_day(date(2026, 3, 11))  # a sixth Wednesday is beyond COUNT


def test_a_daily_rule_with_until_is_one_christmas_holiday_longer_than_a_week(
    tmp_path: Path,
) -> None:
    path = ics(
        tmp_path,
        event(
            "xmas@school.example",
            "Christmas holiday",
            "DTSTART;VALUE=DATE:20251222",
            "RRULE:FREQ=DAILY;UNTIL=20260102",
        ),
        name="terms.ics",
    )
    holidays = load_school_holidays(path)
    assert holidays == [Closure(date(2025, 12, 22), date(2026, 1, 2), "Christmas holiday")]
    school = get_calendar().with_school_holidays(holidays)
    # From Thu 18 Dec 2025: Fri 19 (1); 22 Dec - 2 Jan holiday; Mon 5 (2), Tue 6 (3),
    # Wed 7 (4), Thu 8 Jan (5).
    assert school.add(date(2025, 12, 18), 5) == date(2026, 1, 8)


def test_a_weekday_only_daily_rule_over_easter_is_one_fortnight_not_ten_short_holidays(
    tmp_path: Path,
) -> None:
    path = ics(
        tmp_path,
        event(
            "easter@school.example",
            "Easter holiday",
            "DTSTART;VALUE=DATE:20260330",
            "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10",
        ),
    )
    # Mon 30 Mar - Fri 3 Apr and Mon 6 - Fri 10 Apr 2026, joined across the weekend.
    assert load_school_holidays(path) == [
        Closure(date(2026, 3, 30), date(2026, 4, 10), "Easter holiday")
    ]


def test_a_fortnightly_rule_with_two_days_and_rdate_and_until(tmp_path: Path) -> None:
    path = ics(
        tmp_path,
        event(
            "fortnight@fictional-la.example",
            "Office closed",
            "DTSTART;VALUE=DATE:20260105",
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU;UNTIL=20260203",
            "RDATE;VALUE=DATE:20260227",
        ),
    )
    # Every other week from Mon 5 Jan: Mon 5 + Tue 6, Mon 19 + Tue 20 Jan, Mon 2 + Tue 3 Feb
    # (UNTIL is inclusive); plus the single RDATE Fri 27 Feb.
    assert load_school_holidays(path) == [
        Closure(date(2026, 1, 5), date(2026, 1, 6), "Office closed"),
        Closure(date(2026, 1, 19), date(2026, 1, 20), "Office closed"),
        Closure(date(2026, 2, 2), date(2026, 2, 3), "Office closed"),
        Closure(date(2026, 2, 27), date(2026, 2, 27), "Office closed"),
    ]


def test_a_two_day_event_repeated_weekly_keeps_its_length(tmp_path: Path) -> None:
    path = ics(
        tmp_path,
        event(
            "thu-fri@school.example",
            "Exam closure",
            "DTSTART;VALUE=DATE:20260514",
            "DTEND;VALUE=DATE:20260516",
            "RRULE:FREQ=WEEKLY;COUNT=2",
        ),
    )
    # Thu 14 - Fri 15 May and Thu 21 - Fri 22 May 2026.
    assert load_school_holidays(path) == [
        Closure(date(2026, 5, 14), date(2026, 5, 15), "Exam closure"),
        Closure(date(2026, 5, 21), date(2026, 5, 22), "Exam closure"),
    ]


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        pytest.param("FREQ=MONTHLY;COUNT=3", "FREQ must be DAILY or WEEKLY", id="monthly"),
        pytest.param("FREQ=YEARLY;COUNT=3", "FREQ must be DAILY or WEEKLY", id="yearly"),
        pytest.param(
            "FREQ=WEEKLY;COUNT=4;BYDAY=MO,TU;BYSETPOS=1", "not supported: BYSETPOS", id="bysetpos"
        ),
        pytest.param("FREQ=WEEKLY;COUNT=3;BYMONTH=2", "not supported: BYMONTH", id="bymonth"),
        pytest.param("FREQ=WEEKLY;COUNT=3;BYDAY=1MO", "only plain days", id="ordinal byday"),
        pytest.param("FREQ=WEEKLY", "exactly one of COUNT or UNTIL", id="endless"),
        pytest.param(
            "FREQ=DAILY;COUNT=3;UNTIL=20260110", "exactly one of COUNT or UNTIL", id="both ends"
        ),
        pytest.param("FREQ=DAILY;COUNT=0", "bad COUNT", id="count zero"),
        pytest.param("FREQ=DAILY;COUNT=1000000000", "COUNT over the 20,000 days", id="count 10**9"),
        pytest.param("FREQ=DAILY;UNTIL=99991231", "more than the 20,000 days", id="until 9999"),
        pytest.param("FREQ=WEEKLY;COUNT=2;INTERVAL=5000", "INTERVAL over 1000", id="interval"),
        pytest.param("FREQ=WEEKLY;COUNT=2;BYDAY=TU", "does not give DTSTART", id="unsynchronised"),
        pytest.param("FREQ=DAILY;UNTIL=20260101", "does not give DTSTART", id="until before start"),
    ],
)
def test_an_unsupported_or_unbounded_rule_is_refused_naming_file_event_and_rule(
    tmp_path: Path, rule: str, problem: str
) -> None:
    path = ics(
        tmp_path,
        event("staff-day@fictional-la.example", "Staff day", "DTSTART;VALUE=DATE:20260105"),
        event(
            "rule@fictional-la.example",
            "Monthly closure",
            "DTSTART;VALUE=DATE:20260105",
            f"RRULE:{rule}",
        ),
    )
    message = refused(path)
    assert "closures.ics, line 10 (event 2), RRULE: 'FREQ=" in message
    quoted = message.split("RRULE: '", 1)[1].split("'", 1)[0]
    assert sorted(quoted.split(";")) == sorted(rule.split(";"))  # as written, in any order
    assert problem in message
    assert "'Monthly closure', UID 'rule@fictional-la.example'" in message


def test_a_count_of_a_billion_is_refused_before_any_expansion(tmp_path: Path) -> None:
    import time

    path = ics(
        tmp_path,
        event(
            "big@example",
            "Forever",
            "DTSTART;VALUE=DATE:20260105",
            "RRULE:FREQ=DAILY;COUNT=1000000000",
        ),
    )
    # refused from the COUNT, before any of the 10**9 days is expanded (which would take
    # hours); the bound leaves room for a loaded CI machine
    began = time.perf_counter()
    refused(path)
    assert time.perf_counter() - began < 10


def test_the_day_cap_can_be_raised_by_the_caller(tmp_path: Path) -> None:
    path = ics(
        tmp_path,
        event("week@example", "Week", "DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=DAILY;COUNT=5"),
    )
    with pytest.raises(InputError, match="COUNT over the 4 days a file may give"):
        load_school_holidays(path, max_days=4)
    assert load_school_holidays(path, max_days=5) == [
        Closure(date(2026, 1, 5), date(2026, 1, 9), "Week")
    ]


def test_events_that_together_exceed_the_cap_are_refused(tmp_path: Path) -> None:
    events = [
        event(
            f"e{i}@example",
            f"Block {i}",
            f"DTSTART;VALUE=DATE:{2000 + i}0101",
            f"DTEND;VALUE=DATE:{2000 + i}0701",
        )
        for i in range(120)  # 120 half-years of 181 or 182 days: about 21,800 days
    ]
    message = refused(ics(tmp_path, *events))
    assert "days in all is more than the 20,000 days a file may give" in message

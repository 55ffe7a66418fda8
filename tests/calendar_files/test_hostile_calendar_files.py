"""Broken closure and term-date files: one line naming the file and the row, line or event."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calendar_files.refusals import refused

HEAD = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Fictional school//EN\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("hello world\n", "is not a valid iCalendar file", id="not iCalendar"),
        pytest.param("", "is not a valid iCalendar file", id="empty"),
        pytest.param(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nEND:VEVENT\n",
            "does not begin with VCALENDAR",
            id="a bare VEVENT",
        ),
        pytest.param(HEAD + "BEGIN:VEVENT\nUID:1\n", "is not a valid iCalendar file", id="cut off"),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:inset-1\nSUMMARY:INSET day\nEND:VEVENT\nEND:VCALENDAR\n",
            "line 4 (event 1): 'INSET day' has no DTSTART [UID 'inset-1']",
            id="no DTSTART",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:2\nSUMMARY:Half term\nDTSTART;VALUE=DATE:20260230\n"
            "END:VEVENT\nEND:VCALENDAR\n",
            "line 4 (event 1), DTSTART: '20260230' cannot be read",
            id="30 February",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:3\nSUMMARY:Half term\nDTSTART;VALUE=DATE:2026-02-16\n"
            "END:VEVENT\nEND:VCALENDAR\n",
            "DTSTART: '2026-02-16' cannot be read",
            id="dashed date",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:4\nSUMMARY:Training\nDTSTART:20260105T090000Z\n"
            "DTEND:20260105T170000Z\nEND:VEVENT\nEND:VCALENDAR\n",
            "DTSTART: '2026-01-05 09:00:00+00:00' is not an all-day date (VALUE=DATE)",
            id="timed event",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:5\nSUMMARY:Training\nDTSTART;VALUE=DATE:20260105\n"
            "DURATION:PT3H\nEND:VEVENT\nEND:VCALENDAR\n",
            "DURATION: 'PT3H' is not a whole number of days",
            id="duration in hours",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:6\nSUMMARY:Training\nDTSTART;VALUE=DATE:20260105\n"
            "DTEND;VALUE=DATE:20260105\nEND:VEVENT\nEND:VCALENDAR\n",
            "DTEND: '2026-01-05' is not after DTSTART",
            id="empty event",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:7\nSUMMARY:Training\nDTSTART;VALUE=DATE:20260105\n"
            "this line is not a property\nEND:VEVENT\nEND:VCALENDAR\n",
            "cannot be read (Content line could not be parsed",
            id="stray line",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:8\nSUMMARY:Training\nDTSTART;VALUE=DATE:20260105\n"
            "RRULE:FREQ=DAILY;COUNT=3\nEXDATE:20260106T000000Z\nEND:VEVENT\nEND:VCALENDAR\n",
            "EXDATE: '2026-01-06 00:00:00+00:00' is not a date",
            id="timed EXDATE",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:9\nSUMMARY:Training\nDTSTART;VALUE=DATE:20260106\n"
            "RECURRENCE-ID;VALUE=DATE:20260105\nEND:VEVENT\nEND:VCALENDAR\n",
            "RECURRENCE-ID: '20260105' (a changed occurrence) is not supported",
            id="changed occurrence",
        ),
        pytest.param(
            HEAD + "BEGIN:VEVENT\nUID:10\nSUMMARY:Forever\nDTSTART;VALUE=DATE:00010101\n"
            "DTEND;VALUE=DATE:99991231\nEND:VEVENT\nEND:VCALENDAR\n",
            "makes the event longer than 20,000 days",
            id="ten thousand years",
        ),
    ],
)
def test_a_broken_icalendar_file_is_refused_in_one_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "terms.ics"
    path.write_text(text, encoding="utf-8")
    assert expected in refused(path)


def test_a_windows_1252_icalendar_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "terms.ics"
    path.write_bytes(
        (
            HEAD + "BEGIN:VEVENT\nUID:1\nDTSTART;VALUE=DATE:20260216\n"
            "SUMMARY:Half term – caf\xe9 closed\nEND:VEVENT\nEND:VCALENDAR\n"
        ).encode("cp1252")
    )
    assert "terms.ics, line 7: b'\\x96' is not UTF-8 text; save the file as UTF-8" in refused(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "start,end,name\n2026-02-16,2026-02-20,Half term\n2026-02-30,2026-03-01,Leap\n",
            "holidays.csv, row 3, start: '2026-02-30' is not a real date",
            id="30 February",
        ),
        pytest.param(
            "start,end,name\n2026-03-01,2026-02-01,Backwards\n",
            "holidays.csv, row 2, end: '2026-02-01' is before the start 2026-03-01",
            id="reversed",
        ),
        pytest.param(
            "start,end\n2026-02-16,2026-02-20\n",
            "holidays.csv, row 1: 'start,end' is not the header 'start,end,name'",
            id="missing column",
        ),
        pytest.param(
            "start,end,name\n2026-02-16,2026-02-20\n",
            "holidays.csv, row 2: '2026-02-16,2026-02-20' does not have 3 fields",
            id="short row",
        ),
        pytest.param(
            "start,end,name\n16/02/2026,2026-02-20,Half term\n",
            "row 2, start: '16/02/2026' is not an ISO date",
            id="British date",
        ),
        pytest.param(
            "start,end,name\n2026-02-16,2026-02-20,Half\x00term\n",
            "row 2, name: 'Half\\x00term' contains a control character",
            id="NUL in name",
        ),
        pytest.param(
            "start,end,name\n1990-01-01,2100-12-31,Forever\n",
            "holidays.csv, row 2: 40542 days in all is more than the 20,000 days",
            id="over the day cap",
        ),
        pytest.param(
            "start,end,name\n" + "x" * 200_000 + ",2026-01-01,a\n",
            "holidays.csv, row 2",
            id="huge field",
        ),
    ],
)
def test_a_broken_csv_is_refused_naming_the_row(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "holidays.csv"
    path.write_text(text, encoding="utf-8")
    assert expected in refused(path)


def test_a_windows_1252_csv_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "holidays.csv"
    path.write_bytes(
        "start,end,name\n2026-02-16,2026-02-20,Half term\n2026-04-01,2026-04-02,Café closed\n".encode(
            "cp1252"
        )
    )
    assert "holidays.csv, row 3: b'\\xe9' is not UTF-8 text" in refused(path)


def test_a_file_over_one_mebibyte_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "holidays.csv"
    path.write_bytes(b"start,end,name\n" + b"\n" * (1024 * 1024))
    assert "is larger than 1024 KiB" in refused(path)


def test_components_nested_deeper_than_ten_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.ics"
    path.write_text(
        "BEGIN:VCALENDAR\n" + "BEGIN:X-A\n" * 30_000 + "END:X-A\n" * 30_000 + "END:VCALENDAR\n",
        encoding="utf-8",
    )
    assert "deep.ics, line 11: 'BEGIN:X-A' nests more than 10 deep" in refused(path)


def test_more_events_than_the_day_cap_are_refused_before_parsing(tmp_path: Path) -> None:
    one = "BEGIN:VEVENT\nEND:VEVENT\n"
    path = tmp_path / "many.ics"
    path.write_text("BEGIN:VCALENDAR\n" + one * 20_001 + "END:VCALENDAR\n", encoding="utf-8")
    # The 20,001st BEGIN:VEVENT is on line 1 + 2 * 20,000 + 1.
    assert "many.ics, line 40002: 20001 events are more than the 20,000 days" in refused(path)


def test_a_folder_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert "cannot be read" in refused(tmp_path)
    assert "cannot be read (No such file or directory)" in refused(tmp_path / "none.csv")

"""``improvement-kit calendar``: output, exit codes and one-line errors naming the argument."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from improvement_kit.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line; return (status, stdout, stderr), argparse exits included."""
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_add_prints_the_iso_date_of_the_fifteenth_working_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "calendar", "add", "2025-12-18", "15") == (0, "2026-01-13\n", "")


def test_add_beginning_with_counts_the_start_as_day_one(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "add", "2025-12-18", "15", "--beginning-with")
    assert (status, out) == (0, "2026-01-12\n")


def test_add_accepts_a_negative_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "calendar", "add", "2025-01-10", "-3")[:2] == (0, "2025-01-07\n")
    assert run(capsys, "calendar", "add", "2025-01-10", "--", "-3")[:2] == (0, "2025-01-07\n")


def test_add_on_the_scottish_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "add", "2025-12-18", "15", "--region", "scotland")
    assert (status, out) == (0, "2026-01-14\n")


def test_add_as_json_explains_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "add", "2014-12-18", "15", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["date"] == "2015-01-13"
    assert data["provisional"] is False
    assert data["skipped"] == [
        {"date": "2014-12-25", "reason": "Christmas Day"},
        {"date": "2014-12-26", "reason": "Boxing Day"},
        {"date": "2015-01-01", "reason": "New Year's Day"},
    ]
    assert (data["start"], data["n"], data["convention"], data["region"]) == (
        "2014-12-18",
        15,
        "following",
        "england-and-wales",
    )


def test_add_as_json_marks_a_date_past_the_official_list_provisional(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "calendar", "add", "2030-12-18", "15", "--json")
    assert json.loads(out)["provisional"] is True


def test_add_with_school_holidays_from_a_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "school.csv"
    path.write_text("start,end,name\n2025-12-22,2026-01-02,Christmas holiday\n", encoding="utf-8")
    argv = ("calendar", "add", "2025-12-12", "10", "--school-holidays", str(path))
    assert run(capsys, *argv)[:2] == (0, "2026-01-09\n")


def test_add_with_closures_from_an_ics_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "closures.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1\n"
        "DTSTAMP:20250101T000000Z\nDTSTART;VALUE=DATE:20251229\nDTEND;VALUE=DATE:20251230\n"
        "SUMMARY:Office closed\nEND:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    # 19, 22, 23, 24 Dec, then 29 Dec closed, 30 Dec is the fifth.
    argv = ("calendar", "add", "2025-12-18", "5", "--closures", str(path))
    assert run(capsys, *argv)[:2] == (0, "2025-12-30\n")


def test_count_prints_the_number_of_working_days(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "calendar", "count", "2025-12-18", "2026-01-13") == (0, "15\n", "")


def test_count_backwards_is_negative(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "calendar", "count", "2026-01-13", "2025-12-18")[:2] == (0, "-15\n")


def test_holidays_lists_the_non_working_weekdays_of_a_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "calendar", "holidays", "2025")
    assert status == 0
    assert out.splitlines() == [
        "2025-01-01 New Year's Day",
        "2025-04-18 Good Friday",
        "2025-04-21 Easter Monday",
        "2025-05-05 May Day",
        "2025-05-26 Spring Bank Holiday",
        "2025-08-25 Late Summer Bank Holiday",
        "2025-12-25 Christmas Day",
        "2025-12-26 Boxing Day",
    ]


def test_holidays_as_json_for_scotland_include_the_world_cup_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "calendar", "holidays", "2026", "--region", "scotland", "--json")
    data = json.loads(out)
    assert data["region"] == "scotland"
    assert "2026-06-15" in [h["date"] for h in data["holidays"]]


def test_explain_prints_the_count_day_by_day(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "explain", "2025-12-24", "2")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "calendar: england-and-wales"
    assert lines[1].startswith("Wed 24 Dec 2025") and "start (day 0, not counted)" in lines[1]
    assert lines[2].startswith("Thu 25 Dec 2025") and lines[2].endswith("Christmas Day")
    assert lines[6].startswith("Mon 29 Dec 2025") and lines[6].endswith(" 1")
    assert lines[7].startswith("Tue 30 Dec 2025") and lines[7].endswith(" 2")
    assert lines[-1] == "result: 2025-12-30"


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        pytest.param(("add", "18/12/2025", "15"), "argument START", id="a non-ISO start date"),
        pytest.param(
            ("add", "2025-02-30", "15"), "argument START", id="a start date with no such day"
        ),
        pytest.param(
            ("add", "2025-12-18", "fifteen"), "argument N", id="a count that is not a number"
        ),
        pytest.param(("add", "2025-12-18", "1.5"), "argument N", id="a count that is not whole"),
        pytest.param(
            ("add", "2025-12-18", "15", "--region", "wessex"),
            "argument --region",
            id="an unknown region",
        ),
        pytest.param(("count", "2025-12-18", "tomorrow"), "argument END", id="a non-ISO end date"),
        pytest.param(("holidays", "MMXXV"), "argument YEAR", id="a year that is not a number"),
        pytest.param(
            ("explain", "2025-12-18", "x"), "argument N", id="an explain count that is not a number"
        ),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_argument(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], names: str
) -> None:
    status, out, err = run(capsys, "calendar", *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert names in err


def test_an_unknown_region_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "calendar", "count", "2025-01-01", "2025-02-01", "--region", "wessex")
    assert "'wessex'" in err
    assert "england-and-wales, scotland, northern-ireland" in err


@pytest.mark.parametrize(
    ("argv", "text"),
    [
        pytest.param(("add", "2100-12-18", "15"), "2100-12-18", id="a count past 2100"),
        pytest.param(("add", "1980-01-01", "1"), "1980-01-01", id="a start before 1990"),
        pytest.param(
            ("add", "2025-12-18", "0", "--beginning-with"), "not 0", id="zero days beginning with"
        ),
        pytest.param(("holidays", "2200"), "2200", id="a year past 2100"),
    ],
)
def test_a_question_the_calendar_cannot_answer_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], text: str
) -> None:
    status, out, err = run(capsys, "calendar", *argv)
    assert (status, out) == (2, "")
    assert err.startswith("improvement-kit: error: ")
    assert len(err.strip().splitlines()) == 1
    assert text in err


def test_a_bad_school_holidays_file_names_the_option_the_file_and_the_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "school.csv"
    path.write_text("start,end,name\n2025-12-22,2/1/2026,Christmas\n", encoding="utf-8")
    argv = ("calendar", "add", "2025-12-12", "10", "--school-holidays", str(path))
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "--school-holidays" in err and "school.csv, row 2, end" in err and "'2/1/2026'" in err


def test_the_installed_command_shows_no_traceback_for_bad_input() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    for argv in (["2025-13-45", "15"], ["2100-12-18", "15"]):
        done = subprocess.run(
            [sys.executable, "-m", "improvement_kit", "calendar", "add", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    done = subprocess.run(
        [sys.executable, "-m", "improvement_kit", "calendar", "add", "2025-12-18", "15"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "2026-01-13\n")

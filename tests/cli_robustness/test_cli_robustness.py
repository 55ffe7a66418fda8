"""The command line under hostile input: strict counts, one short line, no traceback, ever.

In-process through ``main([...])`` where possible; closed pipes and Ctrl-C through a real
``python -m improvement_kit`` process, because they are about the process and its streams.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from improvement_kit.cli import EXIT_INTERNAL, EXIT_USAGE, MAX_LINE, main

PYTHON = [sys.executable, "-m", "improvement_kit"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_short_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert len(lines[0]) <= MAX_LINE, lines[0]
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    "count",
    [
        pytest.param("1_5", id="underscore"),
        pytest.param("+15", id="plus sign"),
        pytest.param("١٥", id="Arabic-Indic digits"),
        pytest.param("１５", id="full-width digits"),
        pytest.param(" 15", id="leading space"),
        pytest.param("15 ", id="trailing space"),
        pytest.param("15.0", id="decimal"),
        pytest.param("0x0F", id="hexadecimal"),
        pytest.param("1e3", id="exponent"),
        pytest.param("--5", id="two minus signs"),
        pytest.param("", id="empty"),
        pytest.param("fifteen", id="word"),
        pytest.param("1234567890", id="ten digits"),
        pytest.param("9" * 5000, id="five thousand digits"),
    ],
)
@pytest.mark.parametrize(
    ("command", "argument"),
    [
        pytest.param(("calendar", "add", "2026-01-05"), "N", id="add"),
        pytest.param(("calendar", "explain", "2026-01-05"), "N", id="explain"),
        pytest.param(("calendar", "holidays"), "YEAR", id="holidays"),
    ],
)
def test_a_count_that_is_not_plain_ascii_digits_is_refused_naming_the_argument(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...], argument: str, count: str
) -> None:
    status, out, err = run(capsys, *command, count)
    assert (status, out) == (EXIT_USAGE, "")
    line = assert_one_short_line(err)
    # "--5" looks like an option to argparse, which then says the count is missing.
    assert f"error: argument {argument}: " in line or line.endswith(f"required: {argument}")


def test_plain_counts_still_work_negative_and_with_leading_zeros(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Back from Fri 10 Jan 2025: Thu 9 (-1), Wed 8 (-2), Tue 7 (-3).
    assert run(capsys, "calendar", "add", "2025-01-10", "-3")[:2] == (0, "2025-01-07\n")
    # 15 working days after Thu 18 Dec 2025 (Christmas, Boxing Day, New Year's Day skipped).
    assert run(capsys, "calendar", "add", "2025-12-18", "015")[:2] == (0, "2026-01-13\n")


def test_a_long_error_is_cut_to_one_line_of_at_most_300_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / ("very-long-folder-name-" * 40) / "closures.csv"
    status, out, err = run(capsys, "calendar", "add", "2026-01-05", "3", "--closures", str(missing))
    assert (status, out) == (EXIT_USAGE, "")
    line = assert_one_short_line(err)
    assert line.startswith("improvement-kit: error: argument --closures: ")
    assert line.endswith("…") and len(line) == MAX_LINE


def test_a_recurring_closure_file_counts_through_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "training.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Fictional LA//EN\nBEGIN:VEVENT\n"
        "UID:t@example\nSUMMARY:Staff training\nDTSTART;VALUE=DATE:20260204\n"
        "RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=WE\nEXDATE;VALUE=DATE:20260218\nEND:VEVENT\n"
        "END:VCALENDAR\n",
        encoding="utf-8",
    )
    # From Mon 2 Feb 2026, Wednesdays 4 and 11 Feb closed, 18 Feb excluded by EXDATE:
    # 3, 5, 6, 9, 10, 12, 13, 16, 17, 18 Feb.
    status, out, _ = run(capsys, "calendar", "add", "2026-02-02", "10", "--closures", str(path))
    assert (status, out) == (0, "2026-02-18\n")


def test_a_monthly_closure_is_refused_in_one_line_naming_option_file_and_event(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "monthly.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Fictional LA//EN\nBEGIN:VEVENT\n"
        "UID:m@example\nSUMMARY:First Monday\nDTSTART;VALUE=DATE:20260105\n"
        "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1MO\nEND:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    status, out, err = run(
        capsys, "calendar", "count", "2026-01-01", "2026-12-31", "--closures", str(path)
    )
    assert (status, out) == (EXIT_USAGE, "")
    line = assert_one_short_line(err)
    assert line.startswith(f"improvement-kit: error: argument --closures: {path}, line 4 (event 1)")
    assert "RRULE" in line and "FREQ must be DAILY or WEEKLY" in line and "m@example" in line


def test_an_internal_error_is_one_line_asking_for_a_report_and_exit_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import improvement_kit.calendar

    def broken(region: str) -> None:
        raise RuntimeError("table corrupt " + "x" * 1000)

    monkeypatch.setattr(improvement_kit.calendar, "get_calendar", broken)
    monkeypatch.delenv("IMPROVEMENT_KIT_DEBUG", raising=False)
    status, out, err = run(capsys, "calendar", "add", "2026-01-05", "3")
    assert (status, out) == (EXIT_INTERNAL, "")
    line = assert_one_short_line(err)
    assert line.startswith("improvement-kit: internal error: RuntimeError: table corrupt xxx")
    assert "this is a bug, please report it" in line

    monkeypatch.setenv("IMPROVEMENT_KIT_DEBUG", "1")
    with pytest.raises(RuntimeError, match="table corrupt"):
        main(["calendar", "add", "2026-01-05", "3"])


def test_output_to_a_pipe_closed_before_anything_is_written_exits_1_silently() -> None:
    process = subprocess.Popen(
        [*PYTHON, "calendar", "holidays", "2026"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before the first line
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert err == b""


@pytest.mark.skipif(shutil.which("head") is None or shutil.which("bash") is None, reason="POSIX")
def test_piping_a_long_explanation_to_head_prints_one_line_and_no_traceback() -> None:
    # About 180 kB of output, more than a pipe holds, so the writer meets the closed pipe.
    command = " ".join([*PYTHON, "calendar", "explain", "2000-01-04", "5000"])
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} | head -1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == "calendar: england-and-wales\n"
    assert result.stderr == ""
    assert result.returncode == 1


def ctrl_c_while_waiting_for_a_pipe(
    tmp_path: Path, preexec_fn: Callable[[], None] | None = None
) -> tuple[int | None, bytes, bytes]:
    """Start ``calendar count`` reading closures from a named pipe, give it part of the file
    (the rest never comes), press Ctrl-C; return the exit status, stdout and stderr."""
    fifo = tmp_path / "closures.csv"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [*PYTHON, "calendar", "count", "2026-01-01", "2026-12-31", "--closures", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=preexec_fn,
    )
    deadline = time.monotonic() + 30
    writer = -1
    while writer < 0:  # opening the write end succeeds once the command has opened the file
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO or process.poll() is not None:
                raise
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("the command never opened the closures file")
            time.sleep(0.02)
    try:
        os.write(writer, b"start,end,name\n")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        os.close(writer)
    return process.returncode, out, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
def test_ctrl_c_while_waiting_for_a_closures_pipe_exits_130_with_one_line(tmp_path: Path) -> None:
    # As in `--closures <(slow-download)`: the command waits for the file while the user
    # presses Ctrl-C.
    status, out, err = ctrl_c_while_waiting_for_a_pipe(tmp_path)
    assert status == 130
    assert out == b""
    assert err == b"improvement-kit: interrupted\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
def test_ctrl_c_reaches_a_command_started_with_sigint_blocked(tmp_path: Path) -> None:
    # A parent that blocked SIGINT while it forked (multiprocessing's helpers do, briefly)
    # passes the blocked mask on; the command unblocks it, so Ctrl-C still works.
    def block_sigint() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    status, _, err = ctrl_c_while_waiting_for_a_pipe(tmp_path, block_sigint)
    assert status == 130
    assert err == b"improvement-kit: interrupted\n"

"""The calendar feed, checked with a strict reading of RFC 5545: required properties, line
folding, unique and stable UIDs, cancelled items kept, reminders counted in working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from improvement_kit.cli import main
from improvement_kit.kit import Kit
from improvement_kit.portfolio import PortfolioEntry, compute_cases, gather_entries
from improvement_kit.portfolio.feed import item_uid, portfolio_feed

from .conftest import EXAMPLE, MONDAY

STAMP = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)


def strict_parse(data: bytes) -> Calendar:
    """Parse ``data`` and check what RFC 5545 requires of what the feed writes."""
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line  # content lines are folded at 75 octets (3.1)
    cal = Calendar.from_ical(data)
    assert not cal.errors
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    uids = []
    for event in cal.walk("VEVENT"):
        assert not event.errors
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "STATUS"):
            assert required in event, required
        assert event.decoded("DTSTAMP").tzinfo is not None  # DTSTAMP is in UTC (3.8.7.2)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date and end > start  # all-day
        assert event["STATUS"] in ("CONFIRMED", "CANCELLED")
        for alarm in event.walk("VALARM"):
            assert alarm["ACTION"] == "DISPLAY" and alarm["DESCRIPTION"] and "TRIGGER" in alarm
        uids.append(str(event["UID"]))
    assert len(uids) == len(set(uids))
    return cal


def events(cal: Calendar) -> dict[str, Any]:
    return {str(e["SUMMARY"]).split(": ", 1)[1]: e for e in cal.walk("VEVENT")}


def feed_of(kit: Kit, path: Path, alarm: int | None = None) -> Calendar:
    computed, failures = compute_cases([PortfolioEntry(path)], kit=kit, as_of=MONDAY)
    assert failures == []
    data = portfolio_feed(computed, as_of=MONDAY, generated_at=STAMP, alarm_days=alarm)
    return strict_parse(data)


def test_a_deadline_is_an_all_day_event_with_a_reminder_in_working_days(
    write_case: Callable[..., Path],
) -> None:
    cal = feed_of(Kit.load(), write_case(), alarm=3)
    soa = events(cal)["Local authority statement of action"]
    # 10 working days following Mon 16 Nov 2026 -> Mon 30 Nov 2026 (see test_register).
    assert soa.decoded("DTSTART") == dt.date(2026, 11, 30)
    assert soa.decoded("DTEND") == dt.date(2026, 12, 1)
    assert soa["UID"] == item_uid("997", "997901", "statement-of-action.due@final-report")
    # 3 working days before Mon 30 Nov: Fri 27 (1), Thu 26 (2), Wed 25 Nov (3); at 09:00,
    # that is 4 days and 15 hours before the event's start (midnight on Mon 30 Nov).
    (alarm,) = soa.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=4, hours=15)
    assert alarm["TRIGGER"].params["RELATED"] == "START"
    text = str(soa["DESCRIPTION"])
    for part in (
        "Rule: EM-INSP-05",
        "Source: EA 2005 s.15",
        "Grade: primary",
        "nature: law",
        "Case: ",
    ):
        assert part in text


def test_a_moved_deadline_keeps_its_uid_and_a_later_event_raises_the_sequence(
    write_case: Callable[..., Path],
) -> None:
    kit = Kit.load()
    before = events(feed_of(kit, write_case("a.yaml")))["Local authority statement of action"]
    moved = write_case("b.yaml", notice="2026-11-17")  # the report was received a day later
    moved.write_text(
        moved.read_text()
        + "  - {type: obligation-met, date: 2026-11-20, item: parents-report-copy.due@final-report}\n",
        encoding="utf-8",
    )
    after_cal = feed_of(kit, moved)
    after = events(after_cal)["Local authority statement of action"]
    assert after["UID"] == before["UID"]
    # 10 working days following Tue 17 Nov 2026 -> Tue 1 Dec 2026.
    assert (before.decoded("DTSTART"), after.decoded("DTSTART")) == (
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 1),
    )
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1
    assert after.decoded("LAST-MODIFIED") == dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    # the copy to parents was met: kept in the feed, cancelled, without a reminder
    copy = events(after_cal)["Copy of the section 5 inspection report to every registered parent"]
    assert copy["STATUS"] == "CANCELLED"


def test_the_example_feed_parses_strictly_and_spans_windows(council_kit: Kit) -> None:
    computed, _ = compute_cases(
        gather_entries([], EXAMPLE / "portfolio.yaml"), kit=council_kit, as_of=MONDAY
    )
    data = portfolio_feed(computed, as_of=MONDAY, generated_at=STAMP, alarm_days=2)
    cal = strict_parse(data)
    found = list(cal.walk("VEVENT"))
    assert len(found) > 100
    assert any(e.decoded("DTEND") - e.decoded("DTSTART") > dt.timedelta(days=1) for e in found)
    assert any(e["STATUS"] == "CANCELLED" for e in found)
    # the same cases and stamp give the same bytes
    assert portfolio_feed(computed, as_of=MONDAY, generated_at=STAMP, alarm_days=2) == data


def test_feed_command_for_one_officer_and_refusals(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "helen.ics"
    portfolio = str(EXAMPLE / "portfolio.yaml")
    args = ["feed", "--portfolio", portfolio, "--officer", "Helen Marrow", "--alarm", "3"]
    assert main([*args, "-o", str(target), "--as-of", "2026-11-30"]) == 0
    cal = strict_parse(target.read_bytes())
    assert {"Officer: Helen Marrow" in str(e["DESCRIPTION"]) for e in cal.walk("VEVENT")} == {True}
    assert main([*args, "-o", str(tmp_path)]) == 2  # a folder
    assert "is a folder" in capsys.readouterr().err
    assert main([*args, "-o", portfolio, "--force"]) == 2  # an input, even with --force
    assert "is one of the inputs" in capsys.readouterr().err

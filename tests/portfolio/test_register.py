"""The register: every case computed once, open items across cases as of a date, with
statuses counted on the England and Wales working-day calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from improvement_kit.cli import main
from improvement_kit.kit import Kit
from improvement_kit.portfolio import (
    PortfolioEntry,
    Register,
    RegisterFilter,
    RegisterRow,
    RowStatus,
    build_register,
    compute_cases,
    gather_entries,
)
from improvement_kit.portfolio.formats import register_to_csv, register_to_text
from improvement_kit.portfolio.register import REGISTER_FIELDS

from .conftest import EXAMPLE, MONDAY


def register_of(
    kit: Kit, path: Path, as_of: dt.date, within: int = 10, include_done: bool = False
) -> Register:
    computed, failures = compute_cases([PortfolioEntry(path)], kit=kit, as_of=as_of)
    assert failures == []
    return build_register(computed, as_of=as_of, within=within, include_done=include_done)


def row(register: Register, item: str) -> RegisterRow:
    return next(r for r in register.rows if r.item.id == item)


def test_a_statement_of_action_due_today_is_due_and_a_missed_copy_is_overdue(
    write_case: Callable[..., Path],
) -> None:
    kit = Kit.load()
    register = register_of(kit, write_case(), MONDAY)
    # Statement of action: 10 working days following Mon 16 Nov 2026 (the final report):
    # Tue 17 (1), Wed 18, Thu 19, Fri 20 (4), Mon 23 (5), Tue 24, Wed 25, Thu 26, Fri 27 (9),
    # Mon 30 Nov 2026 (10): due on the register's own date.
    soa = row(register, "statement-of-action.due")
    assert soa.deadline == dt.date(2026, 11, 30)
    assert (soa.status, soa.working_days, soa.phrase) == (RowStatus.DUE, 0, "due today")
    # Copy of the report to parents: 5 working days following Mon 16 Nov -> Mon 23 Nov 2026;
    # on Mon 30 Nov it is 5 working days late (Tue 24 .. Mon 30) and a week by the calendar.
    copy = row(register, "parents-report-copy.due")
    assert copy.deadline == dt.date(2026, 11, 23)
    assert (copy.status, copy.working_days, copy.phrase) == (
        RowStatus.OVERDUE,
        -5,
        "1 week overdue",
    )


def test_due_means_within_n_working_days(write_case: Callable[..., Path]) -> None:
    kit = Kit.load()
    # From Wed 25 Nov 2026 to Mon 30 Nov: Thu 26, Fri 27, Mon 30 = 3 working days.
    wednesday = dt.date(2026, 11, 25)
    assert (
        row(register_of(kit, write_case(), wednesday, within=3), "statement-of-action.due").status
        is RowStatus.DUE
    )
    later = row(register_of(kit, write_case(), wednesday, within=2), "statement-of-action.due")
    assert (later.status, later.working_days, later.phrase) == (RowStatus.UPCOMING, 3, "in 5 days")


def test_items_closed_by_events_drop_out_unless_asked(write_case: Callable[..., Path]) -> None:
    path = write_case()
    path.write_text(
        path.read_text() + "  - {type: statement-of-action-sent, date: 2026-11-27}\n",
        encoding="utf-8",
    )
    kit = Kit.load()
    assert "statement-of-action.due" not in [r.item.id for r in register_of(kit, path, MONDAY).rows]
    done = row(register_of(kit, path, MONDAY, include_done=True), "statement-of-action.due")
    assert done.status is RowStatus.DONE


def test_the_example_register_is_sorted_and_filtered(council_kit: Kit) -> None:
    entries = gather_entries([], EXAMPLE / "portfolio.yaml")
    computed, _ = compute_cases(entries, kit=council_kit, as_of=MONDAY)
    register = build_register(computed, as_of=MONDAY)
    deadlines = [r.deadline for r in register.rows]
    assert deadlines == sorted(deadlines)
    assert all(r.status is not RowStatus.DONE for r in register.rows)
    summary = register.summary()
    assert sum(summary.values()) == len(register.rows)
    assert summary[RowStatus.OVERDUE] and summary[RowStatus.DUE] and summary[RowStatus.UPCOMING]
    local = build_register(
        computed, as_of=MONDAY, keep=RegisterFilter(natures=frozenset({"local-policy"}))
    )
    assert local.rows and {r.item.rule.plugin for r in local.rows} <= {
        "derbyshire_procedure",
        "northmoor_closures",
    }
    derbyshire = build_register(
        computed, as_of=MONDAY, keep=RegisterFilter(la_codes=frozenset({"830"}))
    )
    assert {r.source.la_code for r in derbyshire.rows} == {"830"}
    assert [la.la_code for la in derbyshire.by_authority()] == ["830"]
    officer = build_register(
        computed, as_of=MONDAY, keep=RegisterFilter(officers=frozenset({"helen marrow"}))
    )
    assert officer.rows and {r.source.entry.officer for r in officer.rows} == {"Helen Marrow"}
    text = register_to_text(register)
    assert "Summary: " in text and "830 Derbyshire: 14 cases" in text
    table = list(csv.DictReader(io.StringIO(register_to_csv(register))))
    assert len(table) == len(register.rows) and list(table[0]) == list(REGISTER_FIELDS)
    assert list(register.rows[0].as_data()) == list(REGISTER_FIELDS)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_register_command_text_csv_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    portfolio = str(EXAMPLE / "portfolio.yaml")
    status, out, _ = run(capsys, "register", "--portfolio", portfolio, "--as-of", "2026-11-30")
    assert status == 0 and "Register as of Mon 30 Nov 2026: 50 cases" in out
    status, out, _ = run(
        capsys,
        "register",
        "--portfolio",
        portfolio,
        "--as-of",
        "2026-11-30",
        "--format",
        "json",
        "--la",
        "999",
        "--kind",
        "law",
    )
    data = json.loads(out)
    assert status == 0 and data["items"]
    assert {i["la_code"] for i in data["items"]} == {"999"}
    assert {i["nature"] for i in data["items"]} == {"law"}
    target = tmp_path / "register.csv"
    args = (
        "register",
        str(EXAMPLE / "cases"),
        "--as-of",
        "2026-11-30",
        "--format",
        "csv",
        "-o",
        str(target),
    )
    assert run(capsys, *args)[0] == 0
    assert target.read_text().startswith("status,deadline,when,")
    status, _, err = run(capsys, *args)
    assert status == 2 and "exists (use --force" in err


def test_one_unreadable_case_stops_the_run_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write_case: Callable[..., Path]
) -> None:
    good = write_case("good.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("jurisdiction: england-maintained\nprovider: [\n", encoding="utf-8")
    target = tmp_path / "out.json"
    common = (
        "register",
        str(good),
        str(bad),
        "--as-of",
        "2026-11-30",
        "--format",
        "json",
        "-o",
        str(target),
    )
    status, _, err = run(capsys, *common)
    assert status == 2 and not target.exists()
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"improvement-kit: error: {bad}: ") and len(lines) == 2
    status, _, err = run(capsys, *common, "--keep-going")
    assert status == 1 and str(bad) in err.splitlines()[-1]
    data = json.loads(target.read_text())
    assert [f["case"] for f in data["failures"]] == [str(bad)]
    assert {i["identifier"] for i in data["items"]} == {"997901"}


def test_a_missing_case_file_and_an_empty_glob_are_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "register", str(tmp_path / "nope.yaml"))
    assert status == 2 and "nope.yaml" in err
    status, _, err = run(capsys, "register", str(tmp_path / "*.yaml"))
    assert status == 2 and "matches no file" in err


def test_an_unknown_jurisdiction_fails_its_case_only(
    tmp_path: Path, write_case: Callable[..., Path]
) -> None:
    good = write_case("good.yaml")
    odd = tmp_path / "odd.yaml"
    odd.write_text(
        'jurisdiction: narnia\nprovider: {urn: "997902", name: Lantern Waste School, type: community}\n',
        encoding="utf-8",
    )
    entries = [PortfolioEntry(good), PortfolioEntry(odd)]
    computed, failures = compute_cases(entries, kit=Kit.load(), as_of=MONDAY)
    assert [c.entry.path for c in computed] == [good]
    assert [f.path for f in failures] == [odd]
    assert failures[0].message.startswith(
        f"{odd}: jurisdiction: 'narnia' is not an installed jurisdiction"
    )


def test_a_portfolio_file_is_read_strictly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    portfolio = tmp_path / "portfolio.yaml"
    portfolio.write_text("cases:\n  - {case: a.yaml, officer: 3}\n", encoding="utf-8")
    status, _, err = run(capsys, "register", "--portfolio", str(portfolio))
    assert status == 2
    assert err == f"improvement-kit: error: {portfolio}: cases[0].officer: expected text, got 3\n"
    portfolio.write_text("cases:\n  - {case: a.yaml, oficer: Ann}\n", encoding="utf-8")
    status, _, err = run(capsys, "register", "--portfolio", str(portfolio))
    assert status == 2 and "unknown field 'oficer'" in err

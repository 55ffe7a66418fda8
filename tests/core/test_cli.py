"""The timeline, validate and plugins commands: output contracts and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from improvement_kit.cli import main

CASE = """\
jurisdiction: england-maintained
provider: {urn: "100001", name: "St Mary & St John C of E Primary", type: voluntary-aided,
           religious_character: church-of-england}
events:
  - {type: final-report-received, date: 2025-12-12}
"""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def test_validate_accepts_a_good_case(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(case_file)]) == 0
    assert "valid (1 events, jurisdiction england-maintained)" in capsys.readouterr().out


def test_validate_lists_every_problem_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        CASE.replace("2025-12-12", "'31/02/2025'").replace("voluntary-aided", "grammar"),
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"{bad}: events[0].date: '31/02/2025' is not an ISO date (YYYY-MM-DD)" in err
    assert any(line.startswith(f"{bad}: provider.type: 'grammar' is not one of") for line in err)


def test_validate_rejects_a_provider_type_the_jurisdiction_does_not_cover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "academy.yaml"
    path.write_text(CASE.replace("voluntary-aided", "academy"), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert "provider.type: 'academy' is not a provider type of england-maintained" in (
        capsys.readouterr().err
    )


def test_a_bad_case_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(CASE.replace("2025-12-12", "'2025-02-31'"), encoding="utf-8")
    assert main(["timeline", str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"improvement-kit: error: {bad}: events[0].date: '2025-02-31' is not a valid date\n"
    )


def test_a_bad_as_of_date_names_the_argument(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["timeline", str(case_file), "--as-of", "25/12/2025"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "'25/12/2025' is not an ISO date" in err
    assert len(err.strip().splitlines()) == 1


def test_the_json_output_has_the_documented_top_level_keys(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", str(case_file), "--json", "--as-of", "2026-01-05"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:4] == ["jurisdiction", "provider", "as_of", "items"]
    assert data["jurisdiction"] == "england-maintained"
    assert data["provider"]["identifier"] == "100001"
    assert data["provider"]["name"] == "St Mary & St John C of E Primary"
    for item in data["items"]:
        assert set(item) >= {
            "id",
            "title",
            "kind",
            "due",
            "window",
            "rule",
            "provisional",
            "explanation",
            "status",
        }
        assert set(item["rule"]) >= {"id", "source", "url", "grade", "in_force_from", "in_force_to"}
        assert item["kind"] in {"obligation", "expected-event", "power", "status"}


def test_ics_output_is_an_icalendar_file(case_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.ics"
    assert main(["timeline", str(case_file), "--ics", "-o", str(out)]) == 0
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.rstrip().endswith("END:VCALENDAR")
    from icalendar import Calendar

    Calendar.from_ical(out.read_bytes())  # parses


def test_plugins_lists_the_built_in_jurisdiction(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (england,) = [p for p in data["plugins"] if p["name"] == "england-maintained"]
    assert england["jurisdictions"] == ["england-maintained"]
    assert england["distribution"] == "improvement-kit"
    assert england["rules"]["england-maintained"] > 0


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "improvement_kit", "timeline", str(tmp_path / "missing.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("improvement-kit: error: ")
    assert "missing.yaml: cannot be read" in result.stderr

"""Every hostile input is refused in one short line naming the file and the field, through the
library and through both commands that read case files; nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from improvement_kit.cli import main
from improvement_kit.errors import CaseFileError
from improvement_kit.serialization import load_case
from improvement_kit.timeline import build_timeline

from .cases import BASE, HOSTILE, variant, write

NAMES = [name for name, _, _ in HOSTILE]


def test_the_base_case_is_valid_so_each_refusal_below_is_due_to_its_one_change(
    tmp_path: Path,
) -> None:
    case = load_case(write(tmp_path, BASE))
    assert case.provider.identifier == "999104"
    assert build_timeline(case).items


@pytest.mark.parametrize(("content", "fragment"), [h[1:] for h in HOSTILE], ids=NAMES)
def test_the_library_refuses_with_one_named_line(
    tmp_path: Path, content: str | bytes, fragment: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert fragment in message
    assert "\n" not in message
    assert len(message) <= 300


@pytest.mark.parametrize(("content", "fragment"), [h[1:] for h in HOSTILE], ids=NAMES)
def test_validate_and_timeline_both_refuse_with_exit_2_one_line_and_no_output(
    tmp_path: Path, content: str | bytes, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, content)
    out = tmp_path / "timeline.json"

    assert main(["validate", str(path)]) == 2
    validate = capsys.readouterr()
    assert main(["timeline", str(path), "--json", "-o", str(out)]) == 2
    timeline = capsys.readouterr()

    for captured in (validate, timeline):
        assert captured.out == ""
        lines = captured.err.splitlines()
        assert len(lines) == 1, captured.err
        assert fragment in lines[0] and str(path) in lines[0]
        assert "Traceback" not in captured.err
        assert len(lines[0]) <= 330  # 300 plus the command's "improvement-kit: error: "
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        (("reference: EX-STRICT-1", "reference: 1:30"), "reference", "1:30"),
        (("reference: EX-STRICT-1", "reference: 0x1F"), "reference", "0x1F"),
        (("reference: EX-STRICT-1", "reference: no"), "reference", "no"),
        (("reference: EX-STRICT-1", "reference: 0100001"), "reference", "0100001"),
        (("reference: EX-STRICT-1", "reference: '2026-02-29'"), "reference", "2026-02-29"),
    ],
    ids=["sexagesimal", "hexadecimal", "no", "leading-zero", "quoted-impossible-date"],
)
def test_yaml_1_1_surprises_stay_the_text_written(
    tmp_path: Path,
    change: tuple[str, str],
    field: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write(tmp_path, variant(*change))
    assert getattr(load_case(path), field) == expected
    assert main(["validate", str(path)]) == 0
    assert main(["timeline", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["jurisdiction"] == (
        "england-maintained"
    )


def test_an_impossible_date_refused_by_json_names_the_same_field(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(
        json.dumps(
            {
                "jurisdiction": "england-maintained",
                "provider": {"urn": "999104", "name": "Brook Primary", "type": "community"},
                "events": [{"type": "report-published", "date": "2026-02-29"}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(CaseFileError, match=r"events\[0\]\.date: '2026-02-29' is not a valid date"):
        load_case(path)


def test_a_very_long_value_is_cut_short_in_the_message(tmp_path: Path) -> None:
    path = write(tmp_path, variant("name: Brook Primary School", "name: [" + "x" * 50_000 + "]"))
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    message = str(info.value)
    assert len(message) <= 300
    assert "provider.name: ['xxx" in message and "…" in message
    assert "is a list, not text" in message


def test_validate_refuses_what_only_the_engine_can_check_as_timeline_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A compliance period the engine cannot read used to pass ``validate`` and fail
    ``timeline``; both now refuse it in the same line, naming the file."""
    path = write(
        tmp_path,
        variant("compliance_period: 15 working days following", "compliance_period: banana"),
    )
    assert main(["validate", str(path)]) == 2
    validate = capsys.readouterr().err
    assert main(["timeline", str(path)]) == 2
    timeline = capsys.readouterr().err
    assert validate.startswith(f"{path}: compliance_period: 'banana'")
    assert timeline == f"improvement-kit: error: {validate}"


def test_a_missing_term_dates_file_is_named_by_its_place_in_the_file(tmp_path: Path) -> None:
    """Events are sorted by date once read; the path must still be the file's own index."""
    path = write(
        tmp_path,
        BASE + "  - {type: report-published, date: 2026-01-05}\n"
        "  - {type: term-dates, file: missing-terms.csv}\n",
    )
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert info.value.errors[0].startswith("events[3].file: ")

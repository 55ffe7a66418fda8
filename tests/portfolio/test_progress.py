"""Progress bars: on standard error, drawn on a terminal only unless --progress or --quiet
says otherwise, the same options for register, feed, report and batch."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from improvement_kit.cli import main


def _cases(write_case: Callable[..., Path]) -> list[str]:
    return [
        str(write_case("a.yaml")),
        str(write_case("b.yaml", urn="997902", name="Brackenfold Primary School")),
    ]


def test_register_draws_a_bar_on_standard_error_when_asked(
    write_case: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _cases(write_case)
    assert main(["register", *cases, "--as-of", "2026-11-30"]) == 0
    plain = capsys.readouterr()
    assert "cases:" not in plain.err and "2/2" not in plain.err  # not a terminal: no bar
    assert main(["register", *cases, "--as-of", "2026-11-30", "--progress"]) == 0
    drawn = capsys.readouterr()
    assert "cases: 100%" in drawn.err and "2/2" in drawn.err
    assert drawn.out == plain.out  # standard output untouched


@pytest.mark.parametrize("command", ["register", "feed", "report"])
def test_on_a_terminal_the_bar_is_drawn_unless_quiet(
    command: str,
    write_case: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    cases = _cases(write_case)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    base = [command, *cases, "--as-of", "2026-11-30"]
    out = [] if command == "register" else ["-o", str(tmp_path / f"out-{command}")]
    assert main([*base, *out]) == 0
    assert "2/2" in capsys.readouterr().err
    out = [] if command == "register" else ["-o", str(tmp_path / f"quiet-{command}")]
    assert main([*base, *out, "--quiet"]) == 0
    assert "2/2" not in capsys.readouterr().err


def test_progress_and_quiet_together_are_refused(
    write_case: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["register", str(write_case()), "--progress", "--quiet"])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_batch_counts_documents_and_failed_rows_on_its_bar(
    write_case: Callable[..., Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import yaml

    from improvement_kit_england_maintained.documents import sample_extra_data

    data = tmp_path / "data.yaml"
    data.write_text(yaml.safe_dump(sample_extra_data()), encoding="utf-8")
    table = tmp_path / "rows.csv"
    good = write_case("good.yaml")  # a statement of action needs the case's reference
    good.write_text("reference: QCP-2026-001\n" + good.read_text("utf-8"), encoding="utf-8")
    table.write_text("case,output\ngood.yaml,good.docx\nmissing.yaml,bad.docx\n", "utf-8")
    args = ["batch", "england-maintained:statement-of-action", str(table), "--data", str(data)]
    status = main([*args, "-o", str(tmp_path / "out"), "--progress"])
    err = capsys.readouterr().err
    assert status == 1  # one row failed
    assert "2 failed" not in err and "row 2:" not in err, err
    assert "documents: 100%" in err and "2/2" in err and "1 failed" in err, repr(err)
    assert main([*args, "-o", str(tmp_path / "quiet"), "--quiet"]) == 1
    assert "documents:" not in capsys.readouterr().err

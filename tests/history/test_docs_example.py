"""The worked example of docs/stuck-schools.rst: the command shown prints what is shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from improvement_kit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "stuck-schools.rst"


def _blocks(kind: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    pattern = rf"\.\. code-block:: {kind}\n\n((?:   .*\n|\n)+)"
    return [re.sub(r"^   ", "", b, flags=re.M).strip() for b in re.findall(pattern, text)]


def test_the_worked_example_prints_what_the_page_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    command = next(b for b in _blocks("sh") if "examples/history" in b)
    argv = shlex.split(command.replace("\\\n", " "))
    assert argv[0] == "improvement-kit"
    monkeypatch.chdir(ROOT)
    argv = [a if a != "stuck-example" else str(tmp_path / "out") for a in argv[1:]]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    shown = next(b for b in _blocks("text") if "schools classified" in b)
    for line in shown.splitlines():
        if line.strip() != "...":
            assert line.rstrip() in printed
    assert (tmp_path / "out" / "stuck-ofsted-2020-years-stuck.png").exists()


def test_the_dfe_figures_of_the_worked_example(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    args = [
        "stuck",
        "examples/history/ofsted-mi-example.csv",
        "--links",
        "examples/history/links-example.csv",
        "--as-of",
        "2019-08-31",
        "--definition",
        "dfe-2025",
    ]
    assert main(args) == 0
    assert "  stuck                      4  (66.7%)" in capsys.readouterr().out

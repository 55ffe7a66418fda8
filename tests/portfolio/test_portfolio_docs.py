"""Every command and the Python example in docs/portfolio.rst run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from improvement_kit.cli import main

from .conftest import ROOT

GUIDE = ROOT / "docs" / "portfolio.rst"


def blocks(kind: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    found = re.findall(rf"\.\. code-block:: {kind}\n\n((?:   .*\n|\n)+)", text)
    return [re.sub(r"^   ", "", b, flags=re.M) for b in found]


COMMANDS = [
    line
    for block in blocks("console")
    for line in block.splitlines()
    if line.startswith("improvement-kit ")
]


def test_the_guide_shows_the_three_commands() -> None:
    assert {shlex.split(c)[1] for c in COMMANDS} == {"register", "feed", "report"}


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_in_the_guide_runs(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # outputs land here; inputs are read from the repository
    args = [a.replace("examples/", f"{ROOT}/examples/") for a in shlex.split(command)[1:]]
    assert main(args) == 0, capsys.readouterr().err
    output = next((args[i + 1] for i, a in enumerate(args) if a == "-o"), None)
    assert output is None or (tmp_path / output).stat().st_size > 0


def test_the_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    (code,) = blocks("python")
    exec(compile(code, str(GUIDE), "exec"), {})
    assert "Register as of Mon 30 Nov 2026: 50 cases" in capsys.readouterr().out

"""Every ``improvement-kit`` command of the tutorial runs from the project's folder, and the
tutorial writes nothing into the repository (its outputs go to /tmp/ik-tutorial, redirected
here to a temporary folder)."""

from __future__ import annotations

import itertools
import os
import re
import shlex
from pathlib import Path

import pytest

from improvement_kit.cli import main

ROOT = Path(__file__).parents[2]
TUTORIAL = ROOT / "docs" / "tutorial.rst"


def commands() -> list[list[str]]:
    text = TUTORIAL.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [shlex.split(line[2:]) for line in lines if line.startswith("$ improvement-kit ")]


def test_the_tutorial_activates_the_environment_and_writes_outside_the_repository() -> None:
    text = TUTORIAL.read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in text
    for command in commands():
        for flag, value in itertools.pairwise(command):
            if flag in ("-o", "--output"):
                assert value.startswith("/tmp/ik-tutorial/"), command


def test_every_tutorial_command_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    before = set(os.listdir(ROOT))
    found = commands()
    assert len(found) >= 8
    for command in found:
        args = [re.sub(r"^/tmp/ik-tutorial", str(tmp_path), arg) for arg in command[1:]]
        assert main(args) == 0, (command, capsys.readouterr().err)
    assert (tmp_path / "notice.docx").is_file() and (tmp_path / "sm.ics").is_file()
    assert set(os.listdir(ROOT)) == before

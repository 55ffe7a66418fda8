"""Every ``improvement-kit ...`` command in the plugin guide's "plugin new" section runs,
with its paths redirected into a temporary folder."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from improvement_kit.cli import main

GUIDE = Path(__file__).parents[2] / "docs" / "plugins.rst"


def section_lines() -> list[str]:
    """The shell lines of the guide's "plugin new" section, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("Starting a council plugin: plugin new")
    end = text.index("\nThe package\n", start)
    blocks = re.findall(r"\.\. code-block:: console\n\n((?:   .*\n|\n)+)", text[start:end])
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def section_commands() -> list[list[str]]:
    return [shlex.split(line) for line in section_lines() if line.startswith("improvement-kit ")]


def test_the_section_shows_the_commands() -> None:
    commands = section_commands()
    assert commands[0][:6] == ["improvement-kit", "plugin", "new", "exampleshire", "--la", "998"]
    assert ["improvement-kit", "plugins"] in commands


def test_every_command_of_the_section_runs(tmp_path: Path) -> None:
    for command in section_commands():
        args = [arg.replace("/tmp/plugins", str(tmp_path)) for arg in command[1:]]
        assert main(args) == 0, command
    assert (tmp_path / "exampleshire" / "pyproject.toml").is_file()

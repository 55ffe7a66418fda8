"""The documents guide's Python example runs and gives a consistent document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..documents.conftest import all_text
from .conftest import ROOT


def test_the_documented_evolve_example_gives_a_consistent_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = (ROOT / "docs" / "documents.rst").read_text(encoding="utf-8")
    block = re.search(r"\.\. code-block:: python\n\n((?:   .*\n|\n)+)", guide)
    assert block is not None
    code = "\n".join(line[3:] for line in block.group(1).splitlines())
    assert "attrs.evolve(context, target_months=12)" in code
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)  # the example writes out/...: never into the repository
    exec(compile(code, "docs/documents.rst", "exec"), {})
    text = all_text((tmp_path / "out" / "statement-of-action.docx").read_bytes())
    found = re.search(
        r"within a maximum of (\d+) months\. The target date for removal is therefore "
        r"(\d+ \w+ \d{4})\.",
        text,
    )
    assert found is not None and found.group(1) == "12"
    assert found.group(2) == "19 November 2026"  # category from 19 November 2025, + 12 months

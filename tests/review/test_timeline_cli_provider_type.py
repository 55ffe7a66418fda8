"""``timeline`` refuses a provider type its jurisdiction does not cover, as ``validate`` does,
instead of silently applying (say) maintained-school powers to an academy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from improvement_kit.cli import main


def write(tmp_path: Path, provider_type: str) -> Path:
    path = tmp_path / "case.json"
    data = {
        "jurisdiction": "england-maintained",
        "provider": {"urn": "999003", "name": "Exampleton", "type": provider_type},
        "events": [
            {"type": "ofsted-category-notice", "date": "2026-03-24", "category": "special-measures"}
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_timeline_refuses_an_academy_in_the_maintained_schools_jurisdiction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", str(write(tmp_path, "academy")), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "provider.type: 'academy'" in captured.err
    assert "Traceback" not in captured.err


def test_timeline_still_accepts_a_community_school(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", str(write(tmp_path, "community")), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["jurisdiction"] == "england-maintained"

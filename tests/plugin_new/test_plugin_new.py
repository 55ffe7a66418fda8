"""``improvement-kit plugin new`` writes a plugin package whose own tests pass, and refuses
bad input with one line, exit 2 and nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from improvement_kit.cli import main


def test_the_generated_plugin_passes_its_own_tests(tmp_path: Path) -> None:
    assert main(["plugin", "new", "exampleshire", "--la", "998", "-o", str(tmp_path)]) == 0
    root = tmp_path / "exampleshire"
    pyproject = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["entry-points"]["improvement_kit"] == {
        "exampleshire": "exampleshire"
    }
    rules = tomllib.loads((root / "src/exampleshire/rules/local.toml").read_text("utf-8"))
    (rule,) = rules["rules"]
    assert (rule["nature"], rule["trigger"]) == ("local-policy", "ofsted-category-notice")
    assert (root / "src/exampleshire/templates/progress-review.docx").stat().st_size > 0
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "4 passed" in result.stdout


def test_force_replaces_an_existing_package(tmp_path: Path) -> None:
    (tmp_path / "exampleshire").mkdir()
    (tmp_path / "exampleshire" / "old.txt").write_text("old", "utf-8")
    assert (
        main(["plugin", "new", "exampleshire", "--la", "998", "-o", str(tmp_path), "--force"]) == 0
    )
    assert not (tmp_path / "exampleshire" / "old.txt").exists()
    assert (tmp_path / "exampleshire" / "pyproject.toml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exampleshire"]  # no leftovers


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["exampleshire", "--la", "998"], "exists; give --force"),
        (["exampleshire", "--la", "98"], "not a 3-digit GIAS code"),
        (["exampleshire", "--la", "8300"], "not a 3-digit GIAS code"),
        (["Example_Shire", "--la", "998"], "not a kebab-case id"),
        (["1shire", "--la", "998"], "not a kebab-case id"),
        (["exampleshire", "--la", "998", "--extends", "narnia"], "narnia"),
    ],
)
def test_bad_input_is_refused_with_one_line_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    existing = tmp_path / "exampleshire"
    if message.startswith("exists"):
        existing.mkdir()
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(SystemExit) as exit_info:
        status = main(["plugin", "new", *args, "-o", str(tmp_path)])
        raise SystemExit(status)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
    assert sorted(tmp_path.rglob("*")) == before

"""Document ``--data`` files are read by the same strict reader as case files: a hostile data
file is refused in one line naming it, exit 2, and no document is written."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

from improvement_kit.cli import main

SOA = "england-maintained:statement-of-action"


def _installed() -> bool:
    return any(ep.name == "england-maintained" for ep in entry_points(group="improvement_kit"))


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    if not _installed():
        pytest.skip("the command line uses the installed plugins")
    folder = tmp_path / "sample"
    assert main(["templates", "sample", SOA, "-o", str(folder)]) == 0
    return folder / "case.yaml", folder / "data.yaml"


@pytest.mark.parametrize(
    ("append", "fragment"),
    [
        (b"officer: A\nofficer: B\n", "duplicate key 'officer' (line"),
        (b"note: caf\xe9\n", "not UTF-8 (byte 0xe9 at offset"),
        (b"amount: .nan\n", ".nan is not a finite number (line"),
        (b"x: !!python/name:os.system\n", "tag !!python/name:os.system is not supported"),
    ],
    ids=["duplicate-key", "not-utf-8", "nan", "python-tag"],
)
def test_a_hostile_data_file_is_one_line_exit_2_and_no_document(
    sample: tuple[Path, Path],
    tmp_path: Path,
    append: bytes,
    fragment: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case, data = sample
    data.write_bytes(data.read_bytes() + append)
    out = tmp_path / "soa.docx"
    capsys.readouterr()
    assert main(["render", SOA, str(case), "--data", str(data), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"{data}: " in err and fragment in err
    assert not out.exists()

"""Which case files a portfolio command reads, and who looks after each.

Cases are given as files, folders (every ``.yaml``, ``.yml`` and ``.json`` file in them,
sorted) or glob patterns, and/or as a portfolio file (YAML or JSON, read as strictly as case
files) listing each case with its officer and programme::

    name: Example portfolio
    cases:
      - {case: cases/830-01-dunmere.yaml, officer: Priya Ashdown, programme: priority}

Case paths in a portfolio file are relative to the portfolio file. A case named twice is read
once (the portfolio file's entry wins, as it says more).
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.errors import CaseFileError, ImprovementKitError, InputError

__all__ = ["CASE_SUFFIXES", "PortfolioEntry", "gather_entries", "read_portfolio"]

#: The file name endings read as case files when a folder is given.
CASE_SUFFIXES = (".yaml", ".yml", ".json")


@attrs.frozen
class PortfolioEntry:
    """One case of a portfolio: its file, and (from a portfolio file) officer and programme."""

    path: Path
    officer: str | None = None
    programme: str | None = None


def _text(value: Any, where: str, source: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CaseFileError(source, [f"{where}: expected text, got {value!r}"])
    return value.strip()


def read_portfolio(path: str | Path) -> list[PortfolioEntry]:
    """The entries of a portfolio file; :class:`~improvement_kit.errors.CaseFileError` naming
    the file and the field (``cases[3].officer``) for anything that is not as documented."""
    from improvement_kit.serialization import read_data_file

    file = Path(path)
    data = read_data_file(file)
    source = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise CaseFileError(source, ["expected a mapping with a list of 'cases'"])
    unknown = sorted(set(data) - {"name", "cases"})
    if unknown:
        raise CaseFileError(source, [f"unknown field {unknown[0]!r} (expected name, cases)"])
    entries = []
    for n, row in enumerate(data["cases"]):
        where = f"cases[{n}]"
        if isinstance(row, str):
            row = {"case": row}
        if not isinstance(row, dict):
            raise CaseFileError(source, [f"{where}: expected a mapping or a file name"])
        extra = sorted(set(row) - {"case", "officer", "programme"})
        if extra:
            raise CaseFileError(
                source, [f"{where}: unknown field {extra[0]!r} (expected case, officer, programme)"]
            )
        case = _text(row.get("case"), f"{where}.case", source)
        if case is None:
            raise CaseFileError(source, [f"{where}.case: required field missing"])
        entries.append(
            PortfolioEntry(
                file.parent / case,
                _text(row.get("officer"), f"{where}.officer", source),
                _text(row.get("programme"), f"{where}.programme", source),
            )
        )
    return entries


def _expand(argument: str) -> list[Path]:
    path = Path(argument)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in CASE_SUFFIXES)
    if glob.has_magic(argument):
        found = sorted(Path(p) for p in glob.glob(argument, recursive=True))
        if not found:
            raise InputError("CASES", argument, "matches no file")
        return [p for p in found if p.is_file()]
    return [path]  # a missing file is reported when it is read, among the other failures


def gather_entries(
    cases: Iterable[str], portfolio: str | Path | None = None
) -> list[PortfolioEntry]:
    """The cases to read, in order: the portfolio file's, then the arguments' (files,
    folders, globs); each file once."""
    entries: list[PortfolioEntry] = read_portfolio(portfolio) if portfolio is not None else []
    seen = {_key(e.path) for e in entries}
    for argument in cases:
        for path in _expand(argument):
            if _key(path) not in seen:
                seen.add(_key(path))
                entries.append(PortfolioEntry(path))
    if not entries:
        raise ImprovementKitError(
            "no case files given (name files, folders or globs, or a portfolio file)"
        )
    return entries


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def input_paths(entries: Sequence[PortfolioEntry], portfolio: str | None) -> list[str]:
    """Every input file, so that an output never overwrites one."""
    return [*(str(e.path) for e in entries), *([portfolio] if portfolio else [])]

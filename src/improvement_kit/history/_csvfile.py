"""Reading a CSV data file strictly: a known encoding, a header, rows with their numbers."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

from improvement_kit.errors import DataFileError

__all__ = ["ENCODINGS", "check_encoding", "parse_day", "read_rows"]

#: The encodings a data file may be read with: UTF-8 with or without a byte-order mark (the
#: default), plain UTF-8, or Windows-1252 (some Ofsted and GIAS releases).
ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")

_DMY = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def check_encoding(encoding: str) -> str:
    """``encoding`` if it is one of :data:`ENCODINGS` (any spelling Python accepts)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = ""
    allowed = {codecs.lookup(e).name: e for e in ENCODINGS}
    if name not in allowed:
        raise DataFileError(
            "--encoding", None, None, f"{encoding!r} is not one of {', '.join(ENCODINGS)}"
        )
    return allowed[name]


_DAYS: dict[str, dt.date] = {}


def parse_day(text: str, file: str, row: int, column: str) -> dt.date:
    """A date written ``dd/mm/yyyy``, ``dd-mm-yyyy`` or ``yyyy-mm-dd``; anything else, or a
    day that does not exist (31/02/2015), is refused naming file, row and column."""
    found = _DAYS.get(text)
    if found is not None:
        return found
    found = _parse_day(text, file, row, column)
    if len(_DAYS) < 100_000:  # a national file has a few thousand distinct days
        _DAYS[text] = found
    return found


def _parse_day(text: str, file: str, row: int, column: str) -> dt.date:
    match = _DMY.fullmatch(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        match = _ISO.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        raise DataFileError(file, row, column, f"{text!r} is not a real date") from None
    raise DataFileError(
        file, row, column, f"{text!r} is not a date (dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd)"
    )


def _lines(path: Path, encoding: str) -> list[str]:
    """The file's lines, decoded, each with its line ending (split as a file opened with
    ``newline=""`` splits them, as the csv module expects). Decoded line by line rather than
    as one text: a text held in a ``StringIO`` takes four bytes a character."""
    raw = path.read_bytes()
    try:
        return io.TextIOWrapper(io.BytesIO(raw), encoding=encoding, newline="").readlines()
    except UnicodeDecodeError:
        pass
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = " (try --encoding cp1252)" if encoding != "cp1252" else ""
        raise DataFileError(
            str(path), line, None, f"byte {raw[exc.start]:#04x} is not {encoding}{hint}"
        ) from None
    raise AssertionError("the file decodes as a whole but not line by line")  # pragma: no cover


def read_rows(
    path: Path,
    *,
    encoding: str = "utf-8-sig",
    required: tuple[str, ...],
    header_search: int = 1,
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the rows (with their row numbers, the header being row 1 when it is the
    first line) of a CSV file.

    The header is the first of the first ``header_search`` rows that holds ``required[0]``
    (Ofsted's files have title rows above the header in some releases). A file whose header
    lacks one of ``required`` is refused, naming the column. A row with more or fewer fields
    than the header is refused too.
    """
    file = str(path)
    reader = csv.reader(_lines(path, encoding), strict=True)
    header: list[str] | None = None
    try:
        for _ in range(header_search):
            candidate = next(reader, None)
            if candidate is None:
                break
            cleaned = [c.strip() for c in candidate]
            if required and required[0] in cleaned:
                header = cleaned
                break
    except csv.Error as exc:
        raise DataFileError(file, reader.line_num, None, f"not a CSV file: {exc}") from None
    if header is None:
        raise DataFileError(
            file, None, required[0], "no header row with this column (is it the right file?)"
        )
    for name in required:
        if name not in header:
            raise DataFileError(file, reader.line_num, name, "needed column missing from header")
    width = len(header)

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for fields in reader:
                if not fields or (len(fields) == 1 and not fields[0].strip()):
                    continue  # a blank line
                if len(fields) != width:
                    raise DataFileError(
                        file,
                        reader.line_num,
                        None,
                        f"{len(fields)} fields where the header has {width}",
                    )
                yield reader.line_num, fields
        except csv.Error as exc:
            raise DataFileError(file, reader.line_num, None, f"not a CSV row: {exc}") from None

    return header, rows()

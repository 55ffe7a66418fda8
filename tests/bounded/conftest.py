"""Hostile inputs for the bounded-resources tests, built at test time (nothing is mocked)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pytest

from improvement_kit.cli import main

#: Every refusal is one line of at most about this many characters (issue 10, point 2).
MAX_LINE = 300


def docx_bytes(*paragraphs: str) -> bytes:
    """A real .docx whose body holds the given paragraphs (one run each)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_member(data: bytes, name: str, content: bytes | None = None, *, extra: int = 0) -> bytes:
    """A copy of a .docx with member ``name`` replaced (or added) by ``content``, and
    ``extra`` tiny additional members."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        if content is not None:
            target.writestr(name, content)
        for index in range(extra):
            target.writestr(f"customXml/extra{index}.txt", b"x")
    return out.getvalue()


def deflated_zeros(megabytes: int) -> tuple[bytes, int]:
    """A raw deflate stream that inflates to ``megabytes`` MiB of zeros, and their CRC-32.

    After a full flush deflate starts afresh, so every MiB compresses to the same bytes: the
    stream is built in milliseconds, yet inflating it really produces every byte."""
    chunk = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = compressor.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    return block * megabytes + final, crc


def raw_member(data: bytes, name: str, body: bytes, crc: int, declared: int) -> bytes:
    """A copy of a .docx with a deflated member ``name`` whose headers declare ``declared``
    inflated bytes (the truth or a lie), written byte by byte like a crafted zip bomb."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as target:
        target.writestr(zipfile.ZipInfo(name), body)  # stored as-is, then relabelled below
    raw = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
        local = archive.getinfo(name).header_offset
    encoded = name.encode()
    central = raw.find(b"PK\x01\x02")
    while raw[central + 46 : central + 46 + len(encoded)] != encoded:
        central = raw.find(b"PK\x01\x02", central + 4)
    # method 8 (deflate), time, date, CRC, compressed size, inflated size: at +8 in the local
    # header, at +10 in the central directory entry
    struct.pack_into("<HHHIII", raw, local + 8, 8, 0, 0, crc, len(body), declared)
    struct.pack_into("<HHHIII", raw, central + 10, 8, 0, 0, crc, len(body), declared)
    return bytes(raw)


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fictional case file and data file that render england-maintained:warning-notice."""
    folder = tmp_path_factory.mktemp("sample")
    status = main(["templates", "sample", "england-maintained:warning-notice", "-o", str(folder)])
    assert status == 0
    return folder / "case.yaml", folder / "data.yaml"


Run = Callable[[Sequence[str]], tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command line in this process: (status, stdout, stderr)."""

    def call(argv: Sequence[str]) -> tuple[int, str, str]:
        capsys.readouterr()
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return call


def assert_one_line_refusal(status: int, err: str, *words: str) -> None:
    """Exit 2, exactly one short line on stderr naming ``words``, no traceback."""
    assert status == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert len(lines[0]) <= MAX_LINE, lines[0]
    for word in words:
        assert word in lines[0], lines[0]


def files_in(folder: Path) -> list[str]:
    """Every file below ``folder`` (temporary ones included)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())

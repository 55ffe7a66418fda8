"""A .docx as zip members: read once, and written again with the unchanged members copied as
they were compressed.

A rendered document differs from its template in a handful of parts (the body, headers,
footers, footnotes, core properties); every other member (styles, numbering, theme, fonts,
images) is copied byte for byte, still compressed, instead of being inflated, re-serialised
and deflated again for each document.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence

import attrs

__all__ = ["Member", "read_members", "write_members"]

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
#: The external attributes zipfile gives the members it writes: a file, ``rw-------``.
_PERMISSIONS = 0o600 << 16


@attrs.frozen
class Member:
    """One zip member as stored: its compressed bytes, method, CRC-32 and inflated size."""

    name: str
    raw: bytes
    method: int
    crc: int
    size: int

    @classmethod
    def deflate(cls, name: str, data: bytes) -> Member:
        """A member holding ``data``, deflated as :mod:`zipfile` deflates (zlib's default)."""
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        raw = compressor.compress(data) + compressor.flush()
        return cls(name, raw, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data))

    def inflate(self) -> bytes:
        """The member's bytes, uncompressed."""
        if self.method == zipfile.ZIP_STORED:
            return self.raw
        return zlib.decompress(self.raw, -15)


def read_members(data: bytes) -> dict[str, Member] | None:
    """Every member of a zip (already checked by the container limits), as stored.

    ``None`` when a member cannot be copied as it is (encrypted, or compressed other than
    stored or deflated); such a template is rendered the slow way.
    """
    members: dict[str, Member] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.flag_bits & 0x1 or info.compress_type not in (
                zipfile.ZIP_STORED,
                zipfile.ZIP_DEFLATED,
            ):
                return None
            header = data[info.header_offset : info.header_offset + _LOCAL.size]
            if len(header) != _LOCAL.size:
                return None
            fields = _LOCAL.unpack(header)
            start = info.header_offset + _LOCAL.size + fields[9] + fields[10]
            raw = data[start : start + info.compress_size]
            members[info.filename] = Member(
                info.filename, raw, info.compress_type, info.CRC, info.file_size
            )
    return members


def _dos_stamp(stamp: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = stamp
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def write_members(
    members: Mapping[str, Member],
    order: Sequence[str],
    stamp: tuple[int, int, int, int, int, int],
) -> bytes:
    """A zip of ``members`` in ``order`` (their names), every timestamp ``stamp``, no extra
    fields, and the attributes :mod:`zipfile` gives a member it writes (``-rw-------``), so
    that the bytes are those :mod:`~improvement_kit.documents.determinism` writes."""
    names = list(order)
    dos_time, dos_date = _dos_stamp(stamp)
    out = io.BytesIO()
    central: list[bytes] = []
    for name in names:
        member = members[name]
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800
        offset = out.tell()
        out.write(
            _LOCAL.pack(
                b"PK\x03\x04",
                20,
                flags,
                member.method,
                dos_time,
                dos_date,
                member.crc,
                len(member.raw),
                member.size,
                len(encoded),
                0,
            )
        )
        out.write(encoded)
        out.write(member.raw)
        central.append(
            _CENTRAL.pack(
                b"PK\x01\x02",
                20,
                20,
                flags,
                member.method,
                dos_time,
                dos_date,
                member.crc,
                len(member.raw),
                member.size,
                len(encoded),
                0,
                0,
                0,
                0,
                _PERMISSIONS,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for entry in central:
        out.write(entry)
    size = out.tell() - start
    out.write(_END.pack(b"PK\x05\x06", 0, 0, len(names), len(names), size, start, 0))
    return out.getvalue()

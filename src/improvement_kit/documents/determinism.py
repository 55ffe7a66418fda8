"""Saving a document so that the same template and data always give the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

__all__ = ["normalise_zip", "save_deterministic", "zip_timestamp"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_timestamp(day: dt.date | None) -> tuple[int, int, int, int, int, int]:
    """The timestamp every zip member gets: midnight on ``day`` (1 Jan 1980 if unknown)."""
    if day is None or day.year < 1980 or day.year > 2107:
        return _EPOCH
    return (day.year, day.month, day.day, 0, 0, 0)


def _info(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    return info


class _FixedZipWriter:
    """python-docx's physical package writer, with fixed member timestamps."""

    def __init__(self, stream: io.BytesIO, stamp: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)
        self._stamp = stamp

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self._zip.writestr(_info(pack_uri.membername, self._stamp), blob)

    def close(self) -> None:
        self._zip.close()


def save_deterministic(document: Any, day: dt.date | None) -> bytes:
    """A python-docx ``Document`` as .docx bytes: members in a fixed order (content types,
    package relationships, then parts by name), every timestamp ``day``."""
    stamp = zip_timestamp(day)
    try:
        from docx.opc.pkgwriter import PackageWriter as _Writer

        writer_api: Any = _Writer
        package = document.part.package
        parts = sorted(package.parts, key=lambda p: str(p.partname))
        for part in parts:
            part.before_marshal()
        stream = io.BytesIO()
        writer = _FixedZipWriter(stream, stamp)
        writer_api._write_content_types_stream(writer, parts)
        writer_api._write_pkg_rels(writer, package.rels)
        writer_api._write_parts(writer, parts)
        writer.close()
        return stream.getvalue()
    except (ImportError, AttributeError):  # pragma: no cover - a python-docx without them
        stream = io.BytesIO()
        document.save(stream)
        return normalise_zip(stream.getvalue(), day)


def normalise_zip(data: bytes, day: dt.date | None) -> bytes:
    """Rewrite a .docx (any zip) with fixed timestamps and ``[Content_Types].xml`` first,
    then the other members by name."""
    stamp = zip_timestamp(day)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in names:
            target.writestr(_info(name, stamp), source.read(name))
    return out.getvalue()

"""Rendering part by part (the template's unchanged members copied as stored) gives the
documents docxtpl gives when it reopens the template for each one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from improvement_kit.documents import build_context, load_house_style, render_bytes
from improvement_kit.documents import render as render_module
from improvement_kit.documents.package import Member, read_members, write_members
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data

from .conftest import docx_bytes

ROOT = Path(__file__).resolve().parents[2]
NORTHMOOR = ROOT / "examples/plugins/northmoor/src/northmoor_closures/house-style.docx"


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every CRC right
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _both(
    monkeypatch: pytest.MonkeyPatch, spec: Any, context: Any, **options: Any
) -> tuple[bytes, bytes]:
    render_module._PREPARED.clear()
    by_parts = render_bytes(spec, context, **options)
    with monkeypatch.context() as patch:
        patch.setattr(render_module, "_prepared_parts", lambda *args: None)
        render_module._PREPARED.clear()
        reopened = render_bytes(spec, context, **options)
    render_module._PREPARED.clear()
    return by_parts, reopened


@pytest.mark.parametrize("style", [None, "northmoor"])
def test_every_template_renders_part_by_part_as_docxtpl_renders_it(
    plugins: Plugins,
    sample_case: dict[str, Any],
    sample_extra: dict[str, Any],
    style: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    house = load_house_style(NORTHMOOR) if style else None
    case = case_from_data(sample_case)
    for spec in plugins.templates():
        context = build_context(spec, case, sample_extra, plugins=plugins)
        by_parts, reopened = _both(monkeypatch, spec, context, house_style=house)
        assert render_module.prepare_template(spec.resource.read_bytes(), spec.id).parts
        # the same members, in the same order, with the same content
        assert _members(by_parts) == _members(reopened), spec.id
        if house is None:
            assert by_parts == reopened, spec.id  # and here the same bytes


def test_a_template_without_core_properties_is_rendered_by_reopening_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = docx_bytes(["Dear {{ name }},"])
    stripped = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as archive,
        zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "docProps/core.xml":
                continue
            if info.filename == "_rels/.rels":
                text = data.decode("utf-8")
                start = text.rindex("<Relationship ", 0, text.index("core-properties"))
                end = text.index("/>", start) + 2
                data = (text[:start] + text[end:]).encode("utf-8")
                assert "core-properties" not in data.decode("utf-8")
            out.writestr(info, data)
    template = stripped.getvalue()
    assert render_module.prepare_template(template).parts is None
    by_parts, reopened = _both(monkeypatch, template, {"name": "Ms Example"})
    assert by_parts == reopened
    assert b"Ms Example" in dict(_members(by_parts))["word/document.xml"]


def test_members_are_copied_as_stored_and_read_back_by_zipfile() -> None:
    text = b"<w:document>" + "Ysgol ŵŷ & <C of E>".encode() * 200 + b"</w:document>"
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w") as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml"), b"<Types/>")
        deflated = zipfile.ZipInfo("word/document.xml")
        deflated.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(deflated, text)
        archive.writestr(zipfile.ZipInfo("word/media/image1.png"), b"\x89PNG not really")
    members = read_members(stored.getvalue())
    assert members is not None
    assert members["word/document.xml"].method == zipfile.ZIP_DEFLATED
    assert len(members["word/document.xml"].raw) < len(text)  # still compressed
    assert members["word/media/image1.png"].inflate() == b"\x89PNG not really"
    members["docProps/core.xml"] = Member.deflate("docProps/core.xml", b"<cp:coreProperties/>")
    order = ["[Content_Types].xml", "docProps/core.xml", "word/document.xml"]
    order.append("word/media/image1.png")
    out = write_members(members, order, (2026, 12, 2, 0, 0, 0))
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == order
        assert archive.read("word/document.xml") == text
        assert archive.read("docProps/core.xml") == b"<cp:coreProperties/>"
        assert {info.date_time for info in archive.infolist()} == {(2026, 12, 2, 0, 0, 0)}


def test_an_encrypted_member_cannot_be_copied() -> None:
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w") as archive:
        archive.writestr("a.xml", b"<a/>")
    data = bytearray(stored.getvalue())
    data[6] |= 1  # the local header's "encrypted" flag
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1  # and the central directory's
    assert read_members(bytes(data)) is None

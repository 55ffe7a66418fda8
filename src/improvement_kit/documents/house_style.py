"""House styles: one .docx per authority that restyles every template.

A house style is an ordinary Word document holding an authority's named styles (fonts,
sizes, colours, spacing), page margins, header and footer (letterhead, logo). Rendering a
template *with* a house style merges, at the level of the .docx parts:

* ``word/styles.xml`` — the house style's, whole (every style the templates name must be in
  it: :data:`REQUIRED_STYLES`);
* ``word/numbering.xml``, ``word/theme/theme1.xml`` and ``word/fontTable.xml`` — the house
  style's, when it has them (bullets and theme fonts follow the styles);
* the **default header and footer** — the house style's parts replace the template's, with any
  image they show (a logo keeps its alt text); first-page and even-page headers are not merged;
* each section's **margins and paper size** (``w:pgMar``, ``w:pgSz``) — the house style's; a
  landscape template stays landscape on the house style's paper.

Everything else (the body, the template's tags, its core properties) is the template's. A
merge is made once per template and house style and cached. The header and footer may use the
fields every England template has: ``authority.*``, ``reference``, ``school.name``, ``date``.

The built-in neutral house style (:data:`NEUTRAL`, Liberation Sans) is the one the shipped
templates are built on.
"""

from __future__ import annotations

import collections
import hashlib
import importlib
import io
import os
import posixpath
import re
import threading
import zipfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.limits import DEFAULT_LIMITS, check_container
from improvement_kit.errors import HouseStyleError, TemplateError

__all__ = ["NEUTRAL", "REQUIRED_STYLES", "HouseStyle", "apply_house_style", "load_house_style"]

#: The built-in neutral house style.
NEUTRAL: Traversable = files("improvement_kit.documents") / "house_styles" / "neutral.docx"

#: The styles every shipped template uses, by style id (as Word stores them) and name.
REQUIRED_STYLES: dict[str, str] = {
    "Normal": "Normal",
    "Heading1": "Heading 1",
    "Heading2": "Heading 2",
    "Heading3": "Heading 3",
    "Title": "Title",
    "DocumentSubtitle": "Document Subtitle",
    "BodyText": "Body Text",
    "ClosingParagraph": "Closing Paragraph",
    "Letterhead": "Letterhead",
    "LetterheadName": "Letterhead Name",
    "Address": "Address",
    "ReferenceLine": "Reference Line",
    "Salutation": "Salutation",
    "Closing": "Closing",
    "SignatureName": "Signature Name",
    "SignatureTitle": "Signature Title",
    "SignatureLast": "Signature Last",
    "SignatureSpace": "Signature Space",
    "Contact": "Contact",
    "Label": "Label",
    "ListBullet": "List Bullet",
    "NumberedItem": "Numbered Item",
    "TableText": "Table Text",
    "TableHeading": "Table Heading",
    "TableTextSmall": "Table Text Small",
    "TableHeadingSmall": "Table Heading Small",
    "TableTextKept": "Table Text Kept",
    "TableHeadingKept": "Table Heading Kept",
    "Strong": "Strong",
    "KitTable": "Kit Table",
}

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_COPIED_PARTS = ("word/styles.xml", "word/numbering.xml", "word/theme/theme1.xml")
_IMAGE_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "emf": "image/x-emf",
    "wmf": "image/x-wmf",
}


@attrs.frozen
class HouseStyle:
    """A checked house style: its name (for messages) and bytes."""

    name: str
    data: bytes = attrs.field(repr=False)

    @property
    def key(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _etree() -> Any:
    return importlib.import_module("lxml.etree")


def load_house_style(source: str | os.PathLike[str] | Traversable | bytes) -> HouseStyle:
    """Read and check a house style: a Word .docx (not a macro-enabled one) that defines every
    style in :data:`REQUIRED_STYLES` and has a ``word/document.xml``.

    Raises :class:`~improvement_kit.errors.HouseStyleError` (one line) otherwise.
    """
    if isinstance(source, bytes):
        name, data = "house style", source
    else:
        name = str(source) if isinstance(source, (str, os.PathLike)) else source.name
        try:
            path = Path(source) if isinstance(source, (str, os.PathLike)) else source
            data = path.read_bytes()
        except OSError as exc:
            raise HouseStyleError(f"{name}: house style cannot be read: {exc.strerror}") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise HouseStyleError(f"{name}: a house style must be a Word .docx file")
    try:
        check_container(data, name, DEFAULT_LIMITS)
    except TemplateError as exc:
        raise HouseStyleError(f"not a usable house style: {exc}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            styles = archive.read("word/styles.xml") if "word/styles.xml" in names else None
            if "word/document.xml" not in names:
                raise KeyError("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise HouseStyleError(f"{name}: a house style must be a Word .docx file") from None
    if any(n.lower().endswith("vbaproject.bin") for n in names) or "macroEnabled" in types:
        raise HouseStyleError(
            f"{name}: the house style contains macros (vbaProject); save it as a plain .docx"
        )
    if styles is None:
        raise HouseStyleError(f"{name}: the house style has no styles (word/styles.xml)")
    present = set(re.findall(rb'w:styleId="([^"]+)"', styles))
    missing = [label for sid, label in REQUIRED_STYLES.items() if sid.encode() not in present]
    if missing:
        raise HouseStyleError(
            f"{name}: the house style lacks the style{'s' if len(missing) > 1 else ''} "
            + ", ".join(repr(m) for m in missing)
        )
    return HouseStyle(name, data)


_MERGED: collections.OrderedDict[tuple[str, str], bytes] = collections.OrderedDict()
_MERGED_LOCK = threading.Lock()


def apply_house_style(template: bytes, house: HouseStyle) -> bytes:
    """The template with the house style's styles, numbering, theme, default header and
    footer, margins and paper merged in (see the module's description). Cached."""
    key = (hashlib.sha256(template).hexdigest(), house.key)
    with _MERGED_LOCK:
        found = _MERGED.get(key)
        if found is not None:
            _MERGED.move_to_end(key)
            return found
    merged = _merge(template, house.data)
    with _MERGED_LOCK:
        _MERGED[key] = merged
        while len(_MERGED) > 64:
            _MERGED.popitem(last=False)
    return merged


def _rels_path(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _default_part(parts: dict[str, bytes], kind: str) -> str | None:
    """The part name of the first section's default header or footer."""
    etree = _etree()
    document = etree.fromstring(parts["word/document.xml"])
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for ref in document.iter(f"{{{_W}}}{kind}Reference"):
        if ref.get(f"{{{_W}}}type", "default") == "default":
            target = targets.get(ref.get(f"{{{_R}}}id"))
            if target:
                return posixpath.normpath(posixpath.join("word", target.lstrip("/")))
    return None


def _merge(template: bytes, house: bytes) -> bytes:
    etree = _etree()
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        infos = archive.infolist()
        parts = {i.filename: archive.read(i.filename) for i in infos}
    with zipfile.ZipFile(io.BytesIO(house)) as archive:
        theirs = {n: archive.read(n) for n in archive.namelist()}
    for name in (*_COPIED_PARTS, "word/fontTable.xml"):
        if name in theirs and name in parts:
            parts[name] = theirs[name]
    extensions: set[str] = set()
    for kind in ("header", "footer"):
        mine, source = _default_part(parts, kind), _default_part(theirs, kind)
        if mine is None or source is None:
            continue
        parts[mine] = theirs[source]
        rels_source = theirs.get(_rels_path(source))
        if rels_source is None:
            parts.pop(_rels_path(mine), None)
            continue
        rels = etree.fromstring(rels_source)
        for rel in rels:
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(source), rel.get("Target"))
            )
            if target not in theirs:
                continue
            extension = target.rsplit(".", 1)[-1].lower()
            new_name = f"word/media/house-{kind}-{posixpath.basename(target)}"
            parts[new_name] = theirs[target]
            rel.set("Target", posixpath.relpath(new_name, posixpath.dirname(mine)))
            extensions.add(extension)
        parts[_rels_path(mine)] = etree.tostring(
            rels, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    if extensions:
        types = etree.fromstring(parts["[Content_Types].xml"])
        known = {d.get("Extension", "").lower() for d in types.iter(f"{{{_CT}}}Default")}
        for extension in sorted(extensions - known):
            element = etree.SubElement(types, f"{{{_CT}}}Default")
            element.set("Extension", extension)
            element.set("ContentType", _IMAGE_TYPES.get(extension, "application/octet-stream"))
        parts["[Content_Types].xml"] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    parts["word/document.xml"] = _merge_sections(parts["word/document.xml"], theirs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        written = set()
        for info in infos:
            if info.filename in parts:
                archive.writestr(info, parts[info.filename])
                written.add(info.filename)
        for name in sorted(set(parts) - written):
            archive.writestr(zipfile.ZipInfo(name, date_time=infos[0].date_time), parts[name])
    return out.getvalue()


def _merge_sections(document_xml: bytes, house: dict[str, bytes]) -> bytes:
    """Every section of the template gets the house style's margins and paper."""
    etree = _etree()
    theirs = etree.fromstring(house["word/document.xml"])
    sections = list(theirs.iter(f"{{{_W}}}sectPr"))
    if not sections:
        return document_xml
    source = sections[-1]
    margins = source.find(f"{{{_W}}}pgMar")
    size = source.find(f"{{{_W}}}pgSz")
    mine = etree.fromstring(document_xml)
    for section in mine.iter(f"{{{_W}}}sectPr"):
        if margins is not None:
            old = section.find(f"{{{_W}}}pgMar")
            new = etree.fromstring(etree.tostring(margins))
            if old is not None:
                section.replace(old, new)
        if size is not None:
            old = section.find(f"{{{_W}}}pgSz")
            if old is not None:
                landscape = old.get(f"{{{_W}}}orient") == "landscape"
                width, height = size.get(f"{{{_W}}}w"), size.get(f"{{{_W}}}h")
                if width and height:
                    small, large = sorted((width, height), key=int)
                    old.set(f"{{{_W}}}w", large if landscape else small)
                    old.set(f"{{{_W}}}h", small if landscape else large)
    out: bytes = etree.tostring(mine, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out

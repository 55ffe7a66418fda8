"""A template's templated parts, prepared once and rendered per document without reopening
the template.

docxtpl opens the whole template with python-docx for every document, renders the body,
headers, footers, footnotes and core properties, and saves every part again. The same
rendering is done here on the parts alone: each part's Jinja source is compiled once (the
sandbox caches it), rendered and mended exactly as docxtpl mends it (runs split by ``\\n``,
``\\a``, ``\\t`` and ``\\f``, table columns, drawing ids), serialised as python-docx would
serialise it, and written among the template's other members, which are copied still
compressed (:mod:`improvement_kit.documents.package`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from improvement_kit.documents.package import Member, write_members

__all__ = [
    "PartSource",
    "PreparedParts",
    "core_properties_xml",
    "empty_body",
    "render_parts",
]

#: How a rendered part is stored: ``body`` (put back into the document part), ``xml``
#: (parsed and serialised again, as python-docx does with headers and footers) or ``raw``
#: (stored as rendered, as docxtpl stores footnotes).
KINDS = ("body", "xml", "raw")


@attrs.frozen
class PartSource:
    """One templated part: its zip member, how it is stored and its Jinja source."""

    member: str
    kind: str
    label: str
    source: str


@attrs.frozen(eq=False)
class PreparedParts:
    """A template read for rendering part by part: its members as stored, its templated
    parts, the document part around its body, and where its core properties are."""

    members: Mapping[str, Member]
    parts: tuple[PartSource, ...]
    #: The document part with an empty body, which each rendered body replaces.
    skeleton: bytes
    core_member: str
    #: The members' names in the order they are written.
    order: tuple[str, ...]
    #: The core properties holding Jinja tags, and their sources.
    properties: tuple[tuple[str, str], ...] = ()


def _lxml() -> Any:
    import importlib

    return importlib.import_module("lxml.etree")


def _blank_free_parser() -> Any:
    """The parser python-docx reads parts with (blank text dropped, entities not resolved)."""
    etree = _lxml()
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"


def empty_body(root: Any) -> bytes | None:
    """The document part with its body emptied, serialised (``root`` is changed), or
    ``None`` when it has no body."""
    etree = _lxml()
    body = root.find(_BODY)
    if body is None:
        return None
    root.replace(body, etree.Element(_BODY))
    skeleton: bytes = etree.tostring(root, encoding="UTF-8", standalone=True)
    return skeleton


_PARAGRAPH_LINE = re.compile(r"\n<w:p([ >])")


def _mend(rendered: str) -> str:
    """docxtpl's clean-up of a rendered part (``render_xml_part``)."""
    from docxtpl import DocxTemplate

    xml = _PARAGRAPH_LINE.sub(r"<w:p\1", rendered)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    mended: str = DocxTemplate.resolve_listing(None, xml)
    return mended


def _render_part(part: PartSource, env: Any, values: Mapping[str, Any]) -> str:
    from jinja2 import TemplateError as JinjaError

    try:
        return _mend(env.from_string(part.source).render(values))
    except JinjaError as exc:
        # the lines around the error, as docxtpl gives them
        if getattr(exc, "lineno", None) is not None:
            first = max(exc.lineno - 4, 0)  # type: ignore[attr-defined]
            lines = part.source.splitlines()[first : first + 7]
            exc.docx_context = [re.sub(r"<[^>]+>", "", x) for x in lines]  # type: ignore[attr-defined]
        raise


def render_parts(
    prepared: PreparedParts,
    values: Mapping[str, Any],
    env: Any,
    core: Callable[[bytes], bytes],
    stamp: tuple[int, int, int, int, int, int],
) -> bytes:
    """The rendered document as .docx bytes: every templated part rendered with ``values`` in
    ``env``, the core properties part passed through ``core``, members stamped ``stamp``."""
    from docxtpl import DocxTemplate

    etree = _lxml()
    members = dict(prepared.members)
    for part in prepared.parts:
        xml = _render_part(part, env, values)
        if part.kind == "body":
            tree = DocxTemplate.fix_tables(None, xml)
            DocxTemplate.fix_docpr_ids(_DrawingIds(), tree)
            # put into the document part as python-docx does (which drops the namespace
            # declarations the body repeats from the document element)
            root = etree.fromstring(prepared.skeleton, _blank_free_parser())
            root.replace(root.find(_BODY), tree)
            data = etree.tostring(root, encoding="UTF-8", standalone=True)
        elif part.kind == "xml":
            element = etree.fromstring(xml.encode("utf-8"), _blank_free_parser())
            data = etree.tostring(element, encoding="UTF-8", standalone=True)
        else:
            data = xml.encode("utf-8")
        members[part.member] = Member.deflate(part.member, data)
    original = prepared.members[prepared.core_member]
    members[prepared.core_member] = Member.deflate(prepared.core_member, core(original.inflate()))
    return write_members(members, prepared.order, stamp)


class _DrawingIds:
    """What docxtpl's ``fix_docpr_ids`` reads: drawing ids are renumbered from 1001."""

    def __init__(self) -> None:
        self.docx_ids_index = 1000


def core_properties_xml(xml: bytes, apply: Callable[[Any], None]) -> bytes:
    """A core properties part with ``apply(core_properties)`` done to it (python-docx's
    ``CoreProperties``), serialised as python-docx saves it."""
    from docx.opc.coreprops import CoreProperties
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.parser import parse_xml

    element = parse_xml(xml)
    apply(CoreProperties(element))
    data: bytes = serialize_part_xml(element)
    return data

"""What a plugin says about a document template it provides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from importlib.resources.abc import Traversable
from typing import Any

import attrs

__all__ = ["ContextBuilder", "DocumentMeta", "TemplateSpec"]

#: Builds a template's typed context from a case, its timeline and extra data (a mapping read
#: from ``--data EXTRA.yaml``). Arguments: ``(case, timeline, extra)``.
ContextBuilder = Callable[[Any, Any, Mapping[str, Any]], Any]


@attrs.frozen
class TemplateSpec:
    """A Word template registered by a plugin.

    ``id`` is ``"<jurisdiction>:<name>"``. ``resource`` is the .docx as a package resource
    (``importlib.resources.files(pkg) / "templates" / "warning-notice.docx"``), so it is found
    from an installed wheel. ``context_type`` is the attrs class of the context the template
    renders; ``build_context`` makes one from a case and its timeline. ``optional_fields`` are
    dotted context paths the template may leave empty. ``sample_data`` returns
    ``{"case": <case file data>, "extra": <extra data>}`` that render the template.
    ``plugin`` names the providing distribution and its version, for the provenance written
    into each document's properties.
    """

    id: str
    jurisdiction: str
    title: str
    resource: Traversable
    context_type: type[Any]
    build_context: ContextBuilder
    language: str = "en"
    description: str = ""
    optional_fields: frozenset[str] = frozenset()
    sample_data: Callable[[], Mapping[str, Any]] | None = None
    plugin: str = ""


@attrs.frozen
class DocumentMeta:
    """What a context says about the document itself, for its core properties.

    A context class may have a field ``meta`` of this type (the engine reserves the name: it
    is never reported as an unused or unknown field). ``date`` is the document's date; it
    becomes the created and modified dates (1 January 1980 when unknown), so the same data
    always gives the same bytes.
    ``rule_ids`` are the rules the document rests on (provenance).
    """

    title: str
    date: dt.date | None = None
    author: str = ""
    subject: str = ""
    reference: str = ""
    rule_ids: tuple[str, ...] = ()
    language: str = "en-GB"

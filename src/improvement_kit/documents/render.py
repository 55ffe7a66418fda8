"""Safe, deterministic rendering of Word templates with docxtpl.

Safe by default: every template renders in a Jinja ``SandboxedEnvironment`` with
autoescaping on, so ``St Mary & St John <C of E> "Primary"`` appears exactly as typed and a
template cannot reach Python internals; deliberate formatting goes through docxtpl
``RichText`` (``{{r value }}``). Every text value is normalised (NFC, ``\\n`` line ends, no
control characters). Every field the template needs is checked before anything is rendered,
and all missing ones are reported together. Output is byte-identical for the same template
and data, and is written atomically.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import hashlib
import importlib
import io
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
from jinja2 import TemplateSyntaxError
from jinja2 import exceptions as jinja_errors
from jinja2 import nodes as jinja_nodes

from improvement_kit import __version__
from improvement_kit.documents.determinism import save_deterministic, zip_timestamp
from improvement_kit.documents.fields import FieldUse, field_uses, merge_uses, missing_fields
from improvement_kit.documents.house_style import HouseStyle, apply_house_style
from improvement_kit.documents.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_container,
    end_budget,
    start_budget,
)
from improvement_kit.documents.package import Member, read_members
from improvement_kit.documents.parts import (
    PartSource,
    PreparedParts,
    core_properties_xml,
    empty_body,
    render_parts,
)
from improvement_kit.documents.sandbox import BoundedSandbox
from improvement_kit.documents.sandbox import env as sandbox_env
from improvement_kit.documents.spec import DocumentMeta, TemplateSpec
from improvement_kit.documents.text import normalise_text, to_template_data
from improvement_kit.errors import (
    DocumentOutputError,
    MissingFieldsError,
    OutputError,
    OutputExistsError,
    TemplateError,
    TemplateLimitError,
)
from improvement_kit.fileio import atomic_write, check_output

__all__ = [
    "DocumentProperties",
    "PreparedTemplate",
    "check_document_output",
    "document_properties",
    "prepare_template",
    "render_bytes",
    "render_to_file",
    "template_bytes",
    "write_output",
]

#: Core properties a template may fill with Jinja tags (docxtpl's list).
TEMPLATED_PROPERTIES = ("title", "subject", "author", "comments", "identifier", "language")
_TAG = re.compile(r"\{\{|\{%")
_HEADER_OR_FOOTER = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)


def _env(autoescape: bool) -> BoundedSandbox:
    """The process's bounded sandbox: autoescaped for XML, plain for properties."""
    return sandbox_env(autoescape)


_PATCH_CACHE: collections.OrderedDict[str, str] = collections.OrderedDict()
_PATCH_LOCK = threading.Lock()


def _patch_xml(src: str) -> str:
    """docxtpl's XML clean-up (tags split across runs mended, docxtpl tag forms), memoised."""
    from docxtpl import DocxTemplate

    key = hashlib.sha1(src.encode("utf-8")).hexdigest()
    with _PATCH_LOCK:
        found = _PATCH_CACHE.get(key)
        if found is not None:
            _PATCH_CACHE.move_to_end(key)
            return found
    patched: str = DocxTemplate.patch_xml(None, src)
    with _PATCH_LOCK:
        _PATCH_CACHE[key] = patched
        while len(_PATCH_CACHE) > 128:
            _PATCH_CACHE.popitem(last=False)
    return patched


def _jinja_source(patched: str) -> str:
    """The source Jinja compiles for one XML part: each ``<w:p`` starts a line (docxtpl)."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


@attrs.frozen
class DocumentProperties:
    """The core properties written into a rendered document."""

    title: str
    date: dt.date | None = None
    author: str = ""
    subject: str = ""
    keywords: str = ""
    comments: str = ""
    identifier: str = ""
    category: str = ""
    language: str = "en-GB"


@attrs.frozen
class PreparedTemplate:
    """A template read once: its bytes, the fields it uses and its templated properties.

    ``parts`` is the template read for rendering part by part (``None`` for the rare
    template that is rendered by reopening it with docxtpl each time: one without core
    properties, or with a member that cannot be copied as stored).
    """

    name: str
    key: str
    data: bytes
    uses: Mapping[str, FieldUse]
    part_sources: tuple[tuple[str, str], ...]
    parts: PreparedParts | None = None


_PREPARED: collections.OrderedDict[str, PreparedTemplate] = collections.OrderedDict()
_PREPARED_LOCK = threading.Lock()


def _xml_parts(document: Any) -> list[tuple[str, str, str, str]]:
    """(label, zip member, kind, XML text) of the body, headers, footers and footnotes, in
    document order, as docxtpl reads them (see :class:`~.parts.PartSource` for the kinds)."""
    etree: Any = importlib.import_module("lxml.etree")

    def member(part: Any) -> str:
        return str(part.partname).lstrip("/")

    parts = [
        (
            "body",
            member(document.part),
            "body",
            etree.tostring(document.element.body, encoding="unicode"),
        )
    ]
    seen = set()
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in _HEADER_OR_FOOTER:
            continue
        blob = rel.target_part.blob
        if blob and member(rel.target_part) not in seen:
            seen.add(member(rel.target_part))
            label = "header" if rel.reltype.endswith("header") else "footer"
            xml = etree.tostring(etree.fromstring(blob), encoding="unicode")
            parts.append((label, member(rel.target_part), "xml", xml))
    for part in document.part.package.parts:
        if part.content_type == _FOOTNOTES:
            blob = part.blob
            xml = blob.decode("utf-8") if isinstance(blob, bytes) else blob
            parts.append(("footnotes", member(part), "raw", xml))
    return parts


def _prepared_parts(
    data: bytes,
    document: Any,
    sources: list[PartSource],
    properties: list[tuple[str, str]],
) -> PreparedParts | None:
    """The template read for rendering part by part, or ``None`` when it must be reopened."""
    members = read_members(data)
    if members is None:
        return None
    # the members python-docx would write: the parts reached from the package, their
    # relationships, and content types made from the parts (a merged house style may bring
    # an image whose type the template's list lacks)
    try:
        from docx.opc.pkgwriter import _ContentTypesItem

        reached = list(document.part.package.iter_parts())
        content_types: bytes = _ContentTypesItem.from_parts(reached).blob  # type: ignore[no-untyped-call]
    except (ImportError, AttributeError):  # pragma: no cover - another python-docx
        return None
    # in python-docx's order: content types, package relationships, then each part (by
    # name) followed by its relationships
    order = ["[Content_Types].xml", "_rels/.rels"]
    for part in sorted(reached, key=lambda p: str(p.partname)):
        order.append(str(part.partname).lstrip("/"))
        if len(part.rels):
            order.append(str(part.partname.rels_uri).lstrip("/"))
    if not set(order) <= members.keys() or len(set(order)) != len(order):
        return None
    members = {name: members[name] for name in order}
    members["[Content_Types].xml"] = Member.deflate("[Content_Types].xml", content_types)
    core = [
        str(rel.target_part.partname).lstrip("/")
        for rel in document.part.package.rels.values()
        if rel.reltype == _CORE_PROPERTIES and not rel.is_external
    ]
    if len(core) != 1 or core[0] not in members:
        return None
    if any(part.member not in members for part in sources):
        return None
    skeleton = empty_body(document.element)
    if skeleton is None:
        return None
    return PreparedParts(
        members, tuple(sources), skeleton, core[0], tuple(order), tuple(properties)
    )


#: Finds where in a template a Jinja syntax error is, as Word numbers paragraphs: set by
#: :mod:`improvement_kit.documents.check` when it is imported (the package imports it), so that
#: this module does not import the template check back.
SYNTAX_ERROR_LOCATORS: list[Callable[[bytes], str | None]] = []


def _syntax_error(name: str, label: str, exc: TemplateSyntaxError, data: bytes) -> TemplateError:
    # docxtpl removes the paragraphs holding {%p %} tags, so the line of the patched XML is
    # not the paragraph's number: the template check numbers paragraphs as Word shows them.
    where = f"paragraph {max((exc.lineno or 1) - 1, 1)} of the {label}"
    for locate in SYNTAX_ERROR_LOCATORS:
        with contextlib.suppress(Exception):
            where = locate(data) or where
    return TemplateError(f"{name}: Jinja syntax error in {where}: {exc.message}")


def prepare_template(
    data: bytes, name: str = "template", limits: Limits = DEFAULT_LIMITS, label: str = ""
) -> PreparedTemplate:
    """Read a .docx template once (cached by content): check its container (see
    :func:`~improvement_kit.documents.limits.check_container`), parse every part and list its
    fields. ``label`` names the template in a refusal of its container (default ``name``).

    Raises :class:`~improvement_kit.errors.TemplateError` for a file that is not a .docx or a
    template with a Jinja syntax error (naming the paragraph), and
    :class:`~improvement_kit.errors.TemplateLimitError` for a container over the limits.
    """
    key = hashlib.sha256(data).hexdigest() + repr(_container_limits(limits))
    with _PREPARED_LOCK:
        found = _PREPARED.get(key)
        if found is not None and found.name == name:
            _PREPARED.move_to_end(key)
            return found
    import docx

    check_container(data, label or name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise TemplateError(f"{name}: not a Word .docx file ({type(exc).__name__})") from None
    env = _env(True)
    groups: list[Mapping[str, FieldUse]] = []
    sources: list[tuple[str, str]] = []
    parts: list[PartSource] = []
    for label, member, kind, xml in _xml_parts(document):
        source = _jinja_source(_patch_xml(xml))
        try:
            parsed = env.parse(source)
        except TemplateSyntaxError as exc:
            raise _syntax_error(name, label, exc, data) from None
        groups.append(field_uses(parsed))
        env.compile_parsed(source, parsed)  # parsed once, for the fields and the render
        sources.append((label, source))
        parts.append(PartSource(member, kind, label, source))
    core = document.core_properties
    templated: list[tuple[str, str]] = []
    for prop in TEMPLATED_PROPERTIES:
        value = getattr(core, prop) or ""
        if _TAG.search(value):
            try:
                tree: jinja_nodes.Template = _env(False).parse(value)
            except TemplateSyntaxError as exc:
                raise TemplateError(
                    f"{name}: Jinja syntax error in document property {prop!r}: {exc.message}"
                ) from None
            groups.append(field_uses(tree))
            templated.append((prop, value))
    prepared = PreparedTemplate(
        name,
        key,
        data,
        merge_uses(*groups),
        tuple(sources),
        _prepared_parts(data, document, parts, templated),
    )
    with _PREPARED_LOCK:
        _PREPARED[key] = prepared
        while len(_PREPARED) > 32:
            _PREPARED.popitem(last=False)
    return prepared


def _container_limits(limits: Limits) -> tuple[int, ...]:
    return (
        limits.max_template_bytes,
        limits.max_zip_members,
        limits.max_member_bytes,
        limits.max_unzipped_bytes,
        limits.max_compression_ratio,
    )


def read_template_file(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A template file's bytes, refusing one larger than ``limits.max_template_bytes``
    before reading it."""
    try:
        size = path.stat().st_size
        if size > limits.max_template_bytes:
            raise TemplateLimitError(
                name, "max_template_bytes", limits.max_template_bytes, f"the file has {size} bytes"
            )
        return path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{name}: template cannot be read: {exc.strerror or exc}") from None


def template_bytes(
    template: TemplateSpec | str | os.PathLike[str] | bytes, limits: Limits = DEFAULT_LIMITS
) -> tuple[str, bytes]:
    """The name and bytes of a template given as a spec, a path or bytes."""
    if isinstance(template, bytes):
        return "template", template
    if isinstance(template, TemplateSpec):
        resource = template.resource
        if isinstance(resource, Path):
            return template.id, read_template_file(resource, template.id, limits)
        try:
            return template.id, resource.read_bytes()
        except OSError as exc:
            raise TemplateError(
                f"{template.id}: template file cannot be read: {exc.strerror or exc}"
            ) from None
    path = Path(template)
    return path.name, read_template_file(path, str(path), limits)


def document_properties(
    context: Any, template_id: str = "", plugin: str = ""
) -> DocumentProperties:
    """Core properties for a context: from its ``meta`` (a
    :class:`~improvement_kit.documents.spec.DocumentMeta`), with provenance (library and plugin
    versions, template id, rule ids) in ``keywords`` and ``comments``."""
    meta = context.get("meta") if isinstance(context, Mapping) else getattr(context, "meta", None)
    if not isinstance(meta, DocumentMeta):
        meta = DocumentMeta(title=template_id or "Document")
    made_by = f"improvement_kit {__version__}"
    if plugin:
        made_by += f"; {plugin}"
    rules = ", ".join(meta.rule_ids)
    comments = f"Generated by {made_by}; template {template_id or 'user template'}"
    if rules:
        comments += f"; rules {rules}"
    keywords = "; ".join(x for x in (template_id, *meta.rule_ids) if x)
    return DocumentProperties(
        title=meta.title,
        date=meta.date,
        author=meta.author,
        subject=meta.subject,
        keywords=keywords,
        comments=comments,
        identifier=meta.reference,
        category=template_id,
        language=meta.language,
    )


def _docx_template_class() -> type[Any]:
    from docxtpl import DocxTemplate

    class _SafeDocxTemplate(DocxTemplate):  # type: ignore[misc]
        """docxtpl with memoised XML clean-up and properties rendered without escaping."""

        rendered_properties: dict[str, str]

        def patch_xml(self, src_xml: str) -> str:
            return _patch_xml(src_xml)

        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            del jinja_env
            self.rendered_properties = {}
            core = self.docx.core_properties
            for prop in TEMPLATED_PROPERTIES:
                value = getattr(core, prop) or ""
                if _TAG.search(value):
                    rendered = _env(False).from_string(value).render(context)
                    self.rendered_properties[prop] = normalise_text(rendered)

    return _SafeDocxTemplate


_TEMPLATE_CLASS: list[type[Any]] = []


def _apply_properties(core: Any, props: DocumentProperties, rendered: Mapping[str, str]) -> None:
    stamp = dt.datetime(*(props.date or dt.date(1980, 1, 1)).timetuple()[:3])
    # the properties come from case data too: normalised like any text (no control characters)
    core.title = normalise_text(rendered.get("title", props.title))
    core.subject = normalise_text(rendered.get("subject", props.subject))
    core.author = normalise_text(props.author)
    core.last_modified_by = normalise_text(props.author)
    core.keywords = normalise_text(props.keywords)
    core.comments = normalise_text(props.comments)
    core.identifier = normalise_text(props.identifier)
    core.category = normalise_text(props.category)
    core.language = normalise_text(props.language)
    core.created = stamp
    core.modified = stamp
    core.revision = 1


def _to_data(context: Any) -> dict[str, Any]:
    data = to_template_data(context)
    if not isinstance(data, dict):
        raise TemplateError(
            f"a context must be an attrs object or a mapping, not {type(context).__name__}"
        )
    data.pop("meta", None)
    return data


def render_bytes(
    template: TemplateSpec | str | os.PathLike[str] | bytes,
    context: Any,
    *,
    properties: DocumentProperties | None = None,
    optional_fields: Iterable[str] = (),
    limits: Limits | None = None,
    house_style: HouseStyle | None = None,
) -> bytes:
    """Render a template with a context (an attrs object or a mapping) to .docx bytes.

    With ``house_style`` (see :func:`~improvement_kit.documents.house_style.load_house_style`)
    the template's styles, header, footer and margins are the house style's.

    The render runs under ``limits`` (default
    :data:`~improvement_kit.documents.limits.DEFAULT_LIMITS`): time, loop iterations, sizes.

    Raises :class:`~improvement_kit.errors.MissingFieldsError` listing every missing field
    (nothing is rendered), :class:`~improvement_kit.errors.TemplateError` for a template that
    cannot be parsed or that the sandbox stops, and
    :class:`~improvement_kit.errors.TemplateLimitError` for one that exceeds a limit.
    """
    limits = limits or DEFAULT_LIMITS
    name, data = template_bytes(template, limits)
    template_id = template.id if isinstance(template, TemplateSpec) else ""
    optional = set(optional_fields)
    plugin = ""
    if isinstance(template, TemplateSpec):
        optional |= template.optional_fields
        plugin = template.plugin
    # limits are named with the file too: an authority's edited copy (--template-file) is
    # the usual suspect
    label = (
        f"{template.id} ({template.resource.name})" if isinstance(template, TemplateSpec) else name
    )
    if house_style is not None:
        data = apply_house_style(data, house_style)
    prepared = prepare_template(data, name, limits, label)
    values = _to_data(context)
    missing = missing_fields(values, prepared.uses, optional)
    if missing:
        raise MissingFieldsError(template_id or name, missing)
    if properties is None:
        properties = document_properties(context, template_id, plugin)
    budget = start_budget(limits, label)
    try:
        out = _render(prepared, values, properties)
    except TemplateError:
        raise
    except RecursionError:
        raise TemplateError(
            f"{label}: the template recurses too deeply (a macro that calls itself without end?)"
        ) from None
    except MemoryError:
        raise TemplateError(f"{label}: the template needs more memory than there is") from None
    except jinja_errors.SecurityError as exc:
        raise TemplateError(f"{name}: blocked by the template sandbox: {exc}") from None
    except jinja_errors.TemplateError as exc:
        context_lines = " / ".join(
            line.strip() for line in getattr(exc, "docx_context", ()) if line.strip()
        )
        where = f" near: {context_lines[:200]}" if context_lines else ""
        message = str(exc)[:200]
        raise TemplateError(f"{name}: {type(exc).__name__}: {message}{where}") from None
    except (TypeError, ValueError, ArithmeticError, LookupError, SyntaxError) as exc:
        # what a template may do that the sandboxed environment refuses ({% include %} with no
        # loader, a range beyond the sandbox's limit) or XML its tags break: the template's
        # fault, reported as such rather than as a crash
        raise TemplateError(
            f"{name}: the template cannot be rendered: {type(exc).__name__}: {str(exc)[:200]}"
        ) from None
    finally:
        end_budget(budget)
    if len(out) > limits.max_output_bytes:
        raise TemplateLimitError(
            label,
            "max_output_bytes",
            limits.max_output_bytes,
            f"the document has {len(out)} bytes",
        )
    return out


def _render(
    prepared: PreparedTemplate, values: dict[str, Any], properties: DocumentProperties
) -> bytes:
    """The document as .docx bytes: part by part, or by reopening the template with docxtpl."""
    parts = prepared.parts
    if parts is not None:
        rendered = {
            prop: normalise_text(_env(False).from_string(source).render(values))
            for prop, source in parts.properties
        }

        def core(xml: bytes) -> bytes:
            return core_properties_xml(
                xml, lambda props: _apply_properties(props, properties, rendered)
            )

        return render_parts(parts, values, _env(True), core, zip_timestamp(properties.date))
    if not _TEMPLATE_CLASS:
        _TEMPLATE_CLASS.append(_docx_template_class())
    document = _TEMPLATE_CLASS[0](io.BytesIO(prepared.data))
    document.render(values, jinja_env=_env(True), autoescape=False)
    _apply_properties(document.docx.core_properties, properties, document.rendered_properties)
    return save_deterministic(document.docx, properties.date)


def write_output(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = False,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> None:
    """:func:`~improvement_kit.fileio.atomic_write`: a folder, an input or a path that cannot
    be written is a :class:`~improvement_kit.errors.DocumentOutputError` (one line, no
    traceback)."""
    try:
        atomic_write(path, data, overwrite=overwrite, inputs=inputs)
    except OutputExistsError:
        raise
    except OutputError as exc:
        raise DocumentOutputError(str(exc)) from None


def render_to_file(
    template: TemplateSpec | str | os.PathLike[str] | bytes,
    context: Any,
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    properties: DocumentProperties | None = None,
    optional_fields: Iterable[str] = (),
    limits: Limits | None = None,
    house_style: HouseStyle | None = None,
) -> Path:
    """Render to ``output`` atomically (a temporary file in the same folder, then a rename).

    Raises :class:`~improvement_kit.errors.OutputExistsError` if ``output`` exists and
    ``force`` is false, :class:`~improvement_kit.errors.OutputError` if it is a folder or the
    template itself; a failed render leaves no file behind.
    """
    path = Path(output)
    inputs = [] if isinstance(template, bytes) else [_template_path(template)]
    check_document_output(path, overwrite=force, inputs=inputs)
    data = render_bytes(
        template,
        context,
        properties=properties,
        optional_fields=optional_fields,
        limits=limits,
        house_style=house_style,
    )
    write_output(path, data, overwrite=force, inputs=inputs)
    return path


def check_document_output(
    path: Path, *, overwrite: bool = False, inputs: Iterable[str | os.PathLike[str] | None] = ()
) -> None:
    """:func:`~improvement_kit.fileio.check_output`, raising document errors."""
    try:
        check_output(path, overwrite=overwrite, inputs=inputs)
    except OutputExistsError:
        raise
    except OutputError as exc:
        raise DocumentOutputError(str(exc)) from None


def _template_path(template: TemplateSpec | str | os.PathLike[str]) -> Path | None:
    if isinstance(template, TemplateSpec):
        return template.resource if isinstance(template.resource, Path) else None
    return Path(template)

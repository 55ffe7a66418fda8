"""The template check: the mistakes Word makes easy, reported with paragraph numbers.

Paragraphs are numbered from 1 in document order, table cells included (as Word's
navigation pane counts them); headers and footers are numbered on their own.
"""

from __future__ import annotations

import importlib
import io
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from jinja2 import TemplateSyntaxError

from improvement_kit.documents.fields import FieldUse, field_uses
from improvement_kit.documents.limits import DEFAULT_LIMITS, Limits, check_container
from improvement_kit.errors import TemplateError

__all__ = ["Problem", "check_template", "context_schema", "optional_paths"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_SPACED = re.compile(r"\{\s+[{%]|[%}]\s+\}")
_SMART = re.compile(r"[“”‘’„‚«»]")
_DOCXTPL_BLOCK = re.compile(r"\{%-?\s*(?:p|tr|tc|r)\s")
_DOCXTPL_VAR = re.compile(r"\{\{-?\s*(?:p|r)\s")
_RESERVED = frozenset({"meta"})
_HEADER_FOOTER = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)


@attrs.frozen
class Problem:
    """One problem found in a template; ``paragraph`` is ``None`` for document-wide ones."""

    paragraph: int | None
    message: str
    part: str = "body"

    def __str__(self) -> str:
        if self.paragraph is None:
            return f"template: {self.message}"
        where = "paragraph" if self.part == "body" else f"{self.part} paragraph"
        return f"{where} {self.paragraph}: {self.message}"


def _paragraph_runs(paragraph: Any) -> list[str]:
    runs: list[str] = []
    for run in paragraph.iter(f"{_W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
        if text:
            runs.append(text)
    return runs


def _paragraph_problems(number: int, runs: Sequence[str], part: str) -> list[Problem]:
    text = "".join(runs)
    owner: list[int] = []
    for index, run in enumerate(runs):
        owner.extend([index] * len(run))
    problems: list[Problem] = []
    for match in _TAG_SPAN.finditer(text):
        tag = match.group(0)
        spans = len(set(owner[match.start() : match.end()]))
        if spans > 1:
            problems.append(
                Problem(
                    number,
                    f"tag {tag!r} is split across {spans} Word runs (formatting or proofing "
                    "marks inside it); retype it in one go or clear its formatting",
                    part,
                )
            )
        if _SMART.search(tag):
            problems.append(
                Problem(
                    number,
                    f"tag {tag!r} contains smart quotes; use straight quotes ' and \" inside "
                    "tags (turn off Word's AutoFormat 'straight quotes with smart quotes')",
                    part,
                )
            )
    for match in _SPACED.finditer(text):
        problems.append(
            Problem(
                number,
                f"{match.group(0)!r} has a space inside the braces, so it is not a tag and "
                "will be printed as text",
                part,
            )
        )
    stripped = _TAG_SPAN.sub("", text)
    for opener, closer in (("{{", "}}"), ("{%", "%}")):
        if opener in stripped and closer not in stripped.split(opener, 1)[1]:
            problems.append(
                Problem(
                    number,
                    f"{opener!r} is opened but not closed in this paragraph (a tag must not "
                    "run across paragraphs)",
                    part,
                )
            )
    return problems


def _skeleton_line(runs: Sequence[str]) -> str:
    text = "".join(runs)
    text = _DOCXTPL_BLOCK.sub("{% ", text)
    text = _DOCXTPL_VAR.sub("{{ ", text)
    return (
        text.replace("“", '"')
        .replace("”", '"')
        .replace("‘", "'")
        .replace("’", "'")
        .replace("\n", " ")
    )


def _parts(document: Any) -> list[tuple[str, Any]]:
    etree: Any = importlib.import_module("lxml.etree")

    parts: list[tuple[str, Any]] = [("body", document.element.body)]
    counts = {"header": 0, "footer": 0}
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in _HEADER_FOOTER:
            continue
        kind = "header" if rel.reltype.endswith("header") else "footer"
        counts[kind] += 1
        parts.append((f"{kind} {counts[kind]}", etree.fromstring(rel.target_part.blob)))
    return parts


def _unwrap(tp: Any) -> Any:
    """``X | None`` -> ``X``."""
    args = typing.get_args(tp)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return tp


def context_schema(context_type: type[Any]) -> dict[str, bool]:
    """Every dotted path of an attrs context class, mapped to whether a template may go below
    it freely (a mapping or ``Any``). ``actions[].due`` for a sequence of attrs objects."""
    return _schema(context_type)[0]


def optional_paths(context_type: type[Any]) -> set[str]:
    """The paths of fields marked ``metadata={"optional": True}`` in an attrs context class:
    a template may leave them out without the check complaining."""
    return _schema(context_type)[1]


def _schema(context_type: type[Any]) -> tuple[dict[str, bool], set[str]]:
    schema: dict[str, bool] = {}
    optional: set[str] = set()

    def walk(cls: type[Any], prefix: str) -> None:
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            if not prefix and field.name in _RESERVED:
                continue
            path = f"{prefix}{field.name}"
            if field.metadata.get("optional"):
                optional.add(path)
            add(_unwrap(hints.get(field.name, Any)), path)

    def add(tp: Any, path: str) -> None:
        origin = typing.get_origin(tp)
        if tp is Any or origin in (dict, Mapping) or tp in (dict,):
            schema[path] = True
            return
        schema[path] = False
        if isinstance(tp, type) and attrs.has(tp):
            walk(tp, path + ".")
        elif origin in (list, tuple, Sequence, typing.Sequence) or tp in (list, tuple):
            args = [a for a in typing.get_args(tp) if a is not Ellipsis]
            add(_unwrap(args[0]) if args else Any, path + "[]")

    walk(context_type, "")
    return schema, optional


def _leaves(schema: Mapping[str, bool]) -> list[str]:
    """Paths with nothing below them (the fields a template is expected to print)."""
    out = []
    for path in schema:
        if any(other.startswith((path + ".", path + "[]")) for other in schema if other != path):
            continue
        out.append(path.removesuffix("[]") if path.endswith("[]") and path.count("[]") else path)
    return sorted(set(out))


def _known(path: str, schema: Mapping[str, bool]) -> bool:
    if path in schema:
        return True
    for known, free in schema.items():
        if free and path.startswith((known + ".", known + "[]")):
            return True
    return False


def _is_under(path: str, prefixes: Iterable[str]) -> bool:
    return any(path == p or path.startswith((p + ".", p + "[]")) for p in prefixes)


def _static_problems(tree: Any, limits: Limits) -> list[tuple[int, str]]:
    from improvement_kit.documents.limits import end_budget, start_budget
    from improvement_kit.documents.render import _env
    from improvement_kit.documents.sandbox import static_limit_problems

    token = start_budget(limits, "template")
    try:
        return static_limit_problems(tree, _env(True))
    finally:
        end_budget(token)


def check_template(
    template: str | Path | bytes,
    *,
    context_type: type[Any] | None = None,
    optional_fields: Iterable[str] = (),
    limits: Limits = DEFAULT_LIMITS,
    name: str | None = None,
) -> list[Problem]:
    """Every problem found in a .docx template, in document order.

    Always checked: Jinja syntax, tags split across Word runs, smart quotes inside tags,
    ``{ {`` with a space, tags left open at the end of a paragraph. With ``context_type`` (an
    attrs class): variables the template uses that the context does not define, and context
    fields (other than ``optional_fields``) that the template never uses.

    The file and its container are checked against ``limits`` before anything is parsed
    (:func:`~improvement_kit.documents.limits.check_container`), and nothing in the template
    is evaluated, so a hostile template cannot make the check hang or exhaust memory.
    Raises :class:`~improvement_kit.errors.TemplateLimitError` for one over the limits.
    """
    import docx

    from improvement_kit.documents.render import _env, read_template_file

    if name is None:
        name = "template" if isinstance(template, bytes) else str(template)[:200]
    if isinstance(template, bytes):
        data = template
    else:
        data = read_template_file(Path(template), name, limits)
    check_container(data, name, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise TemplateError(f"{name}: not a Word .docx file ({type(exc).__name__})") from None

    problems: list[Problem] = []
    uses: dict[str, tuple[FieldUse, str]] = {}
    for part, root in _parts(document):
        lines: list[str] = []
        for number, paragraph in enumerate(root.iter(f"{_W}p"), start=1):
            runs = _paragraph_runs(paragraph)
            problems.extend(_paragraph_problems(number, runs, part))
            lines.append(_skeleton_line(runs))
        try:
            tree = _env(True).parse("\n".join(lines))
            _env(True).compile(tree)  # unknown filters and tests fail only when compiled
        except TemplateSyntaxError as exc:
            line = exc.lineno or 1
            if exc.message and exc.message.startswith("Unexpected end of template"):
                line = len(lines)  # Jinja reached the end; point at the last paragraph
            problems.append(Problem(line, f"Jinja syntax error: {exc.message}", part))
            continue
        for line, message in _static_problems(tree, limits):
            problems.append(Problem(line, message, part))
        for path, use in field_uses(tree).items():
            uses.setdefault(path, (use, part))
    from improvement_kit.documents.render import _TAG, TEMPLATED_PROPERTIES

    for prop in TEMPLATED_PROPERTIES:  # docxtpl renders these core properties too
        value = getattr(document.core_properties, prop) or ""
        if not _TAG.search(value):
            continue
        try:
            tree = _env(False).parse(value)
            _env(False).compile(tree)
        except TemplateSyntaxError as exc:
            message = f"Jinja syntax error in the document property {prop!r}: {exc.message}"
            problems.append(Problem(None, message))
            continue
        for path, use in field_uses(tree).items():
            uses.setdefault(path, (use, f"property:{prop}"))
    if context_type is not None:
        schema, optional = _schema(context_type)
        optional |= set(optional_fields)
        for path, (use, part) in sorted(uses.items(), key=lambda kv: (kv[1][1], kv[1][0].line)):
            if path.split(".")[0].split("[")[0] in _RESERVED:
                continue
            if not _known(path, schema):
                if part.startswith("property:"):
                    where = f" (in the document property {part.split(':', 1)[1]!r})"
                    message = f"{path!r}{where} is not a field of {context_type.__name__}"
                    problems.append(Problem(None, message))
                    continue
                problems.append(
                    Problem(
                        use.line,
                        f"{path!r} is not a field of {context_type.__name__}",
                        part,
                    )
                )
        used = list(uses)
        for leaf in _leaves(schema):
            if _is_under(leaf, optional) or any(
                leaf == u or u.startswith((leaf + ".", leaf + "[]")) for u in used
            ):
                continue
            problems.append(
                Problem(None, f"required field {leaf!r} of {context_type.__name__} is never used")
            )
    order = {"body": 0}
    return sorted(
        problems,
        key=lambda p: (p.paragraph is None, order.get(p.part, 1), p.part, p.paragraph or 0),
    )


def _locate_syntax_error(data: bytes) -> str | None:
    for problem in check_template(data):
        if problem.paragraph is not None and problem.message.startswith("Jinja syntax"):
            return f"paragraph {problem.paragraph} of the {problem.part}"
    return None


def _register_locator() -> None:
    from improvement_kit.documents import render

    if _locate_syntax_error not in render.SYNTAX_ERROR_LOCATORS:
        render.SYNTAX_ERROR_LOCATORS.append(_locate_syntax_error)


_register_locator()

"""Bounds on what a template may cost: time, loop iterations, sizes, and the .docx container.

A template is a program written by whoever edited the Word file. Without bounds,
``{{ 10**10**10 }}``, ``{{ 'a' * 10**9 }}``, two nested loops over ``range(100000)`` or a
.docx member that inflates to gigabytes hang ``render`` and ``templates check`` or exhaust
memory. Every bound here has a default generous enough for any real notice (a 1,000-row
table renders in well under a second) and can be raised, through :class:`Limits` in Python
or ``--max-render-seconds`` / ``--limit NAME=VALUE`` on the command line.

How each bound is enforced (all of them cost little; see ``benchmarks/documents.py``):

* **time**: a deadline (``time.monotonic``) checked on loop iterations, sandboxed calls and
  output chunks, so it works in any thread and any worker process (no ``signal.alarm``);
* **loop iterations**: every ``{% for %}`` iterable is wrapped (by an AST rewrite at compile
  time) in a counting generator; the count is per render, across all loops;
* **integer and text sizes**: the sandbox intercepts ``**``, ``*``, ``+``, ``%`` and ``//``
  (which also stops Jinja folding them at compile time, so ``templates check`` never computes
  them), checks every call and filter's arguments before and its result after, and the size of
  every attribute read (a ``namespace`` cannot double a string unnoticed);
* **rendered and zipped sizes**: counted as Jinja produces the XML, and on the saved .docx;
* **the container**: before python-docx reads a template, its zip directory is checked
  (members, declared sizes, compression ratios), every member is inflated in bounded chunks
  and compared with its declared size, and XML parts with a DOCTYPE or entity declarations
  are refused.
"""

from __future__ import annotations

import contextvars
import io
import re
import time
import zipfile
from typing import Any

import attrs

from improvement_kit import interrupt
from improvement_kit.errors import TemplateError, TemplateLimitError

__all__ = ["DEFAULT_LIMITS", "Limits", "check_container", "parse_limit"]

_MB = 1024 * 1024


def _positive(instance: Any, attribute: Any, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"limit {attribute.name} must be a positive number, not {value!r}")


@attrs.frozen
class Limits:
    """The bounds one render or template check runs under (see the module docstring).

    Raise one with ``attrs.evolve(DEFAULT_LIMITS, max_render_seconds=120)`` or, on the
    command line, ``--max-render-seconds 120`` / ``--limit max_loop_iterations=5000000``.
    """

    #: Wall-clock seconds one render may take (template rendering, not the PDF conversion).
    max_render_seconds: float = attrs.field(default=60.0, validator=_positive)
    #: Iterations of ``{% for %}`` loops in one render, all loops together.
    max_loop_iterations: int = attrs.field(default=1_000_000, validator=_positive)
    #: Sandboxed calls (macros, methods, ``loop()``) in one render.
    max_calls: int = attrs.field(default=1_000_000, validator=_positive)
    #: The largest ``range()`` a template may make.
    max_range: int = attrs.field(default=100_000, validator=_positive)
    #: Bits of the largest integer an operator may produce (4096 bits: about 1,233 digits).
    max_integer_bits: int = attrs.field(default=4096, validator=_positive)
    #: Characters (or items) of the longest text or list an operation may produce.
    max_string_length: int = attrs.field(default=1_000_000, validator=_positive)
    #: Characters of XML one render may produce, all parts together.
    max_rendered_chars: int = attrs.field(default=64 * _MB, validator=_positive)
    #: Bytes of the saved .docx.
    max_output_bytes: int = attrs.field(default=64 * _MB, validator=_positive)
    #: Bytes of the template .docx file.
    max_template_bytes: int = attrs.field(default=32 * _MB, validator=_positive)
    #: Members of the template's zip container.
    max_zip_members: int = attrs.field(default=2_000, validator=_positive)
    #: Declared (and actual) inflated bytes of one member of the template.
    max_member_bytes: int = attrs.field(default=64 * _MB, validator=_positive)
    #: Inflated bytes of all members of the template together.
    max_unzipped_bytes: int = attrs.field(default=128 * _MB, validator=_positive)
    #: Inflated / compressed size of a member larger than 1 MB.
    max_compression_ratio: int = attrs.field(default=200, validator=_positive)


DEFAULT_LIMITS = Limits()

_FIELDS = {field.name: field for field in attrs.fields(Limits)}


def parse_limit(text: str, base: Limits) -> Limits:
    """``NAME=VALUE`` (e.g. ``max_loop_iterations=5000000``) applied to ``base``."""
    name, sep, raw = text.partition("=")
    name = name.strip().replace("-", "_")
    if not sep or name not in _FIELDS:
        known = ", ".join(_FIELDS)
        raise TemplateError(f"--limit {text[:60]!r}: expected NAME=VALUE, NAME one of {known}")
    kind = float if name == "max_render_seconds" else int
    try:
        value = kind(raw.strip().replace("_", ""))
        changes: dict[str, Any] = {name: value}
        return attrs.evolve(base, **changes)
    except ValueError:
        raise TemplateError(f"--limit {name}: {raw[:40]!r} is not a positive number") from None


# -- the budget of one render -------------------------------------------------------------


class Budget:
    """What one render has spent; found through a context variable, so each thread and each
    worker process has its own."""

    __slots__ = ("calls", "chars", "deadline", "iterations", "limits", "name", "outputs")

    def __init__(self, limits: Limits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.deadline = time.monotonic() + limits.max_render_seconds
        self.iterations = 0
        self.calls = 0
        self.outputs = 0
        self.chars = 0

    def exceeded(self, limit: str, what: str) -> TemplateLimitError:
        value = getattr(self.limits, limit)
        return TemplateLimitError(self.name, limit, value, what)

    def check_time(self) -> None:
        interrupt.check()  # a SIGTERM whose exception was swallowed (see interrupt)
        if time.monotonic() > self.deadline:
            raise self.exceeded("max_render_seconds", "the render takes too long")


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "improvement_kit_budget", default=None
)


def current_budget() -> Budget | None:
    """The budget of the render running in this context, if any."""
    return _BUDGET.get()


def start_budget(limits: Limits, name: str) -> contextvars.Token[Budget | None]:
    """Start a render's budget; pass the token to :func:`end_budget` (in a ``finally``)."""
    return _BUDGET.set(Budget(limits, name))


def end_budget(token: contextvars.Token[Budget | None]) -> None:
    _BUDGET.reset(token)


# -- the container ------------------------------------------------------------------------

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK = 256 * 1024


def _xml_text(head: bytes) -> bytes:
    """The bytes to search for declarations: UTF-16 parts decoded to ASCII-compatible text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        try:
            codec = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le"
            if head[:1] == b"\x00":
                codec = "utf-16-be"
            return head.decode(codec, "replace").encode("utf-8", "replace")
        except LookupError:  # pragma: no cover - the codecs are built in
            return head
    return head


def check_container(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a template whose container could exhaust memory or expand entities.

    Checked before python-docx reads anything: the file size, the number of members, each
    member's declared size and compression ratio, the declared total; then every member is
    inflated in bounded chunks (never more than its declared size plus one chunk), and each
    XML part is searched for ``<!DOCTYPE`` / ``<!ENTITY``. Raises
    :class:`~improvement_kit.errors.TemplateLimitError` or
    :class:`~improvement_kit.errors.TemplateError` (not a zip file).
    """
    if len(data) > limits.max_template_bytes:
        raise TemplateLimitError(
            name, "max_template_bytes", limits.max_template_bytes, f"the file has {len(data)} bytes"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise TemplateError(f"{name}: not a Word .docx file ({type(exc).__name__})") from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_zip_members:
            raise TemplateLimitError(
                name, "max_zip_members", limits.max_zip_members, f"it has {len(members)} members"
            )
        total = 0
        for info in members:
            declared = info.file_size
            member = f"member {info.filename[:80]!r}"
            if declared > limits.max_member_bytes:
                raise TemplateLimitError(
                    name,
                    "max_member_bytes",
                    limits.max_member_bytes,
                    f"{member} declares {declared} bytes",
                )
            if declared > _MB and declared > limits.max_compression_ratio * max(
                info.compress_size, 1
            ):
                ratio = declared // max(info.compress_size, 1)
                raise TemplateLimitError(
                    name,
                    "max_compression_ratio",
                    limits.max_compression_ratio,
                    f"{member} inflates {ratio}:1",
                )
            total += declared
            if total > limits.max_unzipped_bytes:
                raise TemplateLimitError(
                    name,
                    "max_unzipped_bytes",
                    limits.max_unzipped_bytes,
                    f"the members declare {total} bytes or more",
                )
        for info in members:
            _read_member(archive, info, name, limits)


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits
) -> None:
    member = f"member {info.filename[:80]!r}"
    is_xml = info.filename.lower().endswith((".xml", ".rels"))
    cap = min(info.file_size, limits.max_member_bytes)
    seen = 0
    head = b""
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > cap:
                    raise TemplateLimitError(
                        name,
                        "max_member_bytes",
                        limits.max_member_bytes,
                        f"{member} inflates beyond the {info.file_size} bytes it declares",
                    )
                if is_xml:
                    # declarations come before the root element; keep a window across chunks
                    window = _xml_text(head[-64:] + chunk)
                    if _DOCTYPE.search(window):
                        raise TemplateError(
                            f"{name}: {member} declares a DOCTYPE or entities, which a Word "
                            "document never needs (refused: entity expansion)"
                        )
                    head = chunk
    except TemplateError:
        raise
    except zipfile.BadZipFile as exc:
        # zipfile stops inflating at the declared size, so a member that inflates further
        # (a crafted bomb) ends here with a checksum mismatch
        raise TemplateError(
            f"{name}: {member} does not match its declared size or checksum "
            f"(damaged, or crafted to inflate further: {str(exc)[:60]})"
        ) from None
    except (NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise TemplateError(
            f"{name}: {member} cannot be read ({type(exc).__name__}: {str(exc)[:80]})"
        ) from None

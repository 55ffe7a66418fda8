"""A strict, bounded reader for the YAML and JSON files users give the library.

Case files, document ``--data`` files and rule tables written in YAML are read here, with the
YAML 1.2 core schema rather than PyYAML's YAML 1.1 defaults:

* a plain (unquoted) scalar is ``null`` (``null``, ``Null``, ``NULL``, ``~`` or nothing), a
  boolean (``true``/``false`` in those three spellings only), a decimal integer without leading
  zeros (``-12``, ``0``, ``100001``), a decimal float (``1.5``, ``2e3``), an ISO date
  (``2025-12-18``, a :class:`datetime.date`; no times), or text. So ``yes``/``no``/``on``/``off``
  stay text, ``0100001`` stays text (never the octal 32769), ``1:30`` stays text (never the
  sexagesimal 90), ``0x1F`` and ``0o17`` stay text, and an impossible date such as
  ``2025-02-29`` stays text (the converter then says it is not a valid date, by field path);
* ``.nan``, ``.inf`` and ``-.inf`` are refused (no case or data field holds them); so are
  ``NaN`` and ``Infinity`` in JSON;
* a mapping key given twice is refused, naming the key and its line;
* only the core tags ``!!str``, ``!!seq`` and ``!!map`` may be written explicitly (no
  ``!!python/...``, ``!!binary``, ``!!set`` or ``!!timestamp``); merge keys (``<<``) are
  ordinary text;
* a file holds exactly one document.

Resources are bounded, so a hostile file is refused quickly instead of hanging or crashing:

* **size**: :attr:`InputLimits.max_bytes` (default 5 MB) is checked before parsing;
* **nesting depth**: :attr:`InputLimits.max_depth` (default 64 levels of lists and mappings) is
  checked while parsing, before libyaml's recursive composer could overflow the C stack;
* **alias expansion**: :attr:`InputLimits.max_nodes` (default 1,000,000) bounds the number of values
  in the document *as if every alias were expanded*, so a "billion laughs" file is refused after
  at most that many steps;
* **encoding**: files must be UTF-8 (a leading byte-order mark is allowed); otherwise one line
  names the first bad byte and its offset.

Each limit can be raised per call (``limits=InputLimits(max_bytes=...)``) or, for the command line,
with the environment variables ``IMPROVEMENT_KIT_MAX_INPUT_BYTES``,
``IMPROVEMENT_KIT_MAX_INPUT_DEPTH`` and ``IMPROVEMENT_KIT_MAX_INPUT_NODES``.

Parsing uses libyaml's C parser when PyYAML has it (the usual wheels do) and builds values from
its events in one pass, which is several times faster than ``yaml.safe_load``
(see ``benchmarks/yaml_loading.py``).

>>> load_yaml_text("urn: 0100001\\nopen: yes\\ntime: 1:30\\nsize: 0x1F\\nn: 12\\nok: true\\n")
{'urn': '0100001', 'open': 'yes', 'time': '1:30', 'size': '0x1F', 'n': 12, 'ok': True}
>>> load_yaml_text("a: 1\\na: 2\\n")
Traceback (most recent call last):
...
improvement_kit.yaml12.InputFileError: duplicate key 'a' (line 2)
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import yaml

from improvement_kit.errors import ImprovementKitError

__all__ = [
    "DEFAULT_LIMITS",
    "InputFileError",
    "InputLimits",
    "decode_utf8",
    "load_json_text",
    "load_yaml_text",
    "read_bytes",
]

_MB = 1_000_000


class InputFileError(ImprovementKitError, ValueError):
    """A file that cannot be read as strict YAML/JSON; the message is one line without the
    file name (the caller adds it)."""


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"[0-9]{1,15}", raw.strip()) or int(raw) < 1:
        raise ImprovementKitError(f"{name}={raw[:40]!r} is not a whole number of at least 1")
    return int(raw.strip())


@attrs.frozen
class InputLimits:
    """Resource limits for reading one input file.

    ``max_bytes``: the file's size in bytes (default 5 MB).
    ``max_depth``: levels of nested lists and mappings (default 64).
    ``max_nodes``: values in the document counting every alias expansion (default 1,000,000).
    """

    max_bytes: int = attrs.field(default=5 * _MB, validator=attrs.validators.ge(1))
    max_depth: int = attrs.field(default=64, validator=attrs.validators.ge(1))
    max_nodes: int = attrs.field(default=1_000_000, validator=attrs.validators.ge(1))

    @classmethod
    def from_environment(cls) -> InputLimits:
        """The defaults, overridden by ``IMPROVEMENT_KIT_MAX_INPUT_BYTES``,
        ``IMPROVEMENT_KIT_MAX_INPUT_DEPTH`` and ``IMPROVEMENT_KIT_MAX_INPUT_NODES``."""
        default = cls()
        return cls(
            max_bytes=_env_int("IMPROVEMENT_KIT_MAX_INPUT_BYTES", default.max_bytes),
            max_depth=_env_int("IMPROVEMENT_KIT_MAX_INPUT_DEPTH", default.max_depth),
            max_nodes=_env_int("IMPROVEMENT_KIT_MAX_INPUT_NODES", default.max_nodes),
        )


#: The documented defaults.
DEFAULT_LIMITS = InputLimits()


def _size(n: int) -> str:
    return f"{n / _MB:g} MB" if n >= _MB else f"{n:,} bytes"


def read_bytes(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``path``, refusing a file larger than ``limits.max_bytes`` without reading
    more than one byte past the limit (so ``/dev/zero`` is refused too)."""
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InputFileError(
            f"larger than the {_size(limits.max_bytes)} limit for input files "
            "(raise it with IMPROVEMENT_KIT_MAX_INPUT_BYTES)"
        )
    return data


def decode_utf8(data: bytes) -> str:
    """``data`` as text; one line naming the first bad byte if it is not UTF-8.

    >>> decode_utf8(b"ok: caf\\xe9")
    Traceback (most recent call last):
    ...
    improvement_kit.yaml12.InputFileError: not UTF-8 (byte 0xe9 at offset 7)
    """
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[skip + exc.start]
        raise InputFileError(f"not UTF-8 (byte 0x{bad:02x} at offset {skip + exc.start})") from None


# -- scalars: the YAML 1.2 core schema, without octal/hex ints and without NaN/infinity --------

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NONFINITE = frozenset(
    {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF"}
    | {s + v for s in "+-" for v in (".inf", ".Inf", ".INF")}
)
_STR_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})
_SEQ_TAGS = frozenset({"!", "tag:yaml.org,2002:seq"})
_MAP_TAGS = frozenset({"!", "tag:yaml.org,2002:map"})


def _plain(value: str, line: int) -> Any:
    """A plain scalar by the YAML 1.2 core schema (the subset documented above)."""
    if not value or value[0] in "-+.0123456789~nNtTfF":
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.fullmatch(value):
            return _int(value, line)
        if _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value  # an impossible date: the converter names its field
        if _FLOAT.fullmatch(value):
            number = float(value)
            if math.isfinite(number):
                return number
            raise InputFileError(f"{_short(value)} is too large a number (line {line})")
        if value in _NONFINITE:
            raise InputFileError(f"{value} is not a finite number (line {line})")
    return value


#: Integers longer than this are refused (Python refuses to convert more than 4,300 digits,
#: and no field needs more than a few).
_MAX_INT_DIGITS = 100


def _int(text: str, line: int = 0) -> int:
    if len(text) > _MAX_INT_DIGITS:
        where = f" (line {line})" if line else ""
        raise InputFileError(f"a whole number of {len(text):,} digits is too long{where}")
    return int(text)


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


# -- the one-pass builder over libyaml's events -------------------------------------------------

try:  # pragma: no branch - the wheels ship libyaml
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


_NO_KEY = object()


def _line(event: Any) -> int:
    mark = getattr(event, "start_mark", None)
    return int(mark.line) + 1 if mark is not None else 0


def _build(parser: Any, limits: InputLimits) -> Any:
    """Values from the parser's events: dicts, lists, str, int, float, bool, date and None."""
    get = parser.get_event
    ScalarEvent = yaml.ScalarEvent
    AliasEvent = yaml.AliasEvent
    SequenceStartEvent = yaml.SequenceStartEvent
    MappingStartEvent = yaml.MappingStartEvent
    SequenceEndEvent = yaml.SequenceEndEvent
    MappingEndEvent = yaml.MappingEndEvent

    get()  # StreamStartEvent
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None
    # Frames: [container, pending key, anchor, node count at start, line of pending key]
    stack: list[list[Any]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    nodes = 0
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            tag = event.tag
            if tag is None and event.implicit[0]:
                value = _plain(event.value, _line(event))
            elif tag is None or tag in _STR_TAGS:
                value = event.value
            else:
                raise InputFileError(
                    f"tag {_tag_name(tag)} is not supported (line {_line(event)}); "
                    "write plain values"
                )
            nodes += 1
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
        elif kind is AliasEvent:
            found = anchors.get(event.anchor)
            if found is None:
                raise InputFileError(
                    f"alias *{_short(event.anchor)[1:-1]} has no complete anchor before it "
                    f"(line {_line(event)})"
                )
            value, size = found
            nodes += size
        elif kind is SequenceStartEvent or kind is MappingStartEvent:
            tag = event.tag
            if tag is not None and tag not in (
                _SEQ_TAGS if kind is SequenceStartEvent else _MAP_TAGS
            ):
                raise InputFileError(
                    f"tag {_tag_name(tag)} is not supported (line {_line(event)}); "
                    "write plain values"
                )
            if len(stack) >= max_depth:
                raise InputFileError(
                    f"nested more than {max_depth} levels deep (line {_line(event)}; "
                    "raise the limit with IMPROVEMENT_KIT_MAX_INPUT_DEPTH)"
                )
            nodes += 1
            container: Any = [] if kind is SequenceStartEvent else {}
            stack.append([container, _NO_KEY, event.anchor, nodes, 0])
            continue
        elif kind is SequenceEndEvent or kind is MappingEndEvent:
            frame = stack.pop()
            value = frame[0]
            if frame[2] is not None:
                anchors[frame[2]] = (value, nodes - frame[3] + 1)
        else:  # pragma: no cover - the parser yields no other events inside a document
            raise InputFileError(f"unexpected {kind.__name__} (line {_line(event)})")
        if nodes > max_nodes:
            raise InputFileError(
                f"more than {max_nodes:,} values once aliases are expanded (line "
                f"{_line(event)}; raise the limit with IMPROVEMENT_KIT_MAX_INPUT_NODES)"
            )
        if not stack:
            break
        frame = stack[-1]
        parent = frame[0]
        if type(parent) is list:
            parent.append(value)
        elif frame[1] is _NO_KEY:
            if isinstance(value, (dict, list)):
                raise InputFileError(
                    f"a key must be a plain value, not a list or table (line {_line(event)})"
                )
            frame[1] = value
            frame[4] = _line(event)
        else:
            key = frame[1]
            if key in parent:
                raise InputFileError(f"duplicate key {_short(key)} (line {frame[4]})")
            parent[key] = value
            frame[1] = _NO_KEY
    get()  # DocumentEndEvent
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        raise InputFileError(f"more than one YAML document (line {_line(event)})")
    return value


#: libyaml refuses flow collections nested deeper than this while scanning ahead.
_LIBYAML_MAX_DEPTH = 1000


def _yaml_error(exc: yaml.YAMLError, limits: InputLimits) -> InputFileError:
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = exc.problem or exc.context or "invalid YAML"
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}" if mark is not None else ""
        if problem.startswith("exceeded maximum nesting depth"):
            # libyaml's own bound, met while scanning ahead of the depth check in _build.
            if limits.max_depth < _LIBYAML_MAX_DEPTH:
                return InputFileError(
                    f"nested more than {limits.max_depth} levels deep ({line}; "
                    "raise the limit with IMPROVEMENT_KIT_MAX_INPUT_DEPTH)"
                )
            return InputFileError(
                f"nested more than {_LIBYAML_MAX_DEPTH} levels deep, the YAML parser's limit "
                f"({line})"
            )
        where = f" ({line}, column {mark.column + 1})" if mark is not None else ""
        return InputFileError(f"not valid YAML: {problem}{where}")
    first = (str(exc).splitlines() or [type(exc).__name__])[0]
    return InputFileError(f"not valid YAML: {first}")


def load_yaml_text(text: str, limits: InputLimits = DEFAULT_LIMITS) -> Any:
    """Parse one YAML document with the rules and limits above."""
    if len(text) > limits.max_bytes:
        raise InputFileError(f"larger than the {_size(limits.max_bytes)} limit for input files")
    parser = _Parser(text)
    try:
        return _build(parser, limits)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, limits) from None
    finally:
        dispose: Callable[[], None] | None = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


# -- JSON with the same rules -------------------------------------------------------------------


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputFileError(f"duplicate key {_short(key)}")
        out[key] = value
    return out


def _json_constant(name: str) -> Any:
    raise InputFileError(f"{name} is not a finite number")


def _json_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise InputFileError(f"{_short(text)} is too large a number")
    return number


def _check_depth(value: Any, limits: InputLimits) -> None:
    """Refuse JSON nested deeper than ``limits.max_depth`` (iteratively, so no recursion)."""
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, (dict, list)):
            if depth >= limits.max_depth:
                raise InputFileError(
                    f"nested more than {limits.max_depth} levels deep "
                    "(raise the limit with IMPROVEMENT_KIT_MAX_INPUT_DEPTH)"
                )
            children = item.values() if isinstance(item, dict) else item
            todo.extend((child, depth + 1) for child in children)


def load_json_text(text: str, limits: InputLimits = DEFAULT_LIMITS) -> Any:
    """Parse JSON with the same rules: duplicate keys, NaN and infinities refused, depth and
    size bounded."""
    if len(text) > limits.max_bytes:
        raise InputFileError(f"larger than the {_size(limits.max_bytes)} limit for input files")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_json_pairs,
            parse_constant=_json_constant,
            parse_float=_json_float,
            parse_int=_int,
        )
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:  # the json module recurses once per bracket
        raise InputFileError(
            f"nested more than {limits.max_depth} levels deep "
            "(raise the limit with IMPROVEMENT_KIT_MAX_INPUT_DEPTH)"
        ) from None
    _check_depth(value, limits)
    return value

"""Reading rule tables (TOML) into :class:`~improvement_kit.rules.schema.Rule` values.

A rule file holds an optional ``[meta]`` table and an array of ``[[rules]]`` tables. Each row
is structured by one cattrs converter (:data:`ROW_CONVERTER`, built on the case files' strict
converter, :func:`improvement_kit.structuring.strict_converter`) into a :class:`RuleRow`,
then checked across its fields. Every problem is reported as a
:class:`~improvement_kit.errors.RuleDataError` naming the file, the row (its position and id)
and the field path (``repeat.every``, ``ends_on[1].on``), with the nearest valid name.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NewType, get_args

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

from improvement_kit import structuring
from improvement_kit.errors import RuleDataError
from improvement_kit.model.sources import InForce, Nature, Source, VerificationGrade
from improvement_kit.model.timeline import ItemKind
from improvement_kit.rules.deadlines import Deadline, Point, parse_deadline, parse_point
from improvement_kit.rules.schema import (
    CalendarChoice,
    EndsOn,
    PreCommencement,
    Repeat,
    Rule,
    VersionOn,
)

_MAX_REPEAT = 100

__all__ = [
    "ROW_CONVERTER",
    "RULE_KEYS",
    "Conditions",
    "EndsOnRow",
    "Names",
    "RepeatRow",
    "RuleRow",
    "SourceRow",
    "check_rule_set",
    "did_you_mean",
    "load_rule_file",
    "load_rule_text",
    "parse_rules",
    "rule_files",
]

_REQUIRED = ("id", "item", "title", "kind", "nature", "in_force_from", "source", "grade")
_OPTIONAL = (
    "in_force_to",
    "deadline",
    "calendar",
    "trigger",
    "anchor",
    "anchor_label",
    "when",
    "except_when",
    "unless",
    "satisfied_by",
    "satisfied_when",
    "satisfied_except_when",
    "provider_types",
    "la_codes",
    "repeat",
    "ends_on",
    "ends_with_trigger",
    "pre_commencement",
    "version_on",
    "details",
    "item_title",
    "actor",
    "value",
    "wording",
    "notes",
)
#: Every key a ``[[rules]]`` row may have.
RULE_KEYS = (*_REQUIRED, *_OPTIONAL)


#: Rule tables written for 0.1 said ``policy`` for what is now ``national-policy``.
_NATURE_ALIASES = {"policy": Nature.NATIONAL_POLICY.value}

#: A string or a list of strings (``satisfied_by = "inspection"``), read as a tuple.
Names = NewType("Names", tuple[str, ...])
#: Field conditions: ``{ ground = ["s.61", "s.62"], urgent = true }`` (a bare string is one
#: value; ``true``/``false`` are compared as text).
Conditions = NewType("Conditions", dict[str, tuple[str, ...]])


def did_you_mean(value: object, known: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the nearest of ``known``, or ``""``."""
    return structuring.did_you_mean(value, known)


@attrs.frozen(kw_only=True)
class SourceRow:
    """``source = { citation = ..., url = ... }``."""

    citation: str
    url: str = ""


@attrs.frozen(kw_only=True)
class RepeatRow:
    """``repeat = { every = ..., times = ..., until = [...] }``."""

    every: Point
    times: int
    until: Names = Names(())


@attrs.frozen(kw_only=True)
class EndsOnRow:
    """One ``ends_on`` entry (see :class:`~improvement_kit.rules.schema.EndsOn`)."""

    event: str
    on: str = "date"
    when: Conditions = attrs.field(factory=lambda: Conditions({}))
    same: Names = Names(())
    because: str = ""


@attrs.frozen(kw_only=True)
class RuleRow:
    """A ``[[rules]]`` row exactly as written: what the converter structures, before the
    checks across fields make it a :class:`~improvement_kit.rules.schema.Rule`."""

    id: str
    item: str
    title: str
    kind: ItemKind
    nature: Nature
    in_force_from: dt.date
    source: SourceRow
    grade: VerificationGrade
    in_force_to: dt.date | None = None
    deadline: Deadline | None = None
    calendar: CalendarChoice = CalendarChoice.REGIONAL
    trigger: str | None = None
    anchor: str = "date"
    anchor_label: str = ""
    when: Conditions = attrs.field(factory=lambda: Conditions({}))
    except_when: Conditions = attrs.field(factory=lambda: Conditions({}))
    unless: Names = Names(())
    satisfied_by: Names = Names(())
    satisfied_when: Conditions = attrs.field(factory=lambda: Conditions({}))
    satisfied_except_when: Conditions = attrs.field(factory=lambda: Conditions({}))
    provider_types: Names = Names(())
    la_codes: Names = Names(())
    repeat: RepeatRow | None = None
    ends_on: tuple[EndsOnRow, ...] = ()
    ends_with_trigger: bool = False
    pre_commencement: PreCommencement = PreCommencement.ONLY_NEW
    version_on: VersionOn = VersionOn.TRIGGER
    details: dict[str, str] = attrs.field(factory=dict)
    item_title: str = ""
    actor: str | None = None
    value: str | None = None
    wording: str = ""
    notes: str = ""


def _names(value: object, _: object) -> Names:
    if isinstance(value, str):
        return Names((value,))
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return Names(tuple(value))
    raise ValueError(f"{value!r} is not a string or list of strings")


def _conditions(value: object, _: object) -> Conditions:
    if not isinstance(value, Mapping):
        raise ValueError(f"{value!r} is not a table")
    out: dict[str, tuple[str, ...]] = {}
    problems: dict[str, str] = {}
    for key, allowed in value.items():
        try:
            out[str(key)] = _names(
                str(allowed).lower() if isinstance(allowed, bool) else allowed, None
            )
        except ValueError as exc:
            problems[str(key)] = str(exc)
    if problems:
        structuring.refuse_fields(dict, problems)
    return Conditions(out)


def _date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValueError(f"{value!r} is not a date (write 2016-04-18, unquoted)")
    return value


def _deadline(value: object, _: object) -> Deadline:
    return parse_deadline(value)


def _point(value: object, _: object) -> Point:
    return parse_point(value, "every")


def _is_union_of(type_: object, union: object) -> bool:
    """Whether ``type_`` is ``union``, or ``union | None`` (a TOML value is never null)."""
    args = set(get_args(type_)) - {type(None)}
    return bool(args) and args == set(get_args(union))


def _converter() -> cattrs.Converter:
    conv = structuring.strict_converter()
    conv.register_structure_hook(dt.date, _date)  # a TOML date, never text
    for cls in (ItemKind, Nature, VerificationGrade, CalendarChoice, PreCommencement, VersionOn):
        conv.register_structure_hook(cls, structuring.structure_enum)
    conv.register_structure_hook(Names, _names)
    conv.register_structure_hook(Conditions, _conditions)
    conv.register_structure_hook_func(lambda t: _is_union_of(t, Deadline), _deadline)
    conv.register_structure_hook_func(lambda t: _is_union_of(t, Point), _point)
    for table in (SourceRow, RepeatRow, EndsOnRow, RuleRow):
        conv.register_structure_hook(table, _table_hook(conv, table))
    return conv


def _table_hook(conv: cattrs.Converter, cls: type[Any]) -> Any:
    """cattrs' generated hook for ``cls``, behind a check that the value is a table."""
    inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
    shape = {
        SourceRow: "expected { citation = ..., url = ... }",
        RepeatRow: "expected { every = ..., times = ... }",
    }.get(cls, "expected a table")

    def structure_table(value: object, _: object) -> Any:
        if not isinstance(value, Mapping):
            raise ValueError(f"{value!r}: {shape}")
        return inner(value, cls)

    return structure_table


#: The one converter for rule rows (immutable after setup).
ROW_CONVERTER = _converter()

#: Problems reported first, whatever their place in the row: unknown keys, then missing ones.
_FIRST = ("unknown key", "required field missing")


def _structure_row(raw: Mapping[str, Any], file: str, row: str) -> RuleRow:
    data = dict(raw)
    if isinstance(data.get("nature"), str):
        data["nature"] = _NATURE_ALIASES.get(data["nature"], data["nature"])
    try:
        return ROW_CONVERTER.structure(data, RuleRow)
    except (ClassValidationError, IterableValidationError) as exc:
        problems = structuring.structure_problems(exc)
    except (ValueError, TypeError) as exc:
        problems = [("", str(exc))]
    order = {name: rank for rank, name in enumerate(_FIRST)}
    path, message = min(
        problems, key=lambda p: next((r for m, r in order.items() if p[1].startswith(m)), 9)
    )
    if path.startswith("repeat.") and message == "required field missing":
        message += " (a repeat needs both 'every' and 'times')"
    raise RuleDataError(file, row, path or None, message)


def _parse_row(
    raw: object, index: int, file: str, plugin: str, natures: Sequence[Nature] | None
) -> Rule:
    if not isinstance(raw, Mapping):
        raise RuleDataError(file, index + 1, None, "a [[rules]] entry must be a table")
    row = f"{index + 1} ({raw.get('id', '?')})"
    parsed = _structure_row(raw, file, row)
    if natures is not None and parsed.nature not in natures:
        allowed = " or ".join(repr(n.value) for n in natures)
        raise RuleDataError(
            file,
            row,
            "nature",
            f"{parsed.nature.value!r} is not allowed here (a row here is {allowed})",
        )
    start, end = parsed.in_force_from, parsed.in_force_to
    if end is not None and end < start:
        raise RuleDataError(file, row, "in_force_to", f"{end} is before in_force_from {start}")
    for code in parsed.la_codes:
        if len(code) != 3 or not code.isascii() or not code.isdigit():
            raise RuleDataError(file, row, "la_codes", f"{code!r} is not a 3-digit GIAS code")
    repeat = None
    if parsed.repeat is not None:
        times = parsed.repeat.times
        if not 2 <= times <= _MAX_REPEAT:
            raise RuleDataError(
                file,
                row,
                "repeat.times",
                f"{times!r} is not a whole number from 2 to {_MAX_REPEAT}",
            )
        repeat = Repeat(parsed.repeat.every, times, parsed.repeat.until)
    try:
        source = Source(parsed.source.citation, parsed.source.url)
        in_force = InForce(start, end)
    except ValueError as exc:
        raise RuleDataError(file, row, "source/in_force", str(exc)) from None
    return Rule(
        id=parsed.id,
        item=parsed.item,
        title=parsed.title,
        kind=parsed.kind,
        in_force=in_force,
        source=source,
        grade=parsed.grade,
        nature=parsed.nature,
        deadline=parsed.deadline,
        calendar=parsed.calendar,
        trigger=parsed.trigger,
        anchor=parsed.anchor,
        anchor_label=parsed.anchor_label,
        when=parsed.when,
        except_when=parsed.except_when,
        unless=parsed.unless,
        satisfied_by=parsed.satisfied_by,
        satisfied_when=parsed.satisfied_when,
        satisfied_except_when=parsed.satisfied_except_when,
        provider_types=parsed.provider_types,
        la_codes=parsed.la_codes,
        repeat=repeat,
        ends_on=tuple(EndsOn(e.event, e.on, e.when, e.same, e.because) for e in parsed.ends_on),
        ends_with_trigger=parsed.ends_with_trigger,
        pre_commencement=parsed.pre_commencement,
        version_on=parsed.version_on,
        details=parsed.details,
        item_title=parsed.item_title,
        actor=parsed.actor,
        value=parsed.value,
        wording=parsed.wording,
        notes=parsed.notes,
        file=file,
        plugin=plugin,
    )


def parse_rules(
    data: Mapping[str, Any],
    file: str,
    *,
    plugin: str = "",
    natures: Sequence[Nature] | None = None,
) -> list[Rule]:
    """Rules from an already-parsed TOML document.

    ``plugin`` is recorded on every rule (provenance); ``natures``, when given, are the only
    kinds of rule the table may hold (a council's tables hold ``local-policy`` rows only).
    """
    for key in data:
        if key not in ("meta", "rules"):
            raise RuleDataError(file, None, key, "unknown top-level key (allowed: meta, rules)")
    rows = data.get("rules", [])
    if not isinstance(rows, list):
        raise RuleDataError(file, None, "rules", "expected an array of tables ([[rules]])")
    return [_parse_row(raw, i, file, plugin, natures) for i, raw in enumerate(rows)]


def load_rule_text(
    text: str,
    file: str = "<string>",
    *,
    plugin: str = "",
    natures: Sequence[Nature] | None = None,
) -> list[Rule]:
    """Rules from TOML text; ``file`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(file, None, None, f"not valid TOML: {exc}") from None
    return parse_rules(data, file, plugin=plugin, natures=natures)


def load_rule_file(
    path: Traversable | Path | str,
    name: str | None = None,
    *,
    plugin: str = "",
    natures: Sequence[Nature] | None = None,
) -> list[Rule]:
    """Rules from one TOML file (a path or a package resource)."""
    resource: Traversable = Path(path) if isinstance(path, str) else path
    label = name or str(getattr(resource, "name", resource))
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleDataError(label, None, None, f"cannot be read: {exc}") from None
    return load_rule_text(text, label, plugin=plugin, natures=natures)


def rule_files(package: str, folder: str = "rules") -> list[Traversable]:
    """The ``*.toml`` rule tables shipped in a package's ``folder``, sorted by name: what a
    jurisdiction's or local procedure's ``rule_tables``."""
    from importlib.resources import files

    entries = (files(package) / folder).iterdir()
    return sorted((e for e in entries if e.name.endswith(".toml")), key=lambda e: e.name)


def check_rule_set(rules: Sequence[Rule]) -> None:
    """Reject duplicate ids, and versions of the same rule whose in-force ranges overlap.

    Two rows are versions of the same rule when they produce the same ``item`` from the same
    ``trigger`` under the same ``when`` conditions and provider types.
    """
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleDataError(
                rule.file, rule.id, "id", f"duplicate id (also in {seen[rule.id].file})"
            )
        seen[rule.id] = rule
    groups: dict[tuple[object, ...], list[Rule]] = {}
    for rule in rules:
        key = (
            rule.item,
            rule.trigger,
            tuple(sorted(rule.when.items())),
            tuple(sorted(rule.except_when.items())),
            tuple(sorted(rule.provider_types)),
            tuple(sorted(rule.la_codes)),
            rule.unless,
        )
        groups.setdefault(key, []).append(rule)
    for versions in groups.values():
        _check_overlaps(versions)


def _check_overlaps(versions: Iterable[Rule]) -> None:
    ordered = sorted(versions, key=lambda r: r.in_force.start)
    for earlier, later in itertools.pairwise(ordered):
        if earlier.in_force.overlaps(later.in_force):
            raise RuleDataError(
                later.file,
                later.id,
                "in_force_from",
                f"in force {later.in_force.describe()} overlaps rule {earlier.id} "
                f"({earlier.in_force.describe()}) for the same item {later.item!r}",
            )

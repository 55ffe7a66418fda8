"""Reading rule tables (TOML) into :class:`~improvement_kit.rules.schema.Rule` values.

A rule file holds an optional ``[meta]`` table and an array of ``[[rules]]`` tables. Every
problem is reported as a :class:`~improvement_kit.errors.RuleDataError` naming the file, the
row (its position and id) and the field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from improvement_kit.errors import RuleDataError
from improvement_kit.model.sources import InForce, Nature, Source, VerificationGrade
from improvement_kit.model.timeline import ItemKind
from improvement_kit.rules.deadlines import parse_deadline, parse_point
from improvement_kit.rules.schema import CalendarChoice, EndsOn, PreCommencement, Repeat, Rule

_MAX_REPEAT = 100

__all__ = [
    "RULE_KEYS",
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


def did_you_mean(value: object, known: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the nearest of ``known``, or ``""``."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _enum(cls: Any, value: object, file: str, row: str, field: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        values = [m.value for m in cls]
        allowed = ", ".join(repr(v) for v in values)
        raise RuleDataError(
            file, row, field, f"{value!r} is not one of {allowed}{did_you_mean(value, values)}"
        ) from None


def _date(value: object, file: str, row: str, field: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise RuleDataError(file, row, field, f"{value!r} is not a date (write 2016-04-18)")
    return value


def _str(value: object, file: str, row: str, field: str) -> str:
    if not isinstance(value, str):
        raise RuleDataError(file, row, field, f"{value!r} is not a string")
    return value


def _str_tuple(value: object, file: str, row: str, field: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(file, row, field, f"{value!r} is not a string or list of strings")
    return tuple(value)


def _parse_row(
    raw: object, index: int, file: str, plugin: str, natures: Sequence[Nature] | None
) -> Rule:
    if not isinstance(raw, Mapping):
        raise RuleDataError(file, index + 1, None, "a [[rules]] entry must be a table")
    row = f"{index + 1} ({raw.get('id', '?')})"
    for key in raw:
        if key not in RULE_KEYS:
            raise RuleDataError(file, row, key, f"unknown key{did_you_mean(key, RULE_KEYS)}")
    for key in _REQUIRED:
        if key not in raw:
            raise RuleDataError(file, row, key, "required field missing")
    source = raw["source"]
    if not isinstance(source, Mapping) or "citation" not in source:
        raise RuleDataError(file, row, "source", "expected { citation = ..., url = ... }")
    extra = set(source) - {"citation", "url"}
    if extra:
        raise RuleDataError(file, row, f"source.{sorted(extra)[0]}", "unknown key")
    nature = _enum(Nature, _NATURE_ALIASES.get(raw["nature"], raw["nature"]), file, row, "nature")
    if natures is not None and nature not in natures:
        allowed = " or ".join(repr(n.value) for n in natures)
        raise RuleDataError(
            file, row, "nature", f"{nature.value!r} is not allowed here (a row here is {allowed})"
        )
    if "in_force_to" in raw and "in_force_from" in raw:
        start, end = raw["in_force_from"], raw["in_force_to"]
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            raise RuleDataError(file, row, "in_force_to", f"{end} is before in_force_from {start}")
    try:
        src = Source(str(source["citation"]), str(source.get("url", "")))
        in_force = InForce(
            _date(raw["in_force_from"], file, row, "in_force_from"),
            _date(raw["in_force_to"], file, row, "in_force_to") if "in_force_to" in raw else None,
        )
    except ValueError as exc:
        raise RuleDataError(file, row, "source/in_force", str(exc)) from None
    deadline = None
    if "deadline" in raw:
        try:
            deadline = parse_deadline(raw["deadline"])
        except ValueError as exc:
            raise RuleDataError(file, row, "deadline", str(exc)) from None
    repeat = _repeat(raw["repeat"], file, row) if "repeat" in raw else None
    la_codes = _str_tuple(raw.get("la_codes", []), file, row, "la_codes")
    for code in la_codes:
        if len(code) != 3 or not code.isascii() or not code.isdigit():
            raise RuleDataError(file, row, "la_codes", f"{code!r} is not a 3-digit GIAS code")
    when = _conditions(raw, "when", file, row)
    return Rule(
        id=_str(raw["id"], file, row, "id"),
        item=_str(raw["item"], file, row, "item"),
        title=_str(raw["title"], file, row, "title"),
        kind=_enum(ItemKind, raw["kind"], file, row, "kind"),
        in_force=in_force,
        source=src,
        grade=_enum(VerificationGrade, raw["grade"], file, row, "grade"),
        nature=nature,
        deadline=deadline,
        calendar=_enum(CalendarChoice, raw.get("calendar", "regional"), file, row, "calendar"),
        trigger=_str(raw["trigger"], file, row, "trigger") if "trigger" in raw else None,
        anchor=_str(raw.get("anchor", "date"), file, row, "anchor"),
        anchor_label=_str(raw.get("anchor_label", ""), file, row, "anchor_label"),
        when=when,
        except_when=_conditions(raw, "except_when", file, row),
        satisfied_when=_conditions(raw, "satisfied_when", file, row),
        satisfied_except_when=_conditions(raw, "satisfied_except_when", file, row),
        unless=_str_tuple(raw.get("unless", []), file, row, "unless"),
        satisfied_by=_str_tuple(raw.get("satisfied_by", []), file, row, "satisfied_by"),
        provider_types=_str_tuple(raw.get("provider_types", []), file, row, "provider_types"),
        la_codes=la_codes,
        repeat=repeat,
        ends_on=_ends_on(raw.get("ends_on", []), file, row),
        ends_with_trigger=_bool(
            raw.get("ends_with_trigger", False), file, row, "ends_with_trigger"
        ),
        pre_commencement=_enum(
            PreCommencement, raw.get("pre_commencement", "only-new"), file, row, "pre_commencement"
        ),
        details=_details(raw.get("details", {}), file, row),
        item_title=_str(raw.get("item_title", ""), file, row, "item_title"),
        actor=_str(raw["actor"], file, row, "actor") if "actor" in raw else None,
        value=_str(raw["value"], file, row, "value") if "value" in raw else None,
        wording=_str(raw.get("wording", ""), file, row, "wording"),
        notes=_str(raw.get("notes", ""), file, row, "notes"),
        file=file,
        plugin=plugin,
    )


def _conditions(
    raw: Mapping[str, Any], key: str, file: str, row: str, *, prefix: str = ""
) -> dict[str, tuple[str, ...]]:
    value = raw.get(key, {})
    if not isinstance(value, Mapping):
        raise RuleDataError(file, row, f"{prefix}{key}", f"{value!r} is not a table")
    return {
        str(k): _str_tuple(
            v if not isinstance(v, bool) else str(v).lower(), file, row, f"{prefix}{key}.{k}"
        )
        for k, v in value.items()
    }


def _bool(value: object, file: str, row: str, field: str) -> bool:
    if not isinstance(value, bool):
        raise RuleDataError(file, row, field, f"{value!r} is not true or false")
    return value


def _details(value: object, file: str, row: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise RuleDataError(file, row, "details", f"{value!r} is not a table")
    return {str(k): _str(v, file, row, f"details.{k}") for k, v in value.items()}


_ENDS_ON_KEYS = ("event", "on", "when", "same", "because")


def _ends_on(value: object, file: str, row: str) -> tuple[EndsOn, ...]:
    if not isinstance(value, list):
        raise RuleDataError(file, row, "ends_on", f"{value!r} is not a list of tables")
    out = []
    for index, entry in enumerate(value):
        where = f"ends_on[{index}]"
        if not isinstance(entry, Mapping):
            raise RuleDataError(file, row, where, f"{entry!r} is not a table")
        for key in entry:
            if key not in _ENDS_ON_KEYS:
                hint = did_you_mean(key, _ENDS_ON_KEYS)
                raise RuleDataError(file, row, f"{where}.{key}", f"unknown key{hint}")
        if "event" not in entry:
            raise RuleDataError(file, row, f"{where}.event", "required field missing")
        out.append(
            EndsOn(
                event=_str(entry["event"], file, row, f"{where}.event"),
                on=_str(entry.get("on", "date"), file, row, f"{where}.on"),
                when=_conditions(entry, "when", file, f"{row}", prefix=f"{where}."),
                same=_str_tuple(entry.get("same", []), file, row, f"{where}.same"),
                because=_str(entry.get("because", ""), file, row, f"{where}.because"),
            )
        )
    return tuple(out)


def _repeat(value: object, file: str, row: str) -> Repeat:
    if not isinstance(value, Mapping):
        raise RuleDataError(file, row, "repeat", "expected { every = ..., times = ... }")
    unknown = set(value) - {"every", "times", "until"}
    if unknown:
        key = sorted(unknown)[0]
        hint = did_you_mean(key, ("every", "times", "until"))
        raise RuleDataError(file, row, f"repeat.{key}", f"unknown key{hint}")
    if "every" not in value or "times" not in value:
        raise RuleDataError(file, row, "repeat", "needs both 'every' and 'times'")
    try:
        every = parse_point(value["every"], "every")
    except ValueError as exc:
        raise RuleDataError(file, row, "repeat.every", str(exc)) from None
    times = value["times"]
    if isinstance(times, bool) or not isinstance(times, int) or not 2 <= times <= _MAX_REPEAT:
        raise RuleDataError(
            file, row, "repeat.times", f"{times!r} is not a whole number from 2 to {_MAX_REPEAT}"
        )
    until = _str_tuple(value.get("until", []), file, row, "repeat.until")
    return Repeat(every, times, until)


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

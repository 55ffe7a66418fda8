"""The strict cattrs converter every structured input goes through, and its errors.

Case files (:mod:`improvement_kit.serialization`) and rule tables
(:mod:`improvement_kit.rules.loader`) build on :func:`strict_converter`: nothing is coerced
by ``str()``, ``bool`` comes only from true/false, numbers are not text, a list is never
built from a bare string, an enumeration lists its valid names with the nearest one, and
unknown keys are refused. :func:`structure_problems` turns a cattrs error into
``(path, message)`` pairs naming each field by its path.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import math
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from typing import Any, NoReturn, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    is_mapping,
    is_sequence,
    list_structure_factory,
    mapping_structure_factory,
)
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from improvement_kit.model import Event, Inspection, Provider

__all__ = [
    "did_you_mean",
    "refuse_fields",
    "strict_converter",
    "structure_enum",
    "structure_problems",
]

T = TypeVar("T")


def _short(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters with an ellipsis."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


def _one_of(value: object, choices: Iterable[str], *, budget: int = 160) -> str:
    """``'x' is not one of 'a', 'b', ... (did you mean 'b'?)``, the list cut to ``budget``
    characters so that the nearest valid name always shows."""
    names = list(choices)
    listed = ""
    for name in names:
        part = f"{name!r}" if not listed else f", {name!r}"
        if len(listed) + len(part) > budget:
            listed += ", …"
            break
        listed += part
    text = f"{_short(value)} is not one of {listed}"
    return text + _did_you_mean(value, names)


def _did_you_mean(value: object, choices: Iterable[str]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"{value.isoformat()!r} is a date and time, not a date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(f"{_short(value)} is not an ISO date (YYYY-MM-DD)")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a valid date") from None
    raise ValueError(f"{_short(value)} is not an ISO date (YYYY-MM-DD)")


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if not isinstance(value, str):
        raise ValueError(f"{_short(value)} is {_kind_of(value)}, not one of the names allowed")
    try:
        return cls(value)
    except ValueError:
        raise ValueError(_one_of(value, [str(m.value) for m in cls])) from None


def structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    """An enumeration member from its value, refusing others with the valid names listed and
    the nearest one."""
    return _structure_enum(value, cls)


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{_short(value)} is not true or false")


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"{_short(value)} is not a whole number")


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise ValueError(f"{_short(value)} is not a finite number")


def _structure_str(value: object, cls: type[Any]) -> Any:
    """Text only: never ``str(True)``, ``str(None)`` or ``str([...])``.

    Registered as the class hook for ``str``, so it also receives subclasses of ``str`` that
    have no hook of their own (a plugin's ``StrEnum``); those go to the enumeration hook.
    """
    if cls is not str:
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return _structure_enum(value, cls)
        if not isinstance(value, str):
            raise ValueError(f"{_short(value)} is {_kind_of(value)}, not text")
        return cls(value)
    if isinstance(value, str):
        return value
    hint = " (write it in quotes if it is text)" if isinstance(value, (int, float, dt.date)) else ""
    raise ValueError(f"{_short(value)} is {_kind_of(value)}, not text{hint}")


def _sequence_factory(type_: Any, conv: cattrs.Converter) -> Any:
    """cattrs' own list/tuple hook, behind a check that the value is a list: a string is
    iterable, and ``matters: "Attainment is low"`` must not become 17 one-letter matters."""
    origin = get_origin(type_) or type_
    if origin in (tuple, Sequence) or (isinstance(origin, type) and issubclass(origin, tuple)):
        inner = homogenous_tuple_structure_factory(type_, conv)
    else:
        inner = list_structure_factory(type_, conv)

    def structure_sequence(value: object, cls: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise ValueError(f"{_short(value)} is {_kind_of(value)}, not a list")
        return inner(value, cls)

    return structure_sequence


def _is_homogeneous_sequence(type_: Any) -> bool:
    if not is_sequence(type_):
        return False
    args = get_args(type_)
    origin = get_origin(type_)
    return origin is not tuple or (len(args) == 2 and args[1] is Ellipsis) or not args


def _mapping_factory(type_: Any, conv: cattrs.Converter) -> Any:
    """cattrs' own mapping hook (as ``Converter.gen_structure_mapping`` builds it, without
    registering it), behind a check that the value is a table."""
    origin = get_origin(type_) or type_
    target = dict if origin in (Mapping, MutableMapping) else origin
    inner = mapping_structure_factory(
        type_, conv, target, detailed_validation=conv.detailed_validation
    )

    def structure_mapping(value: object, cls: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ValueError(f"{_short(value)} is {_kind_of(value)}, not a table")
        return inner(value, cls)

    return structure_mapping


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the nearest of ``choices``, or ``""``."""
    return _did_you_mean(value, choices)


def refuse_fields(cls: type, problems: Mapping[str, str]) -> NoReturn:
    """Raise a cattrs class error whose messages carry each field's path (for hooks that check
    a table's keys themselves)."""
    _refuse_fields(cls, problems)


def _refuse_fields(cls: type, problems: Mapping[str, str]) -> NoReturn:
    """Raise a cattrs class error whose messages carry each field's path."""
    errors: list[Exception] = []
    for name, problem in problems.items():
        exc = ValueError(problem)
        exc.__notes__ = [
            AttributeValidationNote(
                f"Structuring class {cls.__qualname__} @ attribute {name}", name, str
            )
        ]
        errors.append(exc)
    raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)


def _model_enums() -> list[type[enum.Enum]]:
    from improvement_kit import model

    return [
        obj for obj in vars(model).values() if isinstance(obj, type) and issubclass(obj, enum.Enum)
    ]


def strict_converter() -> cattrs.Converter:
    """A converter with the strict hooks of case files and nothing else: no coercion by
    ``str()``, ``bool`` only from true/false, whole numbers only, lists never from a bare string,
    enumerations with their valid names listed, unknown keys refused. Rule tables build on it
    (:mod:`improvement_kit.rules.loader`)."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    # One class hook per enumeration: cattrs' own hook for str would otherwise catch StrEnums
    # first and raise a message that does not list the allowed values.
    for enum_cls in _model_enums():
        conv.register_structure_hook(enum_cls, _structure_enum)
    # A class hook: cattrs dispatches str by class before any predicate, so a predicate hook
    # for str never runs. The hook passes StrEnums without a hook of their own to the
    # enumeration hook (tests/strict_inputs checks that it runs).
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook_factory(_is_homogeneous_sequence, _sequence_factory)
    conv.register_structure_hook_factory(is_mapping, _mapping_factory)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    return conv


def _format_exception(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        extra = sorted(map(str, exc.extra_fields))
        known = _field_names(exc.cl)
        # each unknown name with the nearest valid one, if there is one close enough
        text = f"unknown field{'s' if len(extra) > 1 else ''}: " + ", ".join(
            _short(name, 40)[1:-1] + _did_you_mean(name, known) for name in extra[:5]
        )
        return text + (", …" if len(extra) > 5 else "")
    if isinstance(exc, (ValueError, TypeError)):
        text = str(exc)
        if type_ is dt.date and "date" not in text:
            return f"is not an ISO date: {text}"
        return text
    return f"{type(exc).__name__}: {exc}"


def _field_names(cls: object) -> list[str]:
    """The names a case file may use for ``cls``'s fields (with the aliases)."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        return []
    names = [f.name for f in attrs.fields(cls)]
    if cls is Provider:
        names += ["urn", "school_number"]
    if isinstance(cls, type) and issubclass(cls, Inspection):
        names += ["end", "type"]
    elif isinstance(cls, type) and issubclass(cls, Event):
        names.append("type")
    return names


def structure_problems(exc: BaseException, path: str = "") -> list[tuple[str, str]]:
    """Every problem in a cattrs structuring error as ``(path, message)``.

    ``path`` is the dotted field path (``repeat.every``, ``ends_on[1].on``,
    ``details.ground``); an unknown key is reported at its own path as ``unknown key`` with
    the nearest valid name; a missing field as ``required field missing``."""
    out: list[tuple[str, str]] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            out += structure_problems(sub, f"{path}.{note.name}" if path else note.name)
        for sub in without:
            out += structure_problems(sub, path)
        return out
    if isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        for sub, index_note in with_index:
            index = index_note.index
            where = f"{path}.{index}" if isinstance(index, str) else f"{path}[{index}]"
            out += structure_problems(sub, where)
        for sub in without:
            out += structure_problems(sub, path)
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        known = _field_names(exc.cl)
        for name in sorted(map(str, exc.extra_fields)):
            where = f"{path}.{name}" if path else name
            out.append((where, "unknown key" + _did_you_mean(name, known)))
        return out
    return [(path, _format_exception(exc, None))]

"""The one converter at the edge: case files in, timelines out.

Case files are YAML or JSON. Dates are ISO 8601 (``2025-12-18``); enumerations are their
kebab-case values. Every problem is reported with the path of the field and the value::

    events[2].date: '31/02/2025' is not an ISO date

Nothing is coerced silently: ``"false"`` is not a boolean and ``"21"`` is not a number; a text
field takes text only (``name: true`` and ``urn: 100001`` are refused: identifiers are text, each
checked by its own rule in :mod:`improvement_kit.model.identifiers`); a list field never takes a
bare string; an unknown name (grade area, grade, framework, inspectorate, inspection kind,
provider type, event type, field) is refused with the nearest valid one. Files are read by
:mod:`improvement_kit.yaml12` (YAML 1.2, duplicate keys refused, size, depth and aliases bounded).
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import math
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, get_args, get_origin

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
from cattrs.gen import make_dict_structure_fn

from improvement_kit import __version__
from improvement_kit.calendar import Closure, load_school_holidays
from improvement_kit.errors import CaseFileError, ImprovementKitError
from improvement_kit.model import (
    EVENT_TYPES,
    FRAMEWORKS,
    Case,
    Event,
    Framework,
    Grade,
    Inspection,
    Inspectorate,
    Provider,
    ProviderType,
    TermDates,
    Timeline,
    TimelineItem,
    identifiers,
)
from improvement_kit.model.events import INSPECTION_KINDS
from improvement_kit.yaml12 import (
    InputFileError,
    InputLimits,
    decode_utf8,
    load_json_text,
    load_yaml_text,
    read_bytes,
)

if TYPE_CHECKING:
    from improvement_kit.plugins import Plugins

__all__ = [
    "case_from_data",
    "case_to_data",
    "converter",
    "converter_for",
    "error_messages",
    "load_case",
    "read_data_file",
    "timeline_to_data",
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


def _rename_attribute(exc: ClassValidationError, name: str, written: str) -> None:
    """Make the errors of attribute ``name`` carry the path ``written`` (an alias)."""
    if name == written:
        return
    for sub in exc.exceptions:
        notes = getattr(sub, "__notes__", None)
        if notes:
            sub.__notes__ = [
                AttributeValidationNote(str(n).replace(name, written), written, n.type)
                if isinstance(n, AttributeValidationNote) and n.name == name
                else n
                for n in notes
            ]


_WELSH_TYPES = frozenset({ProviderType.WELSH_MAINTAINED_SCHOOL, ProviderType.WELSH_PRU})

#: Provider fields checked by their identifier rule when the model has them.
_PROVIDER_CODES = {"la_code": identifiers.la_code, "ukprn": identifiers.ukprn}


def _check_provider(provider: Provider) -> None:
    problems: dict[str, str] = {}
    la = getattr(provider, "la_code", None)
    for name, check in _PROVIDER_CODES.items():
        value = getattr(provider, name, None)
        if value is not None:
            try:
                check(value)
            except ValueError as exc:
                problems[name] = str(exc)
                if name == "la_code":
                    la = None
    laestab = getattr(provider, "laestab", None)
    if laestab is not None:
        try:
            identifiers.laestab(laestab, la=la)
        except ValueError as exc:
            problems["laestab"] = str(exc)
    try:
        identifiers.provider_identifier(
            provider.identifier, welsh=provider.type in _WELSH_TYPES, la=la
        )
    except ValueError as exc:
        problems["identifier"] = str(exc)
    if problems:
        _refuse_fields(Provider, problems)


def _frameworks_for(inspection: Inspection) -> tuple[Framework, ...]:
    """The frameworks an inspection may have been graded under: the one it names, else every
    framework of its inspectorate (schools and further education) in force on its start."""
    if inspection.framework is not None:
        return tuple(f for f in FRAMEWORKS if f.id == inspection.framework)
    return tuple(
        f
        for f in FRAMEWORKS
        if f.inspectorate.value == inspection.inspectorate and f.in_force.contains(inspection.start)
    )


def _check_inspection(inspection: Inspection) -> None:
    problems: dict[str, str] = {}
    inspectorates = [i.value for i in Inspectorate]
    if inspection.inspectorate not in inspectorates:
        problems["inspectorate"] = _one_of(inspection.inspectorate, inspectorates)
    if inspection.kind is not None and inspection.kind not in INSPECTION_KINDS:
        problems["kind"] = _one_of(inspection.kind, sorted(INSPECTION_KINDS))
    if inspection.framework is not None:
        named = next((f for f in FRAMEWORKS if f.id == inspection.framework), None)
        if named is None:
            problems["framework"] = _one_of(inspection.framework, [f.id for f in FRAMEWORKS])
        elif named.inspectorate.value != inspection.inspectorate:
            problems["framework"] = (
                f"{named.id!r} is a framework of {named.inspectorate.value}, not of "
                f"{_short(inspection.inspectorate)}"
            )
        elif not named.in_force.contains(inspection.start):
            end = named.in_force.end.isoformat() if named.in_force.end else "today"
            problems["framework"] = (
                f"{named.id!r} was not in force on {inspection.start.isoformat()} "
                f"(in force {named.in_force.start.isoformat()} to {end})"
            )
    if problems:
        _refuse_fields(Inspection, problems)
    frameworks = [f for f in _frameworks_for(inspection) if f.areas]
    if not frameworks:  # no framework with areas known for the date: any known area
        frameworks = [f for f in FRAMEWORKS if f.inspectorate.value == inspection.inspectorate]
    areas = list(dict.fromkeys(a for f in frameworks for a in f.areas))
    scale = list(dict.fromkeys(g.value for f in frameworks for g in f.scale))
    names = " or ".join(f.id for f in frameworks[:2])
    for area, grade in inspection.grades.items():
        if area not in areas:
            problems["grades"] = f"{_short(area)} is not a grade area of {names}" + _did_you_mean(
                area, areas
            )
        elif scale and isinstance(grade, Grade) and grade.value not in scale:
            problems["grades"] = (
                f"{area}: {grade.value!r} is not a grade of {names} ("
                + ", ".join(scale)
                + ")"
                + _did_you_mean(grade.value, scale)
            )
        if problems:
            break
    if problems:
        _refuse_fields(Inspection, problems)


def _model_enums() -> list[type[enum.Enum]]:
    from improvement_kit import model

    return [
        obj for obj in vars(model).values() if isinstance(obj, type) and issubclass(obj, enum.Enum)
    ]


def _make_converter(event_types: Mapping[str, type[Event]]) -> cattrs.Converter:
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

    def structure_closure(value: object, _: object) -> Closure:
        if not isinstance(value, Mapping):
            raise ValueError(f"{_short(value)} is not a table with start, end and name")
        data = dict(value)
        if "name" in data and "reason" not in data:
            data["reason"] = data.pop("name")
        data.setdefault("reason", "closure")
        unknown = set(data) - {"start", "end", "reason"}
        if unknown:
            raise ForbiddenExtraKeysError("", Closure, unknown)
        start = conv.structure(data.get("start"), dt.date)
        end = conv.structure(data.get("end", data.get("start")), dt.date)
        if end < start:
            raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
        return Closure(start, end, conv.structure(data["reason"], str))

    conv.register_structure_hook(Closure, structure_closure)

    def structure_event(value: object, _: object) -> Event:
        if not isinstance(value, Mapping):
            raise ValueError(f"{_short(value)} is not a table with a 'type'")
        data = dict(value)
        kind = data.pop("type", None)
        cls = event_types.get(kind) if isinstance(kind, str) else None
        if cls is None:
            if kind is None:
                raise ValueError("an event needs a 'type'")
            known = sorted(event_types)
            listed = ", ".join(known)
            if len(listed) > 160:
                listed = listed[:160].rpartition(", ")[0] + ", …"
            raise ValueError(
                f"event type {_short(kind)} is not one of {listed}" + _did_you_mean(kind, known)
            )
        if cls is Inspection:
            if "date" in data:
                raise ValueError("an inspection has 'start' and 'end', not 'date'")
            if "end" in data:
                data["date"] = data.pop("end")
            elif "start" in data:
                data["date"] = data["start"]
        if cls is TermDates and "date" not in data:
            data["date"] = dt.date.min
        event = event_hooks[cls](data, cls)
        if isinstance(event, Inspection):
            _check_inspection(event)
        return event

    # Generated per class: a hook registered for Event would also catch its subclasses.
    event_hooks = {
        cls: make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
        for cls in event_types.values()
    }
    conv.register_structure_hook(Event, structure_event)

    def structure_provider(value: object, _: object) -> Provider:
        if isinstance(value, Mapping):
            data = dict(value)
            written = "identifier"
            for alias in ("urn", "school_number"):
                if alias in data and "identifier" not in data:
                    data["identifier"] = data.pop(alias)
                    written = alias
            try:
                provider = provider_hook(data, Provider)
                _check_provider(provider)
            except ClassValidationError as exc:
                _rename_attribute(exc, "identifier", written)  # name the field as written
                raise
            return provider
        raise ValueError(f"{_short(value)} is not a table")

    provider_hook = make_dict_structure_fn(Provider, conv, _cattrs_forbid_extra_keys=True)
    conv.register_structure_hook(Provider, structure_provider)
    return conv


#: The converter for case files with the core event types (immutable after setup).
converter = _make_converter(EVENT_TYPES)


@functools.lru_cache(maxsize=16)
def _converter_with(extra: tuple[tuple[str, type[Event]], ...]) -> cattrs.Converter:
    return _make_converter({**EVENT_TYPES, **dict(extra)}) if extra else converter


def converter_for(plugins: Plugins | None = None) -> cattrs.Converter:
    """The converter that also knows the event types ``plugins`` declare (default: the
    installed plugins)."""
    from improvement_kit.plugins import default_plugins

    extra = (plugins or default_plugins()).event_types()
    return _converter_with(tuple(sorted(extra.items())))


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


def error_messages(exc: BaseException) -> list[str]:
    """Every problem a structuring error of :data:`converter` (or a copy of it) holds, one
    ``path: problem`` line each (``events[2].date: '31/02/2025' is not an ISO date``), an
    unknown field with the nearest valid name. Used for case files and documents' extra data
    (:func:`improvement_kit.documents.extra_data.structure_extra`)."""
    lines = cattrs.transform_error(exc, format_exception=_format_exception)
    out = []
    for line in lines:
        message, _, path = line.rpartition(" @ ")
        path = path.removeprefix("$").lstrip(".")
        out.append(f"{path}: {message}" if path else message)
    return out


def case_from_data(
    data: object,
    source: str = "",
    base_dir: Path | None = None,
    *,
    plugins: Plugins | None = None,
) -> Case:
    """A :class:`~improvement_kit.model.Case` from parsed YAML/JSON data.

    ``CaseFileError`` lists every problem, each with its path and value. ``base_dir`` resolves
    ``term-dates`` files given by relative path. Event types declared by ``plugins`` (default:
    the installed plugins) are accepted besides the core ones.
    """
    if not isinstance(data, Mapping):
        raise CaseFileError(source, [f"the case file must be a table, not {type(data).__name__}"])
    try:
        case = converter_for(plugins).structure(data, Case)
    except (ClassValidationError, IterableValidationError) as exc:
        raise CaseFileError(source, error_messages(exc)) from None
    except (ValueError, TypeError, KeyError) as exc:
        raise CaseFileError(source, [str(exc)]) from None
    events = list(case.events)
    for index, event in enumerate(events):
        if isinstance(event, TermDates) and event.file is not None:
            path = Path(event.file)
            if base_dir is not None and not path.is_absolute():
                path = base_dir / path
            try:
                holidays = tuple(load_school_holidays(path))
            except (ImprovementKitError, OSError) as exc:
                where = _raw_index(data, event.file, index)
                raise CaseFileError(source, [f"events[{where}].file: {exc}"]) from None
            events[index] = attrs.evolve(event, holidays=(*event.holidays, *holidays))
    if events != list(case.events):
        case = attrs.evolve(case, events=tuple(events))
    return case


def _raw_index(data: Mapping[str, Any], file: str, default: int) -> int:
    """The index in the case file of the term-dates event naming ``file`` (the case's events
    are sorted by date, so their order is not the file's)."""
    raw = data.get("events")
    if isinstance(raw, list):
        for index, event in enumerate(raw):
            if (
                isinstance(event, Mapping)
                and event.get("type") == "term-dates"
                and event.get("file") == file
            ):
                return index
    return default


def read_data_file(path: str | Path, *, limits: InputLimits | None = None) -> Any:
    """Parse a YAML or JSON file (by extension; YAML otherwise) strictly.

    YAML is read with the 1.2 core schema and JSON with the same rules (see
    :mod:`improvement_kit.yaml12`): the file must be UTF-8, no larger than ``limits.max_bytes``,
    nested no deeper than ``limits.max_depth``, with no duplicate keys, no NaN or infinity, and
    aliases bounded by ``limits.max_nodes``. ``limits`` defaults to
    :meth:`~improvement_kit.yaml12.InputLimits.from_environment`. Every refusal is a
    :class:`~improvement_kit.errors.CaseFileError` of one line naming the file.
    """
    file = Path(path)
    limits = limits or InputLimits.from_environment()
    try:
        raw = read_bytes(file, limits)
    except OSError as exc:
        raise CaseFileError(str(path), [f"cannot be read: {exc.strerror or exc}"]) from None
    except InputFileError as exc:
        raise CaseFileError(str(path), [str(exc)]) from None
    try:
        text = decode_utf8(raw)
        if file.suffix.lower() == ".json":
            return load_json_text(text, limits)
        return load_yaml_text(text, limits)
    except InputFileError as exc:
        raise CaseFileError(str(path), [str(exc)]) from None


def load_case(
    path: str | Path, *, plugins: Plugins | None = None, limits: InputLimits | None = None
) -> Case:
    """Read and validate a case file (``.yaml``, ``.yml`` or ``.json``); ``limits`` as for
    :func:`read_data_file`."""
    file = Path(path)
    data = read_data_file(file, limits=limits)
    return case_from_data(data, str(path), file.parent, plugins=plugins)


def case_to_data(case: Case) -> dict[str, Any]:
    """A case as plain data (the inverse of :func:`case_from_data`)."""
    data: dict[str, Any] = {
        "jurisdiction": case.jurisdiction,
        "provider": {
            k: v for k, v in converter.unstructure(case.provider).items() if v is not None
        },
    }
    if case.region:
        data["region"] = case.region
    if case.reference:
        data["reference"] = case.reference
    for name in ("school_holidays", "closures"):
        periods = getattr(case, name)
        if periods:
            data[name] = [
                {"start": p.start.isoformat(), "end": p.end.isoformat(), "name": p.reason}
                for p in periods
            ]
    events = []
    for event in case.events:
        raw = {k: v for k, v in converter.unstructure(event).items() if v not in (None, (), [], {})}
        if isinstance(event, Inspection):
            raw["end"] = raw.pop("date")
        out = {"type": event.type, **raw}
        events.append(out)
    data["events"] = events
    return data


def _item_to_data(item: TimelineItem) -> dict[str, Any]:
    rule = item.rule
    return {
        "id": item.id,
        "key": item.key,
        "title": item.title,
        "kind": item.kind.value,
        "due": item.due.isoformat() if item.due else None,
        "window": (
            {
                "start": item.window.start.isoformat(),
                "end": item.window.end.isoformat() if item.window.end else None,
            }
            if item.window
            else None
        ),
        "value": item.value,
        "actor": item.actor,
        "rule": {
            "id": rule.id,
            "title": rule.title,
            "source": rule.source.citation,
            "url": rule.source.url,
            "grade": rule.grade.value,
            "nature": rule.nature.value,
            "in_force_from": rule.in_force.start.isoformat(),
            "in_force_to": rule.in_force.end.isoformat() if rule.in_force.end else None,
            "plugin": rule.plugin,
        },
        "provisional": item.provisional,
        "explanation": item.explanation,
        "status": item.status.value if item.status else None,
        "trigger": item.trigger,
        "details": dict(item.details),
    }


def timeline_to_data(timeline: Timeline, case: Case | None = None) -> dict[str, Any]:
    """A timeline as the documented JSON contract (see the docs' timeline page)."""
    provider: dict[str, Any] = {
        "identifier": timeline.provider_identifier,
        "name": timeline.provider_name,
    }
    if case is not None:
        provider.update(
            {k: v for k, v in converter.unstructure(case.provider).items() if v is not None}
        )
    return {
        "jurisdiction": timeline.jurisdiction,
        "provider": provider,
        "as_of": timeline.as_of.isoformat() if timeline.as_of else None,
        "items": [_item_to_data(item) for item in timeline.items],
        "warnings": list(timeline.warnings),
        "generated_by": {"library": "improvement_kit", "version": __version__},
    }

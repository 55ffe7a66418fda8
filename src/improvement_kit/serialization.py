"""The one converter at the edge: case files in, timelines out.

Case files are YAML or JSON. Dates are ISO 8601 (``2025-12-18``); enumerations are their
kebab-case values. Every problem is reported with the path of the field and the value::

    events[2].date: '31/02/2025' is not an ISO date

Nothing is coerced silently: ``"false"`` is not a boolean and ``"21"`` is not a number.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

from improvement_kit import __version__
from improvement_kit.calendar import Closure, load_school_holidays
from improvement_kit.errors import CaseFileError, ImprovementKitError
from improvement_kit.model import (
    EVENT_TYPES,
    Case,
    Event,
    Inspection,
    Provider,
    TermDates,
    Timeline,
    TimelineItem,
)

if TYPE_CHECKING:
    from improvement_kit.plugins import Plugins

__all__ = [
    "case_from_data",
    "case_to_data",
    "converter",
    "converter_for",
    "load_case",
    "read_data_file",
    "timeline_to_data",
]

T = TypeVar("T")


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"{value.isoformat()!r} is a date and time, not a date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"{value!r} is not one of {allowed}") from None


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not true or false")


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not a whole number")


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a URN written as a number is still an identifier
    raise ValueError(f"{value!r} is not text")


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
    # One class hook per enumeration: cattrs' own hook for str would otherwise catch StrEnums
    # first and raise a message that does not list the allowed values.
    for enum_cls in _model_enums():
        conv.register_structure_hook(enum_cls, _structure_enum)
    # A predicate, not a class hook: a class hook for str would also catch StrEnums.
    conv.register_structure_hook_func(lambda t: t is str, _structure_str)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())

    def structure_closure(value: object, _: object) -> Closure:
        if not isinstance(value, Mapping):
            raise ValueError(f"{value!r} is not a table with start, end and name")
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
        return Closure(start, end, str(data["reason"]))

    conv.register_structure_hook(Closure, structure_closure)

    def structure_event(value: object, _: object) -> Event:
        if not isinstance(value, Mapping):
            raise ValueError(f"{value!r} is not a table with a 'type'")
        data = dict(value)
        kind = data.pop("type", None)
        cls = event_types.get(str(kind))
        if cls is None:
            known = ", ".join(sorted(event_types))
            raise ValueError(f"event type {kind!r} is not one of {known}")
        if cls is Inspection:
            if "date" in data:
                raise ValueError("an inspection has 'start' and 'end', not 'date'")
            if "end" in data:
                data["date"] = data.pop("end")
            elif "start" in data:
                data["date"] = data["start"]
        if cls is TermDates and "date" not in data:
            data["date"] = dt.date.min
        return event_hooks[cls](data, cls)

    # Generated per class: a hook registered for Event would also catch its subclasses.
    event_hooks = {
        cls: make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
        for cls in event_types.values()
    }
    conv.register_structure_hook(Event, structure_event)

    def structure_provider(value: object, _: object) -> Provider:
        if isinstance(value, Mapping):
            data = dict(value)
            for alias in ("urn", "school_number"):
                if alias in data and "identifier" not in data:
                    data["identifier"] = data.pop(alias)
            return provider_hook(data, Provider)
        raise ValueError(f"{value!r} is not a table")

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
        return f"unknown field{'s' if len(exc.extra_fields) > 1 else ''}: " + ", ".join(
            sorted(exc.extra_fields)
        )
    if isinstance(exc, (ValueError, TypeError)):
        text = str(exc)
        if type_ is dt.date and "is not an ISO date" not in text:
            return f"is not an ISO date: {text}"
        return text
    return f"{type(exc).__name__}: {exc}"


def _messages(exc: BaseException) -> list[str]:
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
        raise CaseFileError(source, _messages(exc)) from None
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
                raise CaseFileError(source, [f"events[{index}].file: {exc}"]) from None
            events[index] = attrs.evolve(event, holidays=(*event.holidays, *holidays))
    if events != list(case.events):
        case = attrs.evolve(case, events=tuple(events))
    return case


def read_data_file(path: str | Path) -> Any:
    """Parse a YAML or JSON file (by extension; YAML otherwise)."""
    import yaml

    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseFileError(str(path), [f"cannot be read: {exc.strerror or exc}"]) from None
    try:
        if file.suffix.lower() == ".json":
            return json.loads(text)
        return yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CaseFileError(
            str(path), [f"not valid {file.suffix[1:] or 'YAML'}: {first}"]
        ) from None


def load_case(path: str | Path, *, plugins: Plugins | None = None) -> Case:
    """Read and validate a case file (``.yaml``, ``.yml`` or ``.json``)."""
    file = Path(path)
    return case_from_data(read_data_file(file), str(path), file.parent, plugins=plugins)


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

"""Checking a rule book against the events and providers it talks about.

A row's ``trigger``, ``unless`` and ``satisfied_by`` must name event types that exist (the core
ones and those the kit's plugins declare); ``when`` keys and the ``anchor`` of a triggered row
must be fields of the trigger's event type (or ``item:<id>`` of an item another row makes from
the same trigger); ``provider_types`` must be provider types. Each problem is a
:class:`~improvement_kit.errors.RuleDataError` naming file, row and field, with the nearest
valid name.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterable, Mapping

import attrs

from improvement_kit.errors import RuleDataError
from improvement_kit.model import EVENT_TYPES, Event, ProviderType
from improvement_kit.rules.loader import did_you_mean
from improvement_kit.rules.schema import PreCommencement, Rule, VersionOn

__all__ = ["OBLIGATION_MET", "VIRTUAL_FIELDS", "check_vocabulary", "event_fields"]

#: The generic event that closes any obligation or expected event, naming the item.
OBLIGATION_MET = "obligation-met"

_BASE_FIELDS = frozenset(f.name for f in attrs.fields(Event))
#: Fields the engine adds to some event types for conditions: an inspection's ``outcome``
#: (the category or monitoring level it led to).
VIRTUAL_FIELDS: dict[str, dict[str, bool]] = {"inspection": {"outcome": False}}
#: Fields whose keys a ``when`` condition may name after a dot (``grades.overall-effectiveness``).
_MAPPING_FIELDS = frozenset({"grades", "details"})


def _is_date(hint: object) -> bool:
    return hint is dt.date or dt.date in typing.get_args(hint)


def event_fields(cls: type[Event]) -> dict[str, bool]:
    """The case-file field names of an event class, each with whether it holds a date."""
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # an annotation that cannot be resolved: no field counts as a date
        hints = {}
    out: dict[str, bool] = {}
    for field in attrs.fields(cls):
        is_date = _is_date(hints.get(field.name))
        out[field.name] = is_date
        out[field.name.replace("_", "-")] = is_date
    return out


def _row(rule: Rule) -> str:
    return rule.id


def _check_event_names(rule: Rule, field: str, names: Iterable[str], known: Iterable[str]) -> None:
    known = set(known)
    for name in names:
        if name not in known:
            raise RuleDataError(
                rule.file,
                _row(rule),
                field,
                f"{name!r} is not an event type{did_you_mean(name, known)}",
            )


def check_vocabulary(rules: Iterable[Rule], plugin_events: Mapping[str, type[Event]]) -> None:
    """Refuse rows whose names do not exist (see the module docstring)."""
    events: dict[str, type[Event]] = {**EVENT_TYPES, **plugin_events}
    known_events = (*events, OBLIGATION_MET)
    provider_types = [t.value for t in ProviderType]
    rules = list(rules)
    items_by_trigger: dict[str | None, set[str]] = {}
    for rule in rules:
        items_by_trigger.setdefault(rule.trigger, set()).add(rule.item)
    all_items = {rule.item for rule in rules}
    any_field = {name for cls in events.values() for name in event_fields(cls)}
    for rule in rules:
        for value in rule.provider_types:
            if value not in provider_types:
                raise RuleDataError(
                    rule.file,
                    _row(rule),
                    "provider_types",
                    f"{value!r} is not a provider type{did_you_mean(value, provider_types)}",
                )
        _check_event_names(rule, "unless", rule.unless, known_events)
        _check_event_names(rule, "satisfied_by", rule.satisfied_by, known_events)
        if rule.repeat is not None:
            _check_event_names(rule, "repeat.until", rule.repeat.until, known_events)
        _check_item_options(rule)
        if rule.item_trigger is not None:
            _check_item_trigger(rule, rules, all_items)
            continue
        if rule.trigger is None:
            anchors = {"date", *known_events, *any_field}
            if rule.anchor.startswith("item:"):
                _check_item(rule, all_items)
            elif rule.anchor not in anchors:
                raise RuleDataError(
                    rule.file,
                    _row(rule),
                    "anchor",
                    f"{rule.anchor!r} is not an event type, event field or item:<id>"
                    f"{did_you_mean(rule.anchor, anchors)}",
                )
            continue
        _check_event_names(rule, "trigger", [rule.trigger], events)
        fields = {**event_fields(events[rule.trigger]), **VIRTUAL_FIELDS.get(rule.trigger, {})}
        _check_ends_on(rule, events, fields)
        _check_condition_keys(rule, "when", rule.when, rule.trigger, fields)
        _check_condition_keys(rule, "except_when", rule.except_when, rule.trigger, fields)
        for name, conditions in (
            ("satisfied_when", rule.satisfied_when),
            ("satisfied_except_when", rule.satisfied_except_when),
        ):
            for satisfying in rule.satisfied_by:
                if satisfying in events:
                    fields_of = {
                        **event_fields(events[satisfying]),
                        **VIRTUAL_FIELDS.get(satisfying, {}),
                    }
                    _check_condition_keys(rule, name, conditions, satisfying, fields_of)
        if rule.anchor.startswith("next:"):
            _check_event_names(rule, "anchor", [rule.anchor.removeprefix("next:")], events)
        elif rule.anchor.startswith("item:"):
            _check_item(rule, items_by_trigger.get(rule.trigger, set()))
        elif not fields.get(rule.anchor, False):
            dates = [f for f, is_date in fields.items() if is_date and "-" not in f]
            raise RuleDataError(
                rule.file,
                _row(rule),
                "anchor",
                f"{rule.anchor!r} is not a date field of {rule.trigger!r} events "
                f"(dates: {', '.join(dates)}; or item:<id>){did_you_mean(rule.anchor, dates)}",
            )


def _check_condition_keys(
    rule: Rule,
    name: str,
    conditions: Mapping[str, tuple[str, ...]],
    event_type: str,
    fields: Mapping[str, bool],
) -> None:
    for key in conditions:
        head = key.split(".", 1)[0]
        if "." in key and fields.get(head) is False and head in _MAPPING_FIELDS:
            continue  # a key of a mapping field: grades.overall-effectiveness
        if key not in fields or key in _BASE_FIELDS - {"id"}:
            raise RuleDataError(
                rule.file,
                _row(rule),
                f"{name}.{key}",
                f"{event_type!r} events have no field {key!r}"
                f"{did_you_mean(key, [f for f in fields if '-' not in f])}",
            )


def _check_item(rule: Rule, items: set[str]) -> None:
    target = rule.anchor.removeprefix("item:")
    if target not in items:
        raise RuleDataError(
            rule.file,
            _row(rule),
            "anchor",
            f"no row makes item {target!r} from the same trigger{did_you_mean(target, items)}",
        )


def _check_item_options(rule: Rule) -> None:
    """Options that only an ``item:`` trigger gives a meaning to, and ``ends_on`` that only
    an event trigger does."""
    item_only = []
    if rule.ends_with_trigger:
        item_only.append("ends_with_trigger")
    if rule.pre_commencement is not PreCommencement.ONLY_NEW:
        item_only.append("pre_commencement")
    if rule.version_on is not VersionOn.TRIGGER:
        item_only.append("version_on")
    if item_only and rule.item_trigger is None:
        raise RuleDataError(
            rule.file,
            _row(rule),
            item_only[0],
            'applies only to a row triggered by an item (trigger = "item:<id>")',
        )
    if rule.ends_on and (rule.trigger is None or rule.item_trigger is not None):
        raise RuleDataError(
            rule.file, _row(rule), "ends_on", "applies only to a row triggered by an event"
        )


def _check_item_trigger(rule: Rule, rules: list[Rule], all_items: set[str]) -> None:
    """``trigger = "item:<id>"``: an item some row makes; conditions on its ``value`` or on
    ``details`` keys that rows making it use; an anchor of ``date`` or ``details.<key>``."""
    source = rule.item_trigger
    assert source is not None
    if source not in all_items:
        raise RuleDataError(
            rule.file,
            _row(rule),
            "trigger",
            f"no row makes item {source!r}{did_you_mean(source, all_items)}",
        )
    if source == rule.item:
        raise RuleDataError(rule.file, _row(rule), "trigger", "an item cannot trigger itself")
    keys = {"value"}
    for other in rules:
        if other.item == source:
            keys.update(other.details)
            if other.item_trigger is None and other.trigger is None:
                keys.update(other.when)  # rows for plugin code name their items' details
    for name, conditions in (("when", rule.when), ("except_when", rule.except_when)):
        for key in conditions:
            if key not in keys:
                raise RuleDataError(
                    rule.file,
                    _row(rule),
                    f"{name}.{key}",
                    f"{source!r} items have no detail {key!r}{did_you_mean(key, sorted(keys))}",
                )
    if rule.anchor != "date" and not rule.anchor.startswith("details."):
        raise RuleDataError(
            rule.file,
            _row(rule),
            "anchor",
            f"{rule.anchor!r}: a row triggered by an item counts from 'date' (the day the "
            "item starts) or 'details.<key>' (a date the item records)",
        )


def _check_ends_on(
    rule: Rule, events: Mapping[str, type[Event]], trigger_fields: Mapping[str, bool]
) -> None:
    for index, ending in enumerate(rule.ends_on):
        where = f"ends_on[{index}]"
        _check_event_names(rule, f"{where}.event", [ending.event], events)
        fields = {**event_fields(events[ending.event]), **VIRTUAL_FIELDS.get(ending.event, {})}
        if not fields.get(ending.on, False):
            dates = [f for f, is_date in fields.items() if is_date and "-" not in f]
            raise RuleDataError(
                rule.file,
                _row(rule),
                f"{where}.on",
                f"{ending.on!r} is not a date field of {ending.event!r} events "
                f"(dates: {', '.join(dates)}){did_you_mean(ending.on, dates)}",
            )
        _check_condition_keys(rule, f"{where}.when", ending.when, ending.event, fields)
        for name in ending.same:
            if name not in fields or name not in trigger_fields or name in _BASE_FIELDS - {"id"}:
                shared = [f for f in fields if f in trigger_fields and "-" not in f]
                raise RuleDataError(
                    rule.file,
                    _row(rule),
                    f"{where}.same",
                    f"{name!r} is not a field of both {rule.trigger!r} and {ending.event!r} "
                    f"events{did_you_mean(name, shared)}",
                )

"""A jurisdiction's rules, with point-in-time look-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from improvement_kit.errors import NoRuleInForceError
from improvement_kit.rules.loader import check_rule_set
from improvement_kit.rules.schema import Rule

__all__ = ["RuleBook"]


def _accepts(rule: Rule, key: str, value: str) -> bool:
    if key in rule.when:
        return value in rule.when[key]
    if key in rule.details:
        return rule.details[key] == value
    return True


class RuleBook:
    """Every rule version of one jurisdiction, validated as a set."""

    def __init__(self, jurisdiction: str, rules: Iterable[Rule]) -> None:
        self.jurisdiction = jurisdiction
        self._rules = tuple(rules)
        check_rule_set(self._rules)
        self._by_id = {rule.id: rule for rule in self._rules}
        self._by_item: dict[str, list[Rule]] = {}
        self._by_trigger: dict[str, list[Rule]] = {}
        for rule in self._rules:
            self._by_item.setdefault(rule.item, []).append(rule)
            if rule.trigger is not None:
                self._by_trigger.setdefault(rule.trigger, []).append(rule)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def get(self, rule_id: str) -> Rule:
        """The rule version with this id; ``KeyError`` if there is none."""
        return self._by_id[rule_id]

    def in_force(self, rule_id: str, on: dt.date) -> Rule:
        """The rule with this id if it is in force on ``on``; otherwise
        :class:`~improvement_kit.errors.NoRuleInForceError`."""
        rule = self._by_id.get(rule_id)
        if rule is None:
            raise NoRuleInForceError(f"{self.jurisdiction}: no rule {rule_id!r}")
        if not rule.in_force_on(on):
            raise NoRuleInForceError(
                f"{self.jurisdiction}: rule {rule_id} is in force {rule.in_force.describe()}, "
                f"not on {on.isoformat()}"
            )
        return rule

    def for_item(self, item: str, on: dt.date, **when: str) -> Rule | None:
        """The version in force on ``on`` among the rules producing ``item`` whose ``when``
        conditions accept the given field values, or whose ``details`` hold them (names a
        rule has neither of are ignored)."""
        for rule in self._by_item.get(item, ()):
            if not rule.in_force_on(on):
                continue
            if all(_accepts(rule, key, value) for key, value in when.items()):
                return rule
        return None

    def triggered_by(self, event_type: str) -> list[Rule]:
        """The rules the engine applies to events of ``event_type``."""
        return list(self._by_trigger.get(event_type, ()))

"""What applies to one case: :class:`Scope` (built by :meth:`improvement_kit.kit.Kit.scope`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from improvement_kit.calendar import Closure
from improvement_kit.jurisdictions import Jurisdiction, LocalProcedure
from improvement_kit.rules.book import RuleBook

__all__ = ["Scope"]


@attrs.frozen
class Scope:
    """The plugins, rules and local procedures that apply to one case.

    ``plugins`` are the names of the plugins whose per-case hooks are called;
    ``procedures`` the local procedures that serve the provider's local authority.
    """

    jurisdiction: Jurisdiction
    owner: str
    procedures: tuple[LocalProcedure, ...]
    plugins: tuple[str, ...]
    rules: RuleBook
    hook: Callable[[str], Any] = attrs.field(repr=False)

    def local_closures(self) -> tuple[Closure, ...]:
        """The office closure days of the local procedures in scope."""
        return tuple(c for p in self.procedures for c in p.closures)

    def term_dates(self) -> tuple[Closure, ...]:
        """School holidays the local procedures in scope supply for their schools."""
        return tuple(c for p in self.procedures for c in p.term_dates)

"""What plugins register: jurisdictions, local procedures and category decisions.

A plugin contributes through one hook, ``improvement_kit_register(register)``, calling
``register(...)`` with a :class:`Jurisdiction` (a national set of rules for some kinds of
provider: ``england-maintained``) or a :class:`LocalProcedure` (a council's own procedure,
which extends jurisdictions for the providers of the local authorities it serves). Each object
owns its rule tables, event types and templates; the per-case hooks (category decision,
timeline items, calendar adjustments) of the plugin that registered it are called only for
cases it applies to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from improvement_kit.calendar import Closure
from improvement_kit.model.categories import Category
from improvement_kit.model.providers import ProviderType

if TYPE_CHECKING:
    from improvement_kit.model import Event

__all__ = [
    "CategoryDecision",
    "Jurisdiction",
    "LocalProcedure",
    "RuleTable",
    "TemplateFactory",
]

#: A rule table a jurisdiction or procedure ships: a package resource or a path.
RuleTable = Traversable | Path

#: Returns the :class:`~improvement_kit.documents.spec.TemplateSpec` values an object offers;
#: called only when templates are listed or rendered, so registering stays cheap.
TemplateFactory = Callable[[], Sequence[Any]]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_LA_CODE = re.compile(r"[0-9]{3}\Z")


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(f"{attribute.name} {value!r} is not a kebab-case id (e.g. 'derbyshire')")


def _event_types(value: Sequence[type[Event]]) -> tuple[type[Event], ...]:
    return tuple(value)


def _tables(value: Sequence[RuleTable]) -> tuple[RuleTable, ...]:
    return tuple(value)


def _closures(value: Iterable[Closure]) -> tuple[Closure, ...]:
    return tuple(value)


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValueError(f"expected a list of rule ids, not the text {value!r}")
    return tuple(value)


@attrs.frozen
class Jurisdiction:
    """A national set of rules for some kinds of provider in one country.

    ``id`` is stable (``england-maintained``); ``region`` is the working-day calendar its
    law counts on (``england-and-wales``); ``country`` (``england`` or ``wales``) chooses the
    names categories go by. ``rule_tables`` are its TOML rule tables, ``event_types`` the
    event types it adds to case files and ``templates`` a factory of its document templates.
    ``code_rules`` are the rule ids its Python refers to by name: the kit refuses a rule book
    that lacks one, so a typo fails when the kit loads, not when a case reaches that line.
    """

    id: str = attrs.field(validator=_check_id)
    name: str
    region: str
    provider_types: tuple[ProviderType, ...]
    description: str = ""
    country: str = "england"
    rule_tables: tuple[RuleTable, ...] = attrs.field(default=(), converter=_tables)
    event_types: tuple[type[Event], ...] = attrs.field(default=(), converter=_event_types)
    templates: TemplateFactory | None = None
    code_rules: tuple[str, ...] = attrs.field(default=(), converter=_ids)


def _la_codes(value: Mapping[str, str]) -> Mapping[str, str]:
    codes = dict(value)
    if not codes:
        raise ValueError("a local procedure serves at least one local authority")
    for code in codes:
        if not isinstance(code, str) or not _LA_CODE.match(code):
            raise ValueError(
                f"local authority code {code!r} is not a 3-digit GIAS code (e.g. '830')"
            )
    return codes


def _extends(value: Sequence[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValueError(f"extends must be a list of jurisdiction ids, not the text {value!r}")
    out = tuple(value)
    if not out:
        raise ValueError("a local procedure extends at least one jurisdiction")
    return out


@attrs.frozen
class LocalProcedure:
    """A council's own procedure for schools causing concern.

    It applies only to providers of the ``local_authorities`` it serves (GIAS local-authority
    code to name: ``{"830": "Derbyshire"}``) in the jurisdictions it ``extends``. It adds
    local items (its rule tables hold ``local-policy`` rows only), event types and templates;
    ``closures`` are the council's office closure days, which move only its own local-policy
    items; ``term_dates`` are the school holidays of its schools (used where a case gives none,
    and counted where the law itself counts on the school's holidays). A local procedure never
    decides or replaces a statutory category.
    """

    id: str = attrs.field(validator=_check_id)
    name: str
    local_authorities: Mapping[str, str] = attrs.field(converter=_la_codes)
    extends: tuple[str, ...] = attrs.field(converter=_extends)
    description: str = ""
    rule_tables: tuple[RuleTable, ...] = attrs.field(default=(), converter=_tables)
    event_types: tuple[type[Event], ...] = attrs.field(default=(), converter=_event_types)
    templates: TemplateFactory | None = None
    closures: tuple[Closure, ...] = attrs.field(default=(), converter=_closures)
    term_dates: tuple[Closure, ...] = attrs.field(default=(), converter=_closures)
    code_rules: tuple[str, ...] = attrs.field(default=(), converter=_ids)

    def serves(self, jurisdiction: str, la_code: str | None) -> bool:
        """Whether this procedure applies to a provider of ``la_code`` in ``jurisdiction``."""
        return (
            la_code is not None
            and la_code in self.local_authorities
            and (jurisdiction in self.extends)
        )

    def authorities_text(self) -> str:
        """``"830 Derbyshire"``, comma-separated."""
        return ", ".join(f"{code} {name}" for code, name in sorted(self.local_authorities.items()))


@attrs.frozen
class CategoryDecision:
    """The follow-up an inspection leads to, and why.

    ``category`` is a statutory category (or ``None``); ``monitoring`` a non-statutory level
    (``needs-attention-monitoring``). ``rule_id`` is the rule the decision rests on.
    """

    category: Category | None
    rule_id: str
    reasons: tuple[str, ...] = ()
    monitoring: Category | None = None

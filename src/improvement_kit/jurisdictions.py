"""What a jurisdiction plugin declares: the jurisdiction itself and category decisions."""

from __future__ import annotations

import attrs

from improvement_kit.model.categories import Category
from improvement_kit.model.providers import ProviderType

__all__ = ["CategoryDecision", "Jurisdiction"]


@attrs.frozen
class Jurisdiction:
    """A set of rules for one kind of provider in one country.

    ``id`` is stable (``england-maintained``); ``region`` is the working-day calendar its
    rules count on (``england-and-wales``); ``country`` (``england`` or ``wales``) chooses the
    names categories go by.
    """

    id: str
    name: str
    region: str
    provider_types: tuple[ProviderType, ...]
    description: str = ""
    country: str = "england"


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

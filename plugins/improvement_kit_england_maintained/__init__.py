"""Built-in plugin: maintained schools in England (community, foundation, voluntary, special
and maintained nursery schools; PRUs, with the management committee in place of the governing
body).

Registered through the ``improvement_kit`` entry-point group exactly like a third-party
plugin. What maintained schools share with academies (categories under EA 2005 s.44, the
inspection-report periods, Ofsted's follow-up) lives in :mod:`improvement_kit_england_base`,
whose tables this jurisdiction lists besides its own. Rules live in ``rules/*.toml`` with their
sources; the rules that need code are in :mod:`.category` (the base's category decision) and
:mod:`.derive`
(warning notices, eligibility for intervention, powers, academy orders); the document
templates and their contexts are in :mod:`.documents`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.model import Inspection, Provider, ProviderType
from improvement_kit.rules import rule_files
from improvement_kit_england_base import RULE_TABLES as BASE_RULE_TABLES

if TYPE_CHECKING:
    from improvement_kit.context import TimelineContext
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import TimelineItem

__all__ = ["JURISDICTION", "JURISDICTION_ID"]

__version__ = "0.1.0"

#: The stable id of this jurisdiction.
JURISDICTION_ID = "england-maintained"


def _template_specs() -> Sequence[TemplateSpec]:
    from improvement_kit_england_maintained.documents import template_specs

    return template_specs()


JURISDICTION = Jurisdiction(
    id=JURISDICTION_ID,
    name="England: maintained schools and pupil referral units",
    region="england-and-wales",
    provider_types=(
        ProviderType.COMMUNITY,
        ProviderType.FOUNDATION,
        ProviderType.VOLUNTARY_AIDED,
        ProviderType.VOLUNTARY_CONTROLLED,
        ProviderType.COMMUNITY_SPECIAL,
        ProviderType.FOUNDATION_SPECIAL,
        ProviderType.MAINTAINED_NURSERY,
        ProviderType.PUPIL_REFERRAL_UNIT,
    ),
    description=(
        "Education and Inspections Act 2006 Part 4, Education Act 2005 Part 1 and "
        "Academies Act 2010 s.4, as in force on each trigger date."
    ),
    # The shared England base first (categories, report periods, Ofsted follow-up), then
    # this jurisdiction's own law (EIA 2006 Part 4, Academies Act 2010 s.4).
    rule_tables=(*BASE_RULE_TABLES, *rule_files(__name__)),
    code_rules=("EM-TPC-07", "EM-WN-07", "EM-WN-14"),
    templates=_template_specs,
)


@hookimpl
def improvement_kit_register(register: Callable[[Jurisdiction], None]) -> None:
    """Register ``england-maintained``."""
    register(JURISDICTION)


@hookimpl
def improvement_kit_decide_category(
    inspection: Inspection, provider: Provider
) -> CategoryDecision | None:
    """The category an inspection of a maintained school leads to."""
    from improvement_kit_england_maintained.category import decide_category

    return decide_category(inspection, provider)


@hookimpl
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """Warning notices, eligibility, powers and academy orders, derived in code."""
    from improvement_kit_england_maintained.derive import derive_items

    return derive_items(context)

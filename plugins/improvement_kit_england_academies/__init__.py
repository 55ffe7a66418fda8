"""Built-in plugin: academies and free schools in England.

Academies Act 2010 ss.2A-2D (termination of the Academy agreement; termination warning notices),
EA 2005 ss.13, 16 and 17 with SI 2005/2038 regs 5-7 (the proprietor's comments, parents' copies
and statement of action), EA 1996 s.497C (CWSA 2026 compliance directions, from 29 Jun 2026) and
DfE policy after a category of concern.

Registered through the ``improvement_kit`` entry-point group exactly like a third-party plugin.
What academies share with maintained schools (categories under EA 2005 s.44, the
inspection-report periods, Ofsted's follow-up) lives in :mod:`improvement_kit_england_base`,
whose tables this jurisdiction lists besides its own. Rules live in ``rules/*.toml``;
:mod:`.category` is the base's category decision, :mod:`.derive` the items that need code and
:mod:`.documents` the templates' contexts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.model import Inspection, Provider, ProviderType
from improvement_kit.rules import rule_files
from improvement_kit_england_academies.events import (
    ComplianceDirectionGiven,
    NoticeToImproveGiven,
    TerminationWarningNoticeGiven,
)
from improvement_kit_england_base import RULE_TABLES as BASE_RULE_TABLES

if TYPE_CHECKING:
    from improvement_kit.context import TimelineContext
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import TimelineItem

__all__ = ["JURISDICTION", "JURISDICTION_ID"]

__version__ = "0.1.0"


def _template_specs() -> Sequence[TemplateSpec]:
    from improvement_kit_england_academies.documents import template_specs

    return template_specs()


#: The stable id of this jurisdiction.
JURISDICTION_ID = "england-academies"

JURISDICTION = Jurisdiction(
    id=JURISDICTION_ID,
    name="England: academies and free schools",
    region="england-and-wales",
    provider_types=(ProviderType.ACADEMY, ProviderType.FREE_SCHOOL),
    description=(
        "Academies Act 2010 ss.2A-2D, Education Act 2005 ss.13-17 with SI 2005/2038, "
        "Education Act 1996 s.497C (from 29 Jun 2026) and DfE policy, as in force on each "
        "trigger date."
    ),
    # Its own law first (its `category` fallback row AC-CAT-01 is found before the base's),
    # then the shared England base (categories, report periods, Ofsted follow-up).
    rule_tables=(*rule_files(__name__), *BASE_RULE_TABLES),
    event_types=[TerminationWarningNoticeGiven, NoticeToImproveGiven, ComplianceDirectionGiven],
    code_rules=("AC-2A-02",),
    templates=_template_specs,
)


@hookimpl
def improvement_kit_register(register: Callable[[Jurisdiction], None]) -> None:
    """Register ``england-academies``."""
    register(JURISDICTION)


@hookimpl
def improvement_kit_decide_category(
    inspection: Inspection, provider: Provider
) -> CategoryDecision | None:
    """The category an Ofsted inspection of an academy leads to: the shared England base's
    decision (``None``: not decided)."""
    from improvement_kit_england_base.category import decide_category

    return decide_category(inspection, provider)


@hookimpl
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """Termination warning notices, the s.2B power and the statement of action."""
    from improvement_kit_england_academies.derive import derive_items

    return derive_items(context)

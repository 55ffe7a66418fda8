"""Built-in plugin: further education and skills providers in England.

Ofsted's follow-up of providers judged "requires improvement" (support and challenge, Sep 2012 -
9 Nov 2017; monitoring visits from 10 Nov 2017) or "inadequate" (re-inspection within 15 months of
publication), and DfE/ESFA intervention. Every rule is policy: FE follow-up has no statutory
timetable.

Registered through the ``improvement_kit`` entry-point group exactly like a third-party plugin.
Rules live in ``rules/*.toml``; :mod:`.category` decides the follow-up level from the grades and
:mod:`.derive` computes the windows, which count from the inspection (catalogue CNT-6) except
where the source counts from publication; :mod:`.documents` holds the templates' contexts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.model import Inspection, ProviderType
from improvement_kit.rules import rule_files
from improvement_kit_england_fe.events import FeCommissionerAssessment, NoticeOfConcernGiven

if TYPE_CHECKING:
    from improvement_kit.context import TimelineContext
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import TimelineItem

__all__ = ["JURISDICTION", "JURISDICTION_ID"]

__version__ = "0.1.0"


def _template_specs() -> Sequence[TemplateSpec]:
    from improvement_kit_england_fe.documents import template_specs

    return template_specs()


#: The stable id of this jurisdiction.
JURISDICTION_ID = "england-fe"

JURISDICTION = Jurisdiction(
    id=JURISDICTION_ID,
    name="England: further education and skills providers",
    region="england-and-wales",
    provider_types=(
        ProviderType.FE_COLLEGE,
        ProviderType.SIXTH_FORM_COLLEGE,
        ProviderType.INDEPENDENT_TRAINING_PROVIDER,
    ),
    description=(
        "Ofsted further education and skills follow-up (policy) and DfE/ESFA intervention, "
        "as in force on the last day of each inspection."
    ),
    rule_tables=rule_files(__name__),
    code_rules=("FE-CAT-01", "FE-CAT-02", "FE-DFE-01"),
    event_types=[NoticeOfConcernGiven, FeCommissionerAssessment],
    templates=_template_specs,
)


@hookimpl
def improvement_kit_register(register: Callable[[Jurisdiction], None]) -> None:
    """Register ``england-fe``."""
    register(JURISDICTION)


@hookimpl
def improvement_kit_decide_category(inspection: Inspection) -> CategoryDecision | None:
    """The follow-up level an Ofsted FE inspection leads to (``None``: not decided)."""
    from improvement_kit_england_fe.category import decide_category

    return decide_category(inspection)


@hookimpl
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """Re-inspection and monitoring windows and the intervention status."""
    from improvement_kit_england_fe.derive import derive_items

    return derive_items(context)

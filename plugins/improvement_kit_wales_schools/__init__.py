"""Built-in plugin: maintained schools and pupil referral units in Wales.

School Standards and Organisation (Wales) Act 2013 Part 2 from 20 Feb 2014 (before then SSFA 1998
Part I Chapter IV as far as the research gives it), Estyn's statutory categories under EA 2005
s.44 (notice under s.37(2)), the post-inspection action plan and Estyn's follow-up levels.

Registered through the ``improvement_kit`` entry-point group exactly like a third-party plugin.
Rules live in ``rules/*.toml`` with their sources; :mod:`.derive` computes the Welsh Ministers'
power under s.11(5); :mod:`.grounds` holds the grounds for intervention (Welsh text verbatim);
:mod:`.documents` the bilingual (Welsh first) documents and their contexts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.model import Inspection, Inspectorate, ProviderType, framework_for
from improvement_kit.rules import rule_files
from improvement_kit_wales_schools.events import EVENT_TYPES

if TYPE_CHECKING:
    from improvement_kit.context import TimelineContext
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import TimelineItem

__all__ = ["JURISDICTION", "JURISDICTION_ID", "decide_category"]

__version__ = "0.1.0"

#: The stable id of this jurisdiction.
JURISDICTION_ID = "wales-schools"


def _template_specs() -> Sequence[TemplateSpec]:
    from improvement_kit_wales_schools.documents import template_specs

    return template_specs()


JURISDICTION = Jurisdiction(
    id=JURISDICTION_ID,
    name="Wales: maintained schools and pupil referral units",
    region="england-and-wales",
    provider_types=(ProviderType.WELSH_MAINTAINED_SCHOOL, ProviderType.WELSH_PRU),
    description=(
        "School Standards and Organisation (Wales) Act 2013 Part 2 (from 20 Feb 2014; SSFA 1998 "
        "before), Education Act 2005 Part 1 (Estyn), as in force on each trigger date."
    ),
    country="wales",
    rule_tables=rule_files(__name__),
    event_types=EVENT_TYPES,
    code_rules=("W-CAT-01", "W-FU-2017", "W-FU-2022"),
    templates=_template_specs,
)

_STATUTORY_RULE = "W-CAT-01"
#: The Estyn follow-up policy row for each Estyn framework (the framework in force on the
#: inspection's first day); frameworks before 2017 use the statutory category row.
_FOLLOW_UP_RULES = {"estyn-2017": "W-FU-2017", "estyn-2022": "W-FU-2022"}


def _follow_up_rule(inspection: Inspection) -> str:
    framework = framework_for(Inspectorate.ESTYN, "schools", inspection.start)
    if framework is None:
        return _STATUTORY_RULE
    return _FOLLOW_UP_RULES.get(framework.id, _STATUTORY_RULE)


def decide_category(inspection: Inspection) -> CategoryDecision:
    """Estyn's follow-up is the inspection team's judgement, not a function of the grades: the
    decision mirrors the category recorded on the inspection and names the rule it rests on.

    >>> from improvement_kit.model import Category
    >>> import datetime as dt
    >>> day = dt.date(2023, 3, 9)
    >>> d = decide_category(Inspection(date=day, start=day, category=Category.ESTYN_REVIEW))
    >>> d.category.value, d.rule_id
    ('estyn-review', 'W-FU-2022')
    """
    recorded = inspection.category
    if recorded is None:
        return CategoryDecision(
            None,
            _STATUTORY_RULE,
            ("no follow-up recorded; Estyn's follow-up level is decided by the inspection team",),
        )
    if recorded.statutory:
        return CategoryDecision(
            recorded, _STATUTORY_RULE, ("category recorded by Estyn (EA 2005 s.44, s.37(2))",)
        )
    return CategoryDecision(
        recorded,
        _follow_up_rule(inspection),
        ("non-statutory Estyn follow-up level recorded by the inspection team",),
    )


@hookimpl
def improvement_kit_register(register: Callable[[Jurisdiction], None]) -> None:
    """Register ``wales-schools``."""
    register(JURISDICTION)


@hookimpl
def improvement_kit_decide_category(inspection: Inspection) -> CategoryDecision | None:
    """The follow-up an Estyn inspection of a Welsh school or PRU leads to."""
    return decide_category(inspection)


@hookimpl
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """The Welsh Ministers' power under SSO(W)A 2013 s.11(5), derived in code."""
    from improvement_kit_wales_schools.derive import derive_items

    return derive_items(context)

"""The whole extra-data file (``--data``) of the England maintained-school templates.

One file serves every template: the shared tables, then one table per document. Every
template's builder reads (and so checks) the whole file with :func:`read_extra`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from improvement_kit.documents.extra_data import Text, structure_extra
from improvement_kit_england_maintained.documents.forms_data import (
    PlanOfActionData,
    ProgressReviewData,
    StatementOfActionData,
)
from improvement_kit_england_maintained.documents.letters_data import (
    CausesOfConcernData,
    RemovalData,
)
from improvement_kit_england_maintained.documents.notices_data import (
    ProposedInterventionData,
    TpcWarningNoticeData,
    WarningNoticeData,
)
from improvement_kit_england_maintained.documents.shared_data import (
    LocalAuthorityData,
    PersonData,
    SchoolData,
)

__all__ = ["ExtraData", "read_extra"]


@attrs.frozen(kw_only=True)
class ExtraData:
    """The extra data of the England maintained-school templates: what only the authority
    knows. Every key is optional; a value a template prints and nothing gives is reported as
    a missing field when it is rendered."""

    #: The authority's reference (else the case's ``reference``).
    reference: Text | None = None
    #: The date every document bears unless its own table gives one.
    document_date: dt.date | None = None
    #: The authority sending the documents.
    local_authority: LocalAuthorityData = attrs.field(factory=LocalAuthorityData)
    #: Who signs letters and notices.
    signatory: PersonData = attrs.field(factory=PersonData)
    #: The contact officer at the foot of letters.
    officer: PersonData = attrs.field(factory=PersonData)
    #: Who signs the statement of action, prepares the plan of action and records progress
    #: reviews (seed 004, Annex 5); the ``officer`` if left out.
    senior_adviser: PersonData | None = None
    #: What the case file's provider does not say about the school.
    school: SchoolData = attrs.field(factory=SchoolData)
    #: The s.60 warning notice.
    warning_notice: WarningNoticeData = attrs.field(factory=WarningNoticeData)
    #: The s.60A warning notice.
    tpc_warning_notice: TpcWarningNoticeData = attrs.field(factory=TpcWarningNoticeData)
    #: The letter confirming causes of concern.
    causes_of_concern: CausesOfConcernData = attrs.field(factory=CausesOfConcernData)
    #: The notice of proposed intervention.
    proposed_intervention: ProposedInterventionData = attrs.field(factory=ProposedInterventionData)
    #: The statement of action.
    statement_of_action: StatementOfActionData = attrs.field(factory=StatementOfActionData)
    #: The plan of action.
    plan_of_action: PlanOfActionData = attrs.field(factory=PlanOfActionData)
    #: The progress review record.
    progress_review: ProgressReviewData = attrs.field(factory=ProgressReviewData)
    #: The removal letter.
    removal: RemovalData = attrs.field(factory=RemovalData)


#: The tables whose ``null`` (a key with everything under it commented out) means "empty".
_TABLES = frozenset(f.name for f in attrs.fields(ExtraData) if f.default is not None)


def read_extra(extra: Mapping[str, Any]) -> ExtraData:
    """The extra data as :class:`ExtraData`; ``ExtraDataError`` lists every problem."""
    if isinstance(extra, Mapping) and any(extra.get(name, 1) is None for name in _TABLES):
        extra = {k: v for k, v in extra.items() if not (k in _TABLES and v is None)}
    return structure_extra(extra, ExtraData)

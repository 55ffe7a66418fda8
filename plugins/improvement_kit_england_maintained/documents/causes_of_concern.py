"""The letter confirming the agreed causes of concern (early intervention, not a warning
notice)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.model import Case, Timeline
from improvement_kit_england_maintained.documents.data import read_extra
from improvement_kit_england_maintained.documents.parts import (
    OPTIONAL,
    Authority,
    School,
    Signatory,
    authority,
    document_date,
    head_and_chair_salutation,
    lines,
    meta,
    person,
    school,
)

__all__ = ["CausesOfConcernContext", "build_causes_of_concern"]


@attrs.frozen
class CausesOfConcernContext:
    """The letter confirming the agreed causes of concern (not a warning notice)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    meeting_date: dt.date | None
    concerns: tuple[str, ...] | None
    agreed_actions: tuple[str, ...] | None
    support: tuple[str, ...] | None
    review_date: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: "Dear ..." (the headteacher and the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(head_and_chair_salutation, takes_self=True)
    )


def build_causes_of_concern(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> CausesOfConcernContext:
    """The letter from the ``causes_of_concern`` table of the extra data."""
    del timeline
    data = read_extra(extra)
    section = data.causes_of_concern
    sender = authority(case, data)
    day = document_date(data, section.document_date, section.meeting_date)
    reference = data.reference or case.reference
    return CausesOfConcernContext(
        meta=meta("Letter confirming causes of concern", case, sender, day, reference),
        authority=sender,
        school=school(case, data),
        signatory=person(data.signatory),
        officer=person(data.officer),
        reference=reference,
        date=day,
        meeting_date=section.meeting_date,
        concerns=lines(section.concerns),
        agreed_actions=lines(section.agreed_actions),
        support=lines(section.support),
        review_date=section.review_date,
    )

"""The warning notices: performance standards and safety (EIA 2006 s.60) and teachers' pay and
conditions (s.60A), each in the wording of the law on the day it is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.model import Case, NoticeGround, Timeline
from improvement_kit_england_maintained.documents.case_facts import (
    latest_notice,
    notice_item_date,
    rule_ids,
    trigger,
)
from improvement_kit_england_maintained.documents.data import ExtraData, read_extra
from improvement_kit_england_maintained.documents.law_wording import (
    EAA_2016_COMMENCEMENT,
    POWERS,
    chief_inspector,
    copies,
    grounds,
    powers,
)
from improvement_kit_england_maintained.documents.notices_data import NoticeData
from improvement_kit_england_maintained.documents.parts import (
    LATEST,
    Authority,
    School,
    Signatory,
    authority,
    chair_salutation,
    document_date,
    lines,
    meta,
    person,
    school,
)

__all__ = [
    "TpcWarningNoticeContext",
    "WarningNoticeContext",
    "build_tpc_warning_notice",
    "build_warning_notice",
]

#: The items of a warning notice's own dates, whose rules the notice rests on.
_NOTICE_ITEMS = (
    "warning-notice.initial-period-end",
    "warning-notice.representations-deadline",
    "warning-notice.compliance-period-end",
    "warning-notice.copies",
)


@attrs.frozen
class WarningNoticeContext:
    """A performance standards and safety warning notice (EIA 2006 s.60)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    given_on: dt.date | None
    pre_2016: bool
    grounds: tuple[str, ...] | None
    matters: tuple[str, ...] | None
    action_required: tuple[str, ...] | None
    initial_period_end: dt.date | None
    representations_deadline: dt.date | None
    compliance_period_end: dt.date | None
    powers_basis: str
    minded_to_take: tuple[str, ...] | None
    copies: tuple[str, ...]
    chief_inspector: str
    #: "Dear ..." (title and surname of the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(chair_salutation, takes_self=True)
    )


def _notice_common(
    case: Case, timeline: Timeline, data: ExtraData, section: NoticeData, ground: NoticeGround
) -> dict[str, Any]:
    notice = latest_notice(case, ground)
    given_on = section.given_on or (notice.date if notice else None)
    if notice is not None and notice.date != given_on:
        notice = None  # the extra data describes another notice than the case's latest
    event = trigger(notice)
    pre = given_on is not None and given_on < EAA_2016_COMMENCEMENT
    initial = (
        notice_item_date(timeline, "warning-notice.initial-period-end", event)
        or section.initial_period_end
    )
    reps = (
        notice_item_date(timeline, "warning-notice.representations-deadline", event)
        or section.representations_deadline
        or initial
    )
    compliance = (
        (notice.compliance_period_end if notice else None)
        or notice_item_date(timeline, "warning-notice.compliance-period-end", event)
        or section.compliance_period_end
    )
    return {
        "trigger": event,
        "authority": authority(case, data),
        "school": school(case, data),
        "signatory": person(data.signatory),
        "officer": person(data.officer),
        "reference": data.reference or case.reference,
        "date": document_date(data, section.document_date, given_on, dated_by_event=True),
        "given_on": given_on,
        "pre_2016": pre,
        "matters": lines(section.matters) or (notice.matters if notice else None) or None,
        "action_required": lines(section.action_required)
        or (notice.action_required if notice else None)
        or None,
        "initial_period_end": initial if pre else None,
        "representations_deadline": reps if pre else None,
        "compliance_period_end": compliance if not pre else None,
    }


def build_warning_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> WarningNoticeContext:
    """The s.60 notice from the case's latest LA performance-standards notice (or
    ``warning_notice.given_on``) and the ``warning_notice`` table of the extra data."""
    data = read_extra(extra)
    section = data.warning_notice
    common = _notice_common(
        case, timeline, data, section, NoticeGround.PERFORMANCE_STANDARDS_AND_SAFETY
    )
    pre: bool = common["pre_2016"]
    event = common.pop("trigger")
    allowed = ("s63", "s64", "s65", "s66") if pre else tuple(POWERS)
    regime = "notices given before 18 April 2016" if pre else "notices given from 18 April 2016"
    return WarningNoticeContext(
        meta=meta(
            "Performance standards and safety warning notice",
            case,
            common["authority"],
            common["date"],
            common["reference"],
            rule_ids(timeline, *_NOTICE_ITEMS, trigger=event),
        ),
        grounds=grounds(section.grounds),
        powers_basis=(
            "one or more of sections 63 to 66 of the 2006 Act, or otherwise"
            if pre
            else "one or more of sections 63 to 69 of the 2006 Act, or otherwise"
        ),
        minded_to_take=powers(
            section.minded_to_take, "warning_notice.minded_to_take", allowed, regime
        ),
        copies=copies(case, common["school"], common["given_on"], tpc=False),
        chief_inspector=chief_inspector(common["given_on"] or common["date"] or LATEST),
        **common,
    )


@attrs.frozen
class TpcWarningNoticeContext:
    """A teachers' pay and conditions warning notice (EIA 2006 s.60A)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    given_on: dt.date | None
    pre_2016: bool
    matters: tuple[str, ...] | None
    action_required: tuple[str, ...] | None
    initial_period_end: dt.date | None
    representations_deadline: dt.date | None
    compliance_period_end: dt.date | None
    minded_to_take: tuple[str, ...] | None
    copies: tuple[str, ...]
    #: "Dear ..." (title and surname of the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(chair_salutation, takes_self=True)
    )


def build_tpc_warning_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> TpcWarningNoticeContext:
    """The s.60A notice from the case's latest LA pay-and-conditions notice (or
    ``tpc_warning_notice.given_on``) and the ``tpc_warning_notice`` table."""
    data = read_extra(extra)
    section = data.tpc_warning_notice
    common = _notice_common(case, timeline, data, section, NoticeGround.TEACHERS_PAY_AND_CONDITIONS)
    event = common.pop("trigger")
    return TpcWarningNoticeContext(
        meta=meta(
            "Teachers’ pay and conditions warning notice",
            case,
            common["authority"],
            common["date"],
            common["reference"],
            rule_ids(timeline, *_NOTICE_ITEMS, trigger=event),
        ),
        minded_to_take=powers(
            section.minded_to_take,
            "tpc_warning_notice.minded_to_take",
            ("s64", "s65", "s66"),
            "a teachers' pay and conditions warning notice (sections 64 to 66 only)",
        ),
        copies=copies(case, common["school"], common["given_on"], tpc=True),
        **common,
    )

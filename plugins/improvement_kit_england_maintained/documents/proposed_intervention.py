"""The notice of proposed intervention: reasonable notice in writing (EIA 2006 s.60(1)(d),
s.60A(1)(d); (e) for notices given before 18 April 2016)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.model import (
    Case,
    NoticeGiver,
    NoticeGround,
    ReasonableNoticeGiven,
    Timeline,
    WarningNoticeGiven,
)
from improvement_kit_england_maintained.documents.case_facts import (
    latest_notice,
    notice_item_date,
    rule_ids,
    trigger,
)
from improvement_kit_england_maintained.documents.data import read_extra
from improvement_kit_england_maintained.documents.law_wording import (
    EAA_2016_COMMENCEMENT,
    power_key,
    powers,
)
from improvement_kit_england_maintained.documents.parts import (
    OPTIONAL,
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

__all__ = ["ProposedInterventionContext", "build_proposed_intervention"]


@attrs.frozen
class ProposedInterventionContext:
    """Reasonable notice in writing of proposed intervention (EIA 2006 s.60(1))."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    pre_2016: bool
    tpc: bool
    notice_section: str
    paragraph: str
    warning_notice_given_on: dt.date | None
    compliance_period_end: dt.date | None
    failures: tuple[str, ...] | None
    powers: tuple[str, ...] | None
    proposed_from: dt.date | None
    response_by: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    power_window_end: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: "Dear ..." (title and surname of the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(chair_salutation, takes_self=True)
    )


def build_proposed_intervention(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> ProposedInterventionContext:
    """The notice from the case's latest LA warning notice (s.60, or s.60A with
    ``proposed_intervention.ground: teachers-pay-and-conditions``) and the
    ``proposed_intervention`` table."""
    data = read_extra(extra)
    section = data.proposed_intervention
    ground = section.ground
    if ground is None:
        given = [
            e for e in case.of_type(WarningNoticeGiven) if e.given_by is NoticeGiver.LOCAL_AUTHORITY
        ]
        ground = given[-1].ground if given else NoticeGround.PERFORMANCE_STANDARDS_AND_SAFETY
    tpc = ground is NoticeGround.TEACHERS_PAY_AND_CONDITIONS
    notice = latest_notice(case, ground)
    given_on = section.warning_notice_given_on or (notice.date if notice else None)
    if notice is not None and notice.date != given_on:
        notice = None  # the extra data describes another notice than the case's latest
    event = trigger(notice)
    pre = given_on is not None and given_on < EAA_2016_COMMENCEMENT
    compliance = (
        notice_item_date(timeline, "warning-notice.compliance-period-end", event)
        or (notice.compliance_period_end if notice else None)
        or section.compliance_period_end
        or (notice_item_date(timeline, "warning-notice.initial-period-end", event) if pre else None)
    )
    reasonable = case.of_type(ReasonableNoticeGiven)
    sender = authority(case, data)
    day = document_date(
        data,
        section.document_date,
        reasonable[-1].date if reasonable else None,
        dated_by_event=True,
    )
    reference = data.reference or case.reference
    # the authority's own powers: ss.64-66 for s.60A, ss.63-66 for s.60 (both regimes)
    allowed = ("s64", "s65", "s66") if tpc else ("s63", "s64", "s65", "s66")
    windows = [
        i
        for i in timeline.items
        if (i.id == "la-power.s64" or i.id.startswith("la-power.s64#"))
        and event is not None
        and i.trigger == event
    ]
    proposed = {power_key(code) for code in lines(section.powers) or ()}
    # the s.64 window is stated only when the notice proposes to appoint additional governors
    window = windows[-1] if windows and "s64" in proposed else None
    return ProposedInterventionContext(
        meta=meta(
            "Notice of proposed intervention",
            case,
            sender,
            day,
            reference,
            rule_ids(
                timeline,
                "warning-notice.compliance-period-end",
                "reasonable-notice",
                trigger=event,
            ),
        ),
        authority=sender,
        school=school(case, data),
        signatory=person(data.signatory),
        officer=person(data.officer),
        reference=reference,
        date=day,
        pre_2016=pre,
        tpc=tpc,
        notice_section="section 60A" if tpc else "section 60",
        paragraph=(
            ("section 60A(1)(e)" if pre else "section 60A(1)(d)")
            if tpc
            else ("section 60(1)(e)" if pre else "section 60(1)(d)")
        ),
        warning_notice_given_on=given_on,
        compliance_period_end=compliance,
        failures=lines(section.failures),
        powers=powers(
            section.powers,
            "proposed_intervention.powers",
            allowed,
            "the authority's intervention in a school eligible under "
            + ("section 60A (sections 64 to 66)" if tpc else "section 60 (sections 63 to 66)"),
        ),
        proposed_from=section.proposed_from,
        response_by=section.response_by,
        power_window_end=(
            window.window.end if window is not None and window.window is not None else None
        ),
    )

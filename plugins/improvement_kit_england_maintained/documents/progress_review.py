"""The record of a school progress review meeting (seed 004 form): key issues, the school's
targets and the next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.model import Case, Timeline
from improvement_kit_england_maintained.documents.case_facts import (
    category,
    category_label,
    inspection_dates,
)
from improvement_kit_england_maintained.documents.data import read_extra
from improvement_kit_england_maintained.documents.forms_data import (
    CriterionData,
    CriterionStatus,
    IssueProgressData,
)
from improvement_kit_england_maintained.documents.parts import (
    OPTIONAL,
    Authority,
    School,
    Signatory,
    authority,
    document_date,
    given,
    lines,
    meta,
    person,
    school,
    senior_adviser,
)

__all__ = [
    "Criterion",
    "IssueProgress",
    "NextStep",
    "ProgressReviewContext",
    "Target",
    "build_progress_review",
]

#: The mark in the met / partially met / not met columns: a word, which every font has and a
#: screen reader reads.
_TICK = "Yes"


@attrs.frozen
class Criterion:
    """A success criterion and where it stands: one of the three marks is a tick."""

    criterion: str | None
    met: str
    partially_met: str
    not_met: str


@attrs.frozen
class IssueProgress:
    """Progress with one key issue."""

    number: int
    title: str | None
    actions_record: str | None
    impact: str | None
    criteria: tuple[Criterion, ...] | None


@attrs.frozen
class Target:
    """One of the school's own targets."""

    measure: str | None
    target: str | None
    current: str | None
    on_track: str | None


@attrs.frozen
class NextStep:
    """A row of the next-steps table."""

    key_issue: str | None
    action: str | None
    person: str | None
    target_date: str | None
    monitored_by: str | None
    method: str | None
    resources: str | None


@attrs.frozen
class ProgressReviewContext:
    """The record of a school progress review meeting (seed form)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    reference: str | None
    date: dt.date | None
    status: str | None
    date_registered: dt.date | None
    support_team: tuple[str, ...] | None
    present: tuple[str, ...] | None
    apologies: tuple[str, ...] | None
    last_inspection: str | None
    last_outcome: str | None
    areas_for_development: tuple[str, ...] | None
    issues: tuple[IssueProgress, ...] | None
    targets: tuple[Target, ...] | None
    summary: str | None
    next_meeting: str | None
    next_steps: tuple[NextStep, ...] | None
    date_removed: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    pupil_attendance: str | None = attrs.field(default=None, metadata=OPTIONAL)
    other_business: str | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Who wrote the record (``progress_review.recorded_by``, else the senior adviser).
    recorded_by: Signatory = attrs.field(factory=lambda: Signatory(None, None))


def _criterion(data: CriterionData) -> Criterion:
    return Criterion(
        criterion=data.criterion,
        met=_TICK if data.status is CriterionStatus.MET else "",
        partially_met=_TICK if data.status is CriterionStatus.PARTIALLY_MET else "",
        not_met=_TICK if data.status is CriterionStatus.NOT_MET else "",
    )


def _issue(number: int, data: IssueProgressData) -> IssueProgress:
    return IssueProgress(
        number=number,
        title=given(data.title),
        actions_record=given(data.actions_record),
        impact=given(data.impact),
        criteria=None if data.criteria is None else tuple(_criterion(c) for c in data.criteria),
    )


def build_progress_review(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> ProgressReviewContext:
    """The record from the ``progress_review`` table; the status defaults to the case's
    category."""
    data = read_extra(extra)
    section = data.progress_review
    entered, category_from = category(case, timeline)
    sender = authority(case, data)
    day = document_date(data, section.document_date, section.meeting_date, dated_by_event=True)
    reference = data.reference or case.reference
    label = category_label(entered, category_from)
    apologies = lines(section.apologies)
    return ProgressReviewContext(
        meta=meta("School progress review", case, sender, day, reference),
        authority=sender,
        school=school(case, data),
        reference=reference,
        date=day,
        status=section.status or label,
        date_registered=section.date_registered or category_from,
        support_team=lines(section.support_team),
        present=lines(section.present),
        apologies=apologies or (("None",) if section.apologies == () else None),
        last_inspection=section.last_inspection
        or (inspection_dates(case) if case.inspections() else None),
        last_outcome=section.last_outcome or label,
        areas_for_development=lines(section.areas_for_development),
        issues=None
        if section.key_issues is None
        else tuple(_issue(n, issue) for n, issue in enumerate(section.key_issues, start=1)),
        targets=None
        if section.targets is None
        else tuple(Target(t.measure, t.target, t.current, t.on_track) for t in section.targets),
        summary=given(section.summary),
        next_meeting=given(section.next_meeting),
        next_steps=None
        if section.next_steps is None
        else tuple(
            NextStep(
                key_issue=s.key_issue,
                action=s.action,
                person=s.person,
                target_date=s.target_date,
                monitored_by=s.monitored_by,
                method=s.method,
                resources=s.resources,
            )
            for s in section.next_steps
        ),
        date_removed=section.date_removed,
        pupil_attendance=given(section.pupil_attendance),
        other_business=given(section.other_business),
        recorded_by=(
            person(section.recorded_by) if section.recorded_by is not None else senior_adviser(data)
        ),
    )

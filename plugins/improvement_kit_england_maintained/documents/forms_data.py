"""The extra data of the seed 004 forms: statement of action, plan of action, progress review."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from improvement_kit.documents.extra_data import Money, Text, WholeNumber, refuse
from improvement_kit_england_maintained.documents.shared_data import PersonData

__all__ = [
    "ActionData",
    "CapacityData",
    "CapacityRecord",
    "CriterionData",
    "CriterionStatus",
    "FinanceData",
    "IssueProgressData",
    "KeyIssueData",
    "NextStepData",
    "PlanOfActionData",
    "ProgressReviewData",
    "StatementOfActionData",
    "TargetData",
]

#: The columns of the forms' tables that take numbers.
PROJECTED_YEARS = 3
FINANCE_COLUMNS = 5


def _at_most(count: int, what: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        del instance
        if len(value) > count:
            refuse(attribute, f"has {len(value)} {what}, more than the form's {count}")

    return check


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    del instance
    if value is not None and value < 1:
        refuse(attribute, f"{value!r} is not a number of months (1 or more)")


# --- statement of action -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CapacityRecord:
    """One school's row of the capacity table: its places and projected numbers on roll."""

    #: The school (in ``capacity.school``, the case's school if left out).
    school: Text | None = None
    #: The school's net capacity (in ``capacity.school``).
    net_capacity: int | None = None
    #: The places available at another school (in ``capacity.other_schools``).
    available_accommodation: int | None = None
    #: Projected numbers on roll for this academic year and the next two (at most three).
    projected: tuple[int, ...] = attrs.field(
        default=(), validator=_at_most(PROJECTED_YEARS, "years")
    )


@attrs.frozen(kw_only=True)
class CapacityData:
    """``statement_of_action.capacity``: whether closure or federation is an option."""

    #: The school's own row.
    school: tuple[CapacityRecord, ...] | None = None
    #: Schools nearby and their spare places.
    other_schools: tuple[CapacityRecord, ...] | None = None
    #: What the numbers mean for the school's future.
    commentary: Text | None = None


@attrs.frozen(kw_only=True)
class StatementOfActionData:
    """``statement_of_action``: the authority's statement of action (EA 2005 s.15)."""

    #: The date the statement bears (else the top-level ``document_date``, else ``due``).
    document_date: dt.date | None = None
    #: When the statement is due, if the timeline does not say (it normally does).
    due: dt.date | None = None
    #: The months within which the school should leave its category (1 or more).
    target_months: WholeNumber | None = attrs.field(default=None, validator=_positive)
    #: The target date for removal, if the authority gave one; it must fall ``target_months``
    #: after the day the school entered its category.
    target_date: dt.date | None = None
    #: The capacity table.
    capacity: CapacityData | None = None
    #: The action taken before the inspection.
    action_before: tuple[Text, ...] | None = None
    #: The action the authority will take now.
    action_after: tuple[Text, ...] | None = None
    #: How parents will be kept informed.
    parents: tuple[Text, ...] | None = None
    #: The resources committed.
    resources: tuple[Text, ...] | None = None
    #: The partners involved (the diocese, a teaching school hub...).
    partners: tuple[Text, ...] | None = None
    #: The priorities for improvement.
    priorities: tuple[Text, ...] | None = None
    #: The powers the authority will use, as codes (``s63`` to ``s69``) or in its own words.
    powers: tuple[Text, ...] | None = None
    #: Why the authority does not use its powers (optional).
    powers_not_used: Text | None = None


# --- plan of action --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ActionData:
    """One row of a key issue's action table."""

    #: The action.
    action: Text | None = None
    #: Who leads it.
    lead: Text | None = None
    #: Its reference in the school's own improvement plan (``SIP 1.1``).
    school_plan_ref: Text | None = None
    #: Its milestones and their dates.
    milestones: Text | None = None
    #: Who monitors it.
    monitored_by: Text | None = None
    #: How it is monitored.
    monitoring_strategy: Text | None = None
    #: What it costs, in time or money (``4 consultant days``).
    resources: Text | None = None


@attrs.frozen(kw_only=True)
class KeyIssueData:
    """One key issue of the plan of action (numbered in the order given)."""

    #: The key issue, as the inspection report puts it.
    title: Text | None = None
    #: Where the issue comes from ("Directly from the inspection report" if not given).
    source: Text | None = None
    #: How success will be judged.
    success_criteria: tuple[Text, ...] | None = None
    #: When and how the issue will be evaluated.
    evaluation: tuple[Text, ...] | None = None
    #: The action table.
    actions: tuple[ActionData, ...] | None = None


@attrs.frozen(kw_only=True)
class FinanceData:
    """One source of funding in the summary finance plan."""

    #: Where the money comes from (``Local authority``).
    source: Text | None = None
    #: Amounts in pounds, one per key issue column in order (at most five).
    amounts: tuple[Money, ...] = attrs.field(
        default=(), validator=_at_most(FINANCE_COLUMNS, "amounts")
    )


@attrs.frozen(kw_only=True)
class PlanOfActionData:
    """``plan_of_action``: the local authority plan of action (seed 004, Annex 5)."""

    #: The date the plan bears (else the top-level ``document_date``).
    document_date: dt.date | None = None
    #: The key issues, each with its own table.
    key_issues: tuple[KeyIssueData, ...] | None = None
    #: The summary finance plan (its totals row is computed).
    finance: tuple[FinanceData, ...] | None = None


# --- progress review -------------------------------------------------------------------------


class CriterionStatus(enum.StrEnum):
    """Where a success criterion stands at a progress review."""

    MET = "met"
    PARTIALLY_MET = "partially-met"
    NOT_MET = "not-met"


@attrs.frozen(kw_only=True)
class CriterionData:
    """A success criterion and where it stands."""

    #: The criterion.
    criterion: Text | None = None
    #: Where it stands (required).
    status: CriterionStatus


@attrs.frozen(kw_only=True)
class IssueProgressData:
    """Progress with one key issue (numbered in the order given)."""

    #: The key issue.
    title: Text | None = None
    #: What was done.
    actions_record: Text | None = None
    #: What difference it made.
    impact: Text | None = None
    #: The success criteria and where each stands.
    criteria: tuple[CriterionData, ...] | None = None


@attrs.frozen(kw_only=True)
class TargetData:
    """One of the school's own targets (all text, such as ``70%`` or ``"No"``)."""

    #: What is measured.
    measure: Text | None = None
    #: The target.
    target: Text | None = None
    #: Where the school is now.
    current: Text | None = None
    #: Whether it is on track.
    on_track: Text | None = None


@attrs.frozen(kw_only=True)
class NextStepData:
    """A row of the next-steps table (all text)."""

    #: The key issue it serves, by number (``"1"``).
    key_issue: Text | None = None
    #: The step.
    action: Text | None = None
    #: Who takes it.
    person: Text | None = None
    #: By when, as the record should print it (``20 March 2026``).
    target_date: Text | None = None
    #: Who monitors it.
    monitored_by: Text | None = None
    #: How it is monitored.
    method: Text | None = None
    #: What it needs.
    resources: Text | None = None


@attrs.frozen(kw_only=True)
class ProgressReviewData:
    """``progress_review``: the record of a school progress review meeting."""

    #: The day of the meeting (the record is dated by it).
    meeting_date: dt.date | None = None
    #: The date the record bears, if not the meeting's.
    document_date: dt.date | None = None
    #: The school's status (its category's label if not given).
    status: Text | None = None
    #: When the school was registered as causing concern (when its category began if not
    #: given).
    date_registered: dt.date | None = None
    #: When it was removed (optional).
    date_removed: dt.date | None = None
    #: The school support team.
    support_team: tuple[Text, ...] | None = None
    #: Who was present.
    present: tuple[Text, ...] | None = None
    #: Apologies (an empty list prints "None").
    apologies: tuple[Text, ...] | None = None
    #: The last inspection (the dates of the case's latest inspection if not given).
    last_inspection: Text | None = None
    #: Its outcome (the category's label if not given).
    last_outcome: Text | None = None
    #: The areas for development.
    areas_for_development: tuple[Text, ...] | None = None
    #: Progress with each key issue.
    key_issues: tuple[IssueProgressData, ...] | None = None
    #: The school's own targets.
    targets: tuple[TargetData, ...] | None = None
    #: The overall summary.
    summary: Text | None = None
    #: When the next meeting is, as the record should print it.
    next_meeting: Text | None = None
    #: The next-steps table.
    next_steps: tuple[NextStepData, ...] | None = None
    #: A note on pupils' attendance (optional).
    pupil_attendance: Text | None = None
    #: Any other business (optional).
    other_business: Text | None = None
    #: Who wrote the record (the ``senior_adviser`` if not given).
    recorded_by: PersonData | None = None

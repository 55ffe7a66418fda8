"""The local authority plan of action (seed 004, Annex 5): one table per key issue and the
summary finance plan."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.model import Case, Timeline
from improvement_kit_england_maintained.documents.case_facts import category, category_label
from improvement_kit_england_maintained.documents.data import read_extra
from improvement_kit_england_maintained.documents.forms_data import (
    FINANCE_COLUMNS,
    FinanceData,
    KeyIssueData,
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
    "FinanceRow",
    "KeyIssue",
    "PlanAction",
    "PlanOfActionContext",
    "build_plan_of_action",
]

#: Where a key issue comes from when the extra data does not say.
_DEFAULT_SOURCE = "Directly from the inspection report"


@attrs.frozen
class PlanAction:
    """One row of a key issue's action table."""

    action: str | None
    lead: str | None
    school_plan_ref: str | None
    milestones: str | None
    monitored_by: str | None
    monitoring_strategy: str | None
    resources: str | None


@attrs.frozen
class KeyIssue:
    """One key issue of the plan of action, with its success criteria and actions."""

    number: int
    title: str | None
    source: str
    success_criteria: tuple[str, ...] | None
    evaluation: tuple[str, ...] | None
    actions: tuple[PlanAction, ...] | None


@attrs.frozen
class FinanceRow:
    """One source of funding across the key issues (five columns, as the form has)."""

    source: str | None
    amounts: tuple[str, str, str, str, str]
    total: str


@attrs.frozen
class PlanOfActionContext:
    """The local authority plan of action (seed form Annex 5)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    #: Kept for edited templates; the shipped one is prepared by ``senior_adviser``.
    signatory: Signatory = attrs.field(metadata=OPTIONAL)
    reference: str | None
    date: dt.date | None
    category: str | None
    key_issues: tuple[KeyIssue, ...] | None
    finance: tuple[FinanceRow, ...] | None
    finance_totals: FinanceRow | None
    #: Who prepared the plan (Annex 5: the senior adviser and link adviser).
    senior_adviser: Signatory = attrs.field(factory=lambda: Signatory(None, None))


def _money(value: decimal.Decimal) -> str:
    """``£4,000`` or, with pence, ``£1,500.50``; nothing is rounded away."""
    if value == 0:
        return "–"
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


def _finance(
    records: Sequence[FinanceData] | None,
) -> tuple[tuple[FinanceRow, ...], FinanceRow] | None:
    if records is None:
        return None
    rows = []
    sums = [decimal.Decimal(0)] * FINANCE_COLUMNS
    for record in records:
        numbers = [*record.amounts] + [decimal.Decimal(0)] * (FINANCE_COLUMNS - len(record.amounts))
        sums = [a + b for a, b in zip(sums, numbers, strict=True)]
        rows.append(
            FinanceRow(
                source=given(record.source),
                amounts=tuple(_money(n) for n in numbers),  # type: ignore[arg-type]
                total=_money(sum(numbers, decimal.Decimal(0))),
            )
        )
    total = _money(sum(sums, decimal.Decimal(0)))
    totals = FinanceRow("Totals", tuple(_money(n) for n in sums), total)  # type: ignore[arg-type]
    return tuple(rows), totals


def _key_issue(number: int, issue: KeyIssueData) -> KeyIssue:
    return KeyIssue(
        number=number,
        title=given(issue.title),
        source=issue.source or _DEFAULT_SOURCE,
        success_criteria=lines(issue.success_criteria),
        evaluation=lines(issue.evaluation),
        actions=None
        if issue.actions is None
        else tuple(
            PlanAction(
                action=a.action,
                lead=a.lead,
                school_plan_ref=a.school_plan_ref,
                milestones=a.milestones,
                monitored_by=a.monitored_by,
                monitoring_strategy=a.monitoring_strategy,
                resources=a.resources,
            )
            for a in issue.actions
        ),
    )


def build_plan_of_action(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> PlanOfActionContext:
    """The plan from the ``plan_of_action`` table: ``key_issues`` (each with
    ``success_criteria``, ``evaluation``, ``actions``) and ``finance``."""
    data = read_extra(extra)
    section = data.plan_of_action
    entered, category_from = category(case, timeline)
    sender = authority(case, data)
    day = document_date(data, section.document_date)
    reference = data.reference or case.reference
    finance = _finance(section.finance)
    return PlanOfActionContext(
        meta=meta("Local authority plan of action", case, sender, day, reference),
        authority=sender,
        school=school(case, data),
        signatory=person(data.signatory),
        reference=reference,
        date=day,
        category=category_label(entered, category_from),
        key_issues=None
        if section.key_issues is None
        else tuple(_key_issue(n, issue) for n, issue in enumerate(section.key_issues, start=1)),
        finance=finance[0] if finance else None,
        finance_totals=finance[1] if finance else None,
        senior_adviser=senior_adviser(data),
    )

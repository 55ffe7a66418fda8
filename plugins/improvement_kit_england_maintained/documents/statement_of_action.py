"""The authority's statement of action for a school in a category of concern (EA 2005 s.15),
after the seed 004 form (Annex 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.documents.text import format_date
from improvement_kit.errors import InputError
from improvement_kit.model import Case, FinalReportReceived, Timeline
from improvement_kit_england_maintained.documents.case_facts import (
    academic_years,
    category,
    category_label,
    inspection_dates,
    item_date,
    rule_ids,
)
from improvement_kit_england_maintained.documents.data import read_extra
from improvement_kit_england_maintained.documents.forms_data import (
    PROJECTED_YEARS,
    CapacityRecord,
)
from improvement_kit_england_maintained.documents.law_wording import POWERS, powers
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
    month_add,
    person,
    school,
    senior_adviser,
)

__all__ = ["CapacityRow", "StatementOfActionContext", "build_statement_of_action"]


@attrs.frozen
class CapacityRow:
    """One school's net capacity and projected numbers on roll, three years ahead."""

    school: str | None
    net_capacity: str | None
    current: str | None
    next: str | None
    following: str | None


def _capacity_rows(records: Sequence[CapacityRecord] | None) -> tuple[CapacityRow, ...] | None:
    if records is None:
        return None
    rows = []
    for record in records:
        values: list[str | None] = [str(v) for v in record.projected]
        values += [None] * (PROJECTED_YEARS - len(values))
        places = (
            record.net_capacity
            if record.net_capacity is not None
            else record.available_accommodation
        )
        rows.append(
            CapacityRow(
                school=record.school,
                net_capacity=None if places is None else str(places),
                current=values[0],
                next=values[1],
                following=values[2],
            )
        )
    return tuple(rows)


@attrs.frozen
class StatementOfActionContext:
    """The authority's statement of action (EA 2005 s.15), after seed form Annex 5."""

    meta: DocumentMeta
    authority: Authority
    school: School
    #: Kept for edited templates; the shipped one is signed by ``senior_adviser``.
    signatory: Signatory = attrs.field(metadata=OPTIONAL)
    reference: str | None
    date: dt.date | None
    category: str | None
    inspection_dates: str | None
    report_received: dt.date | None
    due: dt.date | None
    year_labels: tuple[str, str, str] | None
    school_capacity: tuple[CapacityRow, ...] | None
    other_schools: tuple[CapacityRow, ...] | None
    capacity_commentary: str | None
    target_months: int | None
    action_before: tuple[str, ...] | None
    action_after: tuple[str, ...] | None
    parents: tuple[str, ...] | None
    resources: tuple[str, ...] | None
    partners: tuple[str, ...] | None
    priorities: tuple[str, ...] | None
    powers: tuple[str, ...] | None
    powers_not_used: str | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Who signs the statement (Annex 5: "Name of senior adviser"); not the Director.
    senior_adviser: Signatory = attrs.field(factory=lambda: Signatory(None, None))
    #: The day the target months count from (the school entered the category).
    target_from: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: A target date the authority gave itself; must agree with ``target_months``.
    target_date_given: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Derived: ``target_date_given``, else ``target_months`` after ``target_from``. Not an
    #: argument, so ``attrs.evolve(context, target_months=12)`` moves it too.
    target_date: dt.date | None = attrs.field(init=False)

    @target_date.default
    def _target_date(self) -> dt.date | None:
        derived = (
            month_add(self.target_from, self.target_months)
            if self.target_from is not None and self.target_months is not None
            else None
        )
        if self.target_date_given is None:
            return derived
        if (
            self.target_from is not None
            and derived is not None
            and derived != self.target_date_given
        ):
            raise InputError(
                "statement_of_action.target_date",
                self.target_date_given,
                f"is not {self.target_months} months after {format_date(self.target_from)}"
                f" ({format_date(derived)}); give one or the other",
            )
        return self.target_date_given


def build_statement_of_action(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> StatementOfActionContext:
    """The statement from the case (category, inspection, report received), the timeline
    (``statement-of-action.due``) and the ``statement_of_action`` table."""
    data = read_extra(extra)
    section = data.statement_of_action
    capacity = section.capacity
    entered, category_from = category(case, timeline)
    received = case.of_type(FinalReportReceived)
    due = item_date(timeline, "statement-of-action.due") or section.due
    sender = authority(case, data)
    day = document_date(data, section.document_date, due)
    reference = data.reference or case.reference
    school_row = _capacity_rows(None if capacity is None else capacity.school)
    if school_row is not None:
        school_row = tuple(
            row if row.school else attrs.evolve(row, school=case.provider.name)
            for row in school_row
        )
    return StatementOfActionContext(
        meta=meta(
            "Statement of action",
            case,
            sender,
            day,
            reference,
            rule_ids(timeline, "category", "statement-of-action.due"),
        ),
        authority=sender,
        school=school(case, data),
        signatory=person(data.signatory),
        reference=reference,
        date=day,
        category=category_label(entered, category_from),
        inspection_dates=inspection_dates(case),
        report_received=received[-1].date if received else None,
        due=due,
        year_labels=academic_years(day),
        school_capacity=school_row,
        other_schools=_capacity_rows(None if capacity is None else capacity.other_schools),
        capacity_commentary=None if capacity is None else given(capacity.commentary),
        target_months=section.target_months,
        target_from=category_from,
        target_date_given=section.target_date,
        senior_adviser=senior_adviser(data),
        action_before=lines(section.action_before),
        action_after=lines(section.action_after),
        parents=lines(section.parents),
        resources=lines(section.resources),
        partners=lines(section.partners),
        priorities=lines(section.priorities),
        powers=powers(
            section.powers, "statement_of_action.powers", tuple(POWERS), "a statement of action"
        ),
        powers_not_used=given(section.powers_not_used),
    )

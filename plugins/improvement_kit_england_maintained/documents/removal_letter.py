"""The letter confirming removal from the schools causing concern list, with at least 12
months of lighter-touch monitoring after it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.errors import InputError
from improvement_kit.model import Case, CategoryRemoved, Timeline
from improvement_kit_england_maintained.documents.case_facts import category, inspection_dates
from improvement_kit_england_maintained.documents.data import read_extra
from improvement_kit_england_maintained.documents.letters_data import MIN_MONITORING_MONTHS
from improvement_kit_england_maintained.documents.parts import (
    LATEST,
    OPTIONAL,
    Authority,
    School,
    Signatory,
    authority,
    document_date,
    head_and_chair_salutation,
    lines,
    meta,
    month_add,
    person,
    school,
)

__all__ = ["RemovalLetterContext", "build_removal_letter"]


@attrs.frozen
class RemovalLetterContext:
    """The letter confirming removal from the schools-causing-concern list."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    category: str | None
    removed_on: dt.date | None
    monitoring_months: int = attrs.field()
    exit_arrangements: tuple[str, ...] | None
    inspection_dates: str | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Derived: ``monitoring_months`` after ``removed_on``.
    monitoring_until: dt.date | None = attrs.field(init=False)
    #: "Dear ..." (the headteacher and the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(head_and_chair_salutation, takes_self=True)
    )

    @monitoring_months.validator
    def _at_least_12(self, attribute: Any, months: int) -> None:
        del attribute
        if months < MIN_MONITORING_MONTHS:
            raise InputError(
                "removal.monitoring_months", months, "is less than the 12 months of exit monitoring"
            )

    @monitoring_until.default
    def _monitoring_until(self) -> dt.date | None:
        return (
            None if self.removed_on is None else month_add(self.removed_on, self.monitoring_months)
        )


def build_removal_letter(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> RemovalLetterContext:
    """The letter from the case's ``category-removed`` event (or ``removal.removed_on``) and the
    ``removal`` table; lighter-touch monitoring lasts at least 12 months."""
    data = read_extra(extra)
    section = data.removal
    removed = case.of_type(CategoryRemoved)
    removed_on = section.removed_on or (removed[-1].date if removed else None)
    left = removed[-1].category if removed and removed[-1].category else None
    if left is None:
        left = category(case, timeline)[0]
    months: int = (
        MIN_MONITORING_MONTHS if section.monitoring_months is None else section.monitoring_months
    )
    sender = authority(case, data)
    day = document_date(data, section.document_date, removed_on)
    reference = data.reference or case.reference
    return RemovalLetterContext(
        meta=meta("Removal from the schools causing concern list", case, sender, day, reference),
        authority=sender,
        school=school(case, data),
        signatory=person(data.signatory),
        officer=person(data.officer),
        reference=reference,
        date=day,
        category=(None if left is None else left.label(removed_on or day or LATEST)),
        removed_on=removed_on,
        monitoring_months=months,
        exit_arrangements=lines(section.exit_arrangements),
        inspection_dates=_removing_inspection(case, timeline),
    )


def _removing_inspection(case: Case, timeline: Timeline) -> str | None:
    """The dates of the inspection after the category began (the one that ended it), if any."""
    began = category(case, timeline)[1]
    later = [i for i in case.inspections() if began is not None and i.start > began]
    if not later:
        return None
    return inspection_dates(attrs.evolve(case, events=tuple(later)))

"""The parts every England maintained-school document shares: the authority, its officers,
the school, the document's date and its properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta
from improvement_kit.documents.text import salutation
from improvement_kit.model import Case, ProviderType
from improvement_kit_england_maintained.documents.data import ExtraData
from improvement_kit_england_maintained.documents.shared_data import PersonData

__all__ = [
    "JURISDICTION",
    "LATEST",
    "OPTIONAL",
    "Authority",
    "School",
    "Signatory",
    "authority",
    "chair_salutation",
    "document_date",
    "given",
    "head_and_chair_salutation",
    "lines",
    "meta",
    "month_add",
    "person",
    "school",
    "senior_adviser",
]

#: Marks a context field that a template may leave out (not reported by the template check).
OPTIONAL: Mapping[str, bool] = {"optional": True}
JURISDICTION = "england-maintained"
#: Used for labels when a document's date is unknown (rendering then reports the date missing).
LATEST = dt.date.max


def given(text: str | None) -> str | None:
    """The text, or ``None`` for none or an empty string (reported missing if printed)."""
    return text or None


def lines(texts: Sequence[str] | None) -> tuple[str, ...] | None:
    """A list's items without the empty ones; ``None`` if the list was not given."""
    return None if texts is None else tuple(text for text in texts if text)


def month_add(day: dt.date, months: int) -> dt.date:
    """``months`` calendar months after ``day``, on the month's last day if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@attrs.frozen
class Authority:
    """The local authority sending the document."""

    name: str | None
    address: str | None = attrs.field(default=None, metadata=OPTIONAL)
    department: str | None = attrs.field(default=None, metadata=OPTIONAL)
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen
class Signatory:
    """A named officer: who signs, or whom to contact."""

    name: str | None
    title: str | None
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen
class School:
    """The school, from the case's provider and the extra data's ``school`` table."""

    name: str
    urn: str = attrs.field(metadata=OPTIONAL)
    address: str | None = attrs.field(default=None, metadata=OPTIONAL)
    head_teacher: str | None = attrs.field(default=None, metadata=OPTIONAL)
    chair_of_governors: str | None = attrs.field(default=None, metadata=OPTIONAL)
    type: str | None = attrs.field(default=None, metadata=OPTIONAL)
    dfe_number: str | None = attrs.field(default=None, metadata=OPTIONAL)


_TYPE_LABELS = {
    ProviderType.COMMUNITY: "community school",
    ProviderType.FOUNDATION: "foundation school",
    ProviderType.VOLUNTARY_AIDED: "voluntary aided school",
    ProviderType.VOLUNTARY_CONTROLLED: "voluntary controlled school",
    ProviderType.COMMUNITY_SPECIAL: "community special school",
    ProviderType.FOUNDATION_SPECIAL: "foundation special school",
    ProviderType.MAINTAINED_NURSERY: "maintained nursery school",
    ProviderType.PUPIL_REFERRAL_UNIT: "pupil referral unit",
}


def authority(case: Case, data: ExtraData) -> Authority:
    """The authority from ``local_authority``, named as the case names it if not there."""
    la = data.local_authority
    return Authority(
        name=la.name or case.provider.local_authority,
        address=given(la.address),
        department=given(la.department),
        telephone=given(la.telephone),
        email=given(la.email),
    )


def chair_salutation(self: Any) -> str:
    """ "Dear ..." for a letter to the chair of governors."""
    return salutation(self.school.chair_of_governors, default="Chair of Governors")


def head_and_chair_salutation(self: Any) -> str:
    """ "Dear ..." for a letter to the headteacher and the chair of governors."""
    return salutation(
        self.school.head_teacher,
        self.school.chair_of_governors,
        default="Headteacher and Chair of Governors",
    )


def person(data: PersonData) -> Signatory:
    """An officer as the documents name them."""
    return Signatory(
        name=given(data.name),
        title=given(data.title),
        telephone=given(data.telephone),
        email=given(data.email),
    )


def senior_adviser(data: ExtraData) -> Signatory:
    """The senior adviser (``senior_adviser`` in the extra data, else the ``officer``): who
    signs the statement of action and records progress reviews (seed 004, Annex 5)."""
    return person(data.officer if data.senior_adviser is None else data.senior_adviser)


def school(case: Case, data: ExtraData) -> School:
    """The school from the case's provider; the ``school`` table adds to it or overrides it."""
    provider = case.provider
    extra = data.school
    return School(
        name=extra.name or provider.name,
        urn=provider.identifier,
        address=extra.address or provider.address,
        head_teacher=extra.head_teacher or provider.head_teacher,
        chair_of_governors=extra.chair_of_governors or provider.chair_of_governors,
        type=_TYPE_LABELS.get(provider.type, provider.type.value.replace("-", " ")),
        dfe_number=given(extra.dfe_number),
    )


def document_date(
    data: ExtraData,
    own: dt.date | None,
    *fallbacks: dt.date | None,
    dated_by_event: bool = False,
) -> dt.date | None:
    """The date the document bears: its table's ``document_date`` (``own``), else (for a
    notice, which is dated the day it is given) the event's date, else the top-level
    ``document_date``, else the fallbacks."""
    if own is not None:
        return own
    if dated_by_event:
        for day in fallbacks:
            if day is not None:
                return day
    if data.document_date is not None:
        return data.document_date
    for day in fallbacks:
        if day is not None:
            return day
    return None


def meta(
    title: str,
    case: Case,
    authority: Authority,
    day: dt.date | None,
    reference: str | None,
    rules: Sequence[str] = (),
) -> DocumentMeta:
    """The document's core properties: its title, date, author, subject and rules."""
    return DocumentMeta(
        title=f"{title}: {case.provider.name}",
        date=day,
        author=authority.name or "",
        subject=f"{case.provider.name} (URN {case.provider.identifier})",
        reference=reference or "",
        rule_ids=tuple(rules),
    )

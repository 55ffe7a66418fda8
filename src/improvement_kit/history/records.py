"""Inspection histories as typed values: one :class:`InspectionHistory` per establishment (URN).

No input or output here: readers (:mod:`improvement_kit.history.ofsted_mi`, :func:`from_case`)
build these values; definitions (:mod:`improvement_kit.history.definitions`) read them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from improvement_kit.model.grades import Grade, Inspectorate, framework_for

__all__ = [
    "BELOW_GOOD",
    "GOOD_OR_BETTER",
    "KEY_JUDGEMENTS",
    "Establishment",
    "HistoryInspection",
    "InspectionHistory",
    "InspectionKind",
    "RecordedType",
    "StuckType",
    "framework_id_on",
    "grade_from_number",
    "histories_from",
]


class InspectionKind(enum.StrEnum):
    """What sort of inspection a history row is.

    ``full``: a graded inspection (section 5; a report-card inspection). ``short``: a short or
    ungraded inspection (section 8 of a good or outstanding school) that did not convert.
    ``monitoring``: a monitoring visit or inspection of a school in a category or graded
    requires improvement. Only ``full`` inspections count as full in the definitions.
    """

    FULL = "full"
    SHORT = "short"
    MONITORING = "monitoring"


#: Overall effectiveness grades below good (2005-2024 scales; satisfactory until 31 Aug 2012).
BELOW_GOOD = frozenset({Grade.SATISFACTORY, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE})
#: The judgements besides overall effectiveness kept in a history: quality of education and
#: leadership and management (2019-2025 framework; the DfE reads them for 2024/25 inspections,
#: which have no overall grade), leadership and governance (report cards from 10 Nov 2025).
KEY_JUDGEMENTS = ("quality-of-education", "leadership-and-management", "leadership-and-governance")
#: Good or better.
GOOD_OR_BETTER = frozenset({Grade.GOOD, Grade.OUTSTANDING})

#: The first day of the 2012 framework: a grade 3 before it is satisfactory, after it requires
#: improvement (Ofsted, The framework for school inspection, September 2012).
RI_FROM = dt.date(2012, 9, 1)

_BY_NUMBER_2005 = {
    1: Grade.OUTSTANDING,
    2: Grade.GOOD,
    3: Grade.SATISFACTORY,
    4: Grade.INADEQUATE,
}
_BY_NUMBER_2012 = {**_BY_NUMBER_2005, 3: Grade.REQUIRES_IMPROVEMENT}


def grade_from_number(number: int, on: dt.date) -> Grade:
    """The overall effectiveness grade ``number`` (1-4) meant on ``on``.

    >>> grade_from_number(3, dt.date(2010, 3, 1)).value
    'satisfactory'
    >>> grade_from_number(3, dt.date(2012, 9, 1)).value
    'requires-improvement'
    """
    table = _BY_NUMBER_2012 if on >= RI_FROM else _BY_NUMBER_2005
    return table[number]


_FRAMEWORK_CACHE: dict[int, str] = {}


def framework_id_on(on: dt.date) -> str:
    """The id of Ofsted's school framework in force on ``on`` (``"unknown"`` before Sep 2005).

    >>> framework_id_on(dt.date(2025, 1, 15))
    'ofsted-schools-eif-2024'
    """
    key = on.toordinal()
    found = _FRAMEWORK_CACHE.get(key)
    if found is None:
        framework = framework_for(Inspectorate.OFSTED, "schools", on)
        found = framework.id if framework is not None else "unknown"
        _FRAMEWORK_CACHE[key] = found
    return found


@attrs.frozen
class HistoryInspection:
    """One inspection in a history.

    ``grade`` is the overall effectiveness on the scale of the framework in force (a grade 3 is
    satisfactory before 1 Sep 2012 and requires improvement after). It is ``None`` where there
    is none: "Not judged" (inspections from 2 Sep 2024), report cards (from 10 Nov 2025, no
    overall grade), a monitoring visit, an ungraded inspection whose outcome gives no grade.
    ``overall_judged`` is false where the framework gives no overall grade at all (the two
    eras from September 2024), which the definitions may treat differently from a missing
    grade. A short inspection whose outcome is "school remains good" has ``grade`` good.
    ``urn`` is the establishment inspected (a predecessor's URN when read from its history);
    ``source`` says where the row was read (``file.csv, row 12``). ``key_grades`` are the
    judgements other than overall effectiveness that a definition may read where there is no
    overall grade (:data:`KEY_JUDGEMENTS`), as ``(judgement, grade)`` pairs.
    """

    urn: str
    date: dt.date
    kind: InspectionKind
    grade: Grade | None
    framework: str
    overall_judged: bool = True
    inspection_number: str | None = None
    source: str = ""
    key_grades: tuple[tuple[str, Grade], ...] = ()

    def key_grade(self, judgement: str) -> Grade | None:
        """The grade of ``judgement`` (``"quality-of-education"``), if recorded."""
        for name, grade in self.key_grades:
            if name == judgement:
                return grade
        return None

    @property
    def below_good(self) -> bool:
        """Judged inadequate, satisfactory or requires improvement overall."""
        return self.grade in BELOW_GOOD

    @property
    def good_or_better(self) -> bool:
        """Judged good or outstanding overall."""
        return self.grade in GOOD_OR_BETTER


class StuckType(enum.StrEnum):
    """The two types of stuck school in Ofsted's 2020 report (seed 003), recorded from a visit
    or review; the library never guesses them from data."""

    CHAOTIC_CHANGE_FATIGUED = "chaotic-change-fatigued"
    RESISTANT_EMBEDDED = "resistant-embedded"


@attrs.frozen
class RecordedType:
    """A type recorded for a school: by whom, on which date, from what (a visit, a review)."""

    type: StuckType
    recorded_on: dt.date
    recorded_by: str = ""
    basis: str = ""


@attrs.frozen
class Establishment:
    """What the inputs say about an establishment (all optional but the URN).

    ``la_code`` is the 3-digit GIAS code (``"830"``). ``academy`` is true, false or unknown;
    ``trust`` the multi-academy trust's name where the data has it.
    """

    urn: str
    name: str | None = None
    phase: str | None = None
    establishment_type: str | None = None
    la_code: str | None = None
    local_authority: str | None = None
    academy: bool | None = None
    trust: str | None = None

    def complete(self) -> bool:
        """Whether every field is known."""
        return None not in self._known()

    def _known(self) -> tuple[object, ...]:
        return (
            self.name,
            self.phase,
            self.establishment_type,
            self.la_code,
            self.local_authority,
            self.academy,
            self.trust,
        )

    def merged(self, other: Establishment) -> Establishment:
        """This establishment with the gaps filled from ``other`` (same URN)."""
        if self.complete():
            return self
        return Establishment(
            self.urn,
            name=self.name if self.name is not None else other.name,
            phase=self.phase if self.phase is not None else other.phase,
            establishment_type=(
                self.establishment_type
                if self.establishment_type is not None
                else other.establishment_type
            ),
            la_code=self.la_code if self.la_code is not None else other.la_code,
            local_authority=(
                self.local_authority if self.local_authority is not None else other.local_authority
            ),
            academy=self.academy if self.academy is not None else other.academy,
            trust=self.trust if self.trust is not None else other.trust,
        )


def _sort_key(inspection: HistoryInspection) -> tuple[dt.date, bool]:
    return (inspection.date, inspection.kind is not InspectionKind.FULL)


def _by_date(items: Iterable[HistoryInspection]) -> tuple[HistoryInspection, ...]:
    return tuple(sorted(items, key=_sort_key))


@attrs.frozen
class InspectionHistory:
    """The inspections of one establishment, oldest first, and what is known of it."""

    establishment: Establishment
    inspections: tuple[HistoryInspection, ...] = attrs.field(converter=_by_date, default=())

    @property
    def urn(self) -> str:
        """The establishment's URN."""
        return self.establishment.urn


def histories_from(
    inspections: Iterable[HistoryInspection],
    establishments: Mapping[str, Establishment] | None = None,
) -> dict[str, InspectionHistory]:
    """Group inspections by URN into histories (establishments without inspections included).

    Two rows with the same URN, date, kind and inspection number are one inspection (the same
    inspection read from two files): the first is kept.
    """
    rows: dict[str, list[HistoryInspection]] = {}
    for inspection in inspections:
        found = rows.get(inspection.urn)
        if found is None:
            rows[inspection.urn] = [inspection]
        else:
            found.append(inspection)
    known = dict(establishments or {})
    out: dict[str, InspectionHistory] = {}
    for urn in sorted(set(rows) | set(known)):
        establishment = known.get(urn) or Establishment(urn)
        items = rows.get(urn, [])
        if len(items) > 1:
            seen: dict[tuple[object, ...], HistoryInspection] = {}
            for item in items:
                seen.setdefault((item.date, item.kind, item.inspection_number), item)
            items = list(seen.values())
        out[urn] = InspectionHistory(establishment, tuple(items))
    return out

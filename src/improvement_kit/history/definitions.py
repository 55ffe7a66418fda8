"""Definitions of "stuck" (and "unstuck") schools as dated rules with a source and a grade.

Each definition is a frozen value whose parameters (window, thresholds, how predecessors and
the eras without an overall grade are treated) can be changed with :func:`attrs.evolve`; its
:meth:`classify` reads one school's combined history (its own inspections and its
predecessors', oldest first) and returns a :class:`Decision` that explains itself.

"Good" means good or outstanding; "below good" means satisfactory (before 1 Sep 2012),
requires improvement (from then) or inadequate. Only ``full`` inspections count as full
inspections; a short inspection whose outcome is "school remains good" is an inspection in
which the school was judged good (it breaks a stuck run but is not a full inspection);
monitoring inspections are not judgements and are ignored.

Inspections without an overall grade: from 2 Sep 2024 overall effectiveness is "Not judged",
and report cards from 10 Nov 2025 have none. :class:`NoOverallGrade` says what a definition
does with them: ``ignore`` (the default: left out, as if they had not happened, so the
definition rests on the graded inspections before them) or ``undetermined`` (a school with
such an inspection where the definition looks is reported as undetermined, not guessed).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Sequence
from typing import Protocol

import attrs

from improvement_kit.history.records import BELOW_GOOD, HistoryInspection, InspectionKind
from improvement_kit.model.grades import Grade
from improvement_kit.model.sources import InForce, Nature, Source, VerificationGrade

__all__ = [
    "DEFINITIONS",
    "DFE_2025_PRIMARY_SOURCE",
    "DFE_2025_SOURCE",
    "EIF_2024",
    "OFSTED_2020_SOURCE",
    "REPORT_CARDS_2025",
    "Decision",
    "Definition",
    "DfE2025Stuck",
    "NoOverallGrade",
    "Ofsted2020Stuck",
    "Status",
    "Window",
    "definition_named",
    "dfe_equivalent",
]


class Status(enum.StrEnum):
    """A school's standing under a definition."""

    STUCK = "stuck"
    UNSTUCK = "unstuck"
    NOT_STUCK = "not-stuck"
    TOO_FEW_INSPECTIONS = "too-few-inspections"
    UNDETERMINED = "undetermined"


class NoOverallGrade(enum.StrEnum):
    """What a definition does with inspections under a framework that gives no overall grade
    (2 Sep 2024 - 9 Nov 2025 "Not judged"; report cards from 10 Nov 2025).

    ``ignore``: left out. ``undetermined``: the school is reported as undetermined.
    ``equivalent`` (DfE 2025 only): the grade the DfE reads instead, from the key grades
    (:func:`dfe_equivalent`); an inspection without them is left out.
    """

    IGNORE = "ignore"
    UNDETERMINED = "undetermined"
    EQUIVALENT = "equivalent"


@attrs.frozen
class Window:
    """Inspection dates considered, both inclusive."""

    start: dt.date
    end: dt.date

    @classmethod
    def ending_as_of(cls, as_of: dt.date, academic_years: int = 13) -> Window:
        """``academic_years`` academic years ending on the last 31 August on or before
        ``as_of``.

        >>> w = Window.ending_as_of(dt.date(2019, 8, 31))
        >>> (w.start.isoformat(), w.end.isoformat())
        ('2006-09-01', '2019-08-31')
        >>> Window.ending_as_of(dt.date(2025, 7, 1)).end.isoformat()
        '2024-08-31'
        """
        start, end = _window_ending(as_of, academic_years)
        return cls(start, end)

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` is in the window."""
        return self.start <= day <= self.end


@functools.lru_cache(maxsize=256)
def _window_ending(as_of: dt.date, academic_years: int) -> tuple[dt.date, dt.date]:
    year = as_of.year if (as_of.month, as_of.day) >= (8, 31) else as_of.year - 1
    return dt.date(year - academic_years, 9, 1), dt.date(year, 8, 31)


@functools.lru_cache(maxsize=256)
def _window_for(as_of: dt.date, academic_years: int) -> Window:
    return Window.ending_as_of(as_of, academic_years)


@attrs.frozen
class Decision:
    """A definition's answer for one school, with its reasons.

    ``counted``: the inspections the answer rests on. ``first_met``: the first date the school
    met the definition in the period looked at (the date of the inspection that made it
    stuck or unstuck). ``below_good_since``: the first inspection of the school's unbroken run
    of below-good judgements that ends at its latest graded inspection (predecessors
    included, before the window too), for "years stuck". ``window``: the dates looked at.
    """

    status: Status
    counted: tuple[HistoryInspection, ...]
    full_inspections: int
    first_met: dt.date | None
    below_good_since: dt.date | None
    window: Window
    explanation: str


class Definition(Protocol):
    """What every definition offers."""

    id: str
    title: str
    source: Source
    grade: VerificationGrade
    nature: Nature
    in_use: InForce
    include_predecessors: bool

    def classify(self, inspections: Sequence[HistoryInspection], as_of: dt.date) -> Decision:
        """The decision for one school's combined history (oldest first) as of ``as_of``."""
        ...

    def describe(self) -> str:
        """The definition in one sentence, with its parameters."""
        ...


def _below_good_since(inspections: Sequence[HistoryInspection], until: dt.date) -> dt.date | None:
    since = None
    for inspection in reversed(inspections):
        grade = inspection.grade
        if grade is None or inspection.date > until:
            continue
        if grade not in BELOW_GOOD:
            break
        since = inspection.date
    return since


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _list(items: Sequence[HistoryInspection]) -> str:
    return ", ".join(f"{i.date.isoformat()} {i.grade or 'none'}" for i in items)


_WORST_FIRST = (
    Grade.INADEQUATE,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.SATISFACTORY,
    Grade.GOOD,
    Grade.OUTSTANDING,
)
#: The 2019-2025 framework after single headline grades were removed (2 Sep 2024 - 9 Nov 2025).
EIF_2024 = "ofsted-schools-eif-2024"
#: Report cards (from 10 Nov 2025).
REPORT_CARDS_2025 = "ofsted-schools-report-cards-2025"
#: The overall grade a leadership-and-governance report-card grade stands for (see
#: :func:`dfe_equivalent`).
_REPORT_CARD_EQUIVALENT = {
    Grade.NEEDS_ATTENTION: Grade.REQUIRES_IMPROVEMENT,
    Grade.URGENT_IMPROVEMENT: Grade.INADEQUATE,
    Grade.EXPECTED_STANDARD: Grade.GOOD,
    Grade.STRONG_STANDARD: Grade.GOOD,
    Grade.EXCEPTIONAL: Grade.GOOD,
}


def dfe_equivalent(inspection: HistoryInspection) -> tuple[Grade | None, str]:
    """The overall grade the DfE reads for a full inspection without one, and why.

    * 2 Sep 2024 - 9 Nov 2025 (no headline grade): the DfE "treats a sub-judgement of
      Requires Improvement for leadership and management and/or quality of education ... as
      equivalent to a previous single headline grade of Requires Improvement" (DfE, Schools
      eligible for RISE intervention, 2025). So the lower of the two grades: requires
      improvement if either is; inadequate if either is, good or outstanding if both are
      (these two are this library's reading, which the DfE does not state).
    * Report cards (from 10 Nov 2025): the DfE announced that stuck will mean "a 'needs
      attention' grade for leadership and governance" after a below-good previous inspection
      (as reported; graded secondary). Needs attention stands for requires improvement;
      urgent improvement for inadequate and expected standard or better for good (readings).

    ``(None, "")`` where the key grades are not recorded (or the inspection has an overall
    grade).

    >>> from improvement_kit.history.records import HistoryInspection, InspectionKind
    >>> i = HistoryInspection("100001", dt.date(2025, 1, 15), InspectionKind.FULL, None,
    ...     EIF_2024, False, key_grades=(("quality-of-education", Grade.REQUIRES_IMPROVEMENT),
    ...     ("leadership-and-management", Grade.GOOD)))
    >>> dfe_equivalent(i)[0].value
    'requires-improvement'
    """
    if inspection.framework == EIF_2024:
        found = [
            (name, grade)
            for name in ("quality-of-education", "leadership-and-management")
            if (grade := inspection.key_grade(name)) is not None and grade in _WORST_FIRST
        ]
        if not found:
            return None, ""
        worst = min(found, key=lambda pair: _WORST_FIRST.index(pair[1]))[1]
        listed = ", ".join(f"{name} {grade}" for name, grade in found)
        return worst, f"{worst} equivalent ({listed})"
    if inspection.framework == REPORT_CARDS_2025:
        leadership = inspection.key_grade("leadership-and-governance")
        equivalent = _REPORT_CARD_EQUIVALENT.get(leadership) if leadership else None
        if equivalent is None:
            return None, ""
        return equivalent, f"{equivalent} equivalent (leadership-and-governance {leadership})"
    return None, ""


def _list_graded(items: Sequence[tuple[HistoryInspection, Grade, str]]) -> str:
    return ", ".join(f"{i.date.isoformat()} {why or grade}" for i, grade, why in items)


#: Where the DfE's own definition and its 2024/25 equivalents are written.
DFE_2025_PRIMARY_SOURCE = Source(
    "Department for Education, 'Schools eligible for RISE intervention', reporting year 2025 "
    "(explore education statistics), section 'Stuck schools'",
    "https://explore-education-statistics.service.gov.uk/find-statistics/schools-eligible-for-rise-intervention",
)

#: Where Ofsted's 2020 definition is written (read verbatim in seed 003).
OFSTED_2020_SOURCE = Source(
    "Ofsted, 'Fight or flight? How stuck schools are overcoming isolation: evaluation "
    "report', 8 January 2020, section 'The definition of stuck and unstuck schools'",
    "https://www.gov.uk/government/publications/fight-or-flight-how-stuck-schools-are-overcoming-isolation",
)
#: Published 8 January 2020.
OFSTED_2020_IN_USE = InForce(_d("2020-01-08"))
#: Where the DfE's 2025 definition is reported (the DfE's own text was not read).
DFE_2025_SOURCE = Source(
    "Department for Education, school accountability reform consultation (3 Feb 2025) "
    "and RISE targeted intervention: 'stuck schools'; DfE text not read, as reported by "
    "Tes (13 Feb 2025), NGA and FFT Education Datalab (June 2025)",
    "https://ffteducationdatalab.org.uk/2025/06/how-can-we-evaluate-the-impact-of-rise-teams",
)
#: Announced with the accountability consultation, 3 February 2025.
DFE_2025_IN_USE = InForce(_d("2025-02-03"))


def _no_equivalent(_: object, __: object, value: NoOverallGrade) -> None:
    if value is NoOverallGrade.EQUIVALENT:
        raise ValueError(
            "ofsted-2020 has no equivalent of an overall grade: use 'ignore' or 'undetermined'"
        )


@attrs.frozen
class Ofsted2020Stuck:
    """Ofsted's 2020 definition (seed 003, "The definition of 'stuck' and 'unstuck' schools").

    Stuck: judged inadequate, satisfactory or requires improvement in **every** inspection in
    the window (1 Sep 2006 - 31 Aug 2019 as of August 2019: ``academic_years`` = 13 ending on
    the last 31 August on or before the date asked, unless ``window`` is given), with at least
    ``minimum_full`` (4) full inspections in it, the predecessor's included.
    Unstuck: in the window, at least ``minimum_full`` full inspections below good and then
    ``good_after`` (2) consecutive full inspections good or better, the latest ones; no
    inspection judged good before them (the school was stuck, then left it). Good-RI-good is
    not unstuck.
    """

    academic_years: int = 13
    window: Window | None = None
    minimum_full: int = 4
    good_after: int = 2
    include_predecessors: bool = True
    no_overall_grade: NoOverallGrade = attrs.field(
        default=NoOverallGrade.IGNORE, validator=_no_equivalent
    )
    id: str = "ofsted-2020"
    title: str = "Ofsted 2020: stuck and unstuck schools"
    source: Source = OFSTED_2020_SOURCE
    grade: VerificationGrade = VerificationGrade.PRIMARY
    nature: Nature = Nature.NATIONAL_POLICY
    in_use: InForce = OFSTED_2020_IN_USE

    def window_for(self, as_of: dt.date) -> Window:
        """The window looked at as of ``as_of``."""
        return self.window or _window_for(as_of, self.academic_years)

    def describe(self) -> str:
        """One sentence with the parameters."""
        return (
            f"every inspection in {self.academic_years} academic years (or the window given) "
            f"below good, with at least {self.minimum_full} full inspections"
            f"{', predecessors included' if self.include_predecessors else ''}; unstuck: "
            f"{self.minimum_full} full below good then {self.good_after} consecutive good"
        )

    def classify(self, inspections: Sequence[HistoryInspection], as_of: dt.date) -> Decision:
        """The decision for one school's combined history as of ``as_of``."""
        window = self.window_for(as_of)
        within = [i for i in inspections if window.start <= i.date <= window.end]
        since = _below_good_since(inspections, window.end)
        if self.no_overall_grade is NoOverallGrade.UNDETERMINED:
            blind = [i for i in within if i.kind is InspectionKind.FULL and not i.overall_judged]
            if blind:
                return Decision(
                    Status.UNDETERMINED,
                    tuple(blind),
                    0,
                    None,
                    since,
                    window,
                    f"inspection on {blind[0].date.isoformat()} has no overall grade "
                    "(framework without one) and the definition is set to 'undetermined'",
                )
        judged = [i for i in within if i.grade is not None]
        full = [i for i in judged if i.kind is InspectionKind.FULL]
        n_full = len(full)
        if not judged:
            return Decision(
                Status.TOO_FEW_INSPECTIONS, (), 0, None, since, window, "no graded inspection"
            )
        if all(i.grade in BELOW_GOOD for i in judged):
            if n_full >= self.minimum_full:
                met = full[self.minimum_full - 1].date
                return Decision(
                    Status.STUCK,
                    tuple(judged),
                    n_full,
                    met,
                    since,
                    window,
                    f"all {len(judged)} graded inspections below good, {n_full} of them full "
                    f"(at least {self.minimum_full}): {_list(judged)}",
                )
            return Decision(
                Status.TOO_FEW_INSPECTIONS,
                tuple(judged),
                n_full,
                None,
                since,
                window,
                f"all graded inspections below good but only {n_full} full "
                f"(needs {self.minimum_full}): {_list(judged)}",
            )
        k = self.good_after
        if n_full >= self.minimum_full + k:
            tail = full[-k:]
            before = [i for i in judged if i.date < tail[0].date]
            if (
                all(i.grade in (Grade.GOOD, Grade.OUTSTANDING) for i in tail)
                and all(i.grade in BELOW_GOOD for i in before)
                and len([i for i in before if i.kind is InspectionKind.FULL]) >= self.minimum_full
                and not any(i.grade in BELOW_GOOD for i in judged if i.date >= tail[0].date)
            ):
                return Decision(
                    Status.UNSTUCK,
                    tuple(judged),
                    n_full,
                    tail[-1].date,
                    None,
                    window,
                    f"{len(full) - k} full inspections below good, then {k} consecutive good "
                    f"or better: {_list(judged)}",
                )
        first_good = next(i for i in judged if i.grade not in BELOW_GOOD)
        return Decision(
            Status.NOT_STUCK,
            tuple(judged),
            n_full,
            None,
            since,
            window,
            f"judged {first_good.grade.value if first_good.grade else ''} on "
            f"{first_good.date.isoformat()} ({first_good.kind.value} inspection)",
        )


@attrs.frozen
class DfE2025Stuck:
    """The DfE's 2025 RISE "stuck school": requires improvement (or equivalent) at the latest
    graded inspection and below good at the ``previous`` (1) graded inspections before it.

    Only full inspections with an overall grade (or, by default, the DfE's equivalent of one,
    :func:`dfe_equivalent`) on or before the date asked count; a predecessor's count too by
    default (the DfE counts schools that were not academies at their latest inspection). No
    window: the two latest graded inspections, however old. Source: the DfE's statistics
    release "Schools eligible for RISE intervention" (2025), read; the report-card
    equivalent is reported, not read (see :func:`dfe_equivalent`).
    ``no_overall_grade``: ``equivalent`` (default), ``ignore`` or ``undetermined``.
    """

    previous: int = 1
    latest_grades: frozenset[Grade] = frozenset({Grade.REQUIRES_IMPROVEMENT})
    previous_grades: frozenset[Grade] = BELOW_GOOD
    include_predecessors: bool = True
    no_overall_grade: NoOverallGrade = NoOverallGrade.EQUIVALENT
    id: str = "dfe-2025"
    title: str = "DfE 2025 (RISE): stuck schools"
    source: Source = DFE_2025_PRIMARY_SOURCE
    grade: VerificationGrade = VerificationGrade.PRIMARY
    nature: Nature = Nature.NATIONAL_POLICY
    in_use: InForce = DFE_2025_IN_USE

    def describe(self) -> str:
        """One sentence with the parameters."""
        latest = " or ".join(sorted(g.value for g in self.latest_grades))
        if self.no_overall_grade is NoOverallGrade.EQUIVALENT:
            latest += " (or the DfE's equivalent)"
        return (
            f"{latest} at the latest graded inspection and below good at the {self.previous} "
            f"before it{', predecessors included' if self.include_predecessors else ''}"
        )

    def classify(self, inspections: Sequence[HistoryInspection], as_of: dt.date) -> Decision:
        """The decision for one school's combined history as of ``as_of``."""
        window = Window(dt.date.min, as_of)
        since = _below_good_since(inspections, as_of)
        full_all = [i for i in inspections if i.kind is InspectionKind.FULL and i.date <= as_of]
        if (
            self.no_overall_grade is NoOverallGrade.UNDETERMINED
            and full_all
            and not full_all[-1].overall_judged
        ):
            return Decision(
                Status.UNDETERMINED,
                (full_all[-1],),
                0,
                None,
                since,
                window,
                f"latest full inspection ({full_all[-1].date.isoformat()}) has no overall "
                "grade and the definition is set to 'undetermined'",
            )
        equivalent = self.no_overall_grade is NoOverallGrade.EQUIVALENT
        full: list[tuple[HistoryInspection, Grade, str]] = []
        for i in full_all:
            if i.grade is not None:
                full.append((i, i.grade, ""))
            elif equivalent and not i.overall_judged:
                grade, why = dfe_equivalent(i)
                if grade is not None:
                    full.append((i, grade, why))
        needed = self.previous + 1
        tail = full[-needed:]
        counted = tuple(i for i, _, _ in tail)
        if len(full) < needed:
            status = (
                Status.TOO_FEW_INSPECTIONS
                if full and full[-1][1] in self.latest_grades
                else Status.NOT_STUCK
            )
            return Decision(
                status,
                counted,
                len(full),
                None,
                since,
                window,
                f"{len(full)} graded full inspection(s), {needed} needed: {_list_graded(tail)}",
            )
        (latest, latest_grade, latest_why), before = tail[-1], tail[:-1]
        if latest_grade in self.latest_grades and all(
            grade in self.previous_grades for _, grade, _ in before
        ):
            return Decision(
                Status.STUCK,
                counted,
                len(counted),
                latest.date,
                since,
                window,
                f"latest graded inspection {latest_why or latest_grade}, "
                f"previous below good: {_list_graded(tail)}",
            )
        return Decision(
            Status.NOT_STUCK,
            counted,
            len(counted),
            None,
            since,
            window,
            f"latest graded inspections: {_list_graded(tail)}",
        )


#: The definitions by id.
DEFINITIONS: dict[str, type[Ofsted2020Stuck] | type[DfE2025Stuck]] = {
    "ofsted-2020": Ofsted2020Stuck,
    "dfe-2025": DfE2025Stuck,
}


def definition_named(name: str) -> Ofsted2020Stuck | DfE2025Stuck:
    """The definition ``name`` with its default parameters."""
    try:
        return DEFINITIONS[name]()
    except KeyError:
        raise ValueError(f"{name!r} is not one of {', '.join(DEFINITIONS)}") from None

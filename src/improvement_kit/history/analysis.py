"""Classifying many schools at once and summarising the result for an LA or a trust.

:func:`classify_all` combines each school's history with its predecessors' (by
:class:`~improvement_kit.history.lineage.Lineage`), asks a definition, and keeps the reasons.
The schools classified are the *lineage heads* of every URN in the data: an establishment
that nothing replaced; a closed school's history goes to the school that replaced it (so an
academy converter not yet inspected as a new school is classified on its predecessor's
inspections, as Ofsted's 2020 analysis did).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from improvement_kit.history._gcpause import gc_paused
from improvement_kit.history.definitions import Decision, DfE2025Stuck, Ofsted2020Stuck, Status
from improvement_kit.history.lineage import Lineage
from improvement_kit.history.records import (
    Establishment,
    HistoryInspection,
    InspectionHistory,
    RecordedType,
)

__all__ = [
    "Analysis",
    "SchoolResult",
    "SummaryRow",
    "classify_all",
    "results_to_csv",
    "results_to_json",
    "summary_table",
    "summary_text",
]


@attrs.frozen
class SchoolResult:
    """One school's result: the decision, whose inspections it used, what was recorded."""

    establishment: Establishment
    decision: Decision
    predecessors: tuple[str, ...]
    predecessors_used: tuple[str, ...]
    in_cycle: bool = False
    recorded_type: RecordedType | None = None

    @property
    def urn(self) -> str:
        """The school's URN."""
        return self.establishment.urn

    @property
    def status(self) -> Status:
        """The decision's status."""
        return self.decision.status

    @property
    def years_stuck(self) -> float | None:
        """Years from the first inspection of the unbroken below-good run to the end of the
        period looked at, for a stuck school (``None`` otherwise)."""
        since = self.decision.below_good_since
        if self.status is not Status.STUCK or since is None:
            return None
        return round((self.decision.window.end - since).days / 365.25, 1)


@attrs.frozen
class Analysis:
    """Every school's result under one definition as of one date."""

    definition: Ofsted2020Stuck | DfE2025Stuck
    as_of: dt.date
    results: tuple[SchoolResult, ...]
    la: str | None = None

    def with_status(self, status: Status) -> list[SchoolResult]:
        """The results with ``status``."""
        return [r for r in self.results if r.status is status]


def _fill(establishment: Establishment, others: Iterable[Establishment]) -> Establishment:
    for other in others:
        if establishment.complete():
            break
        establishment = establishment.merged(other)
    return establishment


def _date(inspection: HistoryInspection) -> dt.date:
    return inspection.date


def _urn_order(urn: str) -> tuple[int, str]:
    return (len(urn), urn)


def classify_all(
    histories: Mapping[str, InspectionHistory],
    lineage: Lineage,
    definition: Ofsted2020Stuck | DfE2025Stuck,
    as_of: dt.date,
    *,
    la: str | None = None,
    types: Mapping[str, RecordedType] | None = None,
    only: Iterable[str] | None = None,
    on_school: Callable[[], None] | None = None,
) -> Analysis:
    """Classify every lineage head (or the URNs ``only``) as of ``as_of``.

    A head with no record of its own takes what is known of it from its predecessors (nearest
    first), phase and LA in particular. ``la`` keeps schools of that 3-digit LA code only.
    """
    with gc_paused():
        return _classify_all(histories, lineage, definition, as_of, la, types, only, on_school)


def _classify_all(
    histories: Mapping[str, InspectionHistory],
    lineage: Lineage,
    definition: Ofsted2020Stuck | DfE2025Stuck,
    as_of: dt.date,
    la: str | None,
    types: Mapping[str, RecordedType] | None,
    only: Iterable[str] | None,
    on_school: Callable[[], None] | None,
) -> Analysis:
    urns = set(only) if only is not None else lineage.heads(histories)
    empty: tuple[HistoryInspection, ...] = ()
    results: list[SchoolResult] = []
    recorded = types or {}
    classify = definition.classify
    include = definition.include_predecessors
    for urn in sorted(urns, key=_urn_order):
        if on_school is not None:
            on_school()
        own = histories.get(urn)
        before = lineage.predecessors(urn) if include else ()
        establishment = own.establishment if own is not None else Establishment(urn)
        if before:
            establishment = _fill(
                establishment, (histories[p].establishment for p in before if p in histories)
            )
        if la is not None and establishment.la_code != la:
            continue
        inspections: tuple[HistoryInspection, ...] | list[HistoryInspection]
        inspections = own.inspections if own is not None else empty
        if before:
            merged = list(inspections)
            for p in before:
                found = histories.get(p)
                if found is not None:
                    merged.extend(found.inspections)
            if len(merged) != len(inspections):
                merged.sort(key=_date)
                inspections = merged
        decision = classify(inspections, as_of)
        used = tuple(sorted({i.urn for i in decision.counted if i.urn != urn}))
        results.append(
            SchoolResult(
                establishment,
                decision,
                before,
                used,
                bool(before) and lineage.in_cycle(urn),
                recorded.get(urn),
            )
        )
    return Analysis(definition, as_of, tuple(results), la)


@attrs.frozen
class SummaryRow:
    """One row of a summary table: a value (a phase, an LA...), how many schools are stuck
    (and unstuck) with it, their share of all stuck schools, and how many schools in the
    data have it and their share of all schools (seed 003's "46% (189) are primary schools
    (compared with 72% nationally)")."""

    value: str
    stuck: int
    stuck_share: float
    unstuck: int
    schools: int
    schools_share: float


_FIELDS: dict[str, Callable[[Establishment], str]] = {
    "phase": lambda e: e.phase or "unknown",
    "establishment type": lambda e: e.establishment_type or "unknown",
    "local authority": lambda e: (
        f"{e.la_code or '?'} {e.local_authority or ''}".strip()
        if e.la_code or e.local_authority
        else "unknown"
    ),
    "academy": lambda e: {True: "academy", False: "not an academy", None: "unknown"}[e.academy],
    "multi-academy trust": lambda e: (
        "in a trust" if e.trust else ("not in a trust" if e.academy is not None else "unknown")
    ),
}


def summary_table(analysis: Analysis, by: str) -> list[SummaryRow]:
    """Counts of stuck and unstuck schools and of all schools by one of ``phase``,
    ``establishment type``, ``local authority``, ``academy``, ``multi-academy trust``;
    most stuck first."""
    key = _FIELDS[by]
    everyone = Counter(key(r.establishment) for r in analysis.results)
    stuck = Counter(key(r.establishment) for r in analysis.with_status(Status.STUCK))
    unstuck = Counter(key(r.establishment) for r in analysis.with_status(Status.UNSTUCK))
    n_stuck = sum(stuck.values()) or 1
    n_all = sum(everyone.values()) or 1
    rows = [
        SummaryRow(
            value,
            stuck[value],
            100 * stuck[value] / n_stuck,
            unstuck[value],
            count,
            100 * count / n_all,
        )
        for value, count in everyone.items()
    ]
    return sorted(rows, key=lambda r: (-r.stuck, -r.schools, r.value))


def summary_text(analysis: Analysis, *, top: int = 15) -> str:
    """The printed summary: totals, then one table per field the data has."""
    results = analysis.results
    counts = Counter(r.status for r in results)
    d = analysis.definition
    lines = [
        f"{d.title} ({d.id}; source graded {d.grade.value}) as of {analysis.as_of.isoformat()}"
        + (f", LA {analysis.la}" if analysis.la else ""),
        f"  {d.describe()}",
        f"schools classified: {len(results)}",
    ]
    for status in Status:
        share = 100 * counts[status] / (len(results) or 1)
        lines.append(f"  {status.value:<20} {counts[status]:>7}  ({share:.1f}%)")
    for by in _FIELDS:
        table = summary_table(analysis, by)
        if all(row.value == "unknown" for row in table):
            continue
        lines.append("")
        lines.append(f"by {by}: stuck (share of stuck) / unstuck / all schools (share of all)")
        for row in table[:top]:
            lines.append(
                f"  {row.value[:40]:<40} {row.stuck:>6} ({row.stuck_share:5.1f}%) "
                f"{row.unstuck:>6} {row.schools:>7} ({row.schools_share:5.1f}%)"
            )
        if len(table) > top:
            lines.append(f"  ... and {len(table) - top} more")
    return "\n".join(lines) + "\n"


_CSV_COLUMNS = (
    "urn",
    "name",
    "status",
    "definition",
    "as_of",
    "window_start",
    "window_end",
    "full_inspections",
    "first_met",
    "below_good_since",
    "years_stuck",
    "predecessors",
    "predecessors_used",
    "links_cycle",
    "phase",
    "establishment_type",
    "la_code",
    "local_authority",
    "academy",
    "trust",
    "recorded_type",
    "type_recorded_on",
    "inspections_counted",
    "explanation",
)


def _iso(day: dt.date | None) -> str:
    return "" if day is None or day == dt.date.min else day.isoformat()


def _row(analysis: Analysis, r: SchoolResult) -> dict[str, Any]:
    e, d = r.establishment, r.decision
    return {
        "urn": r.urn,
        "name": e.name or "",
        "status": d.status.value,
        "definition": analysis.definition.id,
        "as_of": analysis.as_of.isoformat(),
        "window_start": _iso(d.window.start),
        "window_end": _iso(d.window.end),
        "full_inspections": d.full_inspections,
        "first_met": _iso(d.first_met),
        "below_good_since": _iso(d.below_good_since),
        "years_stuck": r.years_stuck,
        "predecessors": list(r.predecessors),
        "predecessors_used": list(r.predecessors_used),
        "links_cycle": r.in_cycle,
        "phase": e.phase,
        "establishment_type": e.establishment_type,
        "la_code": e.la_code,
        "local_authority": e.local_authority,
        "academy": e.academy,
        "trust": e.trust,
        "recorded_type": r.recorded_type.type.value if r.recorded_type else None,
        "type_recorded_on": _iso(r.recorded_type.recorded_on) if r.recorded_type else None,
        "inspections_counted": [
            {
                "urn": i.urn,
                "date": i.date.isoformat(),
                "kind": i.kind.value,
                "grade": i.grade.value if i.grade else None,
                "framework": i.framework,
                "source": i.source,
            }
            for i in d.counted
        ],
        "explanation": d.explanation,
    }


def results_to_json(analysis: Analysis) -> str:
    """Every school's result as JSON (stable key order), with the definition's source."""
    d = analysis.definition
    data = {
        "definition": {
            "id": d.id,
            "title": d.title,
            "description": d.describe(),
            "source": d.source.citation,
            "url": d.source.url,
            "grade": d.grade.value,
        },
        "as_of": analysis.as_of.isoformat(),
        "la": analysis.la,
        "schools": [_row(analysis, r) for r in analysis.results],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def results_to_csv(analysis: Analysis) -> str:
    """Every school's result as CSV, one row per school; lists joined with ``;``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for r in analysis.results:
        row = _row(analysis, r)
        row["inspections_counted"] = "; ".join(
            f"{i['date']} {i['kind']} {i['grade'] or 'none'} ({i['urn']})"
            for i in row["inspections_counted"]
        )
        for key in ("predecessors", "predecessors_used"):
            row[key] = ";".join(row[key])
        writer.writerow(["" if row[c] is None else row[c] for c in _CSV_COLUMNS])
    return out.getvalue()

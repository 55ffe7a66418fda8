"""Loading histories from files: Ofsted MI CSVs, the library's own case files, types files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import attrs

from improvement_kit.errors import DataFileError
from improvement_kit.history._csvfile import parse_day, read_rows
from improvement_kit.history._gcpause import gc_paused
from improvement_kit.history.ofsted_mi import read_mi_csv
from improvement_kit.history.records import (
    KEY_JUDGEMENTS,
    Establishment,
    HistoryInspection,
    InspectionHistory,
    InspectionKind,
    RecordedType,
    StuckType,
    framework_id_on,
    histories_from,
)
from improvement_kit.model import Case, Grade, ProviderType
from improvement_kit.model.grades import FRAMEWORKS

__all__ = [
    "CASE_SUFFIXES",
    "TYPE_COLUMNS",
    "Loaded",
    "from_case",
    "load_histories",
    "read_types",
    "read_urns",
]

#: Files read as the library's case files; everything else is read as an Ofsted MI CSV.
CASE_SUFFIXES = (".yaml", ".yml", ".json")
#: The columns of a types file (``RecordedBy`` and ``Basis`` may be absent).
TYPE_COLUMNS = ("URN", "Type", "RecordedOn", "RecordedBy", "Basis")

_ACADEMY_TYPES = {ProviderType.ACADEMY, ProviderType.FREE_SCHOOL}
_KINDS = {
    None: InspectionKind.FULL,
    "full": InspectionKind.FULL,
    "ungraded": InspectionKind.SHORT,
    "monitoring-visit": InspectionKind.MONITORING,
    "monitoring-inspection": InspectionKind.MONITORING,
    "new-provider-monitoring-visit": InspectionKind.MONITORING,
}
_OVERALL = {f.id: f.overall_grade for f in FRAMEWORKS}


@attrs.frozen
class Loaded:
    """Histories by URN and the predecessor pairs the inputs themselves gave."""

    histories: dict[str, InspectionHistory]
    predecessor_pairs: tuple[tuple[str, str], ...] = ()


def from_case(case: Case, source: str = "") -> tuple[Establishment, list[HistoryInspection]]:
    """One case's provider and inspections as history values (suspended inspections and
    inspections by other inspectorates are left out)."""
    provider = case.provider
    establishment = Establishment(
        provider.identifier,
        name=provider.name,
        phase=provider.phase,
        establishment_type=provider.type.value,
        la_code=provider.la_code,
        local_authority=provider.local_authority,
        academy=provider.type in _ACADEMY_TYPES,
        trust=provider.trust,
    )
    out: list[HistoryInspection] = []
    for inspection in case.inspections():
        kind = _KINDS.get(inspection.kind)
        if kind is None or inspection.inspectorate != "ofsted":
            continue
        framework = inspection.framework or framework_id_on(inspection.start)
        grade: Grade | None = inspection.grades.get("overall-effectiveness")
        if kind is InspectionKind.MONITORING:
            grade = None
        out.append(
            HistoryInspection(
                provider.identifier,
                inspection.start,
                kind,
                grade,
                framework,
                _OVERALL.get(framework, True),
                inspection.id,
                source,
                ()
                if kind is InspectionKind.MONITORING
                else tuple(
                    (name, found)
                    for name in KEY_JUDGEMENTS
                    if (found := inspection.grades.get(name)) is not None
                ),
            )
        )
    return establishment, out


def read_types(path: str | Path, *, encoding: str = "utf-8-sig") -> dict[str, RecordedType]:
    """A types file: one row per school with its recorded type (``chaotic-change-fatigued``
    or ``resistant-embedded``), the date recorded (dd/mm/yyyy or yyyy-mm-dd), and optionally
    who recorded it and from what (a visit, a review). A URN given twice is refused."""
    file = str(path)
    header, rows = read_rows(Path(path), encoding=encoding, required=TYPE_COLUMNS[:3])
    at = {c: header.index(c) for c in TYPE_COLUMNS if c in header}
    out: dict[str, RecordedType] = {}
    choices = ", ".join(t.value for t in StuckType)
    for row, fields in rows:
        urn = fields[at["URN"]].strip()
        if not (urn.isascii() and urn.isdigit()):
            raise DataFileError(file, row, "URN", f"{urn!r} is not a URN (digits)")
        if urn in out:
            raise DataFileError(file, row, "URN", f"{urn} is given a type twice")
        text = fields[at["Type"]].strip()
        try:
            kind = StuckType(text)
        except ValueError:
            raise DataFileError(file, row, "Type", f"{text!r} is not one of {choices}") from None
        out[urn] = RecordedType(
            kind,
            parse_day(fields[at["RecordedOn"]].strip(), file, row, "RecordedOn"),
            fields[at["RecordedBy"]].strip() if "RecordedBy" in at else "",
            fields[at["Basis"]].strip() if "Basis" in at else "",
        )
    return out


def read_urns(path: str | Path, *, encoding: str = "utf-8-sig") -> set[str]:
    """The URNs in the ``URN`` column of a CSV file (other columns ignored), checked."""
    file = str(path)
    header, rows = read_rows(Path(path), encoding=encoding, required=("URN",), header_search=6)
    at = header.index("URN")
    out: set[str] = set()
    for row, fields in rows:
        urn = fields[at].strip()
        if not (urn.isascii() and urn.isdigit()):
            raise DataFileError(file, row, "URN", f"{urn!r} is not a URN (digits)")
        out.add(urn)
    return out


def load_histories(
    paths: Iterable[str | Path],
    *,
    columns: Mapping[str, str | None] | None = None,
    encoding: str = "utf-8-sig",
    on_rows: Callable[[int], None] | None = None,
) -> Loaded:
    """Read every file (case files by suffix, MI CSVs otherwise) into histories by URN.

    The same inspection read twice (same URN, date, kind and number) is kept once; what the
    files say of an establishment is merged, the first file's values winning.
    """
    with gc_paused():
        return _load(paths, columns, encoding, on_rows)


def _load(
    paths: Iterable[str | Path],
    columns: Mapping[str, str | None] | None,
    encoding: str,
    on_rows: Callable[[int], None] | None,
) -> Loaded:
    from improvement_kit.serialization import load_case

    inspections: list[HistoryInspection] = []
    establishments: dict[str, Establishment] = {}
    pairs: set[tuple[str, str]] = set()

    def know(establishment: Establishment) -> None:
        known = establishments.get(establishment.urn)
        establishments[establishment.urn] = (
            establishment if known is None else known.merged(establishment)
        )

    for path in paths:
        if Path(path).suffix.lower() in CASE_SUFFIXES:
            establishment, found = from_case(load_case(path), str(path))
            know(establishment)
            inspections.extend(found)
            if on_rows is not None:
                on_rows(len(found))
            continue
        read = read_mi_csv(path, columns=columns, encoding=encoding, on_rows=on_rows)
        inspections.extend(read.inspections)
        for establishment in read.establishments.values():
            know(establishment)
        pairs.update(read.predecessor_pairs)
    return Loaded(histories_from(inspections, establishments), tuple(sorted(pairs)))

"""Reading Ofsted's "Management information - state-funded schools" CSV files.

The reader takes the "all inspections in a period" family (one row per inspection; the
year-to-date and historic files, see ``shared/reference/ofsted-mi-layouts.md``) through a
**column map**: each *role* the library needs is read from one named column. The default map
(:data:`DEFAULT_COLUMNS`) uses the names seen in public code that reads these files; it is
**unverified**: no real Ofsted file was available when it was written, so check it against the
release you use and pass ``columns={"start_date": "Inspection date", ...}`` (or
``--column start_date="Inspection date"`` on the command line) for another layout.

Roles read (``*`` needed: a file without the column is refused, naming file and column):

============================== ===============================================================
role                           default column and what is read
============================== ===============================================================
``urn`` *                      ``URN``: the establishment inspected (digits)
``start_date`` *               ``Inspection start date``: dd/mm/yyyy (or yyyy-mm-dd)
``inspection_type`` *          ``Inspection type``: its kind (full, short/ungraded,
                               monitoring), by :func:`kind_of` or an explicit ``kinds`` table
``overall_effectiveness`` *    ``Overall effectiveness``: 1-4, the words, ``9``/``NULL``/blank
                               (none) or ``Not judged``
``inspection_number``          ``Inspection number`` (joins rows read twice)
``short_outcome``              ``Outcomes for section 8 inspections and short inspections that
                               did not convert``: "School remains Good/Outstanding" gives the
                               short inspection that grade
``quality_of_education``       ``Quality of education``: 1-4 or words; blank, ``NULL``, ``9``
                               or ``Not judged`` for none
``leadership_and_management``  ``Effectiveness of leadership and management``: as above
``leadership_and_governance``  ``Leadership and governance``: report-card words (Exceptional,
                               Strong standard, Expected standard, Needs attention, Urgent
                               improvement). These three are kept as the inspection's key
                               grades: the DfE reads them where there is no overall grade
``urn_at_inspection``          (none by default; e.g. ``URN at time of latest full
                               inspection``): a URN differing from ``urn`` is a predecessor,
                               and the inspection is filed under it
``name``, ``phase``,           ``School name``, ``Ofsted phase``, ``Type of education``,
``establishment_type``,        ``Local authority``, ``LAESTAB`` (its first 3 digits are the LA
``local_authority``,           code), ``Multi-academy trust name``; a type containing
``laestab``, ``trust``         "academy" or "free school" marks an academy
============================== ===============================================================

Other columns are ignored. Optional roles whose column is absent are left empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs

from improvement_kit.errors import DataFileError
from improvement_kit.history._csvfile import parse_day, read_rows
from improvement_kit.history.records import (
    RI_FROM,
    Establishment,
    HistoryInspection,
    InspectionKind,
    framework_id_on,
    grade_from_number,
)
from improvement_kit.model.grades import FRAMEWORKS, Grade

__all__ = [
    "DEFAULT_COLUMNS",
    "OPTIONAL_ROLES",
    "REQUIRED_ROLES",
    "MIRead",
    "kind_of",
    "parse_column_map",
    "read_mi_csv",
]

#: Roles a file must have a column for.
REQUIRED_ROLES = ("urn", "start_date", "inspection_type", "overall_effectiveness")
#: Roles read when their column is present.
OPTIONAL_ROLES = (
    "inspection_number",
    "short_outcome",
    "quality_of_education",
    "leadership_and_management",
    "leadership_and_governance",
    "urn_at_inspection",
    "name",
    "phase",
    "establishment_type",
    "local_authority",
    "laestab",
    "trust",
)

#: The default column of each role (unverified against a real release: see the module text).
DEFAULT_COLUMNS: Mapping[str, str | None] = {
    "urn": "URN",
    "start_date": "Inspection start date",
    "inspection_type": "Inspection type",
    "overall_effectiveness": "Overall effectiveness",
    "inspection_number": "Inspection number",
    "short_outcome": (
        "Outcomes for section 8 inspections and short inspections that did not convert"
    ),
    "quality_of_education": "Quality of education",
    "leadership_and_management": "Effectiveness of leadership and management",
    "leadership_and_governance": "Leadership and governance",
    "urn_at_inspection": None,
    "name": "School name",
    "phase": "Ofsted phase",
    "establishment_type": "Type of education",
    "local_authority": "Local authority",
    "laestab": "LAESTAB",
    "trust": "Multi-academy trust name",
}

_NONE = frozenset({"", "null", "9", "n/a", "na"})
_NOT_JUDGED = "not judged"
_WORDS = {
    "outstanding": Grade.OUTSTANDING,
    "good": Grade.GOOD,
    "satisfactory": Grade.SATISFACTORY,
    "requires improvement": Grade.REQUIRES_IMPROVEMENT,
    "inadequate": Grade.INADEQUATE,
}
_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4}
_SHORT_GRADES = {
    "school remains good": Grade.GOOD,
    "school remains outstanding": Grade.OUTSTANDING,
}
_OVERALL_BY_FRAMEWORK = {f.id: f.overall_grade for f in FRAMEWORKS}
_REPORT_CARD_WORDS = {
    "exceptional": Grade.EXCEPTIONAL,
    "strong standard": Grade.STRONG_STANDARD,
    "expected standard": Grade.EXPECTED_STANDARD,
    "needs attention": Grade.NEEDS_ATTENTION,
    "urgent improvement": Grade.URGENT_IMPROVEMENT,
}
#: Key-grade roles and the judgement each is kept as.
_KEY_ROLES = (
    ("quality_of_education", "quality-of-education"),
    ("leadership_and_management", "leadership-and-management"),
    ("leadership_and_governance", "leadership-and-governance"),
)

_JUDGEMENT_OF_ROLE = dict(_KEY_ROLES)


def _key_grade(role: str, text: str, on: dt.date, file: str, row: int, column: str) -> Grade | None:
    """A key judgement's grade: 1-4 or words (report-card words for leadership and
    governance); none for blank, ``NULL``, ``9`` or ``Not judged``."""
    value = text.strip()
    lowered = value.lower()
    if lowered in _NONE or lowered == _NOT_JUDGED:
        return None
    if role == "leadership_and_governance":
        grade = _REPORT_CARD_WORDS.get(lowered)
        if grade is None:
            raise DataFileError(
                file,
                row,
                column,
                f"{value!r} is not a report-card grade (Exceptional, Strong standard, "
                "Expected standard, Needs attention, Urgent improvement)",
            )
        return grade
    found, _ = _grade(text, on, file, row, column)
    return found


def kind_of(text: str) -> InspectionKind | None:
    """The kind an ``Inspection type`` text names, by its words (``None`` if none fits).

    Monitoring first, then short/ungraded (section 8), then full (section 5, graded). The words
    are those seen in public code reading these files; an unknown text is refused by the reader
    unless the caller's ``kinds`` table names it.

    >>> kind_of("S5 Inspection").value
    'full'
    >>> kind_of("Section 8 short inspection").value
    'short'
    >>> kind_of("Section 8 monitoring inspection").value
    'monitoring'
    """
    lowered = f" {text.lower().replace('-', ' ')} "
    if "monitoring" in lowered:
        return InspectionKind.MONITORING
    if any(w in lowered for w in ("short", "ungraded", "section 8", " s8 ", "s8 ")):
        return InspectionKind.SHORT
    if any(w in lowered for w in ("section 5", " s5 ", "s5 ", "full", "graded", "report card")):
        return InspectionKind.FULL
    return None


def parse_column_map(pairs: list[str]) -> dict[str, str | None]:
    """``["start_date=Inspection date", "trust="]`` as a column map (an empty name drops an
    optional role); unknown roles are refused."""
    out: dict[str, str | None] = {}
    for pair in pairs:
        role, sep, column = pair.partition("=")
        role = role.strip()
        if not sep or role not in DEFAULT_COLUMNS:
            raise DataFileError(
                "--column",
                None,
                None,
                f"{pair!r} is not ROLE=COLUMN with ROLE one of {', '.join(DEFAULT_COLUMNS)}",
            )
        if not column.strip() and role in REQUIRED_ROLES:
            raise DataFileError("--column", None, None, f"role {role!r} is needed")
        out[role] = column.strip() or None
    return out


@attrs.frozen
class MIRead:
    """What one file gave: inspections, establishments, and predecessor pairs found in the
    ``urn_at_inspection`` column (``(predecessor, successor)``)."""

    inspections: tuple[HistoryInspection, ...]
    establishments: dict[str, Establishment]
    predecessor_pairs: tuple[tuple[str, str], ...] = ()


def _grade(text: str, on: dt.date, file: str, row: int, column: str) -> tuple[Grade | None, bool]:
    value = text.strip()
    lowered = value.lower()
    if lowered in _NONE:
        return None, True
    if lowered == _NOT_JUDGED:
        return None, False
    if value in _NUMBERS:
        return grade_from_number(_NUMBERS[value], on), True
    grade = _WORDS.get(lowered)
    if grade is None:
        raise DataFileError(
            file,
            row,
            column,
            f"{value!r} is not an overall effectiveness grade "
            "(1-4, Outstanding, Good, Satisfactory, Requires improvement, Inadequate, "
            "9, NULL or Not judged)",
        )
    if (grade is Grade.SATISFACTORY and on >= RI_FROM) or (
        grade is Grade.REQUIRES_IMPROVEMENT and on < RI_FROM
    ):
        raise DataFileError(
            file,
            row,
            column,
            f"{value!r} is not on the scale in force on {on.isoformat()} "
            "(satisfactory until 31 Aug 2012, requires improvement from 1 Sep 2012)",
        )
    return grade, True


@attrs.define
class _Derived:
    """What a row's date, type, grade and short-outcome texts give, each text checked and
    read once (a national file has a few thousand distinct days and a handful of the rest)."""

    file: str
    names: Mapping[str, str]
    kind_table: Mapping[str, InspectionKind]
    key_roles: tuple[str, ...] = ()
    kinds: dict[str, InspectionKind] = attrs.field(factory=dict)
    frameworks: dict[dt.date, tuple[str, bool]] = attrs.field(factory=dict)
    grades: dict[tuple[str, bool], tuple[Grade | None, bool]] = attrs.field(factory=dict)

    def __call__(
        self, texts: tuple[str, ...], row: int
    ) -> tuple[dt.date, InspectionKind, Grade | None, str, bool, tuple[tuple[str, Grade], ...]]:
        """The day, kind, grade, framework, whether an overall grade was given, and the key
        grades."""
        date_text, type_text, grade_text, short_text = texts[:4]
        file, names = self.file, self.names
        day = parse_day(date_text.strip(), file, row, names["start_date"])
        kind = self.kinds.get(type_text)
        if kind is None:
            found_kind = self.kind_table.get(type_text.strip()) or kind_of(type_text.strip())
            if found_kind is None:
                raise DataFileError(
                    file,
                    row,
                    names["inspection_type"],
                    f"{type_text.strip()!r} is not a known inspection type "
                    "(map it with a kinds table)",
                )
            kind = self.kinds[type_text] = found_kind
        framework_found = self.frameworks.get(day)
        if framework_found is None:
            framework_id = framework_id_on(day)
            framework_found = self.frameworks[day] = (
                framework_id,
                _OVERALL_BY_FRAMEWORK.get(framework_id, True),
            )
        framework, judged = framework_found
        grade_key = (grade_text, day >= RI_FROM)
        grade_found = self.grades.get(grade_key)
        if grade_found is None:
            grade_found = _grade(grade_text, day, file, row, names["overall_effectiveness"])
            self.grades[grade_key] = grade_found
        grade, judged_here = grade_found
        if grade is not None and not judged and kind is InspectionKind.FULL:
            raise DataFileError(
                file,
                row,
                names["overall_effectiveness"],
                f"an overall grade for an inspection on {day.isoformat()}, "
                f"under {framework}, which gives none",
            )
        if kind is InspectionKind.MONITORING:
            grade = None
        elif kind is InspectionKind.SHORT and grade is None and short_text:
            grade = _SHORT_GRADES.get(short_text.strip().lower())
        key_grades: list[tuple[str, Grade]] = []
        if kind is not InspectionKind.MONITORING:
            for role, text in zip(self.key_roles, texts[4:], strict=True):
                found = _key_grade(role, text, day, file, row, names[role])
                if found is not None:
                    key_grades.append((_JUDGEMENT_OF_ROLE[role], found))
        return day, kind, grade, framework, judged and judged_here, tuple(key_grades)


def _establishment(urn: str, fields: list[str], info_at: list[tuple[str, int]]) -> Establishment:
    """What a row says of the establishment inspected."""
    info: dict[str, str | None] = {}
    for role, i in info_at:
        value = fields[i].strip()
        info[role] = None if not value or value.lower() == "null" else value
    laestab = info.pop("laestab", None)
    kind_text = info.get("establishment_type")
    return Establishment(
        urn,
        name=info.get("name"),
        phase=info.get("phase"),
        establishment_type=kind_text,
        la_code=laestab[:3] if laestab and laestab[:3].isdigit() else None,
        local_authority=info.get("local_authority"),
        academy=(
            None
            if kind_text is None
            else ("academy" in kind_text.lower() or "free school" in kind_text.lower())
        ),
        trust=info.get("trust"),
    )


def read_mi_csv(
    path: str | Path,
    *,
    columns: Mapping[str, str | None] | None = None,
    kinds: Mapping[str, InspectionKind] | None = None,
    encoding: str = "utf-8-sig",
    on_rows: Callable[[int], None] | None = None,
) -> MIRead:
    """Read one management-information CSV file (one row per inspection) strictly.

    ``columns`` overrides roles of :data:`DEFAULT_COLUMNS`; ``kinds`` maps exact
    ``inspection_type`` texts to kinds before :func:`kind_of` is asked. The header may follow
    up to 5 title rows. Refused, with one line naming file, row and column: a missing needed
    column, a URN that is not digits, an impossible or malformed date, an unknown grade or
    inspection type, an overall grade under a framework that gives none, a row of the wrong
    width. ``on_rows(n)`` is called every 5,000 rows with the rows read since the last call
    (for a progress bar).
    """
    file = str(path)
    mapping = {**DEFAULT_COLUMNS, **(columns or {})}
    required = tuple(str(mapping[r]) for r in REQUIRED_ROLES)
    header, rows = read_rows(Path(path), encoding=encoding, required=required, header_search=6)
    at = {role: header.index(name) for role, name in mapping.items() if name and name in header}
    names = {role: str(mapping[role]) for role in at}
    inspections: list[HistoryInspection] = []
    establishments: dict[str, Establishment] = {}
    pairs: set[tuple[str, str]] = set()
    urn_i, date_i, type_i, grade_i = (at[r] for r in REQUIRED_ROLES)
    optional = {role: at.get(role) for role in OPTIONAL_ROLES}
    short_i = optional["short_outcome"]
    number_i = optional["inspection_number"]
    at_i = optional["urn_at_inspection"]
    info_roles = ("name", "phase", "establishment_type", "local_authority", "laestab", "trust")
    info_at = [(role, i) for role in info_roles if (i := optional[role]) is not None]
    count = 0
    # Everything read from a row's date, type, grade and short-outcome texts depends on those
    # texts only, and a national file has a few thousand distinct combinations: each is
    # checked and derived once.
    key_at = [(role, i) for role, _ in _KEY_ROLES if (i := optional[role]) is not None]
    key_columns = [i for _, i in key_at]
    derived: dict[
        tuple[str, ...],
        tuple[dt.date, InspectionKind, Grade | None, str, bool, tuple[tuple[str, Grade], ...]],
    ] = {}
    derive = _Derived(file, names, dict(kinds or {}), key_roles=tuple(r for r, _ in key_at))
    urn_ok: set[str] = set()
    source_prefix = f"{file}, row "
    for row, fields in rows:
        count += 1
        if on_rows is not None and count % 5000 == 0:
            on_rows(5000)
        urn = fields[urn_i].strip()
        if urn not in urn_ok:
            if not (urn.isascii() and urn.isdigit()):
                raise DataFileError(file, row, names["urn"], f"{urn!r} is not a URN (digits)")
            urn_ok.add(urn)
        key: tuple[str, ...] = (
            fields[date_i],
            fields[type_i],
            fields[grade_i],
            fields[short_i] if short_i is not None else "",
        )
        if key_columns:
            key += tuple([fields[i] for i in key_columns])
        found = derived.get(key)
        if found is None:
            found = derived[key] = derive(key, row)
        day, kind, grade, framework, judged, key_grades = found
        owner = urn
        if at_i is not None:
            then = fields[at_i].strip()
            if then and then.lower() != "null":
                if not (then.isascii() and then.isdigit()):
                    raise DataFileError(
                        file, row, names["urn_at_inspection"], f"{then!r} is not a URN (digits)"
                    )
                if then != urn:
                    pairs.add((then, urn))
                    owner = then
        inspections.append(
            HistoryInspection(
                owner,
                day,
                kind,
                grade,
                framework,
                judged,
                (fields[number_i].strip() or None) if number_i is not None else None,
                f"{source_prefix}{row}",
                key_grades,
            )
        )
        if info_at and urn not in establishments:
            establishments[urn] = _establishment(urn, fields, info_at)
    if on_rows is not None:
        on_rows(count % 5000)
    return MIRead(tuple(inspections), establishments, tuple(sorted(pairs)))

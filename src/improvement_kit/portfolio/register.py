"""Every case of a portfolio computed once, and the register of open items across them.

:func:`compute_cases` reads each case file and computes its timeline as of a date, with one
kit; a case that cannot be read (or whose data the engine refuses) becomes a
:class:`CaseFailure` naming its file, and the others go on. :func:`build_register` turns the
timelines into :class:`RegisterRow` values:

* obligations and expected events, by their due date (or the end of their window);
* powers with a closing date, by the day their window closes (a power with no time limit is
  on the case's timeline, not in the register);
* statuses (a category, eligibility for intervention) are not rows: the case's category is a
  column of every row, and is counted per local authority.

Each row has a :class:`RowStatus` as of the date: ``overdue``, ``due`` (within ``within``
working days of England and Wales, today included), ``upcoming`` or ``done`` (met by an
event, or a power whose window has closed). Done rows drop out unless asked for.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from improvement_kit.errors import CalendarError, CaseFileError, ImprovementKitError
from improvement_kit.model import ItemKind, ItemStatus, Timeline, TimelineItem
from improvement_kit.portfolio.sources import PortfolioEntry

if TYPE_CHECKING:
    from improvement_kit.calendar import WorkingDayCalendar
    from improvement_kit.kit import Kit
    from improvement_kit.model import Case

__all__ = [
    "REGISTER_FIELDS",
    "AuthorityCounts",
    "CaseFailure",
    "ComputedCase",
    "Register",
    "RegisterFilter",
    "RegisterRow",
    "RowStatus",
    "build_register",
    "compute_cases",
    "human_phrase",
]


#: The columns of the register (CSV header, JSON item fields), in order.
REGISTER_FIELDS = (
    "status",
    "deadline",
    "when",
    "working_days",
    "la_code",
    "local_authority",
    "identifier",
    "provider",
    "jurisdiction",
    "category",
    "officer",
    "programme",
    "item",
    "key",
    "title",
    "kind",
    "actor",
    "due",
    "window_start",
    "window_end",
    "satisfied_on",
    "provisional",
    "rule",
    "nature",
    "source",
    "url",
    "grade",
    "plugin",
    "case",
    "reference",
)


class RowStatus(enum.StrEnum):
    """A register row's state on the register's date."""

    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    DONE = "done"


@attrs.frozen(eq=False)
class ComputedCase:
    """A case file read and its timeline computed (with statuses as of the register's date)."""

    entry: PortfolioEntry
    case: Case
    timeline: Timeline

    @property
    def la_code(self) -> str:
        """The provider's 3-digit local-authority code, or ``""`` when the case has none."""
        return self.case.provider.la_code or ""

    @property
    def category(self) -> str:
        """The category in effect on the timeline's date (``special-measures``, ...), or
        ``"none"``."""
        found = "none"
        for item in self.timeline.items:
            if item.base_id == "category" and item.status is ItemStatus.IN_EFFECT and item.value:
                found = item.value
        return found


@attrs.frozen
class CaseFailure:
    """A case file that could not be read or computed: the file and one line saying why."""

    path: Path
    message: str


def compute_cases(
    entries: Iterable[PortfolioEntry],
    *,
    kit: Kit,
    as_of: dt.date,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[ComputedCase], list[CaseFailure]]:
    """Read and compute every case once, with ``kit``; a case that fails becomes a
    :class:`CaseFailure` naming its file, and the others go on. ``progress(1)`` is called
    after each case, computed or failed.

    Any :class:`~improvement_kit.errors.ImprovementKitError` counts as the case's failure (a
    case naming an unknown jurisdiction gets an :class:`~improvement_kit.errors.InputError`
    naming the field), and a plugin that fails on one case's data should not hide the others (a
    plugin broken for every case fails every case, each line naming the plugin).
    """
    from improvement_kit.serialization import load_case
    from improvement_kit.timeline import build_timeline

    done: list[ComputedCase] = []
    failed: list[CaseFailure] = []
    for entry in entries:
        try:
            case = load_case(entry.path, plugins=kit)
            timeline = build_timeline(case, kit=kit, as_of=as_of)
        except CaseFileError as exc:
            failed.append(CaseFailure(entry.path, str(exc)))
        except ImprovementKitError as exc:
            failed.append(CaseFailure(entry.path, f"{entry.path}: {exc}"))
        else:
            done.append(ComputedCase(entry, case, timeline))
        if progress is not None:
            progress(1)
    return done, failed


@attrs.frozen
class RegisterFilter:
    """Which rows to keep; each field is a set of accepted values (empty: all)."""

    la_codes: frozenset[str] = frozenset()
    jurisdictions: frozenset[str] = frozenset()
    plugins: frozenset[str] = frozenset()
    officers: frozenset[str] = frozenset()
    natures: frozenset[str] = frozenset()
    programmes: frozenset[str] = frozenset()

    def keeps_case(self, computed: ComputedCase) -> bool:
        """Whether the case passes the case-level filters (LA, jurisdiction, officer,
        programme); officers and programmes compare without regard to case."""
        entry = computed.entry
        return (
            _accepts(self.la_codes, computed.la_code)
            and _accepts(self.jurisdictions, computed.case.jurisdiction)
            and _accepts_folded(self.officers, entry.officer)
            and _accepts_folded(self.programmes, entry.programme)
        )

    def keeps_item(self, item: TimelineItem) -> bool:
        """Whether the item passes the item-level filters (plugin, kind of rule)."""
        return _accepts(self.plugins, item.rule.plugin) and _accepts(
            self.natures, item.rule.nature.value
        )


def _accepts(allowed: frozenset[str], value: str | None) -> bool:
    return not allowed or value in allowed


def _accepts_folded(allowed: frozenset[str], value: str | None) -> bool:
    return not allowed or (
        value is not None and value.casefold() in {a.casefold() for a in allowed}
    )


@attrs.frozen(eq=False)
class RegisterRow:
    """One line of the register: an item of one case, with its state and a human phrase."""

    source: ComputedCase = attrs.field(repr=False)
    item: TimelineItem
    deadline: dt.date
    status: RowStatus
    working_days: int | None
    phrase: str

    @property
    def ref(self) -> str:
        """The item's stable key (``<item>@<event id>``), or its id when it has none."""
        return self.item.key or self.item.id

    def as_data(self) -> dict[str, object]:
        """The row as plain data (the register's JSON and CSV columns, in order)."""
        case, item, entry = self.source.case, self.item, self.source.entry
        window = item.window
        return {
            "status": self.status.value,
            "deadline": self.deadline.isoformat(),
            "when": self.phrase,
            "working_days": self.working_days,
            "la_code": self.source.la_code,
            "local_authority": case.provider.local_authority,
            "identifier": case.provider.identifier,
            "provider": case.provider.name,
            "jurisdiction": case.jurisdiction,
            "category": self.source.category,
            "officer": entry.officer,
            "programme": entry.programme,
            "item": item.id,
            "key": item.key,
            "title": item.title,
            "kind": item.kind.value,
            "actor": item.actor,
            "due": item.due.isoformat() if item.due else None,
            "window_start": window.start.isoformat() if window else None,
            "window_end": window.end.isoformat() if window and window.end else None,
            "satisfied_on": item.satisfied_on.isoformat() if item.satisfied_on else None,
            "provisional": item.provisional,
            "rule": item.rule.id,
            "nature": item.rule.nature.value,
            "source": item.rule.source.citation,
            "url": item.rule.source.url or None,
            "grade": item.rule.grade.value,
            "plugin": item.rule.plugin,
            "case": str(entry.path),
            "reference": case.reference,
        }


@attrs.frozen
class AuthorityCounts:
    """One local authority's line of the self-evaluation table: cases by category and by
    programme."""

    la_code: str
    name: str
    cases: int
    categories: dict[str, int]
    programmes: dict[str, int]


@attrs.frozen(eq=False)
class Register:
    """The register of a portfolio as of a date."""

    as_of: dt.date
    within: int
    rows: tuple[RegisterRow, ...]
    cases: tuple[ComputedCase, ...]
    failures: tuple[CaseFailure, ...] = ()

    def summary(self) -> dict[RowStatus, int]:
        """The number of rows in each status (every status, zeros included)."""
        counts = Counter(row.status for row in self.rows)
        return {status: counts.get(status, 0) for status in RowStatus}

    def summary_line(self) -> str:
        """``"3 overdue, 2 due within 10 working days, 40 upcoming, 0 done"``."""
        counts = self.summary()
        return ", ".join(
            f"{counts[s]} {s.value}"
            + (f" within {self.within} working days" if s is RowStatus.DUE else "")
            for s in RowStatus
        )

    def by_authority(self) -> list[AuthorityCounts]:
        """Cases per local authority, by category and by programme, in LA code order."""
        groups: dict[str, list[ComputedCase]] = {}
        for computed in self.cases:
            groups.setdefault(computed.la_code, []).append(computed)
        out = []
        for code in sorted(groups):
            cases = groups[code]
            names = [c.case.provider.local_authority for c in cases]
            out.append(
                AuthorityCounts(
                    la_code=code or "-",
                    name=next((n for n in names if n), ""),
                    cases=len(cases),
                    categories=dict(sorted(Counter(c.category for c in cases).items())),
                    programmes=dict(
                        sorted(Counter(c.entry.programme or "none" for c in cases).items())
                    ),
                )
            )
        return out


def _deadline(item: TimelineItem) -> dt.date | None:
    if item.kind in (ItemKind.OBLIGATION, ItemKind.EXPECTED_EVENT):
        if item.due is not None:
            return item.due
        return item.window.end if item.window is not None else None
    if item.kind is ItemKind.POWER and item.window is not None:
        return item.window.end
    return None


def human_phrase(deadline: dt.date, as_of: dt.date, status: RowStatus) -> str:
    """How far ``deadline`` is from ``as_of``, as a person says it (with pendulum).

    >>> human_phrase(dt.date(2026, 12, 21), dt.date(2026, 11, 30), RowStatus.UPCOMING)
    'in 3 weeks'
    >>> human_phrase(dt.date(2026, 11, 28), dt.date(2026, 11, 30), RowStatus.OVERDUE)
    '2 days overdue'
    >>> human_phrase(dt.date(2026, 11, 30), dt.date(2026, 11, 30), RowStatus.DUE)
    'due today'
    """
    import pendulum

    if deadline == as_of:
        return "done, due today" if status is RowStatus.DONE else "due today"
    span = pendulum.date(deadline.year, deadline.month, deadline.day).diff_for_humans(
        pendulum.date(as_of.year, as_of.month, as_of.day), absolute=True
    )
    if status is RowStatus.DONE:
        return f"done; was due {span} ago" if deadline < as_of else f"done; due in {span}"
    if deadline < as_of:
        return f"{span} overdue"
    if deadline == as_of + dt.timedelta(days=1):
        return "due tomorrow"
    return f"in {span}"


def _row_status(
    item: TimelineItem, deadline: dt.date, as_of: dt.date, within: int, days: int | None
) -> RowStatus:
    if item.kind is ItemKind.POWER:
        if deadline < as_of:
            return RowStatus.DONE  # the window has closed
    elif item.satisfied_on is not None and item.satisfied_on <= as_of:
        return RowStatus.DONE
    elif deadline < as_of:
        return RowStatus.OVERDUE
    if days is None:
        days = (deadline - as_of).days  # beyond the calendar's range: calendar days
    return RowStatus.DUE if days <= within else RowStatus.UPCOMING


def _working_days(calendar: WorkingDayCalendar, as_of: dt.date, deadline: dt.date) -> int | None:
    try:
        return calendar.count(as_of, deadline)
    except CalendarError:
        return None


def build_register(
    computed: Sequence[ComputedCase],
    *,
    as_of: dt.date,
    within: int = 10,
    keep: RegisterFilter | None = None,
    include_done: bool = False,
    failures: Sequence[CaseFailure] = (),
) -> Register:
    """The register of ``computed`` cases on ``as_of``, sorted by deadline.

    ``within`` is the number of working days (England and Wales: weekends and bank holidays
    excluded) ahead of ``as_of`` in which an item counts as ``due``; a count is "working days
    after ``as_of``, up to and including the deadline", so an item due on ``as_of`` is 0.
    ``working_days`` is negative for an overdue row.
    """
    from improvement_kit.calendar import get_calendar

    keep = keep or RegisterFilter()
    calendar = get_calendar("england-and-wales")
    cases = tuple(c for c in computed if keep.keeps_case(c))
    rows = []
    for source in cases:
        for item in source.timeline.items:
            deadline = _deadline(item)
            if deadline is None or not keep.keeps_item(item):
                continue
            days = _working_days(calendar, as_of, deadline)
            status = _row_status(item, deadline, as_of, within, days)
            if status is RowStatus.DONE and not include_done:
                continue
            rows.append(
                RegisterRow(
                    source, item, deadline, status, days, human_phrase(deadline, as_of, status)
                )
            )
    rows.sort(
        key=lambda r: (r.deadline, r.source.la_code, r.source.case.provider.identifier, r.item.id)
    )
    return Register(as_of, within, tuple(rows), cases, tuple(failures))

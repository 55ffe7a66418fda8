"""Stuck schools on a case's timeline: when the provider met each definition, and the RISE
targeted intervention that follows from the DfE's.

A jurisdiction that wants these items lists :data:`STUCK_RULE_TABLES` in its ``rule_tables``
(the rows ``HIST-*``: national policy, each with its source and grade) and returns
:func:`stuck_items` from its ``improvement_kit_timeline_items`` hook::

    JURISDICTION = Jurisdiction(..., rule_tables=(*own_tables, *STUCK_RULE_TABLES))

    @hookimpl
    def improvement_kit_timeline_items(context):
        return [*derive_items(context), *stuck_items(context)]

The history read is the case's own Ofsted inspections
(:func:`~improvement_kit.history.loading.from_case`); a converter's case file should hold its
predecessor's inspections too (the definitions count them). :func:`stuck_spells` gives the
same dates without a timeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from improvement_kit.context import TimelineContext
from improvement_kit.history.definitions import (
    Decision,
    DfE2025Stuck,
    Ofsted2020Stuck,
    Status,
)
from improvement_kit.history.loading import from_case
from improvement_kit.history.records import HistoryInspection, InspectionKind
from improvement_kit.model import TimelineItem
from improvement_kit.model.timeline import Window
from improvement_kit.rules import rule_files
from improvement_kit.rules.deadlines import describe_day

__all__ = [
    "RISE_FROM",
    "STUCK_RULE_IDS",
    "STUCK_RULE_TABLES",
    "Spell",
    "stuck_items",
    "stuck_spells",
]

#: The rule table of the ``HIST-*`` rows (one TOML file shipped with this package).
STUCK_RULE_TABLES = tuple(rule_files("improvement_kit.history"))
#: The rule ids :func:`stuck_items` cites (a jurisdiction may list them in ``code_rules``).
STUCK_RULE_IDS = ("HIST-STUCK-OF20", "HIST-UNSTUCK-OF20", "HIST-STUCK-DFE25", "HIST-RISE-TI")
#: RISE targeted intervention was announced with the accountability consultation.
RISE_FROM = dt.date(2025, 2, 3)

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Spell:
    """A time during which a school had ``status`` under a definition: from ``start`` to
    ``end`` (inclusive; ``None``: still so on the last date looked at), with the decision of
    its first day and of the last date looked at within it."""

    status: Status
    start: dt.date
    end: dt.date | None
    decision: Decision
    latest: Decision


def _censuses(first: dt.date, until: dt.date) -> list[dt.date]:
    """Every 31 August from the one after ``first`` to the last on or before ``until``."""
    year = first.year if (first.month, first.day) <= (8, 31) else first.year + 1
    out = []
    while dt.date(year, 8, 31) <= until:
        out.append(dt.date(year, 8, 31))
        year += 1
    return out


def _spells(points: list[tuple[dt.date, Decision]], wanted: Sequence[Status]) -> list[Spell]:
    """Runs of the same wanted status over ``points`` (dates in order); a run ends the day
    before the first point without it."""
    spells: list[Spell] = []
    current: Spell | None = None
    for day, decision in points:
        if current is not None:
            if decision.status is current.status:
                current = attrs.evolve(current, latest=decision)
                continue
            spells.append(attrs.evolve(current, end=day - _ONE_DAY))
            current = None
        if decision.status in wanted:
            current = Spell(decision.status, day, None, decision, decision)
    if current is not None:
        spells.append(current)
    return spells


def stuck_spells(
    inspections: Sequence[HistoryInspection],
    definition: Ofsted2020Stuck | DfE2025Stuck,
    until: dt.date,
) -> list[Spell]:
    """When a school (its combined history, oldest first) was stuck or unstuck up to
    ``until``.

    Ofsted 2020 is assessed as of each 31 August (over the window ending then), so its
    spells start on a 31 August; a stuck spell ends the day before the first 31 August on
    which the school no longer met the definition. DfE 2025 is assessed at each full
    inspection: a spell starts on the inspection that made the school stuck and ends the day
    before the next full inspection after which it was not.
    """
    full = [i for i in inspections if i.kind is InspectionKind.FULL and i.date <= until]
    if not full:
        return []
    if isinstance(definition, Ofsted2020Stuck):
        points = [
            (day, definition.classify(inspections, day)) for day in _censuses(full[0].date, until)
        ]
        return _spells(points, (Status.STUCK, Status.UNSTUCK))
    days = sorted({i.date for i in full})
    points = [(day, definition.classify(inspections, day)) for day in days]
    return _spells(points, (Status.STUCK,))


def _counted(decision: Decision) -> str:
    return ", ".join(
        f"{i.date.isoformat()} {i.kind.value} {i.grade or 'no overall grade'}"
        for i in decision.counted
    )


def stuck_items(
    context: TimelineContext,
    *,
    ofsted: Ofsted2020Stuck | None = None,
    dfe: DfE2025Stuck | None = None,
) -> list[TimelineItem]:
    """The stuck, unstuck and RISE items of the case in ``context``, up to its ``as_of`` date
    (else the case's last event), under ``ofsted`` and ``dfe`` (default parameters when not
    given). Each item cites its ``HIST-*`` rule (looked up on the later of its start and the
    day the definition was published)."""
    case = context.case
    _, inspections = from_case(case, case.reference or "")
    if not inspections:
        return []
    last_event = max(e.date for e in case.events)
    until = context.as_of or last_event
    items: list[TimelineItem] = []
    ofsted = ofsted or Ofsted2020Stuck()
    dfe = dfe or DfE2025Stuck()
    for spell in stuck_spells(inspections, ofsted, until):
        rule_id = "HIST-STUCK-OF20" if spell.status is Status.STUCK else "HIST-UNSTUCK-OF20"
        rule = context.rules.in_force(rule_id, max(spell.start, ofsted.in_use.start))
        window = spell.decision.window
        items.append(
            context.make_item(
                rule,
                due=spell.start,
                window=Window(spell.start, spell.end),
                explanation=(
                    f"{spell.status.value} as of {describe_day(spell.start)} under "
                    f"{ofsted.title} ({ofsted.describe()}), over {window.start.isoformat()} - "
                    f"{window.end.isoformat()}: {spell.decision.explanation}"
                    + (f"; last met as of {describe_day(spell.end)}" if spell.end else "")
                ),
                details={"definition": ofsted.id, "inspections": _counted(spell.decision)},
            )
        )
    for spell in stuck_spells(inspections, dfe, until):
        rule = context.rules.in_force("HIST-STUCK-DFE25", max(spell.start, dfe.in_use.start))
        ended = (
            f"; ended by the inspection of {describe_day(spell.end + _ONE_DAY)}"
            if spell.end
            else ""
        )
        if spell.latest is not spell.decision and spell.latest.first_met is not None:
            ended = (
                f"; still stuck after the inspection of {describe_day(spell.latest.first_met)}"
                f": {spell.latest.explanation}{ended}"
            )
        items.append(
            context.make_item(
                rule,
                due=spell.start,
                window=Window(spell.start, spell.end),
                explanation=(
                    f"stuck from the inspection of {describe_day(spell.start)} under "
                    f"{dfe.title} ({dfe.describe()}): {spell.decision.explanation}{ended}"
                ),
                details={"definition": dfe.id, "inspections": _counted(spell.latest)},
            )
        )
        if spell.end is not None and spell.end < RISE_FROM:
            continue
        start = max(spell.start, RISE_FROM)
        rise = context.rules.in_force("HIST-RISE-TI", start)
        items.append(
            context.make_item(
                rise,
                due=start,
                window=Window(start, spell.end),
                explanation=(
                    f"stuck (DfE 2025) from {describe_day(spell.start)}"
                    + (
                        f", and RISE targeted intervention began {describe_day(RISE_FROM)}"
                        if spell.start < RISE_FROM
                        else ""
                    )
                    + "; eligible only if the school has not changed structure since its "
                    "last inspection, which the case does not record (not checked)"
                ),
                details={"definition": dfe.id},
            )
        )
    return items

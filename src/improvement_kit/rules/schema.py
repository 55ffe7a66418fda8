"""A rule: one row of a jurisdiction's rule table, with its source and in-force dates."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

import attrs

from improvement_kit.model.sources import InForce, Nature, Source, VerificationGrade
from improvement_kit.model.timeline import ItemKind, RuleRef
from improvement_kit.rules.deadlines import Deadline, Point

__all__ = ["CalendarChoice", "Repeat", "Rule"]


class CalendarChoice(enum.StrEnum):
    """Which working-day calendar a rule counts on.

    ``regional``: weekends, Christmas Day, Good Friday and the region's bank holidays.
    ``school``: the regional calendar plus any "part of a holiday longer than a week taken by
    the school in question" (Education (School Inspection) (England) Regulations 2005 reg 2(1)),
    when the case gives the school's holidays.
    """

    REGIONAL = "regional"
    SCHOOL = "school"


@attrs.frozen
class Repeat:
    """A recurring item: ``repeat = { every = { months_following = 4 }, times = 6,
    until = ["category-removed"] }``.

    The first occurrence is the rule's deadline (or its anchor); each next one is ``every``
    counted from the one before, on the rule's calendar. The series stops after ``times``
    occurrences, and no occurrence falls on or after the first ``until`` event following the
    trigger (a school leaving the programme, a category removed).
    """

    every: Point
    times: int
    until: tuple[str, ...] = ()


@attrs.frozen
class Rule:
    """One rule version.

    Rules with a ``trigger`` are applied by the engine to every event of that type whose date
    falls within ``in_force`` (the version in force on the trigger date applies) and whose
    fields match ``when``. Rules without a trigger are looked up by plugin code.
    ``anchor`` names the event field the deadline counts from (``date`` by default),
    ``item:<id>`` for a date computed by an earlier rule from the same trigger, or
    ``next:<event type>`` for the first such event on or after the trigger and before the next
    event of the trigger's type (the report of this inspection). ``except_when`` excludes
    events whose fields match; ``satisfied_when`` and ``satisfied_except_when`` narrow the
    ``satisfied_by`` events (the next full inspection, not a monitoring visit).
    ``provider_types`` and ``la_codes`` (GIAS local-authority codes) restrict the providers a
    triggered rule applies to; ``repeat`` makes it a series.
    """

    id: str
    item: str
    title: str
    kind: ItemKind
    in_force: InForce
    source: Source
    grade: VerificationGrade
    nature: Nature = Nature.LAW
    deadline: Deadline | None = None
    calendar: CalendarChoice = CalendarChoice.REGIONAL
    trigger: str | None = None
    anchor: str = "date"
    anchor_label: str = ""
    when: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    except_when: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    unless: tuple[str, ...] = ()
    satisfied_by: tuple[str, ...] = ()
    satisfied_when: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    satisfied_except_when: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    provider_types: tuple[str, ...] = ()
    la_codes: tuple[str, ...] = ()
    repeat: Repeat | None = None
    actor: str | None = None
    value: str | None = None
    wording: str = ""
    notes: str = ""
    file: str = ""
    plugin: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        """Whether this version applies to a trigger event on ``day``."""
        return self.in_force.contains(day)

    def ref(self) -> RuleRef:
        """The reference a timeline item carries."""
        return RuleRef(
            self.id, self.title, self.source, self.grade, self.in_force, self.nature, self.plugin
        )

    def describe_source(self) -> str:
        """``"rule EM-WN-02 (EIA 2006 s.60(1)(b) as enacted; primary); in force ..."``."""
        return (
            f"rule {self.id} ({self.source.citation}; {self.nature.label}, {self.grade}); "
            f"in force {self.in_force.describe()}"
        )

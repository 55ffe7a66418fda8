"""A rule: one row of a jurisdiction's rule table, with its source and in-force dates."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

import attrs

from improvement_kit.model.sources import InForce, Nature, Source, VerificationGrade
from improvement_kit.model.timeline import ItemKind, RuleRef
from improvement_kit.rules.deadlines import Deadline, Point

#: Items the engine places from a jurisdiction's category decision (made in code), so rows
#: producing them feed that decision rather than being applied by the engine.
DECISION_ITEMS = frozenset({"category"})

#: The prefix of a trigger, or an anchor, naming a timeline item rather than an event.
ITEM_PREFIX = "item:"

__all__ = ["ITEM_PREFIX", "CalendarChoice", "EndsOn", "PreCommencement", "Repeat", "Rule"]


class CalendarChoice(enum.StrEnum):
    """Which working-day calendar a rule counts on.

    ``regional``: weekends, Christmas Day, Good Friday and the region's bank holidays.
    ``school``: the regional calendar plus any "part of a holiday longer than a week taken by
    the school in question" (Education (School Inspection) (England) Regulations 2005 reg 2(1)),
    when the case gives the school's holidays.
    """

    REGIONAL = "regional"
    SCHOOL = "school"


class PreCommencement(enum.StrEnum):
    """How an item-triggered row treats a status that began before any version of the rule
    was in force.

    ``only-new`` (the default): only the version in force on the trigger date applies; none,
    no item. ``from-commencement``: the earliest later version whose conditions match and
    that commences while the status lasts applies, opening on its commencement (a power
    added by a later Act is available to a school already eligible).
    """

    ONLY_NEW = "only-new"
    FROM_COMMENCEMENT = "from-commencement"


class VersionOn(enum.StrEnum):
    """Which day picks the version of an item-triggered row: ``trigger``, the date of the
    event that triggered the item (the default, as for every row), or ``start``, the day
    the item starts (an academy order is a power or a duty as the law stood when the school
    became eligible)."""

    TRIGGER = "trigger"
    START = "start"


@attrs.frozen
class EndsOn:
    """One way a status ends: ``ends_on = [{ event = "category-removed", same = ["category"],
    because = "report of {date} stating the category no longer applies" }]``.

    The first ``event`` after the trigger (compared by its ``on`` date field, ``date`` by
    default) whose fields match ``when``, and whose ``same`` fields are empty or equal to the
    trigger's, ends the status the day before. ``because`` (``{date}`` is that day) says why
    in the item's ``details["ended_by"]``.
    """

    event: str
    on: str = "date"
    when: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    same: tuple[str, ...] = ()
    because: str = ""


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

    A ``trigger`` of ``item:<id>`` applies the rule to every timeline item with that id,
    whatever made it (a rule row or plugin code): ``when`` then reads the item's ``value`` and
    ``details``, the version is the one in force on the date of the event that triggered the
    item, or on the day the item starts with ``version_on = "start"``
    (``pre_commencement`` says what happens when none was), the anchor ``date`` is the
    day the item starts (``details.<key>`` a date the item records), and
    ``ends_with_trigger`` ends the new item's window when the triggering item's window ends
    (a power available while the school is eligible for intervention). ``ends_on`` ends a
    status item's window on later events; ``details`` are added to every item the row makes;
    ``item_title`` titles the items (default: the rule's title).
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
    ends_on: tuple[EndsOn, ...] = ()
    ends_with_trigger: bool = False
    pre_commencement: PreCommencement = PreCommencement.ONLY_NEW
    version_on: VersionOn = VersionOn.TRIGGER
    details: Mapping[str, str] = attrs.field(factory=dict)
    item_title: str = ""
    actor: str | None = None
    value: str | None = None
    wording: str = ""
    notes: str = ""
    file: str = ""
    plugin: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        """Whether this version applies to a trigger event on ``day``."""
        return self.in_force.contains(day)

    @property
    def item_trigger(self) -> str | None:
        """The item id of an ``item:<id>`` trigger, or ``None``."""
        if self.trigger is not None and self.trigger.startswith(ITEM_PREFIX):
            return self.trigger.removeprefix(ITEM_PREFIX)
        return None

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

"""What plugin code sees while a timeline is built: :class:`TimelineContext`.

The context holds the case, its rule book, its calendars and the items made so far. Rules
count on the calendar their kind of rule defines: law and national policy on the region's
working days (or the school's own holidays where the law counts on them), never moved by a
council's office closures; local policy on the same calendar with the council's closures.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from improvement_kit.calendar import Closure, WorkingDayCalendar
from improvement_kit.errors import InputError
from improvement_kit.jurisdictions import CategoryDecision
from improvement_kit.model import (
    Case,
    Category,
    Event,
    GenericEvent,
    Inspection,
    ItemKind,
    Nature,
    TimelineItem,
    Window,
)
from improvement_kit.rules import (
    CalendarChoice,
    Computed,
    Rule,
    RuleBook,
    SpecifiedInNotice,
    describe_day,
    parse_period_expression,
)

if TYPE_CHECKING:
    from improvement_kit.scope import Scope

__all__ = ["TimelineContext", "event_field", "field_text"]


def field_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def event_field(event: Event, name: str) -> object:
    """A field of an event by its case-file name (``given_by``), a key of a mapping field after
    a dot (``grades.overall-effectiveness``), or ``None``."""
    if isinstance(event, GenericEvent) and name in event.details:
        return event.details[name]
    head, dot, key = name.partition(".")
    if dot:
        mapping = getattr(event, head.replace("-", "_"), None)
        return mapping.get(key) if isinstance(mapping, Mapping) else None
    return getattr(event, name.replace("-", "_"), None)


@attrs.define
class TimelineContext:
    """What plugin code sees while a timeline is built.

    ``calendars`` maps ``"regional"`` and ``"school"`` to the calendars law and national
    policy count on (the school calendar is the regional one when no school holidays are
    known); ``local_calendars`` are the same with the council's ``local_closures``, for
    local-policy rules. ``items`` holds the items made so far; ``decisions`` the category
    decision per inspection; ``scope`` the plugins and local procedures that apply.
    """

    case: Case
    rules: RuleBook
    calendars: Mapping[CalendarChoice, WorkingDayCalendar]
    as_of: dt.date | None = None
    items: list[TimelineItem] = attrs.field(factory=list)
    decisions: list[tuple[Inspection, CategoryDecision | None]] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)
    local_calendars: Mapping[CalendarChoice, WorkingDayCalendar] | None = None
    local_closures: tuple[Closure, ...] = ()
    scope: Scope | None = None
    _by_type: dict[str, tuple[list[dt.date], list[Event]]] = attrs.field(
        init=False, factory=dict, repr=False
    )

    _positions: dict[int, int] = attrs.field(init=False, factory=dict, repr=False)
    _warned: set[str] = attrs.field(init=False, factory=set, repr=False)
    _triggers: dict[tuple[str, str | None, str | None], Event] = attrs.field(
        init=False, factory=dict, repr=False
    )
    #: Scratch space for plugin code, kept for one timeline (indexes built once, say).
    cache: dict[str, object] = attrs.field(init=False, factory=dict, repr=False)

    def __attrs_post_init__(self) -> None:
        for position, event in enumerate(self.case.events):  # the case keeps date order
            self._positions[id(event)] = position
            dates, events = self._by_type.setdefault(event.type, ([], []))
            dates.append(event.date)
            events.append(event)

    def outcome(self, inspection: Inspection) -> Category | None:
        """The category (recorded, else decided) or monitoring level an inspection led to."""
        if inspection.category is not None:
            return inspection.category
        for done, decision in self.decisions:
            if done is inspection and decision is not None:
                return decision.category or decision.monitoring
        return None

    def value(self, event: Event, name: str) -> object:
        """A field of ``event`` as rule conditions see it: :func:`event_field`, plus an
        inspection's ``outcome`` (its category or monitoring level)."""
        if name == "outcome" and isinstance(event, Inspection):
            return self.outcome(event)
        return event_field(event, name)

    def calendar(
        self, choice: CalendarChoice | str = CalendarChoice.REGIONAL
    ) -> WorkingDayCalendar:
        """The calendar law and national policy count on."""
        return self.calendars[CalendarChoice(choice)]

    def calendar_for(self, rule: Rule) -> WorkingDayCalendar:
        """The calendar ``rule`` counts on: with the council's closures only for local policy."""
        if rule.nature is Nature.LOCAL_POLICY and self.local_calendars is not None:
            return self.local_calendars[rule.calendar]
        return self.calendars[rule.calendar]

    def _closure_note(self, rule: Rule, anchor: dt.date, computed: Computed) -> Computed:
        if rule.nature is Nature.LOCAL_POLICY or not self.local_closures:
            return computed
        last = computed.due or (computed.window.end if computed.window else None)
        if last is None:
            return computed
        lo, hi = min(anchor, last), max(anchor, last)
        hit = [c for c in self.local_closures if c.start <= hi and c.end >= lo]
        if not hit:
            return computed
        names = "; ".join(
            f"{c.reason} {describe_day(c.start)} - {describe_day(c.end)}" for c in hit
        )
        return attrs.evolve(
            computed,
            explanation=(
                f"{computed.explanation}; not moved by the council's closure days ({names}): "
                f"closures move only local-policy items, and this rule is {rule.nature.label}"
            ),
        )

    def rule(self, rule_id: str, on: dt.date) -> Rule:
        """The rule with this id, which must be in force on ``on`` (the trigger date)."""
        return self.rules.in_force(rule_id, on)

    def rule_for(self, item: str, on: dt.date, **when: str) -> Rule | None:
        """The version in force on ``on`` of the rules producing ``item``."""
        return self.rules.for_item(item, on, **when)

    def evaluate(
        self,
        rule: Rule,
        anchor: dt.date,
        *,
        anchor_label: str | None = None,
        event: Event | None = None,
    ) -> Computed | None:
        """Count ``rule``'s deadline from ``anchor`` on the rule's calendar.

        A ``specified_in_notice`` deadline reads the named field of ``event``: a date is used
        as it is, text is parsed as a period expression counted from ``anchor``. Returns
        ``None`` when the notice specifies nothing (a warning is recorded).
        """
        label = rule.anchor_label if anchor_label is None else anchor_label
        calendar = self.calendar_for(rule)
        deadline = rule.deadline
        if deadline is None:
            raise TypeError(f"rule {rule.id} has no deadline")
        if isinstance(deadline, SpecifiedInNotice):
            field = deadline.field
            specified = event_field(event, field) if event is not None else None
            if specified is None and event is not None and field.endswith("_end"):
                expression = event_field(event, field.removesuffix("_end"))
                if expression is not None:
                    specified = expression
                    field = field.removesuffix("_end")
            if specified is None:
                self.warn(
                    f"{rule.title}: the notice of {describe_day(anchor)} specifies no period "
                    f"({deadline.field}); rule {rule.id} needs it"
                )
                return None
            if isinstance(specified, dt.date):
                return Computed(
                    specified,
                    None,
                    calendar.is_provisional(anchor, specified),
                    f"the period specified in the notice given {describe_day(anchor)} "
                    f"ends {describe_day(specified)}",
                )
            try:
                point = parse_period_expression(str(specified))
            except ValueError as exc:
                raise InputError(field, specified, str(exc).split(" is ", 1)[-1]) from None
            computed = point.evaluate(anchor, calendar, label)
            computed = attrs.evolve(
                computed,
                explanation=f"the notice specifies {str(specified)!r}: {computed.explanation}",
            )
            return self._closure_note(rule, anchor, computed)
        return self._closure_note(rule, anchor, deadline.evaluate(anchor, calendar, label))

    def make_item(
        self,
        rule: Rule,
        computed: Computed | None = None,
        *,
        item_id: str | None = None,
        title: str | None = None,
        kind: ItemKind | None = None,
        value: str | None = None,
        due: dt.date | None = None,
        window: Window | None = None,
        explanation: str | None = None,
        actor: str | None = None,
        trigger: Event | None = None,
        satisfied_on: dt.date | None = None,
        details: Mapping[str, str] | None = None,
    ) -> TimelineItem:
        """A timeline item citing ``rule``; the explanation ends with the rule's source.

        ``details`` come first, then the rule's own ``details`` that they do not set."""
        parts = []
        if computed is not None:
            due = computed.due if due is None else due
            window = computed.window if window is None else window
            parts.append(computed.explanation)
        if explanation:
            parts.append(explanation)
        parts.append(rule.describe_source())
        made = TimelineItem(
            id=item_id or rule.item,
            title=title or rule.item_title or rule.title,
            kind=kind or rule.kind,
            rule=rule.ref(),
            explanation="; ".join(parts),
            due=due,
            window=window,
            provisional=computed.provisional if computed is not None else False,
            value=value if value is not None else rule.value,
            actor=actor or rule.actor,
            trigger=_trigger_text(trigger),
            satisfied_on=satisfied_on,
            details={
                **(details or {}),
                **{k: v for k, v in rule.details.items() if k not in (details or {})},
            },
            key=f"{item_id or rule.item}@{trigger.id}"
            if trigger is not None and trigger.id
            else None,
        )
        if trigger is not None:
            self._triggers[(made.id, made.trigger, made.key)] = trigger
        return made

    def trigger_of(self, item: TimelineItem) -> Event | None:
        """The event that triggered ``item`` (made through :meth:`make_item`), or ``None``."""
        return self._triggers.get((item.id, item.trigger, item.key))

    def warn(self, message: str) -> None:
        """Record a warning shown with the timeline (once)."""
        if message not in self._warned:
            self._warned.add(message)
            self.warnings.append(message)

    def first_after(self, event_types: Iterable[str], after: dt.date) -> Event | None:
        """The first event of one of ``event_types`` on or after ``after`` (the earliest in
        case order among events on the same day)."""
        best: tuple[dt.date, int, Event] | None = None
        for event_type in event_types:
            found = self._by_type.get(event_type)
            if found is None:
                continue
            dates, events = found
            i = bisect.bisect_left(dates, after)
            if i < len(events):
                event = events[i]
                key = (event.date, self._position(event), event)
                if best is None or key[:2] < best[:2]:
                    best = key
        return None if best is None else best[2]

    def _position(self, event: Event) -> int:
        return self._positions[id(event)]

    def events_from(self, event_type: str, day: dt.date) -> list[Event]:
        """The case's events of one type on or after ``day``, in date order."""
        found = self._by_type.get(event_type)
        if found is None:
            return []
        dates, events = found
        return events[bisect.bisect_left(dates, day) :]

    def events_of(self, event_type: str) -> list[Event]:
        """The case's events of one type, in date order."""
        found = self._by_type.get(event_type)
        return list(found[1]) if found is not None else []

    def item(self, item_id: str) -> TimelineItem | None:
        """The last item made so far with this id."""
        for made in reversed(self.items):
            if made.id == item_id:
                return made
        return None


def _trigger_text(event: Event | None) -> str | None:
    if event is None:
        return None
    return f"{event.type} {event.date.isoformat()}"

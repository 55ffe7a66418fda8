"""The engine: from a case (what has happened) to a timeline (what is due, by when, why).

Data flows one way: the case's events trigger rules from the jurisdiction's rule book (the
version in force on the trigger event's date), deadlines are counted on the case's calendars,
plugins add the items only code can derive, and every item explains itself.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable, Mapping, Sequence

import attrs

from improvement_kit.calendar import Closure, WorkingDayCalendar, get_calendar
from improvement_kit.errors import InputError
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.model import (
    Case,
    CategoryRemoved,
    Event,
    GenericEvent,
    Inspection,
    ItemKind,
    ItemStatus,
    Timeline,
    TimelineItem,
    Window,
)
from improvement_kit.plugins import Plugins, default_plugins
from improvement_kit.rules import (
    CalendarChoice,
    Computed,
    Rule,
    RuleBook,
    SpecifiedInNotice,
    describe_day,
    parse_period_expression,
)

__all__ = [
    "PENDING_PRECONDITION",
    "TimelineContext",
    "build_timeline",
    "check_provider_type",
    "item_status",
]

#: ``details`` key of a power item whose window is running but which cannot be used until a
#: precondition is met (the value says which); its status is ``not-yet-open`` until then.
PENDING_PRECONDITION = "pending_precondition"


def _field_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def event_field(event: Event, name: str) -> object:
    """A field of an event by its case-file name (``given_by``), or ``None``."""
    if isinstance(event, GenericEvent) and name in event.details:
        return event.details[name]
    return getattr(event, name.replace("-", "_"), None)


@attrs.define
class TimelineContext:
    """What plugin code sees while a timeline is built.

    ``calendars`` maps ``"regional"`` and ``"school"`` to the case's working-day calendars
    (the school calendar is the regional one when the case gives no school holidays).
    ``items`` holds the items made so far; ``decisions`` the category decision per inspection.
    """

    case: Case
    rules: RuleBook
    calendars: Mapping[CalendarChoice, WorkingDayCalendar]
    as_of: dt.date | None = None
    items: list[TimelineItem] = attrs.field(factory=list)
    decisions: list[tuple[Inspection, CategoryDecision | None]] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)

    def calendar(
        self, choice: CalendarChoice | str = CalendarChoice.REGIONAL
    ) -> WorkingDayCalendar:
        """The calendar a rule counts on."""
        return self.calendars[CalendarChoice(choice)]

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
        calendar = self.calendar(rule.calendar)
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
            return attrs.evolve(
                computed,
                explanation=f"the notice specifies {str(specified)!r}: {computed.explanation}",
            )
        return deadline.evaluate(anchor, calendar, label)

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
        """A timeline item citing ``rule``; the explanation ends with the rule's source."""
        parts = []
        if computed is not None:
            due = computed.due if due is None else due
            window = computed.window if window is None else window
            parts.append(computed.explanation)
        if explanation:
            parts.append(explanation)
        parts.append(rule.describe_source())
        return TimelineItem(
            id=item_id or rule.item,
            title=title or rule.title,
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
            details=dict(details or {}),
        )

    def warn(self, message: str) -> None:
        """Record a warning shown with the timeline."""
        if message not in self.warnings:
            self.warnings.append(message)

    def first_after(self, event_types: Iterable[str], after: dt.date) -> Event | None:
        """The first event of one of ``event_types`` on or after ``after``."""
        wanted = set(event_types)
        for event in self.case.events:
            if event.type in wanted and event.date >= after:
                return event
        return None

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


def _matches(rule: Rule, event: Event, case: Case) -> bool:
    if rule.provider_types and case.provider.type.value not in rule.provider_types:
        return False
    for name, allowed in rule.when.items():
        if _field_text(event_field(event, name)) not in allowed:
            return False
    return True


def _apply_rules(ctx: TimelineContext) -> None:
    case = ctx.case
    for event in case.events:
        rules = [
            r
            for r in ctx.rules.triggered_by(event.type)
            if r.in_force_on(event.date) and _matches(r, event, case)
        ]
        made: dict[str, TimelineItem] = {}
        pending = list(rules)
        while pending:
            progressed = False
            for rule in list(pending):
                if rule.anchor.startswith("item:"):
                    source_item = made.get(rule.anchor.removeprefix("item:"))
                    if source_item is None:
                        if not any(r.item == rule.anchor[5:] for r in pending):
                            pending.remove(rule)  # its anchor was never made
                            progressed = True
                        continue
                    anchor = source_item.date
                else:
                    value = event_field(event, rule.anchor)
                    anchor = value if isinstance(value, dt.date) else None
                pending.remove(rule)
                progressed = True
                if anchor is None:
                    continue
                if rule.unless and ctx.first_after(rule.unless, event.date) is not None:
                    continue
                satisfied = ctx.first_after(rule.satisfied_by, event.date)
                if rule.deadline is None:
                    computed = None
                else:
                    computed = ctx.evaluate(rule, anchor, event=event)
                    if computed is None:
                        continue
                item = ctx.make_item(
                    rule,
                    computed,
                    due=None if computed is not None else anchor,
                    trigger=event,
                    satisfied_on=satisfied.date if satisfied is not None else None,
                )
                made[rule.item] = item
                ctx.items.append(item)
            if not progressed:
                break


def _apply_categories(ctx: TimelineContext, plugins: Plugins) -> None:
    case = ctx.case
    wales = plugins.jurisdiction(case.jurisdiction).country == "wales"
    for inspection in case.inspections():
        decision = plugins.decide_category(inspection, case.provider, case.jurisdiction)
        ctx.decisions.append((inspection, decision))
        derived = decision.category if decision is not None else None
        category = inspection.category or derived
        if (
            inspection.category is not None
            and decision is not None
            and derived != inspection.category
        ):
            ctx.warn(
                f"inspection ending {inspection.date.isoformat()}: the recorded category "
                f"{inspection.category.value!r} differs from the one the grades give "
                f"({derived.value if derived else 'none'!r}); the recorded one is used"
            )
        rule = None
        if decision is not None and decision.rule_id in ctx.rules:
            rule = ctx.rules.get(decision.rule_id)
        if rule is None:
            rule = ctx.rule_for("category", inspection.date)
        if rule is None:
            if category is not None:
                ctx.warn(
                    f"no category rule in force on {inspection.date.isoformat()} for "
                    f"{case.jurisdiction}; category {category.value!r} not placed on the timeline"
                )
            continue
        reasons = "; ".join(decision.reasons) if decision is not None else ""
        if category is not None:
            recorded = " (recorded by the inspector)" if inspection.category is not None else ""
            removed = next(
                (
                    r
                    for r in case.of_type(CategoryRemoved)
                    if r.date > inspection.date and r.category in (None, category)
                ),
                None,
            )
            ctx.items.append(
                ctx.make_item(
                    rule,
                    item_id="category",
                    kind=ItemKind.STATUS,
                    title=f"Category: {category.label(inspection.date, wales=wales)}",
                    value=category.value,
                    due=inspection.date,
                    # A later report stating the category no longer applies ends it.
                    window=(
                        None
                        if removed is None
                        else Window(inspection.date, removed.date - dt.timedelta(days=1))
                    ),
                    explanation=(
                        f"inspection {describe_day(inspection.start)} - "
                        f"{describe_day(inspection.date)}{recorded}"
                        + (f"; {reasons}" if reasons else "")
                        + (
                            f"; removed by the report of {describe_day(removed.date)}"
                            if removed is not None
                            else ""
                        )
                    ),
                    trigger=inspection,
                )
            )
        if decision is not None and decision.monitoring is not None and category is None:
            ctx.items.append(
                ctx.make_item(
                    rule,
                    item_id="monitoring",
                    kind=ItemKind.STATUS,
                    title=f"Follow-up: {decision.monitoring.label(inspection.date, wales=wales)}",
                    value=decision.monitoring.value,
                    due=inspection.date,
                    explanation=reasons or None,
                    trigger=inspection,
                )
            )


def item_status(item: TimelineItem, as_of: dt.date) -> ItemStatus:
    """An item's state on ``as_of``.

    >>> from improvement_kit.model import RuleRef, Source, VerificationGrade, InForce
    >>> grade, start = VerificationGrade.PRIMARY, InForce(dt.date(2000, 1, 1))
    >>> ref = RuleRef("X", "x", Source("s"), grade, start)
    >>> item = TimelineItem("a", "a", ItemKind.OBLIGATION, ref, "", due=dt.date(2026, 1, 13))
    >>> item_status(item, dt.date(2026, 1, 13)).value, item_status(item, dt.date(2026, 1, 14)).value
    ('due', 'overdue')
    """
    if item.kind in (ItemKind.OBLIGATION, ItemKind.EXPECTED_EVENT):
        if item.satisfied_on is not None and item.satisfied_on <= as_of:
            return ItemStatus.DONE
        last = item.due if item.due is not None else (item.window.end if item.window else None)
        if last is None or as_of <= last:
            return ItemStatus.DUE
        return ItemStatus.OVERDUE
    if item.kind is ItemKind.POWER:
        window = item.window or (Window(item.due) if item.due is not None else None)
        if window is None or as_of < window.start:
            return ItemStatus.NOT_YET_OPEN
        if window.end is not None and as_of > window.end:
            return ItemStatus.CLOSED
        if item.details.get(PENDING_PRECONDITION):
            return ItemStatus.NOT_YET_OPEN  # the window runs, but a precondition is unmet
        return ItemStatus.OPEN
    start = item.date
    if start is not None and as_of < start:
        return ItemStatus.UPCOMING
    if item.window is not None and item.window.end is not None and as_of > item.window.end:
        return ItemStatus.ENDED
    return ItemStatus.IN_EFFECT


def _unique_ids(items: Sequence[TimelineItem]) -> list[TimelineItem]:
    counts: dict[str, int] = {}
    out = []
    for item in items:
        counts[item.id] = counts.get(item.id, 0) + 1
        n = counts[item.id]
        out.append(item if n == 1 else attrs.evolve(item, id=f"{item.id}#{n}"))
    return out


def build_calendars(
    case: Case, region: str, plugin_closures: Sequence[Closure] = ()
) -> dict[CalendarChoice, WorkingDayCalendar]:
    """The regional and school calendars of a case."""
    return _calendars(region, (*case.closures, *plugin_closures), case.all_school_holidays())


@functools.lru_cache(maxsize=256)
def _calendars(
    region: str, closures: tuple[Closure, ...], holidays: tuple[Closure, ...]
) -> dict[CalendarChoice, WorkingDayCalendar]:
    # Building a calendar table takes milliseconds; cases of one authority share term dates
    # and closures, so the pair is cached by its inputs (calendars are immutable).
    regional = get_calendar(region)
    if closures:
        regional = regional.with_closures(closures)
    school = regional.with_school_holidays(holidays) if holidays else regional
    return {CalendarChoice.REGIONAL: regional, CalendarChoice.SCHOOL: school}


def check_provider_type(case: Case, jurisdiction: Jurisdiction) -> None:
    """Refuse a provider type the case's jurisdiction does not cover (``provider.type``)."""
    if case.provider.type not in jurisdiction.provider_types:
        allowed = ", ".join(t.value for t in jurisdiction.provider_types)
        raise InputError(
            "provider.type",
            case.provider.type.value,
            f"is not a provider type of {jurisdiction.id} (allowed: {allowed})",
        )


def build_timeline(
    case: Case, *, as_of: dt.date | None = None, plugins: Plugins | None = None
) -> Timeline:
    """The timeline of a case: every item its events trigger, explained.

    ``as_of`` adds each item's status on that date. ``plugins`` defaults to the installed
    plugins (loaded once per process).
    """
    plugins = plugins or default_plugins()
    jurisdiction = plugins.jurisdiction(case.jurisdiction)
    check_provider_type(case, jurisdiction)
    region = case.region or jurisdiction.region
    closures = plugins.calendar_adjustments(
        case.jurisdiction, region, case.provider.local_authority
    )
    ctx = TimelineContext(
        case=case,
        rules=plugins.rule_book(case.jurisdiction),
        calendars=build_calendars(case, region, closures),
        as_of=as_of,
    )
    _apply_categories(ctx, plugins)
    _apply_rules(ctx)
    ctx.items.extend(plugins.timeline_items(ctx))
    items = sorted(ctx.items, key=lambda i: (i.date or dt.date.max, i.id))
    items = _unique_ids(items)
    if as_of is not None:
        items = [attrs.evolve(i, status=item_status(i, as_of)) for i in items]
    return Timeline(
        jurisdiction=case.jurisdiction,
        provider_identifier=case.provider.identifier,
        provider_name=case.provider.name,
        items=tuple(items),
        as_of=as_of,
        warnings=tuple(ctx.warnings),
    )

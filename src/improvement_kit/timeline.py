"""The engine: from a case (what has happened) to a timeline (what is due, by when, why).

Data flows one way: the case's events trigger rules from the jurisdiction's rule book (the
version in force on the trigger event's date), deadlines are counted on the case's calendars
(law and national policy never on a council's closure days), the plugins in the case's scope
add the items only code can derive, and every item explains itself and names its plugin.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from typing import cast

import attrs

from improvement_kit.calendar import Closure, WorkingDayCalendar, get_calendar
from improvement_kit.context import TimelineContext, event_field, field_text
from improvement_kit.kit import Kit, check_provider_type
from improvement_kit.model import (
    Case,
    CategoryRemoved,
    Event,
    ItemKind,
    ItemStatus,
    ObligationMet,
    Timeline,
    TimelineItem,
    Window,
)
from improvement_kit.rules import CalendarChoice, Rule, describe_day
from improvement_kit.rules.loader import did_you_mean
from improvement_kit.rules.schema import PreCommencement, VersionOn

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


def _fits(
    ctx: TimelineContext,
    event: Event,
    when: Mapping[str, tuple[str, ...]],
    except_when: Mapping[str, tuple[str, ...]],
) -> bool:
    """Whether every ``when`` condition holds for ``event`` and no ``except_when`` does."""
    if any(field_text(ctx.value(event, k)) not in allowed for k, allowed in when.items()):
        return False
    return not any(field_text(ctx.value(event, k)) in v for k, v in except_when.items())


def _provider_fits(ctx: TimelineContext, rule: Rule) -> bool:
    provider = ctx.case.provider
    if rule.provider_types and provider.type.value not in rule.provider_types:
        return False
    return not (rule.la_codes and provider.la_code not in rule.la_codes)


def _matches(ctx: TimelineContext, rule: Rule, event: Event) -> bool:
    return _provider_fits(ctx, rule) and _fits(ctx, event, rule.when, rule.except_when)


def _next_of(ctx: TimelineContext, event_type: str, trigger: Event) -> Event | None:
    """The first ``event_type`` event on or after the trigger and before the next event of the
    trigger's own type (the report published for this inspection, not the next one's)."""
    later = [e for e in ctx.events_from(trigger.type, trigger.date) if e is not trigger]
    bound = later[0].date if later else None
    for event in ctx.events_from(event_type, trigger.date):
        if event is trigger:
            continue
        if bound is not None and event.date >= bound:
            return None
        return event
    return None


def _after(ctx: TimelineContext, event_types: Sequence[str], trigger: Event) -> list[Event]:
    """Events of ``event_types`` on or after the trigger's date, other than the trigger itself
    (a rule satisfied by the next inspection is not satisfied by its own), in date order."""
    found = [
        e
        for event_type in event_types
        for e in ctx.events_from(event_type, trigger.date)
        if e is not trigger
    ]
    return sorted(found, key=lambda e: e.date)


def _series(
    ctx: TimelineContext,
    rule: Rule,
    trigger: Event,
    first: TimelineItem,
    satisfying: Sequence[Event],
) -> list[TimelineItem]:
    """The occurrences of a repeating rule: the first item, then ``every`` counted from the one
    before, at most ``times``, none on or after the first ``until`` event. The n-th event of
    the rule's ``satisfied_by`` types after the trigger marks the n-th occurrence done."""
    assert rule.repeat is not None
    repeat = rule.repeat
    stops = _after(ctx, repeat.until, trigger) if repeat.until else []
    stop = stops[0].date if stops else None
    if first.date is None or (stop is not None and first.date >= stop):
        return []
    until = f", until {' or '.join(repeat.until)}" if repeat.until else ""
    occurrences = [
        attrs.evolve(
            first,
            explanation=f"occurrence 1 of at most {repeat.times}{until}: {first.explanation}",
        )
    ]
    calendar = ctx.calendar_for(rule)
    previous = first.date
    for n in range(2, repeat.times + 1):
        computed = repeat.every.evaluate(previous, calendar, f"occurrence {n - 1}")
        due = computed.due
        if due is None or (stop is not None and due >= stop):
            break
        occurrences.append(
            ctx.make_item(
                rule,
                computed,
                explanation=f"occurrence {n} of at most {repeat.times}{until}",
                trigger=trigger,
                satisfied_on=satisfying[n - 1].date if len(satisfying) >= n else None,
            )
        )
        occurrences[-1] = attrs.evolve(
            occurrences[-1], key=f"{first.key}#{n}" if first.key else None
        )
        previous = due
    return occurrences


def _apply_rules(ctx: TimelineContext) -> None:
    case = ctx.case
    for event in case.events:
        rules = [
            r
            for r in ctx.rules.triggered_by(event.type)
            if r.in_force_on(event.date) and _matches(ctx, r, event)
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
                elif rule.anchor.startswith("next:"):
                    wanted = rule.anchor.removeprefix("next:")
                    found = _next_of(ctx, wanted, event)
                    anchor = found.date if found is not None else None
                    if found is None:
                        ctx.warn(
                            f"{event.type} {event.date.isoformat()}: no {wanted} event after it, "
                            f"so {rule.item} (rule {rule.id}) is not computed"
                        )
                else:
                    value = event_field(event, rule.anchor)
                    anchor = value if isinstance(value, dt.date) else None
                pending.remove(rule)
                progressed = True
                if anchor is None:
                    continue
                if rule.unless and _after(ctx, rule.unless, event):
                    continue
                satisfying = [
                    e
                    for e in _after(ctx, rule.satisfied_by, event)
                    if _fits(ctx, e, rule.satisfied_when, rule.satisfied_except_when)
                ]
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
                    satisfied_on=satisfying[0].date if satisfying else None,
                )
                if rule.ends_on:
                    item = _with_end(ctx, rule, event, item)
                made[rule.item] = item
                if rule.repeat is None:
                    ctx.items.append(item)
                else:
                    ctx.items.extend(_series(ctx, rule, event, item, satisfying))
            if not progressed:
                break


_ONE_DAY = dt.timedelta(days=1)


def _with_end(ctx: TimelineContext, rule: Rule, trigger: Event, item: TimelineItem) -> TimelineItem:
    """A status item's window, ended the day before the first of the rule's ``ends_on``
    events after the trigger (by the date field each names), with why in its details."""
    end: dt.date | None = None
    because = ""
    for ending in rule.ends_on:
        found: dt.date | None = None
        for event in ctx.events_of(ending.event):
            day = event_field(event, ending.on)
            if not isinstance(day, dt.date) or day <= trigger.date or event is trigger:
                continue
            if not _fits(ctx, event, ending.when, {}):
                continue
            if any(
                (mine := ctx.value(event, name)) is not None and mine != ctx.value(trigger, name)
                for name in ending.same
            ):
                continue
            if found is None or day < found:
                found = day
        if found is not None and (end is None or found - _ONE_DAY < end):
            end = found - _ONE_DAY
            because = ending.because.replace("{date}", describe_day(found)) or (
                f"{ending.event} {found.isoformat()}"
            )
    start = item.date
    if start is None:
        return item
    if end is None:
        return attrs.evolve(item, window=Window(start, item.window.end if item.window else None))
    return attrs.evolve(
        item,
        window=Window(start, end),
        # before the rule's source, which ends every explanation
        explanation=(
            f"{item.explanation.removesuffix('; ' + rule.describe_source())}; "
            f"ends {describe_day(end)} ({because}); {rule.describe_source()}"
        ),
        details={**item.details, "ended_by": because},
    )


def _item_fits(rule: Rule, source: TimelineItem) -> bool:
    """Whether the triggering item's ``value`` and ``details`` meet the rule's conditions."""

    def text(name: str) -> str | None:
        return source.value if name == "value" else source.details.get(name)

    if any(text(k) not in allowed for k, allowed in rule.when.items()):
        return False
    return not any(text(k) in v for k, v in rule.except_when.items())


def _item_anchor(rule: Rule, source: TimelineItem) -> dt.date | None:
    if rule.anchor == "date":
        return source.date
    value = source.details.get(rule.anchor.removeprefix("details."))
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _version_for(
    versions: Sequence[Rule], source: TimelineItem, last: dt.date | None
) -> tuple[Rule, dt.date | None] | None:
    """The version in force on the day each row's ``version_on`` names (the triggering
    event's date, or the day the triggering item starts); else, for rows that say so, the
    earliest later version commencing by ``last`` (the end of the triggering status), with
    its commencement."""

    def day(rule: Rule) -> dt.date:
        start = source.date or dt.date.min
        if rule.version_on is VersionOn.START:
            return start
        return source.trigger_date or start

    for rule in versions:
        if rule.in_force_on(day(rule)):
            return rule, None
    later = sorted(
        (
            r
            for r in versions
            if r.pre_commencement is PreCommencement.FROM_COMMENCEMENT
            and r.in_force.start > day(r)
            and (last is None or r.in_force.start <= last)
        ),
        key=lambda r: r.in_force.start,
    )
    return (later[0], later[0].in_force.start) if later else None


def _apply_item_rules(ctx: TimelineContext) -> None:
    """Rules triggered by items (``trigger = "item:<id>"``), whatever made the items."""
    groups: dict[str, dict[str, list[Rule]]] = {}
    for rule in ctx.rules:
        source_id = rule.item_trigger
        if source_id is not None and _provider_fits(ctx, rule):
            groups.setdefault(source_id, {}).setdefault(rule.item, []).append(rule)
    for source_id, by_item in groups.items():
        sources = sorted(
            (i for i in ctx.items if i.id == source_id), key=lambda i: i.date or dt.date.max
        )
        for source in sources:
            start = source.date
            if start is None:
                continue
            last = source.window.end if source.window is not None else None
            for versions in by_item.values():
                found = _version_for([r for r in versions if _item_fits(r, source)], source, last)
                if found is not None:
                    ctx.items.append(_item_from_item(ctx, *found, source, last))


def _item_from_item(
    ctx: TimelineContext,
    rule: Rule,
    commenced: dt.date | None,
    source: TimelineItem,
    last: dt.date | None,
) -> TimelineItem:
    trigger = ctx.trigger_of(source)
    assert source.date is not None
    opens = max(source.date, commenced) if commenced is not None else source.date
    details = {k: source.details[k] for k in rule.when if k in source.details}
    satisfying = [
        e
        for event_type in rule.satisfied_by
        for e in ctx.events_from(event_type, opens)
        if _fits(ctx, e, rule.satisfied_when, rule.satisfied_except_when)
    ]
    done = min((e.date for e in satisfying), default=None)
    note = f"in force from {describe_day(commenced)}" if commenced is not None else ""
    anchor = _item_anchor(rule, source)
    if rule.deadline is not None and anchor is not None:
        computed = ctx.evaluate(rule, max(anchor, opens) if commenced else anchor)
        window = computed.window if computed is not None else None
        if window is not None and rule.ends_with_trigger and last is not None:
            cut = last if window.end is None else min(window.end, last)
            window = Window(window.start, cut)
        return ctx.make_item(
            rule,
            computed,
            window=window,
            explanation=f"{source.title} from {describe_day(source.date)}"
            + (f"; {note}" if note else ""),
            trigger=trigger,
            satisfied_on=done,
            details=details,
        )
    end = last if rule.ends_with_trigger else None
    while_text = f"while '{source.title}' lasts" if rule.ends_with_trigger else "no end"
    return ctx.make_item(
        rule,
        window=Window(opens, end),
        explanation=(
            f"no time limit; from {describe_day(opens)}"
            + (f" ({note})" if note else "")
            + f", {while_text}"
            + (f", until {describe_day(end)}" if end is not None else "")
        ),
        trigger=trigger,
        satisfied_on=done,
        details=details,
    )


def _apply_categories(ctx: TimelineContext, kit: Kit) -> None:
    case = ctx.case
    wales = kit.jurisdiction(case.jurisdiction).country == "wales"
    for inspection in case.inspections():
        decision = kit.decide_category(
            inspection, case.provider, case.jurisdiction, scope=ctx.scope
        )
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


def _close_met_items(ctx: TimelineContext, items: list[TimelineItem]) -> list[TimelineItem]:
    """Mark done every obligation or expected event that an ``obligation-met`` event names, or
    that an event of its rule's ``satisfied_by`` types follows, whatever produced the item."""
    met: dict[str, list[ObligationMet]] = {}
    for event in ctx.events_of(ObligationMet.TYPE):
        met.setdefault(cast(ObligationMet, event).item, []).append(cast(ObligationMet, event))
    out = []
    for item in items:
        if (
            item.kind in (ItemKind.OBLIGATION, ItemKind.EXPECTED_EVENT)
            and item.satisfied_on is None
        ):
            start = item.trigger_date or item.date or dt.date.min
            named = [
                e
                for name in (item.id, item.key)
                if name is not None
                for e in met.get(name, ())
                if e.date >= start
            ]
            done = min((e.date for e in named), default=None)
            rule = ctx.rules.get(item.rule.id) if item.rule.id in ctx.rules else None
            # triggered rules had their satisfied_by applied by the engine already
            if done is None and rule is not None and rule.trigger is None and rule.satisfied_by:
                done = min(
                    (
                        e.date
                        for event_type in rule.satisfied_by
                        for e in ctx.events_from(event_type, start)
                        if f"{e.type} {e.date.isoformat()}" != item.trigger
                        and _fits(ctx, e, rule.satisfied_when, rule.satisfied_except_when)
                    ),
                    default=None,
                )
            if done is not None:
                item = attrs.evolve(item, satisfied_on=done)
        out.append(item)
    names = {name for item in items for name in (item.id, item.key) if name is not None}
    for name, events in met.items():
        if name not in names:
            ctx.warn(
                f"obligation-met of {events[0].date.isoformat()} names {name!r}, which is no "
                f"item of this timeline{did_you_mean(name, names)}"
            )
    return out


def build_calendars(
    case: Case,
    region: str,
    closures: Sequence[Closure] = (),
    school_holidays: Sequence[Closure] | None = None,
) -> dict[CalendarChoice, WorkingDayCalendar]:
    """The regional and school calendars of a case, with ``closures`` (for local policy).

    ``school_holidays`` default to the case's own (its ``school_holidays`` and ``term-dates``).
    """
    holidays = case.all_school_holidays() if school_holidays is None else tuple(school_holidays)
    return _calendars(region, tuple(closures), tuple(holidays))


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


def build_timeline(
    case: Case,
    *,
    as_of: dt.date | None = None,
    kit: Kit | None = None,
    plugins: Kit | None = None,
) -> Timeline:
    """The timeline of a case: every item its events trigger, explained.

    ``as_of`` adds each item's status on that date. ``kit`` is the set of plugins to use
    (default: a kit of the installed plugins, built for this call; pass one to reuse it).
    ``plugins`` is the 0.1 name of ``kit``.
    """
    kit = kit or plugins or Kit.load()
    scope = kit.scope_for(case)
    jurisdiction = scope.jurisdiction
    region = case.region or jurisdiction.region
    local_closures = (
        *case.closures,
        *scope.local_closures(),
        *kit.calendar_adjustments(
            case.jurisdiction, region, case.provider.local_authority, scope=scope
        ),
    )
    holidays = case.all_school_holidays() or scope.term_dates()
    ctx = TimelineContext(
        case=case,
        rules=scope.rules,
        calendars=build_calendars(case, region, (), holidays),
        local_calendars=build_calendars(case, region, local_closures, holidays),
        local_closures=local_closures,
        scope=scope,
        as_of=as_of,
    )
    _apply_categories(ctx, kit)
    _apply_rules(ctx)
    ctx.items.extend(kit.timeline_items(ctx))
    _apply_item_rules(ctx)
    items = sorted(ctx.items, key=lambda i: (i.date or dt.date.max, i.id))
    items = _close_met_items(ctx, _unique_ids(items))
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

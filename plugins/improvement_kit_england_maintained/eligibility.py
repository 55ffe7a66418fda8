"""Eligibility for intervention (EIA 2006 ss.59-62, 60B): when it starts, on which ground, and
when it ends.

Ofsted's categories (s.61, s.62: from the date of the Chief Inspector's notice under EA 2005
s.13(3)(a)) and coasting (s.60B: from the Secretary of State's notification) are rule rows the
engine applies (``rules/eligibility.toml``: ``trigger``, ``ends_on``); this module warns about
notices that start nothing and reads the engine's items back as :class:`Eligibility` spells.
The warning-notice grounds (s.60, s.60A) are worked out in :mod:`.warning_notices`, whose spells
this module turns into ``eligible-for-intervention`` items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from improvement_kit.model import (
    Category,
    CategoryNotice,
    CoastingNotification,
    Event,
    ProviderType,
    TimelineItem,
    Window,
)
from improvement_kit.rules import describe_day
from improvement_kit.timeline import TimelineContext

__all__ = [
    "ELIGIBLE",
    "Eligibility",
    "all_items",
    "check_category_notices",
    "check_coasting_notifications",
    "eligibility_item",
    "engine_spells",
]

#: The status item of eligibility for intervention.
ELIGIBLE = "eligible-for-intervention"


@attrs.frozen
class Eligibility:
    """One spell of eligibility for intervention.

    ``trigger_date`` is the date rules are looked up on (the day the warning notice was given,
    the date of Ofsted's notice, the date of the coasting notification); ``start`` the first
    day the school is eligible; ``end`` the last (``None``: still eligible);
    ``compliance_period_end`` is set for the warning-notice grounds. A ``pending`` spell is
    one that has not begun: the compliance period has ended but reasonable notice in writing
    (s.60(1)(d)/(e)) has not been given; it carries only the two-month windows of the powers.
    """

    ground: str
    trigger: Event
    trigger_date: dt.date
    start: dt.date
    explanation: str
    end: dt.date | None = None
    ended_by: str | None = None
    compliance_period_end: dt.date | None = None
    category: Category | None = None
    pending: bool = False


def eligibility_item(ctx: TimelineContext, eligibility: Eligibility) -> TimelineItem | None:
    """The ``eligible-for-intervention`` status item for one spell."""
    rule = ctx.rule_for(ELIGIBLE, eligibility.trigger_date, ground=eligibility.ground)
    if rule is None:
        return None
    details = {"ground": eligibility.ground}
    explanation = eligibility.explanation
    if eligibility.end is not None:
        details["ended_by"] = eligibility.ended_by or ""
        explanation += f"; eligible until {describe_day(eligibility.end)} ({eligibility.ended_by})"
    if eligibility.compliance_period_end is not None:
        details["compliance_period_end"] = eligibility.compliance_period_end.isoformat()
    return ctx.make_item(
        rule,
        title=f"Eligible for intervention ({eligibility.ground})",
        value=eligibility.ground,
        due=eligibility.start,
        window=Window(eligibility.start, eligibility.end),
        explanation=explanation,
        trigger=eligibility.trigger,
        details=details,
    )


def _concern(category: Category) -> bool:
    return category in (Category.SPECIAL_MEASURES, Category.SIGNIFICANT_IMPROVEMENT)


def check_category_notices(ctx: TimelineContext) -> None:
    """Warn about ``ofsted-category-notice`` events that start no s.61/s.62 eligibility (the
    engine applies the eligibility rows, ``rules/eligibility.toml``)."""
    for notice in ctx.case.of_type(CategoryNotice):
        if not _concern(notice.category):
            ctx.warn(
                f"ofsted-category-notice {notice.date.isoformat()}: {notice.category.value!r} is "
                "not a category of concern; no eligibility for intervention"
            )
            continue
        ground = "s.62" if notice.category is Category.SPECIAL_MEASURES else "s.61"
        if ctx.rule_for(ELIGIBLE, notice.date, ground=ground) is None:
            ctx.warn(
                f"ofsted-category-notice {notice.date.isoformat()}: no {ground} eligibility rule "
                "in force (EIA 2006 Part 4 applies from 1 Apr 2007)"
            )


def check_coasting_notifications(ctx: TimelineContext) -> None:
    """Warn about ``coasting-notification`` events that start no s.60B eligibility: before any
    coasting definition, or for a maintained nursery school the definition excludes."""
    kind = ctx.case.provider.type.value
    for notification in ctx.case.of_type(CoastingNotification):
        rule = ctx.rule_for(ELIGIBLE, notification.date, ground="s.60B")
        if rule is None:
            ctx.warn(
                f"coasting-notification {notification.date.isoformat()}: no coasting definition "
                "in force (s.60B applies to notifications from 11 Jan 2017)"
            )
        elif (
            rule.provider_types
            and kind not in rule.provider_types
            and ctx.case.provider.type is ProviderType.MAINTAINED_NURSERY
        ):
            ctx.warn(
                f"coasting-notification {notification.date.isoformat()}: s.60B does not apply "
                "to maintained nursery schools (Coasting Schools (England) Regulations 2022)"
            )


def engine_spells(ctx: TimelineContext) -> list[Eligibility]:
    """The spells of eligibility whose status items the engine made from its rule rows (the
    category and coasting grounds), for the powers and academy orders code still derives."""
    out: list[Eligibility] = []
    for item in ctx.items:
        if item.id != ELIGIBLE or item.rule.id not in ctx.rules:
            continue
        if ctx.rules.get(item.rule.id).trigger is None:
            continue  # made by code (the warning-notice grounds)
        trigger = ctx.trigger_of(item)
        start = item.date
        if trigger is None or start is None:
            continue
        out.append(
            Eligibility(
                ground=item.details.get("ground", item.value or ""),
                trigger=trigger,
                trigger_date=trigger.date,
                start=start,
                end=item.window.end if item.window is not None else None,
                ended_by=item.details.get("ended_by"),
                explanation=item.explanation,
            )
        )
    return out


def all_items(ctx: TimelineContext, spells: Sequence[Eligibility]) -> list[TimelineItem]:
    """The status items of every spell."""
    items = []
    for spell in spells:
        item = eligibility_item(ctx, spell)
        if item is not None:
            items.append(item)
    return items

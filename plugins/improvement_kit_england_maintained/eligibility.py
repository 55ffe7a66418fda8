"""Eligibility for intervention (EIA 2006 ss.59-62, 60B): when it starts, on which ground, and
when it ends.

Warning-notice grounds (s.60, s.60A) are worked out in :mod:`.warning_notices`; this module
handles Ofsted's categories (s.61, s.62: from the date of the Chief Inspector's notice under EA
2005 s.13(3)(a)) and coasting (s.60B: from the Secretary of State's notification), and makes
the ``eligible-for-intervention`` status item for every ground.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from improvement_kit.model import (
    Category,
    CategoryNotice,
    CategoryRemoved,
    CoastingNotification,
    Event,
    ProviderType,
    TimelineItem,
    Window,
)
from improvement_kit.rules import describe_day
from improvement_kit.timeline import TimelineContext

__all__ = ["Eligibility", "category_eligibilities", "coasting_eligibilities", "eligibility_item"]

_ONE_DAY = dt.timedelta(days=1)
#: Coasting definitions that exclude maintained nursery schools (SI 2022/720).
_NURSERY_EXCLUDED = frozenset({"EM-COAST-02"})


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
    rule = ctx.rule_for(
        "eligible-for-intervention", eligibility.trigger_date, ground=eligibility.ground
    )
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


def _ground(category: Category) -> str | None:
    if category is Category.SPECIAL_MEASURES:
        return "s.62"
    if category is Category.SIGNIFICANT_IMPROVEMENT:
        return "s.61"
    return None


def category_eligibilities(ctx: TimelineContext) -> list[Eligibility]:
    """s.61 / s.62 eligibility from each ``ofsted-category-notice``."""
    notices = ctx.case.of_type(CategoryNotice)
    removals = ctx.case.of_type(CategoryRemoved)
    out: list[Eligibility] = []
    for notice in notices:
        ground = _ground(notice.category)
        if ground is None:
            ctx.warn(
                f"ofsted-category-notice {notice.date.isoformat()}: {notice.category.value!r} is "
                "not a category of concern; no eligibility for intervention"
            )
            continue
        if ctx.rule_for("eligible-for-intervention", notice.date, ground=ground) is None:
            ctx.warn(
                f"ofsted-category-notice {notice.date.isoformat()}: no {ground} eligibility rule "
                "in force (EIA 2006 Part 4 applies from 1 Apr 2007)"
            )
            continue
        end: dt.date | None = None
        ended_by: str | None = None
        if ground == "s.61":
            for later in notices:
                if later.date > notice.date and later.category is Category.SPECIAL_MEASURES:
                    end = later.date - _ONE_DAY
                    ended_by = (
                        f"superseded by the special measures notice of {describe_day(later.date)}"
                        " (s.61(b)(ii))"
                    )
                    break
        for removal in removals:
            if removal.date <= notice.date:
                continue
            if removal.category is not None and removal.category is not notice.category:
                continue
            if end is None or removal.date - _ONE_DAY < end:
                end = removal.date - _ONE_DAY
                ended_by = (
                    f"report of {describe_day(removal.date)} stating the category no longer applies"
                )
            break
        label = notice.category.label(notice.date)
        out.append(
            Eligibility(
                ground=ground,
                trigger=notice,
                trigger_date=notice.date,
                start=notice.date,
                end=end,
                ended_by=ended_by,
                category=notice.category,
                explanation=(
                    f"from {describe_day(notice.date)}, the date of the Chief Inspector's notice "
                    f"under EA 2005 s.13(3)(a) that the school {_requires(label)}"
                ),
            )
        )
    return out


def _requires(label: str) -> str:
    if label.startswith("requires"):
        return label
    if label == "special measures":
        return "requires special measures"
    return f"requires significant improvement ({label})"


def coasting_eligibilities(ctx: TimelineContext) -> list[Eligibility]:
    """s.60B eligibility from each ``coasting-notification``."""
    out: list[Eligibility] = []
    for notification in ctx.case.of_type(CoastingNotification):
        rule = ctx.rule_for("eligible-for-intervention", notification.date, ground="s.60B")
        if rule is None:
            ctx.warn(
                f"coasting-notification {notification.date.isoformat()}: no coasting definition "
                "in force (s.60B applies to notifications from 11 Jan 2017)"
            )
            continue
        if (
            ctx.case.provider.type is ProviderType.MAINTAINED_NURSERY
            and rule.id in _NURSERY_EXCLUDED
        ):
            ctx.warn(
                f"coasting-notification {notification.date.isoformat()}: s.60B does not apply "
                "to maintained nursery schools (Coasting Schools (England) Regulations 2022)"
            )
            continue
        out.append(
            Eligibility(
                ground="s.60B",
                trigger=notification,
                trigger_date=notification.date,
                start=notification.date,
                explanation=(
                    f"from {describe_day(notification.date)}, the day the Secretary of State "
                    "notified the governing body that the school is coasting"
                ),
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

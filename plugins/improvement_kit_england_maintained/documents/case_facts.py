"""What the documents read from the case and its timeline: dates of items, the rules behind
them, the category, the inspection's dates, the latest warning notice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from improvement_kit.documents.text import format_date
from improvement_kit.model import (
    Case,
    Category,
    CategoryNotice,
    Inspection,
    NoticeGiver,
    NoticeGround,
    Timeline,
    TimelineItem,
    WarningNoticeGiven,
)
from improvement_kit_england_maintained.documents.parts import LATEST

__all__ = [
    "academic_years",
    "category",
    "category_label",
    "inspection_dates",
    "item",
    "item_date",
    "latest_notice",
    "notice_item_date",
    "rule_ids",
    "trigger",
]


def item(timeline: Timeline, item_id: str, trigger: str | None = None) -> TimelineItem | None:
    """The item with this id (or ``id#2``...): the one triggered by ``trigger`` if given,
    else the latest."""
    found = timeline.all(item_id)
    if trigger is not None:
        matching = [i for i in found if i.trigger == trigger]
        if matching:
            return matching[-1]
    return found[-1] if found else None


def item_date(timeline: Timeline, item_id: str, trigger: str | None = None) -> dt.date | None:
    """The item's due date, else the end (or start) of its window."""
    found = item(timeline, item_id, trigger)
    if found is None:
        return None
    if found.due is not None:
        return found.due
    if found.window is not None:
        return found.window.end or found.window.start
    return None


def notice_item_date(timeline: Timeline, item_id: str, trigger: str | None) -> dt.date | None:
    """The date of a warning notice's own timeline item; ``None`` without a notice event (the
    timeline's items then belong to other notices)."""
    return None if trigger is None else item_date(timeline, item_id, trigger)


def trigger(event: Any) -> str | None:
    """How the timeline names the event that triggered an item (``type date``)."""
    return None if event is None else f"{event.type} {event.date.isoformat()}"


def rule_ids(timeline: Timeline, *item_ids: str, trigger: str | None = None) -> tuple[str, ...]:
    """The rules behind the items (of the event ``trigger``, if given), without repeats."""
    ids: list[str] = []
    if trigger is None and any(i.startswith("warning-notice.") for i in item_ids):
        return ()  # no notice event: the timeline's notice items are other notices'
    for item_id in item_ids:
        found = item(timeline, item_id, trigger)
        if trigger is not None and found is not None and found.trigger != trigger:
            continue
        if found is not None and found.rule.id not in ids:
            ids.append(found.rule.id)
    return tuple(ids)


def latest_notice(case: Case, ground: NoticeGround) -> WarningNoticeGiven | None:
    """The case's latest warning notice of this ground given by the authority."""
    notices = [
        e
        for e in case.of_type(WarningNoticeGiven)
        if e.ground is ground and e.given_by is NoticeGiver.LOCAL_AUTHORITY
    ]
    return notices[-1] if notices else None


def category(case: Case, timeline: Timeline) -> tuple[Category | None, dt.date | None]:
    """The school's category and the day it began: the timeline's, else the case's latest
    category notice, else its latest inspection that gave one."""
    found = item(timeline, "category")
    if found is not None and found.value:
        try:
            return Category(found.value), found.due
        except ValueError:
            pass
    notices = case.of_type(CategoryNotice)
    if notices:
        return notices[-1].category, notices[-1].date
    for inspection in reversed(case.inspections()):
        if inspection.category is not None:
            return inspection.category, inspection.date
    return None, None


def category_label(category: Category | None, on: dt.date | None) -> str | None:
    """The category's label on the day, with a capital letter."""
    if category is None:
        return None
    label = category.label(on or LATEST)
    return label[0].upper() + label[1:]


def inspection_dates(case: Case) -> str | None:
    """The dates of the case's latest inspection (``18 to 19 November 2025``)."""
    inspections = case.inspections()
    if not inspections:
        return None
    last: Inspection = inspections[-1]
    if last.start == last.date:
        return format_date(last.date)
    if (last.start.year, last.start.month) == (last.date.year, last.date.month):
        return f"{last.start.day} to {format_date(last.date)}"
    return f"{format_date(last.start)} to {format_date(last.date)}"


def academic_years(on: dt.date | None) -> tuple[str, str, str] | None:
    """The academic year of the day and the next two (``2025/26``...)."""
    if on is None:
        return None
    first = on.year if on.month >= 9 else on.year - 1
    return tuple(f"{y}/{str(y + 1)[-2:]}" for y in (first, first + 1, first + 2))  # type: ignore[return-value]

"""Timeline items: what is due, by when, why, and on which rule."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

import attrs

from improvement_kit.model.sources import InForce, Nature, Source, VerificationGrade

__all__ = [
    "ItemKind",
    "ItemStatus",
    "Power",
    "RuleRef",
    "Timeline",
    "TimelineItem",
    "Window",
    "power_from_item",
]


class ItemKind(enum.StrEnum):
    """What a timeline item is: a duty on someone, an event expected to happen, a power that
    becomes available, or a status (a category, eligibility for intervention)."""

    OBLIGATION = "obligation"
    EXPECTED_EVENT = "expected-event"
    POWER = "power"
    STATUS = "status"


class ItemStatus(enum.StrEnum):
    """An item's state on the ``as_of`` date.

    Obligations and expected events are ``done`` (a later event satisfies them), ``due`` or
    ``overdue``. Powers are ``not-yet-open``, ``open`` or ``closed`` (their window has ended).
    Statuses are ``in-effect`` or ``ended``; anything dated after ``as_of`` is ``upcoming``.
    """

    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_YET_OPEN = "not-yet-open"
    OPEN = "open"
    CLOSED = "closed"
    IN_EFFECT = "in-effect"
    ENDED = "ended"
    UPCOMING = "upcoming"


@attrs.frozen
class Window:
    """A date range, both ends inclusive; ``end`` ``None`` means open-ended."""

    start: dt.date
    end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"window end {self.end} is before its start {self.start}")

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` is inside the window."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen
class RuleRef:
    """The rule version a timeline item was computed from, and the plugin that contributed it
    (the plugin that registered the rule table the rule comes from)."""

    id: str
    title: str
    source: Source
    grade: VerificationGrade
    in_force: InForce
    nature: Nature = Nature.LAW
    plugin: str | None = None


@attrs.frozen
class TimelineItem:
    """One line of a timeline.

    ``id`` is stable (``warning-notice.compliance-period-end``); a second item with the same id
    in one timeline gets ``#2``, ``#3`` by its position. ``key`` (``<id>@<event id>``) is set
    when the triggering event has an ``id`` in the case file, and does not shift when events
    are added. A dated item has ``due``; a power or a policy window has ``window``; a status
    has ``due`` (the date it takes effect) and ``value``.
    """

    id: str
    title: str
    kind: ItemKind
    rule: RuleRef
    explanation: str
    due: dt.date | None = None
    window: Window | None = None
    provisional: bool = False
    status: ItemStatus | None = None
    value: str | None = None
    actor: str | None = None
    trigger: str | None = None
    satisfied_on: dt.date | None = None
    details: Mapping[str, str] = attrs.field(factory=dict)
    key: str | None = None

    @property
    def trigger_date(self) -> dt.date | None:
        """The date of the event that triggered the item (``trigger`` is ``"<type> <date>"``),
        or ``None``."""
        if not self.trigger:
            return None
        try:
            return dt.date.fromisoformat(self.trigger.rsplit(" ", 1)[-1])
        except ValueError:
            return None

    @property
    def base_id(self) -> str:
        """The id without the ``#2``, ``#3`` that tells repeated items apart."""
        return self.id.partition("#")[0]

    @property
    def date(self) -> dt.date | None:
        """The date the item sorts by: ``due``, else the start of ``window``."""
        if self.due is not None:
            return self.due
        return self.window.start if self.window is not None else None


@attrs.frozen
class Timeline:
    """The engine's answer for one case."""

    jurisdiction: str
    provider_identifier: str
    provider_name: str
    items: tuple[TimelineItem, ...]
    as_of: dt.date | None = None
    warnings: tuple[str, ...] = ()

    def get(self, item_id: str) -> TimelineItem:
        """The item with this id (or stable ``key``); ``KeyError`` naming it if there is none."""
        found = self.find(item_id)
        if found is None:
            raise KeyError(item_id)
        return found

    def find(self, item_id: str) -> TimelineItem | None:
        """The item with this id (or stable ``key``), or ``None``."""
        for item in self.items:
            if item.id == item_id or item.key == item_id:
                return item
        return None

    def all(self, item_id: str) -> list[TimelineItem]:
        """Every item made under ``item_id``: the first and its ``#2``, ``#3`` ..., in order."""
        return [item for item in self.items if item.base_id == item_id]

    def ids(self) -> list[str]:
        """Every item id, in timeline order."""
        return [item.id for item in self.items]

    def powers(self) -> list[Power]:
        """The powers on the timeline, as typed :class:`Power` values."""
        return [power_from_item(item) for item in self.items if item.kind is ItemKind.POWER]


@attrs.frozen
class Power:
    """A power that is, or becomes, available: its legal basis, who holds it, what must be
    true for it to be used, and when it can be exercised (``window.end`` ``None``: no time
    limit while the preconditions hold)."""

    id: str
    title: str
    actor: str | None
    legal_basis: Source
    preconditions: tuple[str, ...]
    window: Window
    grade: VerificationGrade
    nature: Nature


def power_from_item(item: TimelineItem) -> Power:
    """The power a ``power`` timeline item describes.

    ``ValueError`` if the item is not a power or has no window.
    """
    if item.kind is not ItemKind.POWER:
        raise ValueError(f"timeline item {item.id!r} is a {item.kind.value}, not a power")
    window = item.window or (Window(item.due) if item.due is not None else None)
    if window is None:
        raise ValueError(f"timeline item {item.id!r} has no window")
    preconditions = []
    ground = item.details.get("ground")
    if ground:
        preconditions.append(f"the school is eligible for intervention ({ground})")
    pending = item.details.get("pending_precondition")
    if pending:
        preconditions.append(f"not yet met: {pending}")
    if item.details.get("exercisable") == "no":
        preconditions.append("never exercisable: eligibility began after the window closed")
    return Power(
        id=item.id,
        title=item.title,
        actor=item.actor,
        legal_basis=item.rule.source,
        preconditions=tuple(preconditions),
        window=window,
        grade=item.rule.grade,
        nature=item.rule.nature,
    )

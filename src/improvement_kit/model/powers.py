"""Intervention powers as a typed view of a timeline's ``power`` items."""

from __future__ import annotations

import attrs

from improvement_kit.model.sources import Nature, Source, VerificationGrade
from improvement_kit.model.timeline import ItemKind, TimelineItem, Window

__all__ = ["Power", "power_from_item"]


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

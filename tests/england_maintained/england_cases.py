"""Helpers for the england-maintained tests: build a case from plain data (as a case file
would give it) and read its timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from improvement_kit.model import Timeline, TimelineItem
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

__all__ = ["SCHOOL", "d", "items", "timeline"]

#: A fictional voluntary-aided Church of England school.
SCHOOL: dict[str, Any] = {
    "identifier": "999001",
    "name": "St Mary & St John C of E Primary School",
    "type": "voluntary-aided",
    "local_authority": "Exampleshire County Council",
    "religious_character": "church-of-england",
    "diocese": "Diocese of Exampleshire",
    "foundation_governor_appointer": "Exampleshire Diocesan Board of Education",
}

COMMUNITY: dict[str, Any] = {
    "identifier": "999002",
    "name": "Hill & Dale Community Primary School",
    "type": "community",
    "local_authority": "Exampleshire County Council",
}


def d(text: str) -> dt.date:
    """An ISO date."""
    return dt.date.fromisoformat(text)


def timeline(
    *events: dict[str, Any],
    provider: dict[str, Any] | None = None,
    holidays: list[dict[str, str]] | None = None,
) -> Timeline:
    """The timeline of a case with these events."""
    data: dict[str, Any] = {
        "jurisdiction": "england-maintained",
        "provider": provider or SCHOOL,
        "events": list(events),
    }
    if holidays:
        data["school_holidays"] = holidays
    return build_timeline(case_from_data(data, "test"))


def items(tl: Timeline, item_id: str) -> list[TimelineItem]:
    """Every item with this id (``id``, ``id#2``, ...)."""
    return [i for i in tl.items if i.id == item_id or i.id.startswith(item_id + "#")]

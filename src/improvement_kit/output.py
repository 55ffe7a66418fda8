"""Timelines as text, JSON and iCalendar."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from improvement_kit.model import Case, Timeline, TimelineItem
from improvement_kit.rules import describe_day
from improvement_kit.serialization import timeline_to_data

__all__ = ["timeline_schema", "timeline_to_ics", "timeline_to_json", "timeline_to_text"]


def timeline_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`timeline_to_json`'s output, as shipped in
    ``improvement_kit/data/timeline.schema.json``."""
    from importlib.resources import files

    text = (files("improvement_kit") / "data" / "timeline.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def timeline_to_json(timeline: Timeline, case: Case | None = None) -> str:
    """The documented JSON contract, indented, keys in a stable order."""
    return json.dumps(timeline_to_data(timeline, case), indent=2, ensure_ascii=False) + "\n"


def _when(item: TimelineItem) -> str:
    if item.due is not None:
        return describe_day(item.due)
    if item.window is not None:
        end = describe_day(item.window.end) if item.window.end else "no time limit"
        return f"{describe_day(item.window.start)} - {end}"
    return "-"


def timeline_to_text(timeline: Timeline) -> str:
    """A plain-text timeline for people: one block per item."""
    lines = [f"{timeline.provider_name} ({timeline.provider_identifier}) - {timeline.jurisdiction}"]
    if timeline.as_of is not None:
        lines.append(f"as of {describe_day(timeline.as_of)}")
    lines.append("")
    for item in timeline.items:
        flags = []
        if item.status is not None:
            flags.append(item.status.value)
        if item.provisional:
            flags.append("provisional")
        if item.value:
            flags.append(item.value)
        flag_text = f" [{', '.join(flags)}]" if flags else ""
        lines.append(f"{_when(item):<33} {item.title}{flag_text}")
        origin = f"; plugin {item.rule.plugin}" if item.rule.plugin else ""
        lines.append(
            f"{'':<33} id {item.id}; {item.kind.value}; rule {item.rule.id} "
            f"({item.rule.nature.label}, {item.rule.grade.value}){origin}"
        )
        lines.append(f"{'':<33} {item.explanation}")
        lines.append("")
    for warning in timeline.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines).rstrip() + "\n"


def timeline_to_ics(timeline: Timeline) -> bytes:
    """The timeline as an iCalendar file of all-day events (imports into Outlook).

    Dated items become one-day events; windows become events spanning the window (an
    open-ended window is shown on its first day). UIDs are stable across runs.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//improvement_kit//timeline//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{timeline.provider_name}: {timeline.jurisdiction}")
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    for item in timeline.items:
        start = item.date
        if start is None:
            continue
        end = start
        if item.due is None and item.window is not None and item.window.end is not None:
            end = item.window.end
        event = Event()
        key = f"{timeline.jurisdiction}|{timeline.provider_identifier}|{item.id}|{start}"
        uid = hashlib.sha256(key.encode()).hexdigest()[:32]
        event.add("uid", f"{uid}@improvement-kit")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        event.add("summary", f"{timeline.provider_name}: {item.title}")
        rule = item.rule
        event.add(
            "description",
            f"{item.explanation}\nSource: {rule.source.citation} ({rule.nature.label}, "
            f"{rule.grade.value}); rule {rule.id}"
            + (f"; plugin {rule.plugin}" if rule.plugin else ""),
        )
        if item.rule.source.url:
            event.add("url", item.rule.source.url)
        event.add("categories", [item.kind.value])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

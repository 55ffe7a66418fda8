"""Derbyshire County Council (LA 830): its schools causing concern procedure (seed 004).

QDD programmes are events; the other rules are rows of rules/derbyshire.toml, and School
Progress Reviews recur in the hook below (rule DERBY-SPR-01) while the school is in concern.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, ClassVar

import attrs

from improvement_kit.calendar import Closure
from improvement_kit.calendar.months import months_following
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import LocalProcedure
from improvement_kit.model import Event

if TYPE_CHECKING:
    from improvement_kit.context import TimelineContext
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import TimelineItem

__version__ = "1.0.0"
PROGRESS_REVIEW = "DERBY-SPR-01"
OPEN_REVIEW_MONTHS = 24  # with no end in the case, two years of reviews are listed


class Programme(enum.StrEnum):
    """The Quality Development Dialogue programmes (procedure, section 1)."""

    CORE_ENTITLEMENT = "core-entitlement"
    PRIORITY = "priority"
    SCHOOLS_CAUSING_CONCERN = "schools-causing-concern"


@attrs.frozen(kw_only=True)
class QddProgramme(Event):
    """The school is placed in a QDD programme from ``date``."""

    TYPE: ClassVar[str] = "qdd-programme"
    programme: Programme


def _templates() -> Sequence[TemplateSpec]:
    # Annex 5's progress review form is the england-maintained progress review: same file,
    # same context and builder, offered under this procedure's id.
    from improvement_kit_england_maintained.documents import template_specs

    base = next(s for s in template_specs() if s.id == "england-maintained:progress-review")
    title = "Annex 5: School Progress Review (schools causing concern)"
    plugin = f"improvement-kit-derbyshire {__version__}"
    return [attrs.evolve(base, id="derbyshire:progress-review", title=title, plugin=plugin)]


PROCEDURE = LocalProcedure(
    id="derbyshire",
    name="Derbyshire County Council: schools causing concern",
    local_authorities={"830": "Derbyshire"},
    extends=["england-maintained"],
    rule_tables=[files(__name__) / "rules" / "derbyshire.toml"],
    event_types=[QddProgramme],
    code_rules=[PROGRESS_REVIEW],
    templates=_templates,
    closures=tuple(  # fictional: County Hall's Christmas closure
        Closure(dt.date(y, 12, 24), dt.date(y, 12, 31), "County Hall closure")
        for y in range(2014, 2041)
    ),
)


@hookimpl
def improvement_kit_register(register: Callable[[LocalProcedure], None]) -> None:
    """Register the Derbyshire procedure."""
    register(PROCEDURE)


def _in_concern(event: Event, now: bool) -> bool:
    """Whether ``event`` starts (``now`` false) or continues (``now`` true) a concern."""
    if isinstance(event, QddProgramme):
        return event.programme is Programme.SCHOOLS_CAUSING_CONCERN
    return event.type != "category-removed" if now else event.type == "ofsted-category-notice"


def _reviews(context: TimelineContext, start: Event, end: dt.date, n: int) -> list[TimelineItem]:
    rule, last = context.rule(PROGRESS_REVIEW, start.date), start.date
    out: list[TimelineItem] = []
    while (due := context.evaluate(rule, last)) and due.due and due.due < end:
        out.append(
            context.make_item(rule, due, item_id=f"{rule.item}-{n + len(out)}", trigger=start)
        )
        last = due.due
    return out


@hookimpl
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """School Progress Reviews every 4 months while the school is in concern."""
    items: list[TimelineItem] = []
    start: Event | None = None
    for event in [*context.case.events, None]:
        if start is None and event is not None and _in_concern(event, now=False):
            start = event
        elif start is not None and (event is None or not _in_concern(event, now=True)):
            end = event.date if event else months_following(start.date, OPEN_REVIEW_MONTHS)
            items += _reviews(context, start, end, len(items) + 1)
            start = None
    return items

# Hook specifications have docstrings and no bodies; pluggy never calls them.
# mypy: disable-error-code="empty-body"
"""Every hook a plugin can implement.

A plugin is a module (or object) with functions marked ``@improvement_kit.hookimpl`` and named
after the hooks below, registered through the ``improvement_kit`` entry-point group::

    [project.entry-points.improvement_kit]
    exampleshire = "exampleshire_plugin"

Hooks are called with keyword arguments; a plugin may accept fewer arguments than a hook
offers. Results are checked by :mod:`improvement_kit.plugins`, which names the plugin in any
error. Built-in jurisdictions are plugins registered exactly this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from improvement_kit.calendar import Closure
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
    from improvement_kit.model import Event, Inspection, Provider, TimelineItem
    from improvement_kit.timeline import TimelineContext

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

#: The pluggy project name; also the entry-point group plugins are loaded from.
PROJECT_NAME = "improvement_kit"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Marker for hook implementations: decorate plugin functions with ``@hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --- Jurisdictions -------------------------------------------------------------------------


@hookspec
def improvement_kit_jurisdictions() -> Sequence[Jurisdiction]:
    """Declare the jurisdictions this plugin provides.

    Called once per plugin manager; all results are collected. Return a sequence of
    :class:`~improvement_kit.jurisdictions.Jurisdiction` (id, name, region, provider types).
    A jurisdiction id may be declared by only one plugin.

    Since 0.1.
    """


# --- Events --------------------------------------------------------------------------------


@hookspec
def improvement_kit_event_types() -> Sequence[type[Event]]:
    """Declare event types that case files may use besides the core ones.

    Takes no arguments; all results are collected. Return attrs classes that subclass
    :class:`~improvement_kit.model.Event` (frozen, keyword-only) with a class variable ``TYPE``
    holding the kebab-case name used in case files. A name may be declared once, and never
    one of the core event types. Rules may then use the name as their ``trigger``.

    Since 0.1.
    """


# --- Rules ---------------------------------------------------------------------------------


@hookspec
def improvement_kit_rule_tables(jurisdiction: str) -> Sequence[Traversable]:
    """Return the TOML rule tables this plugin contributes to ``jurisdiction``.

    Called for each jurisdiction when its rule book is built; all results are collected.
    Return package resources (``importlib.resources.files(__package__) / "rules" / "x.toml"``)
    or paths; return an empty sequence for jurisdictions you do not add to. A plugin may add
    rules to a jurisdiction another plugin declared (an LA's local rule, say).

    Since 0.1.
    """


@hookspec
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """Derive timeline items in code, for rules that data alone cannot express.

    Called once per timeline, after the engine has applied the triggered rules of the rule
    tables, for every plugin; all results are collected. ``context`` gives the case, the
    calendars, the rule book (point-in-time look-up) and the items made so far. Only answer
    for ``context.case.jurisdiction`` values you own. Each item must cite a rule from the
    rule book (``context.make_item``).

    Since 0.1.
    """


# --- Categories ----------------------------------------------------------------------------


@hookspec(firstresult=True)
def improvement_kit_decide_category(
    inspection: Inspection, provider: Provider, jurisdiction: str
) -> CategoryDecision | None:
    """Decide the follow-up category an inspection leads to.

    First result wins (``firstresult``); return ``None`` when the jurisdiction is not yours.
    The decision carries the category (or none), any non-statutory monitoring level, the rule
    id it rests on and the reasons. The engine records the inspector's recorded category over
    a derived one when the two differ, with a warning.

    Since 0.1.
    """


# --- Calendars -----------------------------------------------------------------------------


@hookspec
def improvement_kit_calendar_adjustments(
    jurisdiction: str, region: str, local_authority: str | None
) -> Sequence[Closure]:
    """Return extra non-working days (an LA's office closure between Christmas and New Year).

    Called when a case's calendars are built; all results are collected and applied to every
    calendar of the case. Return an empty sequence for authorities that are not yours.

    Since 0.1.
    """


# --- Documents -----------------------------------------------------------------------------


@hookspec
def improvement_kit_templates() -> Sequence[TemplateSpec]:
    """Return the document templates this plugin provides.

    Called once per plugin manager; all results are collected. Template ids are
    ``"<jurisdiction>:<name>"`` and must be unique across plugins.

    Since 0.1.
    """

# Hook specifications have docstrings and no bodies; pluggy never calls them.
# mypy: disable-error-code="empty-body"
"""Every hook a plugin can implement.

A plugin is a module (or object) with functions marked ``@improvement_kit.hookimpl`` and named
after the hooks below, registered through the ``improvement_kit`` entry-point group::

    [project.entry-points.improvement_kit]
    exampleshire = "exampleshire_plugin"

A plugin registers its jurisdictions or local procedures through
:func:`improvement_kit_register`; the per-case hooks are called through pluggy's hook callers
restricted to the plugins in the case's scope (see :mod:`improvement_kit.kit`), so
``firstresult``, hook wrappers and ``tryfirst``/``trylast`` work as pluggy documents them.
Hooks are called with keyword arguments; a plugin may accept fewer arguments than a hook
offers. Results are checked by the kit, which names the plugin in any error. Built-in
jurisdictions are plugins registered exactly this way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from improvement_kit.calendar import Closure
    from improvement_kit.context import TimelineContext
    from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction, LocalProcedure
    from improvement_kit.model import Inspection, Provider, TimelineItem

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

#: The pluggy project name; also the entry-point group plugins are loaded from.
PROJECT_NAME = "improvement_kit"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Marker for hook implementations: decorate plugin functions with ``@hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --- Registration ---------------------------------------------------------------------------


@hookspec
def improvement_kit_register(register: Callable[[Jurisdiction | LocalProcedure], None]) -> None:
    """Register what this plugin provides: call ``register(obj)`` once per object.

    ``obj`` is a :class:`~improvement_kit.jurisdictions.Jurisdiction` (a national set of
    rules: ``england-maintained``) or a :class:`~improvement_kit.jurisdictions.LocalProcedure`
    (a council's procedure, serving the local authorities it names in the jurisdictions it
    extends). Each object owns its rule tables, event types and templates. Ids are unique
    across plugins. Called once per kit and plugin, so the kit knows which plugin registered
    each object (the provenance shown on every timeline item).

    Since 0.2 (replaces the 0.1 hooks ``improvement_kit_jurisdictions``,
    ``improvement_kit_rule_tables``, ``improvement_kit_event_types`` and
    ``improvement_kit_templates``).
    """


# --- Per case ------------------------------------------------------------------------------


@hookspec
def improvement_kit_timeline_items(context: TimelineContext) -> Sequence[TimelineItem]:
    """Derive timeline items in code, for rules that data alone cannot express.

    Called once per timeline, after the engine has applied the triggered rules of the rule
    tables, for the plugins in the case's scope only (the plugin of its jurisdiction, those
    of local procedures serving its local authority, and plugins that register nothing); all
    results are collected. ``context`` gives the case, the calendars, the rule book
    (point-in-time look-up) and the items made so far. Each item must cite a rule of the rule
    book (``context.make_item``); the item carries that rule's plugin.

    Since 0.1.
    """


# --- Categories ----------------------------------------------------------------------------


@hookspec(firstresult=True)
def improvement_kit_decide_category(
    inspection: Inspection, provider: Provider, jurisdiction: str
) -> CategoryDecision | None:
    """Decide the follow-up category an inspection leads to.

    Called for the plugin of the case's jurisdiction and plugins that register nothing (never
    for local procedures: a council does not decide a statutory category). First result wins
    (``firstresult``): a ``tryfirst`` implementation or a hook wrapper can answer before, or
    adjust, the built-in decision.
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

    Called when a case's calendars are built, for the plugins in the case's scope; all
    results are collected. They move only local-policy items: a council's closure days never
    lengthen a period that law or national policy defines. A local procedure's fixed closures
    are better given as its ``closures``.

    Since 0.1.
    """

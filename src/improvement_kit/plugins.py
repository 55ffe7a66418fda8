"""The plugin manager factory and the typed wall around hook calls.

:func:`make_plugin_manager` builds a fresh :class:`pluggy.PluginManager` (never a global),
loads the ``improvement_kit`` entry points one by one (a broken plugin is reported and
skipped, or fatal with ``strict=True``) and checks every implementation against the hookspecs.
:class:`Plugins` calls the hooks and checks what plugins return, naming the plugin in errors.

Set ``IMPROVEMENT_KIT_DISABLE_PLUGIN_AUTOLOAD=1`` to load no entry points at all (tests and
embedders then register plugins by hand).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from importlib.metadata import entry_points
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
import pluggy

from improvement_kit import hookspecs
from improvement_kit.errors import PluginError
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.rules.book import RuleBook
from improvement_kit.rules.loader import load_rule_file

if TYPE_CHECKING:
    from improvement_kit.calendar import Closure
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import Event, Inspection, Provider, TimelineItem
    from improvement_kit.timeline import TimelineContext

__all__ = [
    "AUTOLOAD_ENV",
    "LoadProblem",
    "PluginInfo",
    "Plugins",
    "default_plugins",
    "make_plugin_manager",
]

#: Environment variable that, when set to a true value, disables entry-point loading.
AUTOLOAD_ENV = "IMPROVEMENT_KIT_DISABLE_PLUGIN_AUTOLOAD"


@attrs.frozen
class LoadProblem:
    """A plugin that could not be loaded: its entry-point name and the error."""

    name: str
    error: str


@attrs.frozen
class PluginInfo:
    """What ``improvement-kit plugins`` shows about one plugin."""

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    rule_counts: dict[str, int]
    templates: tuple[str, ...]


def _autoload_disabled() -> bool:
    return os.environ.get(AUTOLOAD_ENV, "").strip().lower() not in ("", "0", "false", "no")


def make_plugin_manager(
    *,
    load_entrypoints: bool | None = None,
    strict: bool = False,
    plugins: Iterable[object] = (),
) -> tuple[pluggy.PluginManager, list[LoadProblem]]:
    """A fresh plugin manager with the hookspecs added.

    Entry points are loaded unless ``load_entrypoints`` is false (default: unless the
    :data:`AUTOLOAD_ENV` variable is set). ``plugins`` are registered as well. A plugin whose
    import or registration fails is skipped and reported in the returned list, or raises
    :class:`~improvement_kit.errors.PluginError` when ``strict`` is true.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    problems: list[LoadProblem] = []
    if load_entrypoints is None:
        load_entrypoints = not _autoload_disabled()
    if load_entrypoints:
        for ep in sorted(entry_points(group=hookspecs.PROJECT_NAME), key=lambda e: e.name):
            if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
            except Exception as exc:  # a broken third-party plugin must not take us down
                problem = LoadProblem(ep.name, f"{type(exc).__name__}: {exc}")
                if strict:
                    raise PluginError(
                        f"plugin {ep.name!r} failed to load: {problem.error}"
                    ) from exc
                problems.append(problem)
    for plugin in plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {exc.plugin!r}: {exc}") from exc
    return pm, problems


def _plugin_name(pm: pluggy.PluginManager, impl: Any) -> str:
    return str(pm.get_name(impl.plugin) or impl.plugin_name)


class Plugins:
    """Typed access to a plugin manager's hooks; results are validated per plugin."""

    def __init__(self, pm: pluggy.PluginManager, problems: Sequence[LoadProblem] = ()) -> None:
        self.pm = pm
        self.problems = tuple(problems)
        self._books: dict[str, RuleBook] = {}

    @classmethod
    def load(cls, *, strict: bool = False, plugins: Iterable[object] = ()) -> Plugins:
        """Plugins from the installed entry points (and any given)."""
        pm, problems = make_plugin_manager(strict=strict, plugins=plugins)
        return cls(pm, problems)

    def _each(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        hook = getattr(self.pm.hook, hook_name)
        results: list[tuple[str, Any]] = []
        for impl in reversed(hook.get_hookimpls()):
            name = _plugin_name(self.pm, impl)
            args = {k: kwargs[k] for k in impl.argnames}
            try:
                value = impl.function(**args)
            except Exception as exc:
                if isinstance(exc, PluginError):
                    raise
                raise PluginError(
                    f"plugin {name!r} failed in {hook_name}: {type(exc).__name__}: {exc}"
                ) from exc
            if value is not None:
                results.append((name, value))
        return results

    def _sequence(self, hook_name: str, kind: type, **kwargs: Any) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for name, value in self._each(hook_name, **kwargs):
            if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
                raise PluginError(f"plugin {name!r}: {hook_name} must return a sequence")
            for element in value:
                if not isinstance(element, kind):
                    raise PluginError(
                        f"plugin {name!r}: {hook_name} returned {element!r}, not a {kind.__name__}"
                    )
                out.append((name, element))
        return out

    # -- jurisdictions ------------------------------------------------------------------

    @functools.cached_property
    def _jurisdictions(self) -> dict[str, tuple[str, Jurisdiction]]:
        found: dict[str, tuple[str, Jurisdiction]] = {}
        for name, jur in self._sequence("improvement_kit_jurisdictions", Jurisdiction):
            if jur.id in found:
                raise PluginError(
                    f"plugin {name!r}: jurisdiction {jur.id!r} is already declared by "
                    f"plugin {found[jur.id][0]!r}"
                )
            found[jur.id] = (name, jur)
        return found

    def jurisdictions(self) -> list[Jurisdiction]:
        """Every declared jurisdiction, by id."""
        return [jur for _, jur in sorted(self._jurisdictions.values(), key=lambda p: p[1].id)]

    def jurisdiction(self, jurisdiction_id: str) -> Jurisdiction:
        """The jurisdiction with this id; ``PluginError`` listing the known ids otherwise."""
        try:
            return self._jurisdictions[jurisdiction_id][1]
        except KeyError:
            known = ", ".join(sorted(self._jurisdictions)) or "none (no plugins loaded)"
            raise PluginError(
                f"unknown jurisdiction {jurisdiction_id!r} (known: {known})"
            ) from None

    # -- events -------------------------------------------------------------------------

    @functools.cached_property
    def _event_types(self) -> dict[str, type[Event]]:
        from improvement_kit.model import EVENT_TYPES, Event

        found: dict[str, type[Event]] = {}
        owners: dict[str, str] = {}
        for name, cls in self._sequence("improvement_kit_event_types", type):
            if not (isinstance(cls, type) and issubclass(cls, Event)) or not attrs.has(cls):
                raise PluginError(f"plugin {name!r}: event type {cls!r} is not an attrs Event")
            event_cls = cast("type[Event]", cls)
            type_name = event_cls.TYPE
            if not type_name or type_name != type_name.lower() or " " in type_name:
                raise PluginError(
                    f"plugin {name!r}: event type {event_cls.__name__} needs a kebab-case TYPE, "
                    f"not {type_name!r}"
                )
            if type_name in EVENT_TYPES:
                raise PluginError(f"plugin {name!r}: event type {type_name!r} is a core event type")
            if type_name in found:
                raise PluginError(
                    f"plugin {name!r}: event type {type_name!r} is already declared by "
                    f"plugin {owners[type_name]!r}"
                )
            found[type_name] = event_cls
            owners[type_name] = name
        return found

    def event_types(self) -> dict[str, type[Event]]:
        """The event types plugins declare, by case-file name (the core ones not included)."""
        return dict(self._event_types)

    # -- rules --------------------------------------------------------------------------

    def rule_book(self, jurisdiction_id: str) -> RuleBook:
        """The validated rules of one jurisdiction, from every plugin that contributes."""
        if jurisdiction_id not in self._books:
            self.jurisdiction(jurisdiction_id)
            rules = []
            for name, table in self._each(
                "improvement_kit_rule_tables", jurisdiction=jurisdiction_id
            ):
                for resource in table:
                    if isinstance(resource, str):
                        resource = Path(resource)
                    if not isinstance(resource, (Traversable, Path)):
                        raise PluginError(
                            f"plugin {name!r}: rule table {resource!r} is not a path or resource"
                        )
                    label = f"{name}:{getattr(resource, 'name', resource)}"
                    rules.extend(load_rule_file(resource, label))
            self._books[jurisdiction_id] = RuleBook(jurisdiction_id, rules)
        return self._books[jurisdiction_id]

    def timeline_items(self, context: TimelineContext) -> list[TimelineItem]:
        """Items derived in code by plugins."""
        from improvement_kit.model import TimelineItem

        return [
            item
            for _, item in self._sequence(
                "improvement_kit_timeline_items", TimelineItem, context=context
            )
        ]

    # -- categories ---------------------------------------------------------------------

    def decide_category(
        self, inspection: Inspection, provider: Provider, jurisdiction: str
    ) -> CategoryDecision | None:
        """The first plugin's category decision for an inspection, or ``None``."""
        for name, value in self._each(
            "improvement_kit_decide_category",
            inspection=inspection,
            provider=provider,
            jurisdiction=jurisdiction,
        ):
            if not isinstance(value, CategoryDecision):
                raise PluginError(
                    f"plugin {name!r}: decide_category returned {value!r}, not a CategoryDecision"
                )
            return value
        return None

    # -- calendars ----------------------------------------------------------------------

    def calendar_adjustments(
        self, jurisdiction: str, region: str, local_authority: str | None
    ) -> list[Closure]:
        """Every plugin's extra closure days for this case."""
        from improvement_kit.calendar import Closure

        return [
            closure
            for _, closure in self._sequence(
                "improvement_kit_calendar_adjustments",
                Closure,
                jurisdiction=jurisdiction,
                region=region,
                local_authority=local_authority,
            )
        ]

    # -- documents ----------------------------------------------------------------------

    @functools.cached_property
    def _templates(self) -> dict[str, tuple[str, TemplateSpec]]:
        from improvement_kit.documents.spec import TemplateSpec

        found: dict[str, tuple[str, TemplateSpec]] = {}
        for name, spec in self._sequence("improvement_kit_templates", TemplateSpec):
            if spec.id in found:
                raise PluginError(
                    f"plugin {name!r}: template {spec.id!r} is already registered by "
                    f"plugin {found[spec.id][0]!r}"
                )
            found[spec.id] = (name, spec)
        return found

    def templates(self) -> list[TemplateSpec]:
        """Every registered template, by id."""
        return [spec for _, spec in sorted(self._templates.values(), key=lambda p: p[1].id)]

    def template(self, template_id: str) -> TemplateSpec:
        """The template with this id; ``PluginError`` listing the known ids otherwise."""
        try:
            return self._templates[template_id][1]
        except KeyError:
            known = ", ".join(sorted(self._templates)) or "none"
            raise PluginError(f"unknown template {template_id!r} (known: {known})") from None

    # -- introspection ------------------------------------------------------------------

    def info(self) -> list[PluginInfo]:
        """One entry per registered plugin, for ``improvement-kit plugins``."""
        dists = {
            ep.name: (ep.dist.metadata["name"], ep.dist.version)
            for ep in entry_points(group=hookspecs.PROJECT_NAME)
            if ep.dist is not None and self.pm.get_plugin(ep.name) is not None
        }
        out = []
        for name, plugin in sorted(self.pm.list_name_plugin(), key=lambda p: str(p[0])):
            dist = dists.get(str(name))
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            jurs = tuple(j.id for owner, j in self._jurisdictions.values() if owner == name)
            counts: dict[str, int] = {}
            for jur in self._jurisdictions:
                n = sum(1 for rule in self.rule_book(jur) if rule.file.startswith(f"{name}:"))
                if n:
                    counts[jur] = n
            templates = tuple(spec.id for owner, spec in self._templates.values() if owner == name)
            out.append(
                PluginInfo(
                    name=str(name),
                    distribution=dist[0] if dist is not None else None,
                    version=dist[1] if dist is not None else None,
                    hooks=hooks,
                    jurisdictions=jurs,
                    rule_counts=counts,
                    templates=templates,
                )
            )
        return out


@functools.cache
def default_plugins() -> Plugins:
    """Plugins loaded from the installed entry points, built once per process (the CLI's)."""
    return Plugins.load()

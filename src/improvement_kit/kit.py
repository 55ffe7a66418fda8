"""The kit: one set of plugins, explicitly built and passed around.

A :class:`Kit` holds a :class:`pluggy.PluginManager` (never a process global), what each
plugin registered through ``improvement_kit_register`` (jurisdictions and local procedures,
with the plugin that registered each), and the rule books built from them. Build one from the
installed entry points (:meth:`Kit.load`) or from given plugins (:meth:`Kit.from_plugins`, for
tests), and pass it to :func:`~improvement_kit.timeline.build_timeline`, the documents and the
command line. Two kits with different plugins work side by side in one process.

**Scope.** For a case, :meth:`Kit.scope` selects the plugins that apply: the plugin that
registered the case's jurisdiction, the plugins whose local procedures serve the provider's
local authority (``provider.la_code``) in that jurisdiction, and plugins that register nothing
(they only wrap or extend hooks). Per-case hooks are called through
:meth:`pluggy.PluginManager.subset_hook_caller` restricted to those plugins, so ``firstresult``,
hook wrappers and ``tryfirst``/``trylast`` work as pluggy documents them, and no plugin has to
check whether a case is its own. Local procedures never take part in the category decision.

**Provenance.** pluggy's results do not name the plugin that returned them. The kit keeps
provenance through the rules: registration is called plugin by plugin (each through a hook
caller holding that plugin only), so every rule table, and every rule, knows its plugin; every
timeline item must cite a rule of the case's rule book, and carries that rule's plugin. An
exception raised inside a hook is attributed from its traceback.
"""

from __future__ import annotations

import difflib
import functools
import os
import sys
import types
from collections.abc import Iterable, Mapping, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

import attrs
import pluggy

import improvement_kit.hookspecs as hookspecs
from improvement_kit.errors import InputError, PluginError
from improvement_kit.jurisdictions import (
    CategoryDecision,
    Jurisdiction,
    LocalProcedure,
    RuleTable,
)
from improvement_kit.model import EVENT_TYPES, Event, Nature
from improvement_kit.rules.book import RuleBook
from improvement_kit.rules.loader import load_rule_file
from improvement_kit.rules.schema import Rule
from improvement_kit.rules.vocabulary import check_vocabulary
from improvement_kit.scope import Scope

if TYPE_CHECKING:
    from improvement_kit.calendar import Closure
    from improvement_kit.context import TimelineContext
    from improvement_kit.documents.spec import TemplateSpec
    from improvement_kit.model import Case, Inspection, Provider, TimelineItem

__all__ = [
    "AUTOLOAD_ENV",
    "STRICT_ENV",
    "Kit",
    "LoadProblem",
    "PluginInfo",
    "Scope",
    "default_plugins",
    "make_plugin_manager",
]

#: Environment variable that, when set to a true value, disables entry-point loading.
AUTOLOAD_ENV = "IMPROVEMENT_KIT_DISABLE_PLUGIN_AUTOLOAD"
#: Environment variable that, when set to a true value, makes a plugin that fails to load
#: fatal (as ``--strict`` does), for scripts.
STRICT_ENV = "IMPROVEMENT_KIT_STRICT_PLUGINS"

_REGISTER = "improvement_kit_register"
_REMOVED_HOOKS = {
    "improvement_kit_jurisdictions": "register a Jurisdiction in improvement_kit_register",
    "improvement_kit_rule_tables": "give the Jurisdiction or LocalProcedure its rule_tables",
    "improvement_kit_event_types": "give the Jurisdiction or LocalProcedure its event_types",
    "improvement_kit_templates": "give the Jurisdiction or LocalProcedure its templates",
}


@attrs.frozen
class LoadProblem:
    """A plugin that could not be loaded: its entry-point name and the error."""

    name: str
    error: str

    def describe(self) -> str:
        """``"plugin 'x' failed to load: ImportError: ..."``."""
        return f"plugin {self.name!r} failed to load: {self.error}"


@attrs.frozen
class PluginInfo:
    """What ``improvement-kit plugins`` shows about one plugin."""

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    procedures: tuple[str, ...]
    authorities: tuple[str, ...]
    event_types: tuple[str, ...]
    rule_counts: dict[str, int]
    templates: tuple[str, ...]


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _check_pending(pm: pluggy.PluginManager) -> None:
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        text = str(exc)
        for old, instead in _REMOVED_HOOKS.items():
            if old in text:
                text = f"hook {old} was replaced by improvement_kit_register: {instead}"
        raise PluginError(f"plugin {pm.get_name(exc.plugin)!r}: {text}") from None


def make_plugin_manager(
    *,
    load_entrypoints: bool | None = None,
    strict: bool | None = None,
    plugins: Iterable[object] = (),
) -> tuple[pluggy.PluginManager, list[LoadProblem]]:
    """A fresh plugin manager with the hookspecs added.

    Entry points are loaded unless ``load_entrypoints`` is false (default: unless the
    :data:`AUTOLOAD_ENV` variable is set). ``plugins`` are registered as well (a plugin
    already loaded from its entry point is not registered twice). A plugin whose import or
    registration fails is skipped and reported in the returned list, or raises
    :class:`~improvement_kit.errors.PluginError` when ``strict`` is true (default: the
    :data:`STRICT_ENV` variable).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    problems: list[LoadProblem] = []
    if load_entrypoints is None:
        load_entrypoints = not _flag(AUTOLOAD_ENV)
    if strict is None:
        strict = _flag(STRICT_ENV)
    if load_entrypoints:
        for ep in sorted(entry_points(group=hookspecs.PROJECT_NAME), key=lambda e: e.name):
            if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
                _check_pending(pm)
            except Exception as exc:  # a broken third-party plugin must not take us down
                if pm.get_plugin(ep.name) is not None:
                    pm.unregister(name=ep.name)
                error = exc.args[0] if isinstance(exc, PluginError) else exc
                problem = LoadProblem(ep.name, f"{type(exc).__name__}: {error}")
                if strict:
                    raise PluginError(problem.describe()) from exc
                problems.append(problem)
    for plugin in plugins:
        if pm.is_registered(plugin):
            continue
        name = getattr(plugin, "__name__", None)
        pm.register(plugin, name=name if name and pm.get_plugin(name) is None else None)
    _check_pending(pm)
    return pm, problems


def _plugin_from_traceback(
    pm: pluggy.PluginManager, hook_name: str, exc: BaseException
) -> str | None:
    codes = {
        impl.function.__code__: str(pm.get_name(impl.plugin) or impl.plugin_name)
        for impl in getattr(pm.hook, hook_name).get_hookimpls()
        if hasattr(impl.function, "__code__")
    }
    found = None
    tb: types.TracebackType | None = exc.__traceback__
    while tb is not None:
        found = codes.get(tb.tb_frame.f_code, found)
        tb = tb.tb_next
    return found


@attrs.frozen
class _Registered:
    plugin: str
    obj: Jurisdiction | LocalProcedure


class Kit:
    """One set of plugins: what they registered, their rule books and their hooks."""

    def __init__(self, pm: pluggy.PluginManager, problems: Sequence[LoadProblem] = ()) -> None:
        self.pm = pm
        self.problems = tuple(problems)
        self._books: dict[tuple[str, tuple[str, ...]], RuleBook] = {}
        self._tables: dict[tuple[str, int], list[Rule]] = {}
        self._scopes: dict[tuple[str, str | None], Scope] = {}

    @classmethod
    def load(cls, *, strict: bool | None = None, plugins: Iterable[object] = ()) -> Kit:
        """A kit of the installed entry points (and any given plugins)."""
        pm, problems = make_plugin_manager(strict=strict, plugins=plugins)
        return cls(pm, problems)

    @classmethod
    def from_plugins(cls, *plugins: object, entrypoints: bool = False, strict: bool = True) -> Kit:
        """A kit of the given plugin modules or objects (and, with ``entrypoints``, the
        installed ones)."""
        pm, problems = make_plugin_manager(
            load_entrypoints=entrypoints, strict=strict, plugins=plugins
        )
        return cls(pm, problems)

    # -- hook calls ---------------------------------------------------------------------

    def _names_to_plugins(self, names: Iterable[str]) -> list[object]:
        keep = set(names)
        return [p for name, p in self.pm.list_name_plugin() if name not in keep]

    def _caller(self, hook_name: str, names: Iterable[str] | None) -> Any:
        hook = getattr(self.pm.hook, hook_name)
        if names is None:
            return hook
        return self.pm.subset_hook_caller(hook_name, self._names_to_plugins(names))

    def _fail(self, hook_name: str, exc: BaseException) -> NoReturn:
        name = _plugin_from_traceback(self.pm, hook_name, exc)
        who = f"plugin {name!r}" if name else "a plugin"
        if isinstance(exc, SystemExit):
            raise PluginError(f"{who} called sys.exit({exc.code!r}) in {hook_name}") from None
        raise PluginError(f"{who} failed in {hook_name}: {type(exc).__name__}: {exc}") from exc

    def call(self, hook_name: str, plugins: Iterable[str] | None = None, **kwargs: Any) -> Any:
        """Call a hook through pluggy (on ``plugins`` only, when given); an exception, or a
        ``sys.exit``, inside a plugin becomes a :class:`PluginError` naming the plugin."""
        caller = self._caller(hook_name, plugins)
        try:
            return caller(**kwargs)
        except (PluginError, InputError):  # bad input is the user's, named by its path
            raise
        except (Exception, SystemExit) as exc:
            self._fail(hook_name, exc)

    def _materialise(self, hook_name: str, results: Iterable[object]) -> list[object]:
        """Every plugin's result as a list, read under the same guard as the call: a plugin
        that returns a generator runs its code only now."""
        try:
            return [
                list(value)
                if isinstance(value, Iterable) and not isinstance(value, (str, bytes))
                else value
                for value in results
            ]
        except (PluginError, InputError):
            raise
        except (Exception, SystemExit) as exc:
            self._fail(hook_name, exc)

    # -- registrations ------------------------------------------------------------------

    @functools.cached_property
    def _registered(self) -> list[_Registered]:
        found: list[_Registered] = []
        hook = self.pm.hook.improvement_kit_register
        owners = {
            str(self.pm.get_name(impl.plugin) or impl.plugin_name) for impl in hook.get_hookimpls()
        }
        for name in sorted(owners):

            def register(obj: object, *, _plugin: str = name) -> None:
                if not isinstance(obj, (Jurisdiction, LocalProcedure)):
                    raise PluginError(
                        f"plugin {_plugin!r}: register() takes a Jurisdiction or a "
                        f"LocalProcedure, not {obj!r}"
                    )
                found.append(_Registered(_plugin, obj))

            self.call(_REGISTER, [name], register=register)
        self._check_registrations(found)
        return found

    def _check_registrations(self, found: Sequence[_Registered]) -> None:
        seen: dict[str, str] = {}
        for reg in found:
            if reg.obj.id in seen:
                raise PluginError(
                    f"plugin {reg.plugin!r}: id {reg.obj.id!r} is already registered by "
                    f"plugin {seen[reg.obj.id]!r}"
                )
            seen[reg.obj.id] = reg.plugin
        jurisdictions = {r.obj.id for r in found if isinstance(r.obj, Jurisdiction)}
        for reg in found:
            if isinstance(reg.obj, LocalProcedure):
                for jur in reg.obj.extends:
                    if jur not in jurisdictions:
                        raise PluginError(
                            f"plugin {reg.plugin!r}: local procedure {reg.obj.id!r} extends "
                            f"unknown jurisdiction {jur!r}{_hint(jur, jurisdictions)}"
                        )

    @functools.cached_property
    def _jurisdictions(self) -> dict[str, _Registered]:
        return {r.obj.id: r for r in self._registered if isinstance(r.obj, Jurisdiction)}

    @functools.cached_property
    def _procedures(self) -> dict[str, _Registered]:
        return {r.obj.id: r for r in self._registered if isinstance(r.obj, LocalProcedure)}

    def jurisdictions(self) -> list[Jurisdiction]:
        """Every registered jurisdiction, by id."""
        return [cast(Jurisdiction, self._jurisdictions[k].obj) for k in sorted(self._jurisdictions)]

    def jurisdiction(self, jurisdiction_id: str) -> Jurisdiction:
        """The jurisdiction with this id; ``PluginError`` naming the nearest one otherwise."""
        try:
            return cast(Jurisdiction, self._jurisdictions[jurisdiction_id].obj)
        except KeyError:
            known = ", ".join(sorted(self._jurisdictions)) or "none (no plugins loaded)"
            raise PluginError(
                f"unknown jurisdiction {jurisdiction_id!r}"
                f"{_hint(jurisdiction_id, self._jurisdictions)} (known: {known})"
            ) from None

    def procedures(self) -> list[LocalProcedure]:
        """Every registered local procedure, by id."""
        return [cast(LocalProcedure, self._procedures[k].obj) for k in sorted(self._procedures)]

    def plugin_of(self, object_id: str) -> str:
        """The plugin that registered the jurisdiction or local procedure ``object_id``."""
        reg = self._jurisdictions.get(object_id) or self._procedures.get(object_id)
        if reg is None:
            raise PluginError(f"nothing registered with id {object_id!r}")
        return reg.plugin

    # -- events -------------------------------------------------------------------------

    @functools.cached_property
    def _event_types(self) -> dict[str, tuple[type[Event], _Registered]]:
        found: dict[str, tuple[type[Event], _Registered]] = {}
        for reg in self._registered:
            for cls in reg.obj.event_types:
                where = f"plugin {reg.plugin!r} ({reg.obj.id})"
                if not (isinstance(cls, type) and issubclass(cls, Event)) or not attrs.has(cls):
                    raise PluginError(f"{where}: event type {cls!r} is not an attrs Event")
                event_cls = cast("type[Event]", cls)
                type_name = event_cls.TYPE
                if not type_name or type_name != type_name.lower() or " " in type_name:
                    raise PluginError(
                        f"{where}: event type {event_cls.__name__} needs a kebab-case TYPE, "
                        f"not {type_name!r}"
                    )
                if type_name in EVENT_TYPES:
                    raise PluginError(f"{where}: event type {type_name!r} is a core event type")
                if type_name in found:
                    other = found[type_name][1]
                    raise PluginError(
                        f"{where}: event type {type_name!r} is already declared by "
                        f"plugin {other.plugin!r} ({other.obj.id})"
                    )
                found[type_name] = (event_cls, reg)
        return found

    def event_types(self) -> dict[str, type[Event]]:
        """The event types plugins declare, by case-file name (the core ones not included)."""
        return {name: cls for name, (cls, _) in self._event_types.items()}

    # -- scope and rules ----------------------------------------------------------------

    def _load_table(self, reg: _Registered, index: int, table: RuleTable) -> list[Rule]:
        key = (reg.obj.id, index)
        if key not in self._tables:
            if isinstance(table, str):
                table = Path(table)
            label = f"{reg.plugin}:{getattr(table, 'name', table)}"
            local = isinstance(reg.obj, LocalProcedure)
            self._tables[key] = load_rule_file(
                table,
                label,
                plugin=reg.plugin,
                natures=(Nature.LOCAL_POLICY,) if local else (Nature.LAW, Nature.NATIONAL_POLICY),
            )
        return self._tables[key]

    def _book(self, jurisdiction_id: str, procedures: tuple[str, ...]) -> RuleBook:
        key = (jurisdiction_id, procedures)
        if key not in self._books:
            regs = [self._jurisdictions[jurisdiction_id]]
            regs += [self._procedures[p] for p in procedures]
            rules: list[Rule] = []
            for reg in regs:
                for index, table in enumerate(reg.obj.rule_tables):
                    rules.extend(self._load_table(reg, index, table))
            book = RuleBook(jurisdiction_id, rules)
            check_vocabulary(book, self.event_types())
            for reg in regs:
                for rule_id in reg.obj.code_rules:
                    if rule_id not in book:
                        raise PluginError(
                            f"plugin {reg.plugin!r}: {reg.obj.id} refers in code to rule "
                            f"{rule_id!r}, which none of its tables has"
                            f"{_hint(rule_id, [r.id for r in book])}"
                        )
            self._books[key] = book
        return self._books[key]

    def scope(self, jurisdiction_id: str, la_code: str | None = None) -> Scope:
        """What applies to a provider of local authority ``la_code`` in a jurisdiction."""
        key = (jurisdiction_id, la_code)
        if key not in self._scopes:
            jurisdiction = self.jurisdiction(jurisdiction_id)
            owner = self._jurisdictions[jurisdiction_id].plugin
            serving = [
                r
                for r in self._procedures.values()
                if cast(LocalProcedure, r.obj).serves(jurisdiction_id, la_code)
            ]
            registering = {r.plugin for r in self._registered}
            neutral = [str(n) for n, _ in self.pm.list_name_plugin() if n not in registering]
            names = tuple(dict.fromkeys([owner, *(r.plugin for r in serving), *neutral]))
            procedure_ids = tuple(sorted(r.obj.id for r in serving))
            category_plugins = tuple(dict.fromkeys([owner, *neutral]))

            def hook(hook_name: str, _names: tuple[str, ...] = names) -> Any:
                if hook_name == "improvement_kit_decide_category":
                    return category_plugins
                return _names

            self._scopes[key] = Scope(
                jurisdiction=jurisdiction,
                owner=owner,
                procedures=tuple(cast(LocalProcedure, r.obj) for r in serving),
                plugins=names,
                rules=self._book(jurisdiction_id, procedure_ids),
                hook=hook,
            )
        return self._scopes[key]

    def scope_for(self, case: Case) -> Scope:
        """The scope of a case, after checking that its provider type belongs to the
        jurisdiction and that it uses local event types only where their procedure serves it."""
        if case.jurisdiction not in self._jurisdictions:
            known = ", ".join(sorted(self._jurisdictions)) or "none (no plugins loaded)"
            raise InputError(
                "jurisdiction",
                case.jurisdiction,
                f"is not an installed jurisdiction{_hint(case.jurisdiction, self._jurisdictions)}"
                f" (known: {known})",
            )
        scope = self.scope(case.jurisdiction, case.provider.la_code)
        check_provider_type(case, scope.jurisdiction)
        for index, event in enumerate(case.events):
            found = self._event_types.get(event.type)
            if found is None:
                continue
            reg = found[1]
            if isinstance(reg.obj, LocalProcedure) and reg.obj not in scope.procedures:
                raise InputError(
                    f"events[{index}].type",
                    event.type,
                    f"belongs to the local procedure {reg.obj.id!r} "
                    f"({reg.obj.authorities_text()}), which does not serve this provider "
                    f"(provider.la_code {case.provider.la_code or 'not given'}, "
                    f"jurisdiction {case.jurisdiction})",
                )
        return scope

    def rule_book(self, jurisdiction_id: str, la_code: str | None = None) -> RuleBook:
        """The validated rules that apply in a jurisdiction (with the local procedures
        serving ``la_code``, when given)."""
        return self.scope(jurisdiction_id, la_code).rules

    # -- per-case hooks -----------------------------------------------------------------

    def _scoped(self, scope: Scope | None, hook_name: str) -> tuple[str, ...] | None:
        return None if scope is None else cast(tuple[str, ...], scope.hook(hook_name))

    def timeline_items(self, context: TimelineContext) -> list[TimelineItem]:
        """Items derived in code by the plugins in the case's scope; each must cite a rule
        of the case's rule book."""
        from improvement_kit.model import TimelineItem

        hook_name = "improvement_kit_timeline_items"
        results = self._materialise(
            hook_name, self.call(hook_name, self._scoped(context.scope, hook_name), context=context)
        )
        items: list[TimelineItem] = []
        for value in results:
            if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
                raise PluginError(f"{hook_name} must return a sequence, not {value!r:.80}")
            for item in value:
                if not isinstance(item, TimelineItem):
                    raise PluginError(f"{hook_name} returned {item!r:.80}, not a TimelineItem")
                if item.rule.id not in context.rules:
                    raise PluginError(
                        f"{hook_name}: item {item.id!r} cites rule {item.rule.id!r}, which is "
                        f"not in the rule book of {context.case.jurisdiction}"
                    )
                items.append(item)
        return items

    def decide_category(
        self,
        inspection: Inspection,
        provider: Provider,
        jurisdiction: str,
        scope: Scope | None = None,
    ) -> CategoryDecision | None:
        """The category decision for an inspection (``firstresult``: the first plugin that
        answers wins; local procedures are never asked)."""
        hook_name = "improvement_kit_decide_category"
        if scope is None:
            scope = self.scope(jurisdiction, provider.la_code)
        value = self.call(
            hook_name,
            self._scoped(scope, hook_name),
            inspection=inspection,
            provider=provider,
            jurisdiction=jurisdiction,
        )
        if value is not None and not isinstance(value, CategoryDecision):
            raise PluginError(f"{hook_name} returned {value!r:.80}, not a CategoryDecision")
        return value

    def calendar_adjustments(
        self,
        jurisdiction: str,
        region: str,
        local_authority: str | None,
        scope: Scope | None = None,
    ) -> list[Closure]:
        """Extra closure days from the plugins in scope (they move local-policy items only)."""
        from improvement_kit.calendar import Closure

        hook_name = "improvement_kit_calendar_adjustments"
        results = self._materialise(
            hook_name,
            self.call(
                hook_name,
                self._scoped(scope, hook_name),
                jurisdiction=jurisdiction,
                region=region,
                local_authority=local_authority,
            ),
        )
        out: list[Closure] = []
        for value in results:
            if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
                raise PluginError(f"{hook_name} must return a sequence, not {value!r:.80}")
            for closure in value:
                if not isinstance(closure, Closure):
                    raise PluginError(f"{hook_name} returned {closure!r:.80}, not a Closure")
                out.append(closure)
        return out

    # -- documents ----------------------------------------------------------------------

    @functools.cached_property
    def _templates(self) -> dict[str, tuple[_Registered, TemplateSpec]]:
        from improvement_kit.documents.spec import TemplateSpec

        found: dict[str, tuple[_Registered, TemplateSpec]] = {}
        for reg in self._registered:
            if reg.obj.templates is None:
                continue
            try:
                specs = list(reg.obj.templates())
            except Exception as exc:
                raise PluginError(
                    f"plugin {reg.plugin!r}: the templates of {reg.obj.id} failed: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            for spec in specs:
                if not isinstance(spec, TemplateSpec):
                    raise PluginError(
                        f"plugin {reg.plugin!r}: {reg.obj.id} offers {spec!r:.80}, "
                        "not a TemplateSpec"
                    )
                if spec.id in found:
                    raise PluginError(
                        f"plugin {reg.plugin!r}: template {spec.id!r} is already registered by "
                        f"plugin {found[spec.id][0].plugin!r}"
                    )
                found[spec.id] = (reg, spec)
        return found

    def templates(self) -> list[TemplateSpec]:
        """Every registered template, by id."""
        return [spec for _, spec in sorted(self._templates.values(), key=lambda p: p[1].id)]

    def template(self, template_id: str) -> TemplateSpec:
        """The template with this id; ``PluginError`` naming the nearest one otherwise."""
        try:
            return self._templates[template_id][1]
        except KeyError:
            known = ", ".join(sorted(self._templates)) or "none"
            raise PluginError(
                f"unknown template {template_id!r}{_hint(template_id, self._templates)} "
                f"(known: {known})"
            ) from None

    def template_serves(self, template_id: str, case: Case) -> bool:
        """Whether a template may be used for a case: a local procedure's templates only
        for providers of the authorities it serves."""
        reg = self._templates[template_id][0]
        if isinstance(reg.obj, LocalProcedure):
            return reg.obj.serves(case.jurisdiction, case.provider.la_code)
        return True

    # -- reporting ----------------------------------------------------------------------

    def report_problems(self, stream: Any = None) -> None:
        """Print each plugin that failed to load on ``stream`` (standard error)."""
        out = sys.stderr if stream is None else stream
        for problem in self.problems:
            print(f"improvement-kit: warning: {problem.describe()}", file=out)

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
            mine = [r for r in self._registered if r.plugin == name]
            counts: dict[str, int] = {}
            for reg in mine:
                n = sum(len(self._load_table(reg, i, t)) for i, t in enumerate(reg.obj.rule_tables))
                if n:
                    counts[reg.obj.id] = n
            out.append(
                PluginInfo(
                    name=str(name),
                    distribution=dist[0] if dist is not None else None,
                    version=dist[1] if dist is not None else None,
                    hooks=hooks,
                    jurisdictions=tuple(r.obj.id for r in mine if isinstance(r.obj, Jurisdiction)),
                    procedures=tuple(r.obj.id for r in mine if isinstance(r.obj, LocalProcedure)),
                    authorities=tuple(
                        f"{code} {la}"
                        for r in mine
                        if isinstance(r.obj, LocalProcedure)
                        for code, la in sorted(r.obj.local_authorities.items())
                    ),
                    event_types=tuple(t for r in mine for t in (c.TYPE for c in r.obj.event_types)),
                    rule_counts=counts,
                    templates=tuple(
                        spec.id for reg, spec in self._templates.values() if reg.plugin == name
                    ),
                )
            )
        return out


def _hint(value: str, known: Iterable[str] | Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_provider_type(case: Case, jurisdiction: Jurisdiction) -> None:
    """Refuse a provider type the case's jurisdiction does not cover (``provider.type``)."""
    if case.provider.type not in jurisdiction.provider_types:
        allowed = ", ".join(t.value for t in jurisdiction.provider_types)
        raise InputError(
            "provider.type",
            case.provider.type.value,
            f"is not a provider type of {jurisdiction.id} (allowed: {allowed})",
        )


def default_plugins() -> Kit:
    """A kit of the installed entry points, built anew on each call.

    Deprecated alias kept for scripts written against 0.1 (where it returned a process-wide
    cached set): build one :class:`Kit` with :meth:`Kit.load` and pass it instead.
    """
    return Kit.load()

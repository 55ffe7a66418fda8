"""Which context fields a template uses, as dotted paths found by walking the Jinja AST.

A path names a value the way a template author thinks of it: ``officer.name``,
``actions[].due`` (``due`` of every element of ``actions``). A use is *optional* when the
template says it can do without the value: ``{{ x | default('') }}``, ``{% if x %}`` (and
``x`` inside that block), ``x is defined``. Everything else is required, but only where the
template would print it: a use inside ``{% if pre_2016 %}...{% else %}...{% endif %}`` is
required only when the data makes that branch the one rendered (conditions on context
fields are evaluated against the data; conditions the check cannot evaluate count as true).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
from jinja2 import nodes

__all__ = [
    "MISSING",
    "Condition",
    "FieldUse",
    "evaluate",
    "field_uses",
    "merge_uses",
    "missing_fields",
    "resolve",
]

_OPTIONAL_FILTERS = frozenset({"default", "d"})
_OPTIONAL_TESTS = frozenset({"defined", "undefined", "none"})
#: Names Jinja or docxtpl provide; never context fields.
_BUILTIN_NAMES = frozenset({"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace"})


#: A condition in a small tuple form: ``("path", "a.b")``, ``("not", c)``, ``("and", c, d)``,
#: ``("or", c, d)``, ``("const", value)``, ``("defined", "a.b")`` or ``("unknown",)``.
Condition = tuple[Any, ...]


@attrs.frozen
class FieldUse:
    """One dotted path a template uses: ``required`` unless every use is optional;
    ``line`` is where it is first used (a paragraph number when the source is one paragraph
    per line). ``conditions`` holds, for each required use, the ``if`` conditions that must
    all hold for it to be printed (an empty tuple: always printed)."""

    path: str
    required: bool
    line: int
    conditions: frozenset[tuple[Condition, ...]] = frozenset()


class _Walker:
    def __init__(self) -> None:
        self.uses: dict[str, FieldUse] = {}
        self.conditions: tuple[Condition, ...] = ()

    def record(self, path: str, optional: bool, line: int) -> None:
        old = self.uses.get(path)
        conditions = frozenset() if optional else frozenset({self.conditions})
        if old is None:
            self.uses[path] = FieldUse(path, not optional, line, conditions)
        elif not optional:
            self.uses[path] = FieldUse(path, True, old.line, old.conditions | conditions)

    def condition(self, node: nodes.Node, scope: Mapping[str, str | None]) -> Condition:
        """A test expression in tuple form (``("unknown",)`` where it needs local names)."""
        path = self.path_of(node, scope)
        if path is not None:
            return ("path", path)
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            return ("unknown",)
        if isinstance(node, nodes.Not):
            return ("not", self.condition(node.node, scope))
        if isinstance(node, nodes.And):
            return ("and", self.condition(node.left, scope), self.condition(node.right, scope))
        if isinstance(node, nodes.Or):
            return ("or", self.condition(node.left, scope), self.condition(node.right, scope))
        if isinstance(node, nodes.Const):
            return ("const", node.value)
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
            inner = self.path_of(node.node, scope)
            if inner is None:
                return ("unknown",)
            test: Condition = ("defined", inner)
            return test if node.name == "defined" else ("not", test)
        return ("unknown",)

    # -- expressions ---------------------------------------------------------------------

    def path_of(self, node: nodes.Node, scope: Mapping[str, str | None]) -> str | None:
        """The dotted path of a Name/Getattr/Getitem chain, or None if local or dynamic."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in _BUILTIN_NAMES:
                return None
            return node.name
        if isinstance(node, nodes.Getattr):
            base = self.path_of(node.node, scope)
            return None if base is None else f"{base}.{node.attr}"
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            base = self.path_of(node.node, scope)
            if base is None:
                return None
            if isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            return f"{base}[]"
        return None

    def expr(
        self,
        node: nodes.Node,
        scope: Mapping[str, str | None],
        guarded: frozenset[str],
        optional: bool = False,
    ) -> None:
        path = self.path_of(node, scope)
        if path is not None:
            is_optional = optional or any(
                path == g or path.startswith((g + ".", g + "[]")) for g in guarded
            )
            self.record(path, is_optional, node.lineno)
            return
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            # a dynamic part: the base is still used
            self.expr(node.node, scope, guarded, optional)
            if isinstance(node, nodes.Getitem):
                self.expr(node.arg, scope, guarded)
            return
        if isinstance(node, nodes.Filter):
            inner_optional = optional or node.name in _OPTIONAL_FILTERS
            if node.node is not None:
                self.expr(node.node, scope, guarded, inner_optional)
            for child in (*node.args, *(kw.value for kw in node.kwargs)):
                self.expr(child, scope, guarded)
            return
        if isinstance(node, nodes.Test):
            self.expr(node.node, scope, guarded, optional or node.name in _OPTIONAL_TESTS)
            for child in node.args:
                self.expr(child, scope, guarded)
            return
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            # a method call such as ``x.items()``: ``x`` is used
            self.expr(node.node.node, scope, guarded, optional)
            for child in (*node.args, *(kw.value for kw in node.kwargs)):
                self.expr(child, scope, guarded)
            return
        for sub in node.iter_child_nodes():
            self.expr(sub, scope, guarded, optional)

    def tested_paths(self, test: nodes.Node, scope: Mapping[str, str | None]) -> set[str]:
        """Paths whose truth an ``if`` tests: they may be absent inside the block."""
        out: set[str] = set()
        stack = [test]
        while stack:
            node = stack.pop()
            path = self.path_of(node, scope)
            if path is not None:
                out.add(path)
            elif isinstance(node, (nodes.And, nodes.Or)):
                stack.extend((node.left, node.right))
            elif isinstance(node, (nodes.Not, nodes.Test, nodes.Filter)):
                inner = node.node
                if inner is not None:
                    stack.append(inner)
        return out

    # -- statements ----------------------------------------------------------------------

    def body(
        self,
        stmts: Iterable[nodes.Node],
        scope: dict[str, str | None],
        guarded: frozenset[str],
    ) -> None:
        for stmt in stmts:
            self.stmt(stmt, scope, guarded)

    def stmt(self, node: nodes.Node, scope: dict[str, str | None], guarded: frozenset[str]) -> None:
        if isinstance(node, nodes.For):
            self.expr(node.iter, scope, guarded)
            iter_path = self.path_of(node.iter, scope)
            inner = dict(scope)
            element = f"{iter_path}[]" if iter_path is not None else None
            for name in _target_names(node.target):
                inner[name] = element
            inner["loop"] = None
            if node.test is not None:
                self.expr(node.test, inner, guarded, optional=True)
            self.body(node.body, inner, guarded)
            self.body(node.else_, scope, guarded)
            return
        if isinstance(node, nodes.If):
            tested = self.tested_paths(node.test, scope)
            self.expr(node.test, scope, guarded, optional=True)
            outer = self.conditions
            test = self.condition(node.test, scope)
            self.conditions = (*outer, test)
            self.body(node.body, scope, guarded | tested)
            negated: list[Condition] = [("not", test)]
            for elif_ in node.elif_:
                self.conditions = (*outer, *negated)
                self.stmt(elif_, scope, guarded | tested)
                negated.append(("not", self.condition(elif_.test, scope)))
            self.conditions = (*outer, *negated)
            self.body(node.else_, scope, guarded)
            self.conditions = outer
            return
        if isinstance(node, nodes.Assign):
            self.expr(node.node, scope, guarded)
            for name in _target_names(node.target):
                scope[name] = None
            return
        if isinstance(node, nodes.AssignBlock):
            self.body(node.body, scope, guarded)
            for name in _target_names(node.target):
                scope[name] = None
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.expr(value, scope, guarded)
                for name in _target_names(target):
                    inner[name] = self.path_of(value, scope)
            self.body(node.body, inner, guarded)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.Macro):
                scope[node.name] = None  # defined from here on, and inside itself (recursion)
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = None
            for name in ("caller", "varargs", "kwargs"):
                inner[name] = None
            self.body(node.body, inner, guarded)
            return
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, scope, guarded)
            return
        if isinstance(node, nodes.Expr) or not isinstance(node, nodes.Stmt):
            self.expr(node, scope, guarded)
            return
        for sub in node.iter_child_nodes():
            if isinstance(sub, nodes.Stmt):
                self.stmt(sub, scope, guarded)
            else:
                self.expr(sub, scope, guarded)


def _target_names(target: nodes.Node) -> Iterator[str]:
    if isinstance(target, nodes.Name):
        yield target.name
    elif isinstance(target, nodes.Tuple):
        for item in target.items:
            yield from _target_names(item)


def field_uses(template: nodes.Template) -> dict[str, FieldUse]:
    """Every dotted path a parsed template uses, by path."""
    walker = _Walker()
    walker.body(template.body, {}, frozenset())
    return walker.uses


def merge_uses(*groups: Mapping[str, FieldUse]) -> dict[str, FieldUse]:
    """The uses of several parts of one document (body, headers, properties) together."""
    merged: dict[str, FieldUse] = {}
    for group in groups:
        for path, use in group.items():
            old = merged.get(path)
            if old is None:
                merged[path] = use
            elif use.required:
                merged[path] = FieldUse(path, True, old.line, old.conditions | use.conditions)
    return merged


#: What :func:`resolve` gives for a value that is absent or ``None``.
MISSING: Any = object()
_MISSING = MISSING


def _step(value: Any, key: str) -> Any:
    if isinstance(value, Mapping):
        result = value.get(key, _MISSING)
    else:
        result = getattr(value, key, _MISSING)
    return _MISSING if result is None else result


def resolve(data: Any, path: str) -> list[Any]:
    """Every value ``path`` reaches in ``data`` (one per list element for ``[]``);
    a missing value is the sentinel :data:`MISSING`."""
    values: list[Any] = [data]
    for part in path.split("."):
        name, _, rest = part.partition("[]")
        expand = part.count("[]")
        nxt: list[Any] = []
        for value in values:
            if value is _MISSING:
                nxt.append(_MISSING)
                continue
            step = _step(value, name) if name else value
            nxt.append(step)
        values = nxt
        del rest
        for _ in range(expand):
            expanded: list[Any] = []
            for value in values:
                if value is _MISSING:
                    expanded.append(_MISSING)
                elif isinstance(value, (list, tuple)):
                    expanded.extend(value)
                else:
                    expanded.append(_MISSING)
            values = expanded
    return values


def evaluate(condition: Condition, data: Any) -> bool | None:
    """The truth of a condition for ``data``; ``None`` when it cannot be told."""
    kind = condition[0]
    if kind == "const":
        return bool(condition[1])
    if kind in ("path", "defined"):
        values = resolve(data, condition[1])
        if len(values) != 1:
            return None
        value = values[0]
        if kind == "defined":
            return value is not MISSING
        return value is not MISSING and bool(value)
    if kind == "not":
        inner = evaluate(condition[1], data)
        return None if inner is None else not inner
    if kind in ("and", "or"):
        left = evaluate(condition[1], data)
        right = evaluate(condition[2], data)
        if kind == "and":
            if left is False or right is False:
                return False
            return None if left is None or right is None else True
        if left is True or right is True:
            return True
        return None if left is None or right is None else False
    return None


def _printed(use: FieldUse, data: Any) -> bool:
    """Whether some required use of the field is printed for this data."""
    if not use.conditions:
        return use.required
    return any(
        all(evaluate(c, data) is not False for c in conditions) for conditions in use.conditions
    )


def missing_fields(
    data: Any, uses: Mapping[str, FieldUse], optional: Iterable[str] = ()
) -> list[str]:
    """The required paths ``data`` lacks, sorted; a path under a missing one is not repeated.

    ``optional`` paths (and everything under them) are never missing.
    """
    optional = tuple(optional)

    def is_optional(path: str) -> bool:
        return any(path == o or path.startswith((o + ".", o + "[]")) for o in optional)

    missing: list[str] = []
    for path in sorted(uses, key=lambda p: (p.count(".") + p.count("[]"), p)):
        use = uses[path]
        if not use.required or is_optional(path) or not _printed(use, data):
            continue
        if any(path.startswith((m + ".", m + "[]")) for m in missing):
            continue
        if any(v is _MISSING for v in resolve(data, path)):
            missing.append(path)
    return sorted(missing)

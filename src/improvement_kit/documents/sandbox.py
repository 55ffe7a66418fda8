"""The bounded Jinja sandbox every template renders in (see :mod:`.limits` for the bounds).

A ``SandboxedEnvironment`` blocks Python internals but not resource use: this subclass adds
the checks. With no render running (``templates check`` compiling a template, or Jinja folding
constants at compile time) the size checks use :data:`~.limits.DEFAULT_LIMITS` and nothing is
counted; the binary operators that could explode are intercepted, so Jinja never folds them.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import re
import threading
from collections.abc import Callable
from typing import Any

from jinja2 import Undefined, nodes, pass_context
from jinja2.sandbox import SandboxedEnvironment

from improvement_kit.documents.limits import DEFAULT_LIMITS, Budget, Limits, current_budget
from improvement_kit.errors import TemplateLimitError

__all__ = ["BoundedSandbox", "env", "static_limit_problems"]

_LOOP_FILTER = "ik_bounded_loop"
_SIZED = (str, list, tuple, dict, set, frozenset, bytes)
#: str methods whose integer arguments are output sizes
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
#: filters whose integer arguments (after the value) are output sizes or counts of items
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "batch", "slice"})
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")
_DIGITS = re.compile(r"\d+")
_NESTED_SPEC = re.compile(r"\{[^{}]*:[^{}]*\{")


def _where() -> tuple[Limits, str, Budget | None]:
    budget = current_budget()
    if budget is None:
        return DEFAULT_LIMITS, "template", None
    return budget.limits, budget.name, budget


def _too_long(length: int, what: str) -> None:
    limits, name, _ = _where()
    if length > limits.max_string_length:
        raise TemplateLimitError(
            name, "max_string_length", limits.max_string_length, f"{what} of {length} items"
        )


def _check_size(value: Any, what: str) -> None:
    if isinstance(value, _SIZED):
        _too_long(len(value), what)


def _check_width(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool):
        _too_long(abs(value), what)


def _check_format(fmt: str, args: Any, percent: bool) -> None:
    """Refuse a format string whose widths or precisions would make a huge text."""
    star = False
    if percent:
        for width, precision in _PERCENT_SPEC.findall(fmt):
            for number in (width, precision):
                if number == "*":
                    star = True
                elif number:
                    _too_long(int(number), "a format width")
    else:
        for spec in _BRACE_SPEC.findall(fmt):
            for number in _DIGITS.findall(spec):
                _too_long(int(number), "a format width")
        star = _NESTED_SPEC.search(fmt) is not None
    if star:
        values = list(args.values()) if isinstance(args, dict) else args
        for value in values if isinstance(values, (tuple, list)) else [values]:
            _check_width(value, "a format width")


def _check_replace(value: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(value, str) and isinstance(old, str) and isinstance(new, str):
        hits = value.count(old) if old else len(value) + 1
        if isinstance(count, int) and count >= 0:
            hits = min(hits, count)
        _too_long(len(value) + hits * (len(new) - len(old)), "a replacement result")


def _check_binop(op: str, left: Any, right: Any) -> None:
    limits, name, _ = _where()
    ints = (
        isinstance(left, int)
        and isinstance(right, int)
        and not isinstance(left, bool)
        and not isinstance(right, bool)
    )
    if op == "**" and ints and right > 0 and abs(left) > 1:
        bits = left.bit_length() * right
        if bits > limits.max_integer_bits:
            raise TemplateLimitError(
                name, "max_integer_bits", limits.max_integer_bits, f"a power of about {bits} bits"
            )
    elif op == "*":
        if ints:
            bits = left.bit_length() + right.bit_length()
            if bits > limits.max_integer_bits:
                raise TemplateLimitError(
                    name, "max_integer_bits", limits.max_integer_bits, f"a product of {bits} bits"
                )
        elif isinstance(left, _SIZED) and isinstance(right, int):
            _too_long(len(left) * max(right, 0), "a repetition")
        elif isinstance(right, _SIZED) and isinstance(left, int):
            _too_long(len(right) * max(left, 0), "a repetition")
    elif op == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
        _too_long(len(left) + len(right), "a concatenation")
    elif op == "%" and isinstance(left, str):
        _check_format(left, right, percent=True)


def _bounded_range(*args: Any) -> range:
    limits, name, _ = _where()
    made = range(*args)
    if len(made) > limits.max_range:
        raise TemplateLimitError(
            name, "max_range", limits.max_range, f"range() of {len(made)} numbers"
        )
    return made


def _counted(iterable: Any, budget: Budget) -> Any:
    limit = budget.limits.max_loop_iterations
    for item in iterable:
        budget.iterations += 1
        if budget.iterations > limit:
            raise budget.exceeded("max_loop_iterations", "too many loop iterations")
        if not budget.iterations & 255:
            budget.check_time()
        yield item


@pass_context
def _bounded_loop(context: Any, iterable: Any) -> Any:
    """Wraps every ``{% for %}`` iterable (inserted by :meth:`BoundedSandbox._generate`)."""
    del context
    budget = current_budget()
    if budget is None:
        return iterable
    return _counted(iterable, budget)


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    passes = hasattr(func, "jinja_pass_arg")

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = args[1:] if passes else args
        if name in _WIDTH_FILTERS:
            for arg in (*values[1:], *kwargs.values()):
                _check_width(arg, f"the {name} filter's argument")
        elif name == "replace" and len(values) >= 3:
            _check_replace(*values[:4])
        elif name == "format" and values and isinstance(values[0], str):
            _check_format(values[0], values[1:] or kwargs, percent=True)
        result = func(*args, **kwargs)
        _check_size(result, f"the {name} filter's result")
        return result

    return wrapper


def _finalize(value: Any) -> Any:
    """Every ``{{ }}`` output passes here: its size counts towards the rendered size."""
    budget = current_budget()
    if budget is not None:
        if isinstance(value, _SIZED):
            budget.chars += len(value)
            if budget.chars > budget.limits.max_rendered_chars:
                raise budget.exceeded("max_rendered_chars", "the rendered text is too long")
        budget.outputs += 1
        if not budget.outputs & 63:
            budget.check_time()
    return value


class BoundedSandbox(SandboxedEnvironment):
    """A sandboxed environment that bounds time, loops and sizes, and compiles each distinct
    source once (LRU)."""

    intercepted_binops = frozenset({"**", "*", "+", "%"})

    def __init__(self, *, autoescape: bool, size: int = 256) -> None:
        super().__init__(autoescape=autoescape, undefined=Undefined, finalize=_finalize)
        self.globals["range"] = _bounded_range
        self.globals.pop("lipsum", None)  # lipsum(n=10**9) would be a memory bomb
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters[_LOOP_FILTER] = _bounded_loop
        self._compiled: collections.OrderedDict[str, Any] = collections.OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    # -- compiling ---------------------------------------------------------------------

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        # wrap every loop's iterable, then put the tree back as it was: the caller may still
        # read it (field_uses)
        loops = list(source.find_all(nodes.For))
        originals = [loop.iter for loop in loops]
        for loop in loops:
            loop.iter = nodes.Filter(
                loop.iter, _LOOP_FILTER, [], [], None, None, lineno=loop.iter.lineno
            )
        try:
            return super()._generate(source, name, filename, defer_init)
        finally:
            for loop, original in zip(loops, originals, strict=True):
                loop.iter = original

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        key = hashlib.sha1(source.encode("utf-8")).hexdigest()
        with self._lock:
            found = self._compiled.get(key)
            if found is not None:
                self._compiled.move_to_end(key)
                return found
        compiled = super().from_string(source)
        with self._lock:
            self._compiled[key] = compiled
            while len(self._compiled) > self._size:
                self._compiled.popitem(last=False)
        return compiled

    def compile_parsed(self, source: str, tree: nodes.Template) -> None:
        """Compile ``source``, already parsed as ``tree``, into the cache :meth:`from_string`
        reads, so that it is not parsed a second time."""
        key = hashlib.sha1(source.encode("utf-8")).hexdigest()
        with self._lock:
            if key in self._compiled:
                return
        compiled = self.template_class.from_code(
            self, self.compile(tree), self.make_globals(None), None
        )
        with self._lock:
            self._compiled[key] = compiled
            while len(self._compiled) > self._size:
                self._compiled.popitem(last=False)

    # -- running -----------------------------------------------------------------------

    def concat(self, chunks: Any) -> str:
        """Joins a template's output (``Template.render``), counting its size and time."""
        budget = current_budget()
        if budget is None:
            return "".join(chunks)
        limit = budget.limits.max_rendered_chars
        parts: list[str] = []
        for index, chunk in enumerate(chunks):
            budget.chars += len(chunk)
            if budget.chars > limit:
                raise budget.exceeded("max_rendered_chars", "the rendered text is too long")
            if not index & 255:
                budget.check_time()
            parts.append(chunk)
        return "".join(parts)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        budget = current_budget()
        if budget is not None:
            budget.calls += 1
            if budget.calls > budget.limits.max_calls:
                raise budget.exceeded("max_calls", "too many calls")
            budget.check_time()
        # the sandbox wraps str.format (functools.update_wrapper): look through the wrapper
        target = getattr(obj, "__wrapped__", obj)
        owner = getattr(target, "__self__", None)
        if isinstance(owner, str):
            method = getattr(target, "__name__", "")
            if method in _WIDTH_METHODS:
                for arg in (*args, *kwargs.values()):
                    _check_width(arg, f"str.{method}'s width")
            elif method == "replace":
                _check_replace(owner, *args[:3])
            elif method in ("format", "format_map"):
                _check_format(owner, args or kwargs, percent=False)
            elif method == "join" and args:
                _check_size(args[0], "a join")
        result = super().call(context, obj, *args, **kwargs)
        _check_size(result, "a call's result")
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_size(obj, "a value")
        result = super().getattr(obj, attribute)
        _check_size(result, "an attribute")
        return result

    def getitem(self, obj: Any, argument: Any) -> Any:
        result = super().getitem(obj, argument)
        _check_size(result, "an item")
        return result


_ENVS: dict[bool, BoundedSandbox] = {}
_ENV_LOCK = threading.Lock()


def env(autoescape: bool) -> BoundedSandbox:
    """The process's sandboxed environment: autoescaped for XML, plain for properties."""
    with _ENV_LOCK:
        found = _ENVS.get(autoescape)
        if found is None:
            found = _ENVS[autoescape] = BoundedSandbox(autoescape=autoescape)
        return found


class _NotConstant(Exception):
    pass


def _constant(node: nodes.Node, sandbox: BoundedSandbox) -> Any:
    """The value of a constant expression, evaluating the intercepted operators through the
    limit checks (raises ``TemplateLimitError``, or ``_NotConstant``)."""
    if isinstance(node, nodes.BinExpr) and node.operator in sandbox.intercepted_binops:
        left, right = _constant(node.left, sandbox), _constant(node.right, sandbox)
        _check_binop(node.operator, left, right)
        try:
            return sandbox.binop_table[node.operator](left, right)
        except Exception as exc:
            raise _NotConstant from exc
    try:
        return node.as_const()  # type: ignore[attr-defined]
    except Exception as exc:  # nodes.Impossible and whatever a constant raises
        raise _NotConstant from exc


def _loop_count(node: nodes.For, sandbox: BoundedSandbox) -> int | None:
    """How many times a loop over a constant ``range()`` runs (None: not known)."""
    call = node.iter
    if (
        isinstance(call, nodes.Call)
        and isinstance(call.node, nodes.Name)
        and call.node.name == "range"
        and not call.kwargs
        and call.dyn_args is None
        and call.dyn_kwargs is None
    ):
        try:
            args = [_constant(arg, sandbox) for arg in call.args]
            return len(_bounded_range(*args))
        except (_NotConstant, TypeError, ValueError, OverflowError):
            return None
    return None


def _calls_itself_unguarded(macro: nodes.Macro) -> bool:
    def walk(node: nodes.Node) -> bool:
        if isinstance(node, (nodes.If, nodes.CondExpr, nodes.For)):
            return False  # a condition (or an empty loop) may stop the recursion
        if (
            isinstance(node, nodes.Call)
            and isinstance(node.node, nodes.Name)
            and node.node.name == macro.name
        ):
            return True
        return any(walk(child) for child in node.iter_child_nodes())

    return any(walk(child) for child in macro.body)


def static_limit_problems(tree: nodes.Template, sandbox: BoundedSandbox) -> list[tuple[int, str]]:
    """What the template check can tell without rendering: constant expressions over the
    limits of the current budget (a power, a repetition, a format width, a ``range()``),
    nested loops over constant ranges that run more often than allowed, and macros that call
    themselves unconditionally. (line, message) pairs; nothing is evaluated beyond the
    limits."""
    found: list[tuple[int, str]] = []
    limits, _, _ = _where()

    def visit(node: nodes.Node, runs: int) -> None:
        if isinstance(node, nodes.BinExpr) and node.operator in sandbox.intercepted_binops:
            try:
                _constant(node, sandbox)
            except TemplateLimitError as exc:
                found.append((node.lineno, str(exc).split(": ", 1)[-1]))
                return
            except _NotConstant:
                pass
        if isinstance(node, nodes.Macro) and _calls_itself_unguarded(node):
            found.append(
                (
                    node.lineno,
                    f"the macro {node.name!r} calls itself unconditionally: it never ends",
                )
            )
        if isinstance(node, nodes.For):
            visit(node.iter, runs)
            try:
                count = _loop_count(node, sandbox)
            except TemplateLimitError as exc:
                found.append((node.lineno, str(exc).split(": ", 1)[-1]))
                return
            inner = runs * count if count is not None else runs
            if count is not None and inner > limits.max_loop_iterations:
                found.append(
                    (
                        node.lineno,
                        f"the template cannot be rendered: nested loops run {inner} times, "
                        f"over the limit max_loop_iterations={limits.max_loop_iterations} "
                        "(raise it with --limit max_loop_iterations=N)",
                    )
                )
                return
            for child in (*node.body, *node.else_):
                visit(child, inner)
            if node.test is not None:
                visit(node.test, inner)
            return
        for child in node.iter_child_nodes():
            visit(child, runs)

    visit(tree, 1)
    return found

"""No import cycles in src/ and plugins/: every import counts, at module level, deferred inside a
function or only for type checking (a cycle hidden in any of them still couples the modules)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOTS = [Path(__file__).parents[2] / "src", Path(__file__).parents[2] / "plugins"]


def module_graph() -> dict[str, set[str]]:
    files: dict[str, Path] = {}
    for root in ROOTS:
        for path in root.rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            files[name] = path
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                # importing a.b.c also runs a and a.b: count the nearest module that exists
                while target and target not in files:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(f"{target}."):
                    graph[name].add(target)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_the_graph_sees_the_packages() -> None:
    graph = module_graph()
    assert "improvement_kit.kit" in graph["improvement_kit.timeline"]
    assert "improvement_kit.hookspecs" in graph["improvement_kit.kit"]


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert find_cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]


def test_there_are_no_import_cycles() -> None:
    cycles = find_cycles(module_graph())
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles)

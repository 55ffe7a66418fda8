"""Sphinx extension: writes ``generated/rules-<jurisdiction>.rst`` from the rule tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _table_row(cells: list[str]) -> str:
    return "   * - " + "\n     - ".join(c.replace("\n", " ") or "—" for c in cells)


def write_catalogue(out_dir: Path) -> list[str]:
    """Write one page per jurisdiction; return the page names."""
    from improvement_kit.plugins import Plugins

    plugins = Plugins.load()
    out_dir.mkdir(parents=True, exist_ok=True)
    names = []
    for jurisdiction in plugins.jurisdictions():
        book = plugins.rule_book(jurisdiction.id)
        title = f"Rules: {jurisdiction.name}"
        lines = [
            title,
            "=" * len(title),
            "",
            f"Generated from the rule tables of ``{jurisdiction.id}`` ({len(book)} rules). "
            "Each row is one rule version; the version applied is the one in force on the "
            "date of its trigger event.",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 12 20 10 14 16 18 10",
            "",
            _table_row(["id", "title", "item", "deadline", "in force", "source", "grade"]),
        ]
        for rule in sorted(book, key=lambda r: r.id):
            deadline = repr(rule.deadline) if rule.deadline is not None else ""
            source = rule.source.citation
            if rule.source.url:
                source = f"`{source} <{rule.source.url}>`__"
            lines.append(
                _table_row(
                    [
                        f"``{rule.id}``",
                        rule.title,
                        f"``{rule.item}``",
                        deadline.replace("*", r"\*"),
                        rule.in_force.describe(),
                        source,
                        f"{rule.grade.value} ({rule.nature.value})",
                    ]
                )
            )
        name = f"rules-{jurisdiction.id}"
        (out_dir / f"{name}.rst").write_text("\n".join(lines) + "\n", encoding="utf-8")
        names.append(name)
    index = ["Rule catalogue", "==============", "", ".. toctree::", "   :maxdepth: 1", ""]
    index += [f"   {n}" for n in names]
    (out_dir / "index.rst").write_text("\n".join(index) + "\n", encoding="utf-8")
    return names


def _on_init(app: Any) -> None:
    write_catalogue(Path(app.srcdir) / "generated")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _on_init)
    return {"parallel_read_safe": True, "version": "0.1"}

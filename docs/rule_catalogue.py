"""Sphinx extension: writes ``generated/rules-<jurisdiction>.rst`` from the rule tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _table_row(cells: list[str]) -> str:
    return "   * - " + "\n     - ".join(c.replace("\n", " ") or "—" for c in cells)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _point(point: Any) -> str:
    """A deadline point in words: ``20 working days following``."""
    from improvement_kit.rules import deadlines as d

    if isinstance(point, d.WorkingDaysFollowing):
        return f"{_plural(point.n, 'working day')} following"
    if isinstance(point, d.WorkingDaysBeginningWith):
        return f"the {point.n}th working day beginning with"
    if isinstance(point, d.MonthsFollowing):
        return f"{_plural(point.n, 'calendar month')} following"
    if isinstance(point, d.CalendarDaysElapsed):
        return f"once not less than {_plural(point.n, 'day')} have elapsed since ({point.reading})"
    if isinstance(point, d.CalendarDaysFollowing):
        return f"{_plural(point.n, 'calendar day')} following"
    if isinstance(point, d.OnAnchor):
        return "on the day of"
    if isinstance(point, d.SpecifiedInNotice):
        return f"the date the notice specifies ({point.field.replace('_', ' ')})"
    return repr(point)


def describe_rule_deadline(rule: Any) -> str:
    """The rule's deadline in prose, with its anchor, calendar and any repetition."""
    from improvement_kit.rules import deadlines as d

    deadline = rule.deadline
    if deadline is None:
        return ""
    anchor = rule.anchor_label or rule.anchor
    if isinstance(deadline, d.WindowOf):
        start = _point(deadline.start)
        text = f"open {'' if start.startswith('once') else 'from '}{start} {anchor}"
        if deadline.end is not None:
            text += f", until {_point(deadline.end)} {anchor}"
    elif isinstance(deadline, d.SpecifiedInNotice):
        text = _point(deadline)
    else:
        text = f"{_point(deadline)} {anchor}"
    if "working day" in text:
        text += f" (calendar: {rule.calendar.value})"
    if rule.repeat is not None:
        text += (
            f"; then every {_point(rule.repeat.every).removesuffix(' following')}, "
            f"at most {rule.repeat.times} times"
        )
        if rule.repeat.until:
            text += f", until {' or '.join(rule.repeat.until)}"
    return text


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
            deadline = describe_rule_deadline(rule)
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

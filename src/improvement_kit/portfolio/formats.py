"""The register as a readable text table, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from improvement_kit.portfolio.register import REGISTER_FIELDS, Register, RegisterRow, RowStatus

__all__ = ["register_to_csv", "register_to_data", "register_to_json", "register_to_text"]

_MARK = {
    RowStatus.OVERDUE: "!! overdue",
    RowStatus.DUE: "-> due",
    RowStatus.UPCOMING: "upcoming",
    RowStatus.DONE: "done",
}


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_row(row: RegisterRow) -> list[str]:
    provider = row.source.case.provider
    return [
        _MARK[row.status],
        row.deadline.strftime("%a %d %b %Y"),
        row.phrase,
        row.source.la_code or "-",
        _cut(f"{provider.name} ({provider.identifier})", 44),
        _cut(row.item.title, 60),
        row.source.entry.officer or "-",
    ]


def register_to_text(register: Register) -> str:
    """A table for people: one line per row, then the summary and the counts per LA."""
    header = ["status", "deadline", "when", "LA", "provider", "item", "officer"]
    table = [header, *(_text_row(r) for r in register.rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = [
        f"Register as of {register.as_of.strftime('%a %d %b %Y')}: "
        f"{len(register.cases)} cases, {len(register.rows)} items",
        "",
    ]
    for n, line in enumerate(table):
        lines.append(
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += ["", f"Summary: {register.summary_line()}", "", "Cases by local authority:"]
    for la in register.by_authority():
        categories = ", ".join(f"{k} {v}" for k, v in la.categories.items())
        programmes = ", ".join(f"{k} {v}" for k, v in la.programmes.items())
        lines.append(f"  {la.la_code} {la.name}: {la.cases} cases")
        lines.append(f"      category: {categories}")
        lines.append(f"      programme: {programmes}")
    if register.failures:
        lines += ["", f"Failed cases ({len(register.failures)}):"]
        lines += [f"  {f.message}" for f in register.failures]
    return "\n".join(lines) + "\n"


def register_to_data(register: Register) -> dict[str, Any]:
    """The register as plain data (what :func:`register_to_json` writes)."""
    from improvement_kit import __version__

    return {
        "as_of": register.as_of.isoformat(),
        "within_working_days": register.within,
        "summary": {status.value: n for status, n in register.summary().items()},
        "authorities": [
            {
                "la_code": la.la_code,
                "name": la.name,
                "cases": la.cases,
                "categories": la.categories,
                "programmes": la.programmes,
            }
            for la in register.by_authority()
        ],
        "items": [row.as_data() for row in register.rows],
        "failures": [{"case": str(f.path), "error": f.message} for f in register.failures],
        "generated_by": {"library": "improvement_kit", "version": __version__},
    }


def register_to_json(register: Register) -> str:
    """The register as indented JSON, keys in a stable order."""
    return json.dumps(register_to_data(register), indent=2, ensure_ascii=False) + "\n"


def register_to_csv(register: Register) -> str:
    """One CSV row per register row, with a header (the JSON items' fields)."""
    out = io.StringIO()
    rows = [row.as_data() for row in register.rows]
    writer = csv.DictWriter(out, fieldnames=REGISTER_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for data in rows:
        writer.writerow({k: "" if v is None else v for k, v in data.items()})
    return out.getvalue()

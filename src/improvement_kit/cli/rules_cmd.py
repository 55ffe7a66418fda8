"""``improvement-kit rules``: rule rows per jurisdiction, and how many the engine applies."""

from __future__ import annotations

import argparse
import json
from typing import Any

from improvement_kit.cli.arguments import la_code
from improvement_kit.cli.kit_options import add_strict_option, kit_from_args
from improvement_kit.rules import DECISION_ITEMS, Rule

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``rules``."""
    p = sub.add_parser(
        "rules",
        help="list rule rows, or count those the engine applies",
        description=(
            "List the rule rows of each jurisdiction (with the local procedures serving "
            "--la). --stats counts the rows that produce timeline items and, of those, the "
            "rows the generic engine applies (rows with a trigger), apart from the rows that "
            "only feed a category decision made in code; then the same over all "
            "jurisdictions, each row counted once."
        ),
    )
    p.add_argument("--jurisdiction", action="append", metavar="ID", help="only this one")
    p.add_argument(
        "--la", metavar="CODE", type=la_code, help="include the local procedures serving CODE"
    )
    p.add_argument("--stats", action="store_true", help="counts and shares, not rows")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_strict_option(p)
    p.set_defaults(handler=_rules)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _percent(part: int, whole: int) -> str:
    """``"63%"`` for 99 of 156, rounded once from the exact share."""
    return f"{part / whole:.0%}" if whole else "0%"


def _counts(rows: list[Rule]) -> dict[str, Any]:
    decision = [r for r in rows if r.item in DECISION_ITEMS]
    producing = [r for r in rows if r.item not in DECISION_ITEMS]
    applied = [r for r in producing if r.trigger is not None]
    return {
        "rows": len(rows),
        "rows_with_deadline_duty_or_power": sum(
            1 for r in rows if r.deadline is not None or r.kind.value != "status"
        ),
        "applied_by_engine": sum(1 for r in rows if r.trigger is not None),
        "applied_share": _share(sum(1 for r in rows if r.trigger is not None), len(rows)),
        "decision_rows": len(decision),
        "item_rows": len(producing),
        "item_rows_applied_by_engine": len(applied),
        "item_rows_applied_share": _share(len(applied), len(producing)),
        "item_rows_by_code": sorted(r.id for r in producing if r.trigger is None),
        "by_nature": {
            nature: sum(1 for r in rows if r.nature.value == nature)
            for nature in ("law", "national-policy", "local-policy")
        },
    }


def _rules(args: argparse.Namespace) -> int:
    kit = kit_from_args(args)
    ids = args.jurisdiction or [j.id for j in kit.jurisdictions()]
    report: list[dict[str, Any]] = []
    distinct: dict[tuple[str, str], Rule] = {}
    for jurisdiction in ids:
        book = kit.rule_book(jurisdiction, args.la)
        rows = list(book)
        distinct.update({(r.id, r.item): r for r in rows})  # a shared base row once
        report.append(
            {
                "jurisdiction": jurisdiction,
                **_counts(rows),
                "rules": [
                    {
                        "id": r.id,
                        "item": r.item,
                        "nature": r.nature.value,
                        "grade": r.grade.value,
                        "trigger": r.trigger,
                        "plugin": r.plugin,
                        "in_force": r.in_force.describe(),
                    }
                    for r in rows
                ],
            }
        )
    if args.json:
        if args.stats:
            for entry in report:
                del entry["rules"]
            if len(report) > 1:
                report.append({"jurisdiction": "all", **_counts(list(distinct.values()))})
        print(json.dumps(report, indent=2))
        return 0
    if args.stats:
        entries = [*report]
        if len(report) > 1:
            entries.append(
                {"jurisdiction": "all (each row once)", **_counts(list(distinct.values()))}
            )
        for entry in entries:
            print(
                f"{entry['jurisdiction']}: {entry['rows']} rows; "
                f"{entry['item_rows']} produce timeline items, "
                f"{entry['item_rows_applied_by_engine']} of them applied by the engine "
                f"({_percent(entry['item_rows_applied_by_engine'], entry['item_rows'])}), "
                "the rest by plugin code; "
                f"{entry['decision_rows']} only feed a category decision made in code; "
                f"law {entry['by_nature']['law']}, national policy "
                f"{entry['by_nature']['national-policy']}, local policy "
                f"{entry['by_nature']['local-policy']}"
            )
        return 0
    for entry in report:
        print(f"{entry['jurisdiction']}")
        for rule in entry["rules"]:
            if rule["trigger"]:
                how = f"on {rule['trigger']}"
            elif rule["item"] in DECISION_ITEMS:
                how = "feeds a decision"
            else:
                how = "by plugin code"
            print(
                f"  {rule['id']:<24} {rule['item']:<44} {rule['nature']:<15} "
                f"{rule['grade']:<10} {how}; {rule['in_force']}; plugin {rule['plugin']}"
            )
    return 0

"""``improvement-kit rules``: rule rows per jurisdiction, and how many the engine applies."""

from __future__ import annotations

import argparse
import json
from typing import Any

from improvement_kit.cli.arguments import la_code
from improvement_kit.cli.kit_options import add_strict_option, kit_from_args

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``rules``."""
    p = sub.add_parser(
        "rules",
        help="list rule rows, or count those the engine applies",
        description=(
            "List the rule rows of each jurisdiction (with the local procedures serving "
            "--la). --stats counts the rows that the generic engine applies (rows with a "
            "trigger) against those only plugin code uses."
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


def _rules(args: argparse.Namespace) -> int:
    kit = kit_from_args(args)
    ids = args.jurisdiction or [j.id for j in kit.jurisdictions()]
    report: list[dict[str, Any]] = []
    for jurisdiction in ids:
        book = kit.rule_book(jurisdiction, args.la)
        rows = list(book)
        dated = [r for r in rows if r.deadline is not None or r.kind.value != "status"]
        applied = [r for r in rows if r.trigger is not None]
        report.append(
            {
                "jurisdiction": jurisdiction,
                "rows": len(rows),
                "rows_with_deadline_duty_or_power": len(dated),
                "applied_by_engine": len(applied),
                "applied_share": round(len(applied) / len(rows), 3) if rows else 0.0,
                "by_nature": {
                    nature: sum(1 for r in rows if r.nature.value == nature)
                    for nature in ("law", "national-policy", "local-policy")
                },
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
        print(json.dumps(report, indent=2))
        return 0
    for entry in report:
        if args.stats:
            print(
                f"{entry['jurisdiction']}: {entry['rows']} rows, {entry['applied_by_engine']} "
                f"applied by the engine ({entry['applied_share']:.0%}); the rest are used by "
                f"plugin code; law {entry['by_nature']['law']}, national policy "
                f"{entry['by_nature']['national-policy']}, local policy "
                f"{entry['by_nature']['local-policy']}"
            )
            continue
        print(f"{entry['jurisdiction']}")
        for rule in entry["rules"]:
            how = f"on {rule['trigger']}" if rule["trigger"] else "by plugin code"
            print(
                f"  {rule['id']:<24} {rule['item']:<44} {rule['nature']:<15} "
                f"{rule['grade']:<10} {how}; {rule['in_force']}; plugin {rule['plugin']}"
            )
    return 0

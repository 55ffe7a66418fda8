"""``improvement-kit plugins``: what is installed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from improvement_kit.cli.kit_options import add_strict_option

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``plugins``."""
    p = sub.add_parser(
        "plugins",
        help="list installed plugins",
        description="List plugins with versions, jurisdictions, rule counts and templates.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_strict_option(p)
    p.set_defaults(handler=_plugins)


def _plugins(args: argparse.Namespace) -> int:
    from improvement_kit.kit import Kit

    plugins = Kit.load(strict=True if args.strict else None)
    infos = plugins.info()
    if args.json:
        data = {
            "plugins": [
                {
                    "name": i.name,
                    "distribution": i.distribution,
                    "version": i.version,
                    "hooks": list(i.hooks),
                    "jurisdictions": list(i.jurisdictions),
                    "local_procedures": list(i.procedures),
                    "local_authorities": list(i.authorities),
                    "event_types": list(i.event_types),
                    "rules": i.rule_counts,
                    "templates": list(i.templates),
                }
                for i in infos
            ],
            "problems": [{"name": p.name, "error": p.error} for p in plugins.problems],
        }
        print(json.dumps(data, indent=2))
        return 0
    for i in infos:
        version = f" {i.version}" if i.version else ""
        dist = f" ({i.distribution}{version})" if i.distribution else ""
        print(f"{i.name}{dist}")
        if i.jurisdictions:
            print(f"  jurisdictions: {', '.join(i.jurisdictions)}")
        if i.procedures:
            print(f"  local procedures: {', '.join(i.procedures)}")
            print(f"  local authorities: {', '.join(i.authorities)}")
        if i.event_types:
            print(f"  event types: {', '.join(i.event_types)}")
        for jur, n in sorted(i.rule_counts.items()):
            print(f"  rules for {jur}: {n}")
        if i.templates:
            print(f"  templates: {', '.join(i.templates)}")
        print(f"  hooks: {', '.join(i.hooks)}")
    plugins.report_problems()
    return 0

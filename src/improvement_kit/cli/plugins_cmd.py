"""``improvement-kit plugins``: what is installed."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``plugins``."""
    p = sub.add_parser(
        "plugins",
        help="list installed plugins",
        description="List plugins with versions, jurisdictions, rule counts and templates.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--strict", action="store_true", help="fail if any plugin fails to load (for CI)"
    )
    p.set_defaults(handler=_plugins)


def _plugins(args: argparse.Namespace) -> int:
    from improvement_kit.plugins import Plugins

    plugins = Plugins.load(strict=args.strict)
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
        for jur, n in sorted(i.rule_counts.items()):
            print(f"  rules for {jur}: {n}")
        if i.templates:
            print(f"  templates: {', '.join(i.templates)}")
        print(f"  hooks: {', '.join(i.hooks)}")
    for problem in plugins.problems:
        print(f"skipped {problem.name}: {problem.error}", file=sys.stderr)
    return 0

"""The ``improvement-kit`` command line.

Thin by design: each sub-command module parses its arguments, calls the library and prints.
Any :class:`~improvement_kit.errors.ImprovementKitError` becomes one line on standard error and
exit status 2; no traceback is shown for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from improvement_kit import __version__
from improvement_kit.errors import ImprovementKitError

__all__ = ["EXIT_USAGE", "main"]

#: Exit status for bad input and library errors (the same as argparse's usage errors).
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line naming the argument."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser (sub-commands registered by their modules)."""
    from improvement_kit.cli import calendar_cmd, documents_cmd, plugins_cmd, timeline_cmd

    parser = _Parser(
        prog="improvement-kit",
        description="Deadlines, follow-up and intervention for UK education providers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail if any plugin fails to load (also: IMPROVEMENT_KIT_STRICT_PLUGINS=1)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in (calendar_cmd, timeline_cmd, documents_cmd, plugins_cmd):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except ImprovementKitError as exc:
        print(f"improvement-kit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    return status

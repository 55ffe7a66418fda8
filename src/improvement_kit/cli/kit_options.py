"""The ``--strict`` option and the one kit a command builds from the installed plugins."""

from __future__ import annotations

import argparse
from typing import Any

from improvement_kit.kit import STRICT_ENV, Kit

__all__ = ["add_strict_option", "kit_from_args"]


def add_strict_option(parser: Any) -> None:
    """Add ``--strict``: a plugin that fails to load is fatal (as is
    ``IMPROVEMENT_KIT_STRICT_PLUGINS=1``)."""
    parser.add_argument(
        "--strict",
        action="store_true",
        default=argparse.SUPPRESS,
        help=f"fail if any plugin fails to load (also: {STRICT_ENV}=1)",
    )


def kit_from_args(args: argparse.Namespace) -> Kit:
    """A kit of the installed plugins; each plugin that failed to load is reported on
    standard error (or is fatal under ``--strict``)."""
    kit = Kit.load(strict=True if getattr(args, "strict", False) else None)
    kit.report_problems()
    return kit

"""``improvement-kit timeline`` and ``improvement-kit validate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from improvement_kit.cli.arguments import iso_date
from improvement_kit.cli.kit_options import add_strict_option, kit_from_args

if TYPE_CHECKING:
    from improvement_kit.kit import Kit
    from improvement_kit.model import Case, Timeline

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``timeline`` and ``validate``."""
    p = sub.add_parser(
        "timeline",
        help="compute the timeline of a case file",
        description="Compute what is due, by when and why, for a case file (YAML or JSON).",
    )
    p.add_argument("case", metavar="CASE", help="case file (.yaml, .yml or .json)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="the documented JSON contract",
    )
    fmt.add_argument(
        "--ics",
        dest="format",
        action="store_const",
        const="ics",
        help="iCalendar events (import into Outlook)",
    )
    fmt.add_argument(
        "--text", dest="format", action="store_const", const="text", help="plain text (the default)"
    )
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="add each item's status (done, due, overdue, ...) on DATE",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite FILE if it exists (never the case file itself)",
    )
    add_strict_option(p)
    p.set_defaults(handler=_timeline, format="text")

    v = sub.add_parser(
        "validate",
        help="check a case file (read it and compute its timeline, printing only problems)",
        description=(
            "Check a case file: it is read and its timeline computed, so validate refuses what "
            "timeline refuses; every reading problem is printed with its field path."
        ),
    )
    v.add_argument("case", metavar="CASE")
    add_strict_option(v)
    v.set_defaults(handler=_validate)


def _write(args: argparse.Namespace, data: str | bytes) -> None:
    output: str | None = args.output
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    from improvement_kit.fileio import atomic_write

    atomic_write(
        Path(output),
        data.encode("utf-8") if isinstance(data, str) else data,
        overwrite=args.force,
        inputs=[args.case],
    )


def _case_and_timeline(path: str, kit: Kit, as_of: Any = None) -> tuple[Case, Timeline]:
    """Read, validate and compute: the one path both commands take, so that ``validate``
    refuses exactly what ``timeline`` refuses. A problem the engine finds in the case's data
    (an :class:`InputError`, such as a compliance period it cannot read) is reported against
    the file like a reading problem."""
    from improvement_kit.errors import CaseFileError, InputError
    from improvement_kit.serialization import load_case
    from improvement_kit.timeline import build_timeline

    case = load_case(path, plugins=kit)
    try:
        return case, build_timeline(case, as_of=as_of, kit=kit)
    except InputError as exc:
        raise CaseFileError(path, [str(exc)]) from None


def _timeline(args: argparse.Namespace) -> int:
    from improvement_kit.output import timeline_to_ics, timeline_to_json, timeline_to_text

    if args.output is not None:  # refuse before any work: an input, a folder, an existing file
        from improvement_kit.fileio import check_output

        check_output(Path(args.output), overwrite=args.force, inputs=[args.case])
    case, timeline = _case_and_timeline(args.case, kit_from_args(args), args.as_of)
    if args.format == "json":
        _write(args, timeline_to_json(timeline, case))
    elif args.format == "ics":
        _write(args, timeline_to_ics(timeline))
    else:
        _write(args, timeline_to_text(timeline))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from improvement_kit.errors import CaseFileError

    kit = kit_from_args(args)
    try:
        case, _ = _case_and_timeline(args.case, kit)
    except CaseFileError as exc:
        for line in exc.errors:
            print(f"{exc.source}: {line}", file=sys.stderr)
        return 2
    print(f"{args.case}: valid ({len(case.events)} events, jurisdiction {case.jurisdiction})")
    return 0

"""``improvement-kit wales``: Welsh national categorisation, the local authority's portfolio
summary (seed 002's tables) as text, CSV or JSON, and a chart.

The work is done by the ``wales-schools`` plugin (:mod:`improvement_kit_wales_schools.
categorisation`); this module parses arguments, checks every input and output path before
writing anything, and prints. Bad input is one line and exit 2, with nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register"]

_FORMATS = ("text", "csv", "json")


def register(sub: Any) -> None:
    """Add ``wales`` and its ``categorisation-summary`` action."""
    wales = sub.add_parser(
        "wales",
        help="Welsh national categorisation and the LA's portfolio summary",
        description="Wales-only tools (national school categorisation, 2014/15 to 2019/20).",
    )
    leaves = wales.add_subparsers(dest="wales_command", metavar="ACTION")
    leaves.required = True
    summary = leaves.add_parser(
        "categorisation-summary",
        help="counts and shares by standards group, capacity and colour per round",
        description="Read a CSV (school,round,standards_group,capacity,colour[,follow_up]) and "
        "print counts and shares per round, with the movement since the previous round. An "
        "empty colour is taken from the categorisation scheme (the default scheme is a "
        "placeholder, graded unverified: the published matrix was not found).",
    )
    summary.add_argument("input", metavar="CSV", help="one row per school and round")
    summary.add_argument("--format", choices=_FORMATS, default="text", help="default text")
    summary.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    summary.add_argument("--chart", metavar="FILE", help="also draw a chart (.png or .svg)")
    summary.add_argument("--scheme", metavar="TOML", help="a categorisation matrix to use")
    summary.add_argument("--force", action="store_true", help="overwrite existing outputs")
    summary.set_defaults(handler=_summary)


def _summary(args: argparse.Namespace) -> int:
    from improvement_kit.errors import InputError, OutputError
    from improvement_kit.fileio import atomic_write, check_output
    from improvement_kit_wales_schools import categorisation as cat

    source = Path(args.input)
    outputs = [Path(p) for p in (args.output, args.chart) if p is not None]
    if args.chart is not None and Path(args.chart).suffix.lower() not in (".png", ".svg"):
        raise OutputError(f"{args.chart}: the chart must be a .png or .svg file")
    if len(outputs) == 2 and outputs[0] == outputs[1]:
        raise OutputError(f"{args.chart}: the chart and the table cannot be the same file")
    for path in outputs:
        check_output(path, overwrite=args.force, inputs=[args.input, args.scheme])
    scheme = cat.load_scheme(Path(args.scheme)) if args.scheme else cat.ASSUMED_2014
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(source), "", f"cannot be read: {exc}") from None
    try:
        rows = cat.read_portfolio(text, scheme)
    except InputError as exc:
        raise InputError(f"{source}: {exc.path}", exc.value, exc.problem) from None
    summary = cat.summarise(rows, scheme)
    rendered = {
        "text": cat.summary_text,
        "csv": cat.summary_csv,
        "json": cat.summary_json,
    }[args.format](summary)
    if args.chart is not None:
        chart = Path(args.chart)
        tmp = chart.with_name(f".{chart.name}.draw{chart.suffix}")
        try:
            cat.write_chart(summary, tmp)
            atomic_write(chart, tmp.read_bytes(), overwrite=args.force, inputs=[args.input])
        finally:
            tmp.unlink(missing_ok=True)
    if args.output is None:
        sys.stdout.write(rendered)
    else:
        atomic_write(
            Path(args.output),
            rendered.encode("utf-8"),
            overwrite=args.force,
            inputs=[args.input],
        )
    return 0

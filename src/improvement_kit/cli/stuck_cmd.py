"""``improvement-kit stuck``: which schools are stuck, since when, and where."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from improvement_kit.cli.arguments import iso_date, whole_number

__all__ = ["register"]

_LA = re.compile(r"[0-9]{3}", re.ASCII)


def _la_code(text: str) -> str:
    if not _LA.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a 3-digit LA code (e.g. 830)")
    return text


def register(sub: Any) -> None:
    """Add ``stuck``."""
    p = sub.add_parser(
        "stuck",
        help="classify schools as stuck (Ofsted 2020 or DfE 2025) from inspection histories",
        description=(
            "Read inspection histories (Ofsted management-information CSVs, one row per "
            "inspection, and/or case files), follow predecessors through GIAS links, classify "
            "every school under a definition, print a summary and (with -o) write CSV, JSON "
            "and charts."
        ),
    )
    p.add_argument("history", nargs="+", metavar="HISTORY", help="MI CSV or case file")
    p.add_argument("--links", required=True, metavar="LINKS.csv", help="GIAS links file")
    p.add_argument("--la", type=_la_code, metavar="CODE", help="only schools of this LA")
    p.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="classify as of DATE (default: today)"
    )
    p.add_argument("--definition", choices=("ofsted-2020", "dfe-2025"), default="ofsted-2020")
    p.add_argument(
        "--academic-years",
        type=whole_number,
        metavar="N",
        help="ofsted-2020: window length in academic years (default 13)",
    )
    p.add_argument(
        "--minimum-full",
        type=whole_number,
        metavar="N",
        help="ofsted-2020: full inspections needed (default 4)",
    )
    p.add_argument(
        "--no-overall-grade",
        choices=("ignore", "undetermined", "equivalent"),
        help="inspections from Sep 2024 without an overall grade: leave out, report the "
        "school as undetermined, or (dfe-2025) read the DfE's equivalent from the key "
        "judgements (default: ignore for ofsted-2020, equivalent for dfe-2025)",
    )
    p.add_argument(
        "--no-predecessors", action="store_true", help="do not count predecessors' inspections"
    )
    p.add_argument("--merged", action="store_true", help="also follow 'merged' links")
    p.add_argument("--amalgamated", action="store_true", help="also follow 'amalgamated' links")
    p.add_argument(
        "--only",
        metavar="SCHOOLS.csv",
        help="classify only the URNs in the URN column of this CSV (e.g. the schools open on "
        "the date asked, from GIAS or Ofsted's latest-inspections file)",
    )
    p.add_argument("--types", metavar="TYPES.csv", help="recorded types (URN,Type,RecordedOn)")
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="read ROLE from COLUMN in MI files (e.g. start_date='Inspection date')",
    )
    p.add_argument(
        "--encoding",
        default="utf-8-sig",
        metavar="ENC",
        help="encoding of CSV inputs: utf-8-sig (default), utf-8 or cp1252",
    )
    p.add_argument("-o", "--output", metavar="DIR", help="write CSV, JSON and charts into DIR")
    p.add_argument("--no-charts", action="store_true", help="with -o: no PNG/SVG charts")
    p.add_argument("--force", action="store_true", help="overwrite files in DIR")
    p.set_defaults(handler=_stuck)


def _outputs(args: argparse.Namespace) -> dict[str, Path]:
    if args.output is None:
        return {}
    from improvement_kit.history.charts import CHART_NAMES

    folder = Path(args.output)
    stem = f"stuck-{args.definition}"
    out = {"csv": folder / f"{stem}.csv", "json": folder / f"{stem}.json"}
    if not args.no_charts:
        for name in CHART_NAMES:
            for ext in ("png", "svg"):
                out[f"{name}.{ext}"] = folder / f"{stem}-{name}.{ext}"
    return out


@contextlib.contextmanager
def _progress(what: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on standard error when it is a terminal (and tqdm is installed)."""
    if not sys.stderr.isatty():
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield None
        return
    bar = tqdm(desc=what, unit=" rows", file=sys.stderr, leave=False)
    try:
        yield bar.update
    finally:
        bar.close()


def _definition(args: argparse.Namespace) -> Any:
    import attrs

    from improvement_kit.errors import ImprovementKitError
    from improvement_kit.history.definitions import DfE2025Stuck, NoOverallGrade, Ofsted2020Stuck

    if args.definition == "dfe-2025":
        if args.academic_years is not None or args.minimum_full is not None:
            raise ImprovementKitError(
                "--academic-years and --minimum-full apply to --definition ofsted-2020 only"
            )
        return DfE2025Stuck(
            include_predecessors=not args.no_predecessors,
            no_overall_grade=NoOverallGrade(args.no_overall_grade or "equivalent"),
        )
    if args.no_overall_grade == "equivalent":
        raise ImprovementKitError(
            "--no-overall-grade equivalent applies to --definition dfe-2025 only (ofsted-2020 "
            "has no equivalent of an overall grade)"
        )
    definition = Ofsted2020Stuck(
        include_predecessors=not args.no_predecessors,
        no_overall_grade=NoOverallGrade(args.no_overall_grade or "ignore"),
    )
    for name, value in (
        ("academic_years", args.academic_years),
        ("minimum_full", args.minimum_full),
    ):
        if value is not None:
            if value < 1:
                raise ImprovementKitError(f"--{name.replace('_', '-')} must be at least 1")
            definition = attrs.evolve(definition, **{name: value})
    return definition


def _stuck(args: argparse.Namespace) -> int:
    from improvement_kit.clock import today
    from improvement_kit.fileio import atomic_write, check_output
    from improvement_kit.history._csvfile import check_encoding
    from improvement_kit.history.analysis import (
        classify_all,
        results_to_csv,
        results_to_json,
        summary_text,
    )
    from improvement_kit.history.lineage import Lineage, read_links
    from improvement_kit.history.loading import load_histories, read_types, read_urns
    from improvement_kit.history.ofsted_mi import parse_column_map

    encoding = check_encoding(args.encoding)
    columns = parse_column_map(args.column)
    definition = _definition(args)
    inputs = [*args.history, args.links, args.types, args.only]
    outputs = _outputs(args)
    for path in outputs.values():  # refuse before any work: an input, a folder, an existing file
        check_output(path, overwrite=args.force, inputs=inputs)
    with _progress("reading histories") as on_rows:
        loaded = load_histories(args.history, columns=columns, encoding=encoding, on_rows=on_rows)
    links = read_links(args.links, encoding=encoding)
    types = read_types(args.types, encoding=encoding) if args.types else None
    lineage = Lineage.from_links(links, merged=args.merged, amalgamated=args.amalgamated)
    for predecessor, successor in loaded.predecessor_pairs:
        lineage.add(predecessor, successor)
    only = read_urns(args.only, encoding=encoding) if args.only else None
    as_of = args.as_of or today()
    analysis = classify_all(
        loaded.histories, lineage, definition, as_of, la=args.la, types=types, only=only
    )
    files: dict[Path, bytes] = {}
    if outputs:
        files[outputs["csv"]] = results_to_csv(analysis).encode("utf-8")
        files[outputs["json"]] = results_to_json(analysis).encode("utf-8")
        if not args.no_charts:
            from improvement_kit.history.charts import charts

            for name, (png, svg) in charts(analysis).items():
                files[outputs[f"{name}.png"]] = png
                files[outputs[f"{name}.svg"]] = svg
    sys.stdout.write(summary_text(analysis))
    for path, data in files.items():
        atomic_write(path, data, overwrite=args.force, inputs=inputs)
    if files:
        print(f"wrote {len(files)} files into {args.output}")
    return 0

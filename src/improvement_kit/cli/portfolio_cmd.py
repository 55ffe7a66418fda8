"""``improvement-kit register``, ``feed`` and ``report``: a portfolio of cases at once.

Each command reads every case once with one kit. A case that cannot be read is one line on
standard error naming its file; the run then stops with status 2 and writes nothing, unless
``--keep-going`` is given: the other cases are used, the failed ones are listed, and the
status is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from improvement_kit.cli.arguments import iso_date, la_code, whole_number
from improvement_kit.cli.kit_options import add_strict_option, kit_from_args
from improvement_kit.cli.progress import add_progress_options, progress_bar

if TYPE_CHECKING:
    from improvement_kit.portfolio import CaseFailure, ComputedCase, PortfolioEntry

__all__ = ["register"]

#: Exit status when some cases failed and ``--keep-going`` was given.
EXIT_SOME_FAILED = 1
_KINDS = ("law", "national-policy", "local-policy")


def _count(text: str) -> int:
    value = whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative (a count of working days)")
    return value


def _common(p: Any, *, output_required: bool, what: str) -> None:
    p.add_argument(
        "cases",
        metavar="CASES",
        nargs="*",
        help="case files, folders of case files, or glob patterns ('cases/*.yaml')",
    )
    p.add_argument(
        "--portfolio",
        metavar="FILE",
        help="a portfolio file (YAML or JSON) listing cases with their officer and programme",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar=what,
        required=output_required,
        help=f"write {what} (whole or not at all)"
        + ("" if output_required else "; default: standard output"),
    )
    p.add_argument("--force", action="store_true", help="overwrite the output if it exists")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="go on past cases that cannot be read; list them and exit with status 1",
    )
    p.add_argument("--officer", action="append", metavar="NAME", help="only this officer's cases")
    p.add_argument(
        "--executor",
        choices=("serial", "dask"),
        default="serial",
        help="where cases are computed: here (default) or on Dask (the dask extra)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a Dask scheduler (tcp://host:8786) instead of a local cluster; implies "
        "--executor dask",
    )
    add_progress_options(p)
    add_strict_option(p)


def register(sub: Any) -> None:
    """Add ``register``, ``feed`` and ``report``."""
    r = sub.add_parser(
        "register",
        help="list the open items of many cases, as of a date",
        description=(
            "Compute every case once and list its open items as of a date: overdue, due "
            "within N working days (England and Wales), upcoming (and done, when asked), "
            "sorted by date, with a summary per status and cases per local authority by "
            "category and programme."
        ),
    )
    _common(r, output_required=False, what="FILE")
    r.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date (default: today)")
    r.add_argument(
        "--within",
        type=_count,
        default=10,
        metavar="N",
        help="items due within N working days count as due (default: 10)",
    )
    r.add_argument(
        "--la", action="append", type=la_code, metavar="CODE", help="only this local authority"
    )
    r.add_argument("--jurisdiction", action="append", metavar="ID", help="only this jurisdiction")
    r.add_argument(
        "--plugin", action="append", metavar="NAME", help="only items of this plugin's rules"
    )
    r.add_argument(
        "--kind", action="append", choices=_KINDS, help="only rules of this nature (repeatable)"
    )
    r.add_argument("--programme", action="append", metavar="P", help="only this programme")
    r.add_argument(
        "--include-done", action="store_true", help="also list items that are done or closed"
    )
    r.add_argument(
        "--format", choices=("text", "csv", "json"), default="text", help="default: text"
    )
    r.set_defaults(handler=_register)

    f = sub.add_parser(
        "feed",
        help="write one iCalendar feed of many cases' deadlines",
        description=(
            "Write one .ics feed: an event per item with a deadline, with a stable UID (so a "
            "moved deadline updates its event), items met or closed kept as cancelled, and "
            "optional reminders N working days before."
        ),
    )
    _common(f, output_required=True, what="FEED.ics")
    f.add_argument(
        "--alarm",
        type=_count,
        metavar="N",
        help="a reminder at 09:00, N working days (England and Wales) before each deadline",
    )
    f.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date (default: today)")
    f.add_argument("--name", default="improvement_kit portfolio", help="the calendar's name")
    f.set_defaults(handler=_feed)

    h = sub.add_parser(
        "report",
        help="write one self-contained HTML report of many cases",
        description=(
            "Write one HTML file to open in a browser (no server, no network): the register "
            "as a sortable, filterable table, a timeline per school, cases per local "
            "authority, and the data sources."
        ),
    )
    _common(h, output_required=True, what="REPORT.html")
    h.add_argument("--as-of", type=iso_date, metavar="DATE", help="the date (default: today)")
    h.add_argument(
        "--within",
        type=_count,
        default=10,
        metavar="N",
        help="items due within N working days count as due soon (default: 10)",
    )
    h.add_argument("--title", default="Schools causing concern: register", help="page title")
    h.set_defaults(handler=_report)


def _entries(args: argparse.Namespace) -> list[PortfolioEntry]:
    from improvement_kit.fileio import check_output
    from improvement_kit.portfolio.sources import gather_entries, input_paths

    entries = gather_entries(args.cases, args.portfolio)
    args.inputs = input_paths(entries, args.portfolio)
    if args.output is not None:  # refuse before any work: an input, a folder, an existing file
        check_output(Path(args.output), overwrite=args.force, inputs=args.inputs)
    return entries


def _compute(
    args: argparse.Namespace, as_of: dt.date
) -> tuple[list[ComputedCase], list[CaseFailure]] | None:
    """Every case computed; ``None`` (after one line per failed file) when a case failed and
    ``--keep-going`` was not given."""
    from improvement_kit.portfolio import RegisterFilter
    from improvement_kit.portfolio.executors import compute_cases_on

    entries = _entries(args)
    kit = kit_from_args(args)
    executor = "dask" if args.scheduler else args.executor
    with progress_bar(args, len(entries), "cases", "cases") as bar:
        computed, failures = compute_cases_on(
            executor, entries, kit=kit, as_of=as_of, scheduler=args.scheduler, progress=bar.advance
        )
    args.plugin_info = [f"plugin {i.name} {i.version or ''}".rstrip() for i in kit.info()]
    for failure in failures:
        print(f"improvement-kit: error: {failure.message}", file=sys.stderr)
    if failures and not args.keep_going:
        print(
            f"improvement-kit: {len(failures)} of {len(entries)} cases failed; nothing written "
            "(--keep-going uses the others)",
            file=sys.stderr,
        )
        return None
    officers = frozenset(args.officer or ())
    keep = RegisterFilter(officers=officers)
    return [c for c in computed if keep.keeps_case(c)], failures


def _finish(args: argparse.Namespace, data: bytes, failures: list[CaseFailure]) -> int:
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        from improvement_kit.fileio import atomic_write

        atomic_write(Path(args.output), data, overwrite=args.force, inputs=args.inputs)
    if failures:
        print(
            f"improvement-kit: {len(failures)} cases failed and were left out: "
            + ", ".join(str(f.path) for f in failures),
            file=sys.stderr,
        )
        return EXIT_SOME_FAILED
    return 0


def _as_of(args: argparse.Namespace) -> dt.date:
    from improvement_kit.clock import today

    return args.as_of if getattr(args, "as_of", None) is not None else today()


def _register(args: argparse.Namespace) -> int:
    from improvement_kit.portfolio import RegisterFilter, build_register
    from improvement_kit.portfolio.formats import (
        register_to_csv,
        register_to_json,
        register_to_text,
    )

    as_of = _as_of(args)
    result = _compute(args, as_of)
    if result is None:
        return 2
    computed, failures = result
    keep = RegisterFilter(
        la_codes=frozenset(args.la or ()),
        jurisdictions=frozenset(args.jurisdiction or ()),
        plugins=frozenset(args.plugin or ()),
        natures=frozenset(args.kind or ()),
        programmes=frozenset(args.programme or ()),
    )
    reg = build_register(
        computed,
        as_of=as_of,
        within=args.within,
        keep=keep,
        include_done=args.include_done,
        failures=failures,
    )
    writers: dict[str, Callable[[Any], str]] = {
        "text": register_to_text,
        "csv": register_to_csv,
        "json": register_to_json,
    }
    return _finish(args, writers[args.format](reg).encode("utf-8"), failures)


def _feed(args: argparse.Namespace) -> int:
    import pendulum

    from improvement_kit.portfolio.feed import portfolio_feed

    as_of = _as_of(args)
    result = _compute(args, as_of)
    if result is None:
        return 2
    computed, failures = result
    data = portfolio_feed(
        computed,
        as_of=as_of,
        generated_at=pendulum.now("UTC"),
        alarm_days=args.alarm,
        name=args.name,
    )
    return _finish(args, data, failures)


def _report(args: argparse.Namespace) -> int:
    import pendulum

    from improvement_kit.portfolio import build_register
    from improvement_kit.portfolio.report import register_to_html

    as_of = _as_of(args)
    result = _compute(args, as_of)
    if result is None:
        return 2
    computed, failures = result
    reg = build_register(computed, as_of=as_of, within=args.within, failures=failures)
    sources = [
        *([f"portfolio file {args.portfolio}"] if args.portfolio else []),
        f"{len(computed)} case files" + (f", {len(failures)} left out" if failures else ""),
        *args.plugin_info,
    ]
    html = register_to_html(
        reg, generated_at=pendulum.now("UTC"), sources=sources, title=args.title
    )
    return _finish(args, html.encode("utf-8"), failures)

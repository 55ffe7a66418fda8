"""``improvement-kit render``, ``improvement-kit batch`` and ``improvement-kit templates``."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from improvement_kit.cli.arguments import iso_date
from improvement_kit.cli.kit_options import add_strict_option, kit_from_args
from improvement_kit.cli.progress import Progress, add_progress_options, progress_bar
from improvement_kit.errors import DocumentError, TemplateError

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``render``, ``batch`` and ``templates`` (``list``, ``check``, ``sample``)."""
    r = sub.add_parser(
        "render",
        help="render a document from a case file",
        description=(
            "Render a registered template (see 'templates list') for a case file. Missing "
            "fields are all listed and nothing is written."
        ),
    )
    r.add_argument(
        "template_id", metavar="TEMPLATE_ID", help="e.g. england-maintained:warning-notice"
    )
    r.add_argument("case", metavar="CASE", help="case file (.yaml, .yml or .json)")
    r.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="the .docx to write")
    r.add_argument(
        "--data", metavar="EXTRA.yaml", help="extra data: officers, matters of concern..."
    )
    r.add_argument("--pdf", action="store_true", help="also write a PDF beside it (LibreOffice)")
    r.add_argument("--force", action="store_true", help="overwrite existing files")
    r.add_argument("--as-of", type=iso_date, metavar="DATE", help="compute the timeline as of DATE")
    r.add_argument(
        "--template-file",
        metavar="FILE.docx",
        help="render this edited copy of the template (same fields) instead of the shipped one",
    )
    r.add_argument(
        "--house-style",
        metavar="FILE.docx",
        help="the authority's house style: styles, fonts, margins, header and footer (logo)",
    )
    _limit_options(r)
    add_strict_option(r)
    r.set_defaults(handler=_render)

    b = sub.add_parser(
        "batch",
        help="render many documents from a CSV or a folder of case files",
        description=(
            "Render one document per CSV row (columns: case, output, and dotted field names) "
            "or per case file in a folder. A bad row is reported and the others still render; "
            "the exit status is 1 if any row failed."
        ),
    )
    b.add_argument("template_id", metavar="TEMPLATE_ID")
    b.add_argument("input", metavar="INPUT", help="a .csv file or a folder of case files")
    b.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into")
    b.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1: serially in this process); with --executor dask, "
        "the local cluster's workers",
    )
    b.add_argument(
        "--executor",
        choices=("serial", "dask"),
        default="serial",
        help="serial (default): here, or on --workers processes; dask: on Dask (the dask extra)",
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a Dask scheduler (tcp://host:8786) instead of a local cluster; implies "
        "--executor dask",
    )
    b.add_argument("--data", metavar="EXTRA.yaml", help="extra data shared by every row")
    b.add_argument("--pdf", action="store_true", help="also write a PDF beside each document")
    b.add_argument("--force", action="store_true", help="overwrite existing files")
    b.add_argument("--as-of", type=iso_date, metavar="DATE", help="compute timelines as of DATE")
    add_progress_options(b)
    b.add_argument(
        "--template-file",
        metavar="FILE.docx",
        help="render this edited copy of the template (same fields) instead of the shipped one",
    )
    b.add_argument(
        "--house-style",
        metavar="FILE.docx",
        help="the authority's house style: styles, fonts, margins, header and footer (logo)",
    )
    _limit_options(b)
    add_strict_option(b)
    b.set_defaults(handler=_batch)

    t = sub.add_parser(
        "templates",
        help="list, check or sample document templates",
        description="List the registered templates, check a .docx template, or write sample data.",
    )
    tsub = t.add_subparsers(dest="templates_command", metavar="ACTION")
    tsub.required = True
    tl = tsub.add_parser("list", help="the registered templates")
    tl.add_argument("--json", action="store_true", help="as JSON")
    tl.set_defaults(handler=_list)
    tc = tsub.add_parser(
        "check",
        help="check a .docx template for mistakes",
        description=(
            "Report Jinja syntax errors, tags split across Word runs, smart quotes in tags, "
            "'{ {' with a space, and (when the template's context is known) unknown variables "
            "and unused required fields, one line per problem with its paragraph."
        ),
    )
    tc.add_argument("path", metavar="PATH", help="the .docx template")
    tc.add_argument("--template-id", metavar="ID", help="check against this template's context")
    _limit_options(tc)
    tc.set_defaults(handler=_check)
    ts = tsub.add_parser(
        "sample",
        help="write a sample case file and data file that render a template",
        description="Write DIR/case.yaml and DIR/data.yaml (fictional) that render the template.",
    )
    ts.add_argument("template_id", metavar="TEMPLATE_ID")
    ts.add_argument("-o", "--output", required=True, metavar="DIR")
    ts.add_argument("--force", action="store_true", help="overwrite existing files")
    ts.set_defaults(handler=_sample)


def _limit_options(parser: Any) -> None:
    """``--max-render-seconds`` and ``--limit NAME=VALUE`` (see docs/refusals_documents.rst)."""
    parser.add_argument(
        "--max-render-seconds",
        type=_seconds,
        metavar="S",
        help="seconds one document may take to render (default 60)",
    )
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="raise another template limit, e.g. max_loop_iterations=5000000 (repeatable)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a positive number of seconds")
    return value


def _limits(args: argparse.Namespace) -> Any:
    import attrs

    from improvement_kit.documents.limits import DEFAULT_LIMITS, parse_limit

    limits = DEFAULT_LIMITS
    for text in args.limit:
        limits = parse_limit(text, limits)
    if args.max_render_seconds is not None:
        limits = attrs.evolve(limits, max_render_seconds=args.max_render_seconds)
    return limits


def _render(args: argparse.Namespace) -> int:
    from improvement_kit.documents import render_case

    result = render_case(
        args.template_id,
        args.case,
        args.output,
        extra=args.data,
        as_of=args.as_of,
        force=args.force,
        pdf=args.pdf,
        template_file=args.template_file,
        limits=_limits(args),
        plugins=kit_from_args(args),
        house_style=args.house_style,
    )
    print(f"wrote {result.docx}")
    if result.pdf is not None:
        print(f"wrote {result.pdf}")
    return 0


def _advancing(bar: Progress) -> Callable[[int, int, Any], None]:
    """``render_batch``'s progress callback, moving ``bar`` and counting failed rows on it."""
    failed = [0]

    def on_result(done: int, total: int, result: Any) -> None:
        del done
        bar.set_total(total)
        if not result.ok:
            failed[0] += 1
            bar.note(f"{failed[0]} failed")
        bar.advance(1)

    return on_result


def _batch(args: argparse.Namespace) -> int:
    import concurrent.futures

    from improvement_kit.documents import (
        find_template,
        load_extra,
        load_house_style,
        render_batch,
    )

    if args.workers < 1:
        raise DocumentError("--workers must be at least 1")
    limits = _limits(args)
    kit = kit_from_args(args)
    # a bad house style is one error, not one per row
    house = None if args.house_style is None else load_house_style(args.house_style)
    # an unknown id or a missing template file is a usage error, not 1,000 row errors
    find_template(args.template_id, kit, template_file=args.template_file)
    source = Path(args.input)
    if not source.exists():
        raise DocumentError(f"{source}: no such file or folder")
    extra = load_extra(args.data)
    on_dask = args.executor == "dask" or args.scheduler is not None
    executor: concurrent.futures.Executor | None = None
    cluster = contextlib.ExitStack()
    if on_dask:
        from improvement_kit.portfolio.executors import dask_client

        client = cluster.enter_context(
            dask_client(args.scheduler, workers=args.workers if args.workers > 1 else None)
        )
        executor = client.get_executor(pure=False)
    elif args.workers > 1:
        executor = concurrent.futures.ProcessPoolExecutor(max_workers=args.workers)
    try:
        with progress_bar(args, None, "documents", "docs") as bar:
            results = render_batch(
                args.template_id,
                source,
                args.output,
                extra=extra,
                executor=executor,
                as_of=args.as_of,
                force=args.force,
                pdf=args.pdf,
                progress=_advancing(bar),
                template_file=args.template_file,
                limits=limits,
                plugins=kit,
                house_style=house,
            )
    finally:
        if executor is not None and not on_dask:
            executor.shutdown(cancel_futures=True)
        cluster.close()
    failed = [r for r in results if not r.ok]
    for result in failed:
        print(f"row {result.row}: {result.error}", file=sys.stderr)
    print(f"{len(results) - len(failed)} written, {len(failed)} failed, to {args.output}")
    return 1 if failed else 0


def _list(args: argparse.Namespace) -> int:
    from improvement_kit.documents import list_templates

    specs = list_templates()
    if args.json:
        data = [
            {
                "id": s.id,
                "jurisdiction": s.jurisdiction,
                "title": s.title,
                "language": s.language,
                "description": s.description,
                "context": s.context_type.__name__,
                "file": s.resource.name,
                "plugin": s.plugin,
            }
            for s in specs
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not specs:
        print("no templates registered")
        return 0
    width = max(len(s.id) for s in specs)
    for spec in specs:
        print(f"{spec.id:<{width}}  {spec.title}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from improvement_kit.documents import check_template, find_template, match_template
    from improvement_kit.documents.render import read_template_file

    path = Path(args.path)
    if not path.is_file():
        raise TemplateError(f"{path}: no such file")
    limits = _limits(args)
    data = read_template_file(path, str(path), limits)  # size checked before reading
    spec = find_template(args.template_id) if args.template_id else match_template(path)
    problems = check_template(
        data,
        context_type=spec.context_type if spec is not None else None,
        optional_fields=spec.optional_fields if spec is not None else (),
        limits=limits,
        name=str(path),
    )
    for problem in problems:
        print(problem)
    against = f" (checked against {spec.id})" if spec is not None else ""
    if problems:
        print(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {path}{against}",
            file=sys.stderr,
        )
        return 1
    print(f"{path}: no problems found{against}")
    return 0


def _sample(args: argparse.Namespace) -> int:
    import yaml

    from improvement_kit.documents import find_template
    from improvement_kit.documents.render import write_output
    from improvement_kit.errors import OutputExistsError

    spec = find_template(args.template_id)
    if spec.sample_data is None:
        raise TemplateError(f"{spec.id}: the plugin gives no sample data")
    sample = spec.sample_data()
    folder = Path(args.output)
    name = spec.id.split(":", 1)[-1]
    files = {folder / "case.yaml": sample["case"], folder / "data.yaml": sample["extra"]}
    for path in files:  # both or neither
        if path.exists() and not args.force:
            raise OutputExistsError(f"{path} exists (use --force to overwrite)")
    for path, data in files.items():
        text = f"# Sample for {spec.id} (fictional).\n" + yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=100
        )
        write_output(path, text.encode("utf-8"), overwrite=args.force)
        print(f"wrote {path}")
    case_file, data_file = files
    print(
        f"render with: improvement-kit render {spec.id} {case_file} --data {data_file} "
        f"-o {folder / (name + '.docx')}"
    )
    return 0

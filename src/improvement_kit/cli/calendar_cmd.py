"""``improvement-kit calendar``: working days, bank holidays and day-by-day explanations.

Module-level imports stay light (argparse and the standard library); the calendar is imported
inside the handlers, so building the parser for any sub-command costs nothing.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from improvement_kit.cli.arguments import iso_date, whole_number

if TYPE_CHECKING:
    from improvement_kit.calendar import Closure, WorkingDayCalendar

__all__ = ["register"]

_REGIONS = ("england-and-wales", "scotland", "northern-ireland")


def _region(text: str) -> str:
    """Check a region name for argparse; return it as given (parsed again by the library)."""
    from improvement_kit.calendar.regions import Region
    from improvement_kit.errors import UnknownRegionError

    try:
        return Region.parse(text).value
    except UnknownRegionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_region(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region",
        type=_region,
        default="england-and-wales",
        metavar="REGION",
        help=f"bank-holiday region: {', '.join(_REGIONS)} (default england-and-wales)",
    )


def _add_school(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--school-holidays",
        metavar="FILE",
        help="the school's holidays (CSV start,end,name or .ics); those longer than a week "
        "are not working days",
    )
    parser.add_argument(
        "--closures",
        metavar="FILE",
        help="closures (CSV start,end,name or .ics); every day of each is not a working day",
    )


def register(sub: Any) -> None:
    """Add the ``calendar`` sub-command and its ``add``, ``count``, ``holidays`` and ``explain``."""
    calendar = sub.add_parser(
        "calendar",
        help="working days and bank holidays",
        description="Count UK working days (weekends, Christmas Day, Good Friday and the "
        "region's bank holidays excluded).",
    )
    leaves = calendar.add_subparsers(dest="calendar_command", metavar="ACTION")
    leaves.required = True

    add = leaves.add_parser(
        "add",
        help="the day N working days after START",
        description="Print the day that ends 'the Nth working day following' START "
        "(or, with --beginning-with, the Nth working day beginning with START).",
    )
    add.add_argument("start", type=iso_date, metavar="START", help="ISO date")
    add.add_argument(
        "n", type=whole_number, metavar="N", help="working days (negative counts back)"
    )
    _add_region(add)
    add.add_argument(
        "--beginning-with", action="store_true", help="START is day 1 if it is a working day"
    )
    _add_school(add)
    add.add_argument("--json", action="store_true", help="print JSON with the explanation")
    add.set_defaults(handler=_add)

    count = leaves.add_parser(
        "count",
        help="working days after START up to and including END",
        description="Print the number of working days d with START < d <= END.",
    )
    count.add_argument("start", type=iso_date, metavar="START", help="ISO date")
    count.add_argument("end", type=iso_date, metavar="END", help="ISO date")
    _add_region(count)
    _add_school(count)
    count.add_argument("--json", action="store_true", help="print JSON")
    count.set_defaults(handler=_count)

    holidays = leaves.add_parser(
        "holidays",
        help="the weekdays of YEAR that are not working days",
        description="List the weekdays of YEAR that are not working days, with their names.",
    )
    holidays.add_argument("year", type=whole_number, metavar="YEAR", help="e.g. 2026")
    _add_region(holidays)
    holidays.add_argument("--json", action="store_true", help="print JSON")
    holidays.set_defaults(handler=_holidays)

    explain = leaves.add_parser(
        "explain",
        help="show the count day by day",
        description="Print the working-day count from START day by day.",
    )
    explain.add_argument("start", type=iso_date, metavar="START", help="ISO date")
    explain.add_argument("n", type=whole_number, metavar="N", help="working days")
    _add_region(explain)
    explain.add_argument(
        "--beginning-with", action="store_true", help="START is day 1 if it is a working day"
    )
    _add_school(explain)
    explain.set_defaults(handler=_explain)


def _calendar(args: argparse.Namespace) -> WorkingDayCalendar:
    """Return the calendar the arguments ask for (region, closures, school holidays)."""
    from improvement_kit.calendar import get_calendar

    calendar = get_calendar(args.region)
    closures = getattr(args, "closures", None)
    school = getattr(args, "school_holidays", None)
    if closures:
        calendar = calendar.with_closures(_load("--closures", closures))
    if school:
        calendar = calendar.with_school_holidays(_load("--school-holidays", school))
    return calendar


def _load(option: str, path: str) -> list[Closure]:
    """Read a holidays/closures file, naming ``option`` in any error."""
    from improvement_kit.calendar import load_school_holidays
    from improvement_kit.errors import InputError

    try:
        return load_school_holidays(path)
    except InputError as exc:
        where = f"argument {option}" + (f": {exc.path}" if exc.path else "")
        raise InputError(where, exc.value, exc.problem) from None


def _add(args: argparse.Namespace) -> int:
    calendar = _calendar(args)
    if not args.json:
        print(calendar.add(args.start, args.n, beginning_with=args.beginning_with).isoformat())
        return 0
    counted = calendar.explain(args.start, args.n, beginning_with=args.beginning_with)
    payload = {
        "date": counted.result.isoformat(),
        "provisional": counted.provisional,
        "skipped": [{"date": s.day.isoformat(), "reason": s.reason} for s in counted.skipped],
        "start": counted.start.isoformat(),
        "n": counted.n,
        "convention": counted.convention.value,
        "region": calendar.region.value,
        "calendar": calendar.name,
        "confirmed_until": calendar.confirmed_until.isoformat(),
        "description": counted.describe(),
    }
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


def _count(args: argparse.Namespace) -> int:
    calendar = _calendar(args)
    n = calendar.count(args.start, args.end)
    if not args.json:
        print(n)
        return 0
    payload = {
        "count": n,
        "start": args.start.isoformat(),
        "end": args.end.isoformat(),
        "provisional": calendar.is_provisional(args.start, args.end),
        "region": calendar.region.value,
        "calendar": calendar.name,
    }
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


def _holidays(args: argparse.Namespace) -> int:
    calendar = _calendar(args)
    days = calendar.non_working_weekdays(args.year)
    if not args.json:
        for day, reason in days:
            print(f"{day.isoformat()} {reason}")
        return 0
    payload = {
        "year": args.year,
        "region": calendar.region.value,
        "provisional": date(args.year, 12, 31) > calendar.confirmed_until,
        "holidays": [{"date": day.isoformat(), "name": reason} for day, reason in days],
    }
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from improvement_kit.calendar import format_day

    calendar = _calendar(args)
    counted = calendar.explain(args.start, args.n, beginning_with=args.beginning_with)
    rows = calendar.trace(args.start, args.n, beginning_with=args.beginning_with)
    print(f"calendar: {calendar.name}")
    for day, number, reason in rows:
        if day == args.start and not args.beginning_with:
            note = "start (day 0, not counted)" + (f"; {reason}" if reason else "")
            print(f"{format_day(day):<16} {'':>4}  {note}")
        elif number is None:
            print(f"{format_day(day):<16} {'-':>4}  {reason}")
        else:
            print(f"{format_day(day):<16} {number:>4}")
    print(counted.describe())
    print(
        f"result: {counted.result.isoformat()}" + (" (provisional)" if counted.provisional else "")
    )
    return 0

"""National school categorisation in Wales (rounds 2014/15 to 2019/20) and the local
authority's portfolio summary.

Three steps (Vale of Glamorgan cabinet, 9 Mar 2015, V3): a standards group 1-4 "determined by
Welsh Government", a capacity to improve A-D "determined by the school's Challenge Advisor",
and a support category green / yellow / amber / red from the two. From 2017/18 there is no
standards group and the category follows the capacity evaluation (issue 11; the Welsh
Government's 1 Feb 2018 release says only "a small change to the factors that decide a
school's category"). National categorisation ended in 2022.

**The published matrix was not found** (rules-wales-fe-academies.md 1.6): the default
:data:`ASSUMED_2014` scheme is a placeholder graded ``unverified`` wherever it is used. A local
authority that holds the published matrix configures it with :func:`load_scheme` (TOML).
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.errors import InputError
from improvement_kit.model import VerificationGrade

__all__ = [
    "ASSUMED_2014",
    "CAPACITIES",
    "COLOURS",
    "FOLLOW_UP_LEVELS",
    "GROUPS",
    "ROUNDS",
    "SUPPORT_DAYS",
    "PortfolioRow",
    "Scheme",
    "SupportEntitlement",
    "check_record",
    "check_round",
    "colour_for",
    "load_scheme",
    "read_portfolio",
    "summarise",
    "summary_csv",
    "summary_json",
    "summary_text",
    "write_chart",
]

#: The rounds of national categorisation, by academic year.
ROUNDS: tuple[str, ...] = ("2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20")
#: The first round without a standards group.
FIRST_CAPACITY_ONLY = "2017/18"
COLOURS: tuple[str, ...] = ("green", "yellow", "amber", "red")
CAPACITIES: tuple[str, ...] = ("A", "B", "C", "D")
GROUPS: tuple[int, ...] = (1, 2, 3, 4)
#: Estyn follow-up levels a portfolio row may name (``none`` for a school not in follow-up).
FOLLOW_UP_LEVELS: tuple[str, ...] = (
    "none",
    "special-measures",
    "significant-improvement",
    "estyn-review",
    "estyn-monitoring",
    "local-authority-monitoring",
)


def check_round(value: str, rounds: Sequence[str] = ROUNDS) -> str:
    """A round written ``2015/16`` (``2015-16`` is accepted), or an :class:`InputError`.

    >>> check_round("2015-16")
    '2015/16'
    """
    text = str(value).strip().replace("-", "/")
    if text not in rounds:
        raise InputError(
            "round",
            value,
            f"is not a national categorisation round ({rounds[0]} to {rounds[-1]}, "
            "written like 2015/16)",
        )
    return text


def check_record(round_: str, standards_group: int | None) -> None:
    """Refuse a standards group outside 1-4, or any standards group from 2017/18."""
    if standards_group is None:
        return
    if round_ >= FIRST_CAPACITY_ONLY:
        raise InputError(
            "standards_group",
            standards_group,
            f"given for {round_}: from 2017/18 there is no standards group (the category "
            "follows the capacity evaluation)",
        )
    if standards_group not in GROUPS:
        raise InputError("standards_group", standards_group, "is not a standards group (1-4)")


def _colour(value: object, where: str) -> str:
    text = str(value).strip().lower()
    if text not in COLOURS:
        raise InputError(where, value, f"is not a support category ({', '.join(COLOURS)})")
    return text


def _capacity(value: object, where: str) -> str:
    text = str(value).strip().upper()
    if text not in CAPACITIES:
        raise InputError(where, value, "is not a capacity to improve (A, B, C or D)")
    return text


def _group(value: object, where: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number not in GROUPS:
        raise InputError(where, value, "is not a standards group (1-4)")
    return number


@attrs.frozen
class Scheme:
    """A versioned categorisation matrix: ``matrix[group][capacity]`` for the rounds with a
    standards group, ``by_capacity[capacity]`` from 2017/18; ``grade`` says how far it is
    verified (the default is ``unverified``)."""

    id: str
    version: str
    matrix: Mapping[int, Mapping[str, str]]
    by_capacity: Mapping[str, str]
    grade: VerificationGrade
    source: str
    rounds: tuple[str, ...] = ROUNDS

    def colour(self, round_: str, capacity: str, standards_group: int | None) -> str:
        """The support category the scheme gives."""
        check_record(round_, standards_group)
        capacity = _capacity(capacity, "capacity")
        if round_ >= FIRST_CAPACITY_ONLY:
            return self.by_capacity[capacity]
        if standards_group is None:
            raise InputError(
                "standards_group", None, f"is required for {round_} (rounds before 2017/18)"
            )
        return self.matrix[standards_group][capacity]

    def describe(self) -> str:
        """``"scheme assumed-2014 v0 (unverified): ..."``."""
        return f"scheme {self.id} v{self.version} ({self.grade}): {self.source}"


#: PLACEHOLDER matrix: the published one was not found. Rows are standards groups 1-4,
#: columns capacity A-D. Shape only (a better group and capacity never give more support).
ASSUMED_2014 = Scheme(
    id="assumed-2014",
    version="0",
    matrix={
        1: {"A": "green", "B": "green", "C": "yellow", "D": "amber"},
        2: {"A": "green", "B": "yellow", "C": "amber", "D": "amber"},
        3: {"A": "yellow", "B": "amber", "C": "amber", "D": "red"},
        4: {"A": "amber", "B": "amber", "C": "red", "D": "red"},
    },
    by_capacity={"A": "green", "B": "yellow", "C": "amber", "D": "red"},
    grade=VerificationGrade.UNVERIFIED,
    source=(
        "placeholder: the published national categorisation matrix was not found "
        "(rules-wales-fe-academies.md 1.6); configure the real one with --scheme"
    ),
)


def load_scheme(path: Path) -> Scheme:
    """A scheme from TOML::

    id = "published-2014"
    version = "1"
    grade = "primary"
    source = "Welsh Government, National School Categorisation System guidance (2014)"
    rounds = ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20"]
    [matrix]
    1 = { A = "green", B = "green", C = "yellow", D = "amber" }
    ...
    [by_capacity]
    A = "green"
    ...
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(str(path), "", f"cannot be read as a scheme: {exc}") from None
    matrix: dict[int, dict[str, str]] = {}
    for group_text, row in dict(data.get("matrix", {})).items():
        group = _group(group_text, f"{path}: matrix")
        matrix[group] = {
            _capacity(k, f"{path}: matrix.{group}"): _colour(v, f"{path}: matrix.{group}.{k}")
            for k, v in dict(row).items()
        }
    by_capacity = {
        _capacity(k, f"{path}: by_capacity"): _colour(v, f"{path}: by_capacity.{k}")
        for k, v in dict(data.get("by_capacity", {})).items()
    }
    for group in GROUPS:
        if set(matrix.get(group, {})) != set(CAPACITIES):
            raise InputError(f"{path}: matrix.{group}", "", "needs a colour for A, B, C and D")
    if set(by_capacity) != set(CAPACITIES):
        raise InputError(f"{path}: by_capacity", "", "needs a colour for A, B, C and D")
    try:
        grade = VerificationGrade(str(data.get("grade", "unverified")))
    except ValueError:
        raise InputError(f"{path}: grade", data.get("grade"), "is not a grade") from None
    rounds = tuple(str(r).replace("-", "/") for r in data.get("rounds", ROUNDS))
    return Scheme(
        id=str(data.get("id", path.stem)),
        version=str(data.get("version", "1")),
        matrix=matrix,
        by_capacity=by_capacity,
        grade=grade,
        source=str(data.get("source", str(path))),
        rounds=rounds,
    )


def colour_for(
    round_: str, capacity: str, standards_group: int | None, scheme: Scheme = ASSUMED_2014
) -> str:
    """The support category the scheme gives (the placeholder by default: unverified).

    >>> colour_for("2015/16", "B", 2), colour_for("2018/19", "D", None)
    ('yellow', 'red')
    """
    return scheme.colour(check_round(round_, scheme.rounds), capacity, standards_group)


@attrs.frozen
class SupportEntitlement:
    """Support days per colour, with the grade of each figure's source."""

    colour: str
    days: int
    grade: VerificationGrade
    source: str
    triggers: str = ""


_WG_2018 = "https://www.gov.wales/latest-categorisation-reveals-improvement-school-performance"
#: "Green schools require just four days of support and yellow schools receive up to 10 days
#: of support" (Welsh Government, 1 Feb 2018: V1). Amber 15 and red 25 come from issue 11
#: only (no source read: unverified), as does red triggering the LA's warning letter.
SUPPORT_DAYS: Mapping[str, SupportEntitlement] = {
    "green": SupportEntitlement("green", 4, VerificationGrade.PRIMARY, _WG_2018),
    "yellow": SupportEntitlement("yellow", 10, VerificationGrade.PRIMARY, _WG_2018),
    "amber": SupportEntitlement(
        "amber", 15, VerificationGrade.UNVERIFIED, "issue 11 (no source read)"
    ),
    "red": SupportEntitlement(
        "red",
        25,
        VerificationGrade.UNVERIFIED,
        "issue 11 (no source read)",
        triggers="the local authority's warning letter (unverified)",
    ),
}


@attrs.frozen
class PortfolioRow:
    """One school's categorisation in one round."""

    school: str
    round: str
    capacity: str
    colour: str
    standards_group: int | None = None
    colour_from_scheme: bool = False
    follow_up: str | None = None


def read_portfolio(text: str, scheme: Scheme = ASSUMED_2014) -> list[PortfolioRow]:
    """Rows from CSV with the header ``school,round,standards_group,capacity,colour``
    (``standards_group`` empty from 2017/18; ``colour`` empty to take it from the scheme).
    Every problem is an :class:`InputError` naming the line."""
    reader = csv.DictReader(io.StringIO(text))
    needed = {"school", "round", "capacity"}
    if reader.fieldnames is None or not needed <= set(reader.fieldnames):
        raise InputError("header", reader.fieldnames, f"must name {', '.join(sorted(needed))}")
    rows: list[PortfolioRow] = []
    seen: set[tuple[str, str]] = set()
    for number, record in enumerate(reader, start=2):
        where = f"line {number}"
        school = (record.get("school") or "").strip()
        if not school:
            raise InputError(f"{where}: school", "", "is empty")
        try:
            round_ = check_round(record.get("round") or "", scheme.rounds)
        except InputError as exc:
            raise InputError(f"{where}: round", exc.value, exc.problem) from None
        capacity = _capacity(record.get("capacity") or "", f"{where}: capacity")
        group_text = (record.get("standards_group") or "").strip()
        group = _group(group_text, f"{where}: standards_group") if group_text else None
        try:
            check_record(round_, group)
        except InputError as exc:
            raise InputError(f"{where}: standards_group", exc.value, exc.problem) from None
        colour_text = (record.get("colour") or "").strip()
        if colour_text:
            colour, derived = _colour(colour_text, f"{where}: colour"), False
        else:
            try:
                colour, derived = scheme.colour(round_, capacity, group), True
            except InputError as exc:
                raise InputError(f"{where}: {exc.path}", exc.value, exc.problem) from None
        follow_up = (record.get("follow_up") or "").strip().lower() or None
        if follow_up is not None and follow_up not in FOLLOW_UP_LEVELS:
            raise InputError(
                f"{where}: follow_up",
                follow_up,
                f"is not an Estyn follow-up level ({', '.join(FOLLOW_UP_LEVELS)})",
            )
        if (school, round_) in seen:
            raise InputError(f"{where}: school", school, f"appears twice in {round_}")
        seen.add((school, round_))
        rows.append(PortfolioRow(school, round_, capacity, colour, group, derived, follow_up))
    if not rows:
        raise InputError("input", "", "has no rows")
    return rows


def _shares(counter: Counter[Any], keys: Iterable[Any], total: int) -> dict[str, Any]:
    return {
        str(k): {"count": counter[k], "share": round(counter[k] / total, 4) if total else 0.0}
        for k in keys
    }


def summarise(rows: Sequence[PortfolioRow], scheme: Scheme = ASSUMED_2014) -> dict[str, Any]:
    """Counts and shares by standards group, capacity and colour per round, and the movement
    of each count since the previous round present."""
    years: dict[str, Any] = {}
    previous: dict[str, Any] | None = None
    for round_ in [r for r in scheme.rounds if any(row.round == r for row in rows)]:
        these = [row for row in rows if row.round == round_]
        total = len(these)
        entry: dict[str, Any] = {
            "schools": total,
            "colour": _shares(Counter(r.colour for r in these), COLOURS, total),
            "capacity": _shares(Counter(r.capacity for r in these), CAPACITIES, total),
            "standards_group": (
                _shares(Counter(r.standards_group for r in these), GROUPS, total)
                if round_ < FIRST_CAPACITY_ONLY
                else None
            ),
            "colour_from_scheme": sum(r.colour_from_scheme for r in these),
            "follow_up": (
                _shares(Counter(r.follow_up for r in these), FOLLOW_UP_LEVELS, total)
                if any(r.follow_up for r in these)
                else None
            ),
        }
        if previous is not None:
            entry["movement"] = {
                dimension: {
                    key: entry[dimension][key]["count"] - previous[dimension][key]["count"]
                    for key in entry[dimension]
                }
                for dimension in ("colour", "capacity", "standards_group")
                if entry[dimension] is not None and previous[dimension] is not None
            }
        else:
            entry["movement"] = None
        years[round_] = entry
        previous = entry
    derived = any(r.colour_from_scheme for r in rows)
    return {
        "scheme": {
            "id": scheme.id,
            "version": scheme.version,
            "grade": str(scheme.grade),
            "used": derived,
            "source": scheme.source,
        },
        "support_days": {
            c: {"days": s.days, "grade": str(s.grade), "source": s.source}
            for c, s in SUPPORT_DAYS.items()
        },
        "rounds": years,
    }


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def summary_text(summary: Mapping[str, Any]) -> str:
    """The summary as a plain-text table (one block per dimension, rounds as columns)."""
    rounds = list(summary["rounds"])
    lines: list[str] = ["National categorisation: portfolio summary"]
    width = max(12, *(len(r) + 9 for r in rounds))
    header = "".ljust(18) + "".join(r.rjust(width) for r in rounds)
    for dimension, keys, label in (
        ("standards_group", [str(g) for g in GROUPS], "Standards group"),
        ("capacity", list(CAPACITIES), "Capacity"),
        ("colour", list(COLOURS), "Support category"),
    ):
        lines += ["", label, header]
        for key in keys:
            cells = []
            for r in rounds:
                block = summary["rounds"][r][dimension]
                if block is None:
                    cells.append("-".rjust(width))
                    continue
                cell = f"{block[key]['count']} ({_pct(block[key]['share'])})"
                movement = (summary["rounds"][r]["movement"] or {}).get(dimension)
                if movement is not None:
                    cell += f" {movement[key]:+d}"
                cells.append(cell.rjust(width))
            lines.append(f"  {key}".ljust(18) + "".join(cells))
    lines += [
        "",
        "Schools".ljust(18)
        + "".join(str(summary["rounds"][r]["schools"]).rjust(width) for r in rounds),
    ]
    scheme = summary["scheme"]
    if scheme["used"]:
        lines.append(
            f"Colours taken from scheme {scheme['id']} v{scheme['version']} "
            f"({scheme['grade']}): {scheme['source']}"
        )
    lines.append("Movement: change in count since the previous round.")
    return "\n".join(lines) + "\n"


def summary_csv(summary: Mapping[str, Any]) -> str:
    """One row per round, dimension and value: count, share and movement."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["round", "dimension", "value", "count", "share", "movement"])
    for round_, entry in summary["rounds"].items():
        for dimension in ("standards_group", "capacity", "colour", "follow_up"):
            block = entry[dimension]
            if block is None:
                continue
            movement = (entry["movement"] or {}).get(dimension)
            for key, cell in block.items():
                change = "" if movement is None else movement[key]
                writer.writerow([round_, dimension, key, cell["count"], cell["share"], change])
    return out.getvalue()


def summary_json(summary: Mapping[str, Any]) -> str:
    """The summary as JSON."""
    return json.dumps(summary, indent=2, ensure_ascii=False) + "\n"


_CHART_COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "amber": "#ef6c00", "red": "#c62828"}


def write_chart(summary: Mapping[str, Any], path: Path) -> None:
    """A stacked bar chart of schools per support category per round (PNG or SVG by the
    file's suffix), drawn with matplotlib's Agg backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rounds = list(summary["rounds"])
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    bottoms = [0] * len(rounds)
    for colour in COLOURS:
        counts = [summary["rounds"][r]["colour"][colour]["count"] for r in rounds]
        ax.bar(rounds, counts, bottom=bottoms, color=_CHART_COLOURS[colour], label=colour)
        bottoms = [b + c for b, c in zip(bottoms, counts, strict=True)]
    ax.set_ylabel("schools")
    ax.set_title("National categorisation: schools by support category")
    ax.set_ylim(0, max([*bottoms, 1]) * 1.1)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    if summary["scheme"]["used"]:
        fig.text(
            0.01,
            0.01,
            f"colours from scheme {summary['scheme']['id']} ({summary['scheme']['grade']})",
            fontsize=7,
        )
    fig.tight_layout()
    try:
        fig.savefig(path)
    finally:
        plt.close(fig)

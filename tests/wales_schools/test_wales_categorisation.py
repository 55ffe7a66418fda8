"""National categorisation (issue 11 part 2): events per round, the LA's portfolio summary
for 26 fictional schools (the shape of seed 002's tables), the chart, and bad input.

Seed 002: "Twelve out of 26 schools are in standards group 1 and a further 7 in standards
group 2. Only four schools are in receipt of an amber level of support while 24 of the schools
are judged to be in group A or B for capacity to improve." The 2015/16 round below has those
numbers; the 2014/15 round before it is invented.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import improvement_kit_wales_schools
from improvement_kit.cli import main
from improvement_kit.errors import CaseFileError
from improvement_kit.model import VerificationGrade
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from improvement_kit_wales_schools import categorisation as cat


def _round(round_: str, groups: list[int], capacities: str, colours: list[str]) -> list[str]:
    assert len(groups) == len(capacities) == len(colours) == 26
    return [
        f"Ysgol Ffug {n + 1:02d},{round_},{g},{c},{colour}"
        for n, (g, c, colour) in enumerate(zip(groups, capacities, colours, strict=True))
    ]


# 2014/15: groups 9/8/6/3, capacity A7 B13 C5 D1, colours green 8, yellow 11, amber 6, red 1.
R2014 = _round(
    "2014/15",
    [1] * 9 + [2] * 8 + [3] * 6 + [4] * 3,
    "A" * 7 + "B" * 13 + "C" * 5 + "D",
    ["green"] * 8 + ["yellow"] * 11 + ["amber"] * 6 + ["red"],
)
# 2015/16 (seed 002): groups 12/7/5/2, capacity A10 B14 C2 D0, green 12, yellow 10, amber 4.
R2015 = _round(
    "2015/16",
    [1] * 12 + [2] * 7 + [3] * 5 + [4] * 2,
    "A" * 10 + "B" * 14 + "C" * 2,
    ["green"] * 12 + ["yellow"] * 10 + ["amber"] * 4,
)
PORTFOLIO = "\n".join(["school,round,standards_group,capacity,colour", *R2014, *R2015]) + "\n"


def test_the_26_school_summary_has_seed_002s_counts_and_the_movement() -> None:
    summary = cat.summarise(cat.read_portfolio(PORTFOLIO))
    year = summary["rounds"]["2015/16"]
    assert year["schools"] == 26
    assert year["standards_group"]["1"]["count"] == 12
    assert year["standards_group"]["2"]["count"] == 7
    assert year["colour"]["amber"]["count"] == 4
    assert year["capacity"]["A"]["count"] + year["capacity"]["B"]["count"] == 24
    # 12 / 26 = 0.4615...
    assert year["standards_group"]["1"]["share"] == 0.4615
    # Movement since 2014/15: green 8 -> 12 (+4), yellow 11 -> 10 (-1), amber 6 -> 4 (-2),
    # red 1 -> 0 (-1); group 1 9 -> 12 (+3).
    assert year["movement"]["colour"] == {"green": 4, "yellow": -1, "amber": -2, "red": -1}
    assert year["movement"]["standards_group"]["1"] == 3
    assert summary["rounds"]["2014/15"]["movement"] is None
    assert summary["scheme"]["used"] is False  # every colour was recorded


def test_the_summary_renders_as_text_csv_and_json() -> None:
    summary = cat.summarise(cat.read_portfolio(PORTFOLIO))
    text = cat.summary_text(summary)
    assert "12 (46%) +3" in text and "Support category" in text
    rows = list(csv.DictReader(io.StringIO(cat.summary_csv(summary))))
    amber = next(r for r in rows if r["round"] == "2015/16" and r["value"] == "amber")
    assert (amber["count"], amber["movement"]) == ("4", "-2")
    assert json.loads(cat.summary_json(summary))["rounds"]["2015/16"]["schools"] == 26


def test_the_cli_writes_the_table_and_a_png_chart(tmp_path: Path) -> None:
    source = tmp_path / "portfolio.csv"
    source.write_text(PORTFOLIO, encoding="utf-8")
    table, chart = tmp_path / "summary.json", tmp_path / "chart.png"
    status = main(
        [
            "wales",
            "categorisation-summary",
            str(source),
            "--format",
            "json",
            "-o",
            str(table),
            "--chart",
            str(chart),
        ]
    )
    assert status == 0
    assert json.loads(table.read_text())["rounds"]["2014/15"]["colour"]["red"]["count"] == 1
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "chart.png",
        "portfolio.csv",
        "summary.json",
    ]


def test_colours_from_the_placeholder_matrix_say_so() -> None:
    text = (
        "school,round,standards_group,capacity,colour\nYsgol A,2015/16,2,B,\nYsgol B,2018/19,,D,\n"
    )
    rows = cat.read_portfolio(text)
    assert [(r.colour, r.colour_from_scheme) for r in rows] == [("yellow", True), ("red", True)]
    summary = cat.summarise(rows)
    assert summary["scheme"]["grade"] == "unverified" and summary["scheme"]["used"]
    assert "unverified" in cat.summary_text(summary)


def test_a_configured_scheme_replaces_the_placeholder(tmp_path: Path) -> None:
    rows = "\n".join(
        f'{g} = {{ A = "green", B = "green", C = "green", D = "red" }}' for g in (1, 2, 3, 4)
    )
    path = tmp_path / "scheme.toml"
    path.write_text(
        f'id = "la-copy"\nversion = "2"\ngrade = "partial"\nsource = "LA copy"\n[matrix]\n{rows}\n'
        '[by_capacity]\nA = "green"\nB = "green"\nC = "amber"\nD = "red"\n',
        encoding="utf-8",
    )
    scheme = cat.load_scheme(path)
    assert scheme.grade is VerificationGrade.PARTIAL
    assert cat.colour_for("2014/15", "C", 4, scheme) == "green"


BAD = [
    pytest.param("Ysgol A,2015/16,1,A,purple", "colour", id="an unknown colour"),
    pytest.param("Ysgol A,2015/16,5,A,green", "standards_group", id="an unknown standards group"),
    pytest.param("Ysgol A,2015/16,1,E,green", "capacity", id="an unknown capacity"),
    pytest.param("Ysgol A,2015/16,1,A,green,purple-alert", "follow_up", id="an unknown level"),
    pytest.param("Ysgol A,2020/21,,A,green", "round", id="a round after 2019/20"),
    pytest.param("Ysgol A,2013/14,1,A,green", "round", id="a round before 2014/15"),
    pytest.param("Ysgol A,2017/18,1,A,green", "standards_group", id="a group for 2017/18"),
]


@pytest.mark.parametrize(("row", "field"), BAD)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str, field: str
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(f"school,round,standards_group,capacity,colour,follow_up\n{row}\n")
    out, chart = tmp_path / "out.csv", tmp_path / "chart.png"
    args = ["wales", "categorisation-summary", str(source), "-o", str(out), "--chart", str(chart)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"line 2: {field}" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


# --- Events ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_wales_schools]
    )
    return Plugins(pm, problems)


def _case(*events: dict[str, Any]) -> dict[str, Any]:
    return {
        "jurisdiction": "wales-schools",
        "provider": {
            "school_number": "6602026",
            "name": "Ysgol Ffug 26",
            "type": "welsh-maintained-school",
        },
        "events": list(events),
    }


def test_a_red_categorisation_is_recorded_with_its_graded_support(plugins: Plugins) -> None:
    data = _case(
        {
            "type": "categorisation-recorded",
            "date": "2015-01-19",
            "round": "2014/15",
            "standards_group": 4,
            "capacity": "D",
            "colour": "red",
        }
    )
    t = build_timeline(case_from_data(data), plugins=plugins)
    support = t.get("categorisation.support")
    assert support.value == "red" and support.rule.grade is VerificationGrade.UNVERIFIED
    assert t.get("categorisation.warning-letter").value == "warning-letter-expected"
    assert t.find("categorisation.colour-from-placeholder-matrix") is None


def test_a_colour_left_out_comes_from_the_placeholder_matrix_and_says_so(plugins: Plugins) -> None:
    data = _case(
        {
            "type": "categorisation-recorded",
            "date": "2016-01-18",
            "round": "2015/16",
            "standards_group": 1,
            "capacity": "A",
        }
    )
    t = build_timeline(case_from_data(data), plugins=plugins)
    assert t.get("categorisation.support").value == "green"
    assert t.get("categorisation.support").rule.grade is VerificationGrade.PRIMARY
    assert t.get("categorisation.colour-from-placeholder-matrix").value == "unverified-matrix"


@pytest.mark.parametrize(
    "event",
    [
        {"round": "2021/22", "capacity": "A", "colour": "green"},
        {"round": "2018/19", "standards_group": 2, "capacity": "A", "colour": "green"},
        {"round": "2015/16", "standards_group": 2, "capacity": "Z", "colour": "green"},
        {"round": "2015/16", "standards_group": 2, "capacity": "A", "colour": "blue"},
        {"round": "2015/16", "capacity": "A", "colour": "green"},
    ],
    ids=[
        "a round after 2019/20",
        "a group in 2018/19",
        "capacity Z",
        "colour blue",
        "no group in 2015/16",
    ],
)
def test_a_bad_categorisation_event_is_refused(event: dict[str, Any]) -> None:
    with pytest.raises(CaseFileError):
        case_from_data(_case({"type": "categorisation-recorded", "date": "2016-01-18", **event}))

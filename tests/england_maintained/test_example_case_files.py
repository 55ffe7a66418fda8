"""The example case files in examples/england, run through the command line
(``improvement-kit timeline CASE --json``), with key dates counted by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from improvement_kit.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "england"


def run(name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["timeline", str(EXAMPLES / name), "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in data["items"]}


def test_special_measures_2019(capsys: pytest.CaptureFixture[str]) -> None:
    items = by_id(run("special-measures-2019.yaml", capsys))
    assert items["category"]["value"] == "special-measures"
    assert items["category"]["rule"]["id"] == "EM-CAT-2015"
    # draft received Wed 20 Mar 2019: 21, 22, 25, 26, 27 Mar
    assert items["draft-report-comments.due"]["due"] == "2019-03-27"
    # final report Tue 2 Apr 2019; Easter holiday 8-22 Apr excluded (school calendar)
    assert items["parents-report-copy.due"]["due"] == "2019-04-24"
    assert items["statement-of-action.due"]["due"] == "2019-05-01"
    assert items["eligible-for-intervention"]["value"] == "s.62"
    assert items["eligible-for-intervention"]["due"] == "2019-04-02"
    assert items["academy-order"]["details"]["kind"] == "duty"
    assert items["la-power.s65"]["window"]["start"] == "2019-04-02"


def test_warning_notice_christmas_2014(capsys: pytest.CaptureFixture[str]) -> None:
    data = run("warning-notice-christmas-2014.yaml", capsys)
    items = by_id(data)
    assert items["warning-notice.initial-period-end"]["due"] == "2015-01-13"
    assert items["warning-notice.representations-deadline"]["due"] == "2015-01-13"
    assert items["warning-notice.compliance-period-end"]["due"] == "2015-01-13"
    assert items["eligible-for-intervention"]["due"] == "2015-01-20"
    assert items["la-power.s63"]["window"] == {"start": "2015-01-20", "end": "2015-03-13"}
    assert items["la-power.s65"]["window"] == {"start": "2015-01-20", "end": None}
    assert "Chief Inspector" in items["warning-notice.copies"]["details"]["copies"]
    assert "sos-power.s66a" not in items


def test_warning_notice_specified_2025(capsys: pytest.CaptureFixture[str]) -> None:
    items = by_id(run("warning-notice-specified-2025.yaml", capsys))
    assert "warning-notice.initial-period-end" not in items
    assert items["warning-notice.compliance-period-end"]["due"] == "2025-02-07"
    assert items["eligible-for-intervention"]["due"] == "2025-02-10"
    for power in ("la-power.s63", "la-power.s64", "la-power.s66", "sos-power.s66a"):
        assert items[power]["window"] == {"start": "2025-02-10", "end": "2025-04-07"}
    copies = items["warning-notice.copies"]["details"]["copies"]
    assert "Secretary of State" in copies and "diocesan authority" in copies


def test_report_card_2026_before_29_june(capsys: pytest.CaptureFixture[str]) -> None:
    items = by_id(run("report-card-2026-before-29-june.yaml", capsys))
    assert items["category"]["value"] == "special-measures"
    # draft Thu 12 Mar 2026: 13, 16, 17, 18, 19 Mar
    assert items["draft-report-comments.due"]["due"] == "2026-03-19"
    # final Tue 24 Mar 2026; Easter holiday 30 Mar - 10 Apr excluded
    assert items["parents-report-copy.due"]["due"] == "2026-04-14"
    assert items["statement-of-action.due"]["due"] == "2026-04-21"
    assert items["academy-order"]["kind"] == "obligation"
    assert items["academy-order"]["details"]["kind"] == "duty"
    assert items["academy-order.saving"]["due"] == "2026-06-29"


def test_report_card_2026_after_29_june(capsys: pytest.CaptureFixture[str]) -> None:
    items = by_id(run("report-card-2026-after-29-june.yaml", capsys))
    assert items["category"]["value"] == "significant-improvement"
    assert items["eligible-for-intervention"]["value"] == "s.61"
    assert items["academy-order"]["kind"] == "power"
    assert items["academy-order"]["details"]["kind"] == "power"
    # final Tue 14 Jul 2026; summer holiday 22 Jul - 1 Sep excluded
    assert items["statement-of-action.due"]["due"] == "2026-09-08"
    assert items["parents-report-copy.due"]["due"] == "2026-07-21"

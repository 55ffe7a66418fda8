"""Fixtures for the portfolio commands: a kit with the two example council plugins, and
small hand-written case files."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from improvement_kit.kit import Kit

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "portfolio"
COUNCILS = [
    ROOT / "examples" / "plugins" / "derbyshire" / "src",
    ROOT / "examples" / "plugins" / "northmoor" / "src",
]
#: A Monday: the day the example portfolio is written for.
MONDAY = dt.date(2026, 11, 30)


@pytest.fixture
def council_kit(monkeypatch: pytest.MonkeyPatch) -> Iterator[Kit]:
    """The installed plugins plus the Derbyshire (830) and Northmoor (999) examples."""
    for folder in COUNCILS:
        monkeypatch.syspath_prepend(str(folder))
    import derbyshire_procedure
    import northmoor_closures

    yield Kit.load(plugins=[derbyshire_procedure, northmoor_closures])
    for name in ("derbyshire_procedure", "northmoor_closures"):
        sys.modules.pop(name, None)


#: A fictional maintained school in special measures: final report received Mon 16 Nov 2026.
SPECIAL_MEASURES = """\
    jurisdiction: england-maintained
    provider:
      urn: "{urn}"
      name: {name}
      type: community
      local_authority: Westmarsh Borough Council
      la_code: "{la}"
    events:
      - id: inspection
        type: inspection
        start: 2026-11-03
        end: 2026-11-04
        grades:
          inclusion: urgent-improvement
          curriculum-and-teaching: needs-attention
          achievement: urgent-improvement
          attendance-and-behaviour: expected-standard
          personal-development-and-well-being: expected-standard
          leadership-and-governance: urgent-improvement
        safeguarding: not-met
      - {{id: notice, type: ofsted-category-notice, date: {notice}, category: special-measures}}
      - {{id: final-report, type: final-report-received, date: {notice}}}
"""


@pytest.fixture
def write_case(tmp_path: Path) -> Callable[..., Path]:
    """``write_case(name, urn=..., la=..., notice=...)``: a special-measures case file."""

    def write(
        file: str = "case.yaml",
        *,
        urn: str = "997901",
        name: str = "Quillmoor Community Primary School",
        la: str = "997",
        notice: str = "2026-11-16",
    ) -> Path:
        path = tmp_path / file
        text = SPECIAL_MEASURES.format(urn=urn, name=name, la=la, notice=notice)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write

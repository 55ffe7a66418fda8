"""The example portfolio (examples/portfolio): 50 fictional providers that all validate, in
five local authorities, written reproducibly by its script."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from improvement_kit.kit import Kit
from improvement_kit.portfolio import compute_cases, gather_entries, read_portfolio

from .conftest import EXAMPLE, MONDAY


def test_the_example_portfolio_lists_fifty_cases_with_officer_and_programme() -> None:
    entries = read_portfolio(EXAMPLE / "portfolio.yaml")
    assert len(entries) == 50
    assert all(e.path.is_file() and e.officer and e.programme for e in entries)


def test_every_example_case_is_read_and_computed_with_the_council_plugins(
    council_kit: Kit,
) -> None:
    entries = gather_entries([], EXAMPLE / "portfolio.yaml")
    computed, failures = compute_cases(entries, kit=council_kit, as_of=MONDAY)
    assert failures == []
    assert {c.la_code for c in computed} == {"830", "999", "997", "996", "660"}
    jurisdictions = {c.case.jurisdiction for c in computed}
    assert jurisdictions == {
        "england-maintained",
        "england-academies",
        "england-fe",
        "wales-schools",
    }
    plugins = {i.rule.plugin for c in computed for i in c.timeline.items}
    assert {"derbyshire_procedure", "northmoor_closures"} <= plugins


def test_the_generator_rewrites_the_same_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", EXAMPLE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    assert (tmp_path / "portfolio.yaml").read_text() == (EXAMPLE / "portfolio.yaml").read_text()
    written = sorted(p.name for p in (tmp_path / "cases").iterdir())
    assert written == sorted(p.name for p in (EXAMPLE / "cases").iterdir())
    for name in written:
        assert (tmp_path / "cases" / name).read_text() == (EXAMPLE / "cases" / name).read_text()

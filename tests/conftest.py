"""Shared fixtures: a small fictional jurisdiction used to test the engine on its own."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction
from improvement_kit.kit import Kit
from improvement_kit.model import Category, Grade, Inspection, ProviderType

FAKE_ID = "testland"


class FakeJurisdiction:
    """A jurisdiction whose rules are whatever TOML text the test gives."""

    def __init__(self, rules_dir: Path) -> None:
        self.rules_dir = rules_dir

    @hookimpl
    def improvement_kit_register(self, register: Callable[[Jurisdiction], None]) -> None:
        register(
            Jurisdiction(
                FAKE_ID,
                "Testland schools",
                "england-and-wales",
                (ProviderType.COMMUNITY, ProviderType.VOLUNTARY_AIDED),
                rule_tables=sorted(self.rules_dir.glob("*.toml")),
            )
        )

    @hookimpl
    def improvement_kit_decide_category(self, inspection: Inspection) -> CategoryDecision | None:
        if inspection.grades.get("overall-effectiveness") is Grade.INADEQUATE:
            return CategoryDecision(
                Category.SPECIAL_MEASURES, "T-CAT-01", ("overall effectiveness inadequate",)
            )
        return CategoryDecision(None, "T-CAT-01", ("not inadequate",))


@pytest.fixture
def testland(tmp_path: Path) -> Callable[[str], Kit]:
    """``testland(toml_text)``: Kit with only the fake jurisdiction and those rules."""

    def make(rules: str, *extra_plugins: object) -> Kit:
        folder = tmp_path / "rules"
        folder.mkdir(exist_ok=True)
        (folder / "rules.toml").write_text(textwrap.dedent(rules), encoding="utf-8")
        return Kit.from_plugins(FakeJurisdiction(folder), *extra_plugins)

    return make


def d(text: str) -> dt.date:
    """``d("2014-12-18")``."""
    return dt.date.fromisoformat(text)

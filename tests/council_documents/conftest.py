"""Fixtures for the council-documents tests: the England plugin, its realistic sample data, the
house styles and every template rendered with each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import improvement_kit_england_maintained
from improvement_kit.documents import build_context, load_house_style
from improvement_kit.documents.house_style import NEUTRAL, HouseStyle
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit_england_maintained import documents as england

ROOT = Path(__file__).resolve().parents[2]
NORTHMOOR = ROOT / "examples/plugins/northmoor/src/northmoor_closures/house-style.docx"
TEMPLATE_NAMES = [
    "warning-notice",
    "tpc-warning-notice",
    "causes-of-concern-letter",
    "proposed-intervention-notice",
    "statement-of-action",
    "plan-of-action",
    "progress-review",
    "removal-letter",
]
TEMPLATE_IDS = [f"england-maintained:{name}" for name in TEMPLATE_NAMES]


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_england_maintained]
    )
    assert not problems
    return Plugins(pm, problems)


@pytest.fixture(scope="session")
def contexts(plugins: Plugins) -> dict[str, Any]:
    """Every template's context from the realistic sample data."""
    case = case_from_data(england.sample_case_data())
    extra = england.sample_extra_data()
    return {
        tid: build_context(plugins.template(tid), case, extra, plugins=plugins)
        for tid in TEMPLATE_IDS
    }


@pytest.fixture(scope="session")
def house_styles() -> dict[str, HouseStyle]:
    return {"neutral": load_house_style(NEUTRAL), "northmoor": load_house_style(NORTHMOOR)}

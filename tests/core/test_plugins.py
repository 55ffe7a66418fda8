"""Plugins load through one entry-point group; broken ones are reported, not fatal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from improvement_kit import plugins as plugins_module
from improvement_kit.errors import PluginError
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import Jurisdiction
from improvement_kit.model import ProviderType
from improvement_kit.plugins import AUTOLOAD_ENV, Plugins, make_plugin_manager

NORTHMOOR = Path(__file__).parents[2] / "examples" / "plugins" / "northmoor" / "src"


def fake_entry_points(*pairs: tuple[str, str]) -> Callable[..., list[EntryPoint]]:
    eps = [EntryPoint(name=n, value=v, group="improvement_kit") for n, v in pairs]
    return lambda group: eps if group == "improvement_kit" else []


@pytest.fixture
def broken_and_good(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(NORTHMOOR))
    monkeypatch.setattr(
        plugins_module,
        "entry_points",
        fake_entry_points(
            ("aaa-broken", "improvement_kit_no_such_module_xyz"),
            ("northmoor", "northmoor_closures"),
        ),
    )
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)


@pytest.mark.usefixtures("broken_and_good")
def test_a_broken_plugin_is_reported_and_the_next_one_still_loads() -> None:
    pm, problems = make_plugin_manager()
    assert [p.name for p in problems] == ["aaa-broken"]
    assert "ModuleNotFoundError" in problems[0].error
    assert pm.get_plugin("northmoor") is not None


@pytest.mark.usefixtures("broken_and_good")
def test_strict_loading_makes_a_broken_plugin_fatal() -> None:
    with pytest.raises(PluginError, match="plugin 'aaa-broken' failed to load"):
        make_plugin_manager(strict=True)


@pytest.mark.usefixtures("broken_and_good")
def test_the_environment_variable_disables_autoloading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    pm, problems = make_plugin_manager()
    assert problems == []
    assert pm.get_plugin("northmoor") is None


def test_a_misspelt_hook_fails_loudly() -> None:
    class Misspelt:
        @hookimpl
        def improvement_kit_jurisdiction(self) -> list[Jurisdiction]:  # missing "s"
            return []

    with pytest.raises(PluginError, match="unknown hook 'improvement_kit_jurisdiction'"):
        make_plugin_manager(load_entrypoints=False, plugins=[Misspelt()])


def test_a_plugin_returning_the_wrong_type_is_named(ik_plugins: Callable[..., Plugins]) -> None:
    class Wrong:
        @hookimpl
        def improvement_kit_jurisdictions(self) -> Sequence[Any]:
            return ["england-maintained"]

    with pytest.raises(
        PluginError,
        match=r"plugin '\d+': improvement_kit_jurisdictions returned 'england-maintained', not a Jurisdiction",
    ):
        ik_plugins(Wrong()).jurisdictions()


def test_an_exception_inside_a_plugin_names_the_plugin(ik_plugins: Callable[..., Plugins]) -> None:
    class Raises:
        @hookimpl
        def improvement_kit_jurisdictions(self) -> Sequence[Jurisdiction]:
            raise RuntimeError("boom")

    plugins = ik_plugins(Raises())
    with pytest.raises(
        PluginError, match="failed in improvement_kit_jurisdictions: RuntimeError: boom"
    ):
        plugins.jurisdictions()


def test_two_plugins_cannot_declare_the_same_jurisdiction(
    ik_plugins: Callable[..., Plugins],
) -> None:
    class One:
        @hookimpl
        def improvement_kit_jurisdictions(self) -> Sequence[Jurisdiction]:
            return [Jurisdiction("j", "J", "scotland", (ProviderType.COMMUNITY,))]

    with pytest.raises(PluginError, match="jurisdiction 'j' is already declared"):
        ik_plugins(One(), One()).jurisdictions()


def test_the_example_plugin_adds_closures_and_a_rule(
    ik_plugins: Callable[..., Plugins], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(NORTHMOOR))
    import northmoor_closures
    from tests.conftest import FakeJurisdiction

    plugins = ik_plugins(northmoor_closures)
    closures = plugins.calendar_adjustments(
        "england-maintained", "england-and-wales", "Northmoor Borough Council"
    )
    assert any(
        c.start.isoformat() == "2025-12-24" and c.end.isoformat() == "2025-12-31" for c in closures
    )
    assert (
        plugins.calendar_adjustments("england-maintained", "england-and-wales", "Elsewhere") == []
    )
    del FakeJurisdiction
    sys.modules.pop("northmoor_closures", None)


def test_plugin_manager_fixture_is_fresh(ik_plugin_manager: Any) -> None:
    assert ik_plugin_manager.get_plugins() == set()

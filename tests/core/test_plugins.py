"""Plugins load through one entry-point group; broken ones are reported, not fatal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from improvement_kit import kit as plugins_module
from improvement_kit.errors import PluginError
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import Jurisdiction
from improvement_kit.kit import AUTOLOAD_ENV, Kit, make_plugin_manager
from improvement_kit.model import ProviderType

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


def test_a_plugin_registering_the_wrong_type_is_named(ik_plugins: Callable[..., Kit]) -> None:
    class Wrong:
        @hookimpl
        def improvement_kit_register(self, register: Callable[[object], None]) -> None:
            register("england-maintained")

    with pytest.raises(
        PluginError,
        match=r"plugin '\d+': register\(\) takes a Jurisdiction or a LocalProcedure, not "
        "'england-maintained'",
    ):
        ik_plugins(Wrong()).jurisdictions()


def test_an_exception_inside_a_plugin_names_the_plugin(ik_plugins: Callable[..., Kit]) -> None:
    class Raises:
        @hookimpl
        def improvement_kit_register(self, register: Callable[[object], None]) -> None:
            raise RuntimeError("boom")

    kit = ik_plugins(Raises())
    with pytest.raises(PluginError, match="failed in improvement_kit_register: RuntimeError: boom"):
        kit.jurisdictions()


def test_two_plugins_cannot_register_the_same_jurisdiction(
    ik_plugins: Callable[..., Kit],
) -> None:
    class One:
        @hookimpl
        def improvement_kit_register(self, register: Callable[[object], None]) -> None:
            register(Jurisdiction("j", "J", "scotland", (ProviderType.COMMUNITY,)))

    with pytest.raises(PluginError, match="id 'j' is already registered by plugin"):
        ik_plugins(One(), One()).jurisdictions()


def test_a_0_1_declaration_hook_is_refused_with_what_replaces_it() -> None:
    class Old:
        @hookimpl
        def improvement_kit_jurisdictions(self) -> Sequence[Jurisdiction]:
            return []

    with pytest.raises(PluginError, match="replaced by improvement_kit_register"):
        make_plugin_manager(load_entrypoints=False, plugins=[Old()])


def test_the_example_plugin_is_a_local_procedure_for_its_authority_only(
    ik_plugins: Callable[..., Kit], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(NORTHMOOR))
    import northmoor_closures

    import improvement_kit_england_maintained as maintained

    kit = ik_plugins(maintained, northmoor_closures)
    (procedure,) = kit.procedures()
    assert procedure.local_authorities == {"999": "Northmoor Borough Council"}
    assert kit.scope("england-maintained", "999").procedures == (procedure,)
    assert kit.scope("england-maintained", "830").procedures == ()
    assert "NORTHMOOR-REVIEW-01" in kit.rule_book("england-maintained", "999")
    assert "NORTHMOOR-REVIEW-01" not in kit.rule_book("england-maintained", "830")
    assert "NORTHMOOR-REVIEW-01" not in kit.rule_book("england-maintained")
    sys.modules.pop("northmoor_closures", None)


def test_plugin_manager_fixture_is_fresh(ik_plugin_manager: Any) -> None:
    assert ik_plugin_manager.get_plugins() == set()

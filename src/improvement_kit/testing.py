"""A pytest plugin for plugin authors (loaded automatically through the ``pytest11`` entry
point once improvement_kit is installed).

Fixtures:

``ik_plugin_manager``
    a fresh :class:`pluggy.PluginManager` with the hookspecs and **no** entry points loaded;
    register your plugin module on it.
``ik_plugins``
    a factory: ``ik_plugins(my_plugin, entrypoints=False)`` returns a
    :class:`~improvement_kit.kit.Kit` with the given plugins registered (and, with
    ``entrypoints=True``, the installed ones).
``ik_today``
    fixes today's date (default 2026-01-05) for the test through
    :data:`improvement_kit.clock.TODAY_ENV`; returns the date.
``ik_calendar``
    the England and Wales working-day calendar.

Example::

    def test_my_rule(ik_plugins):
        plugins = ik_plugins(my_plugin, entrypoints=True)
        assert "MY-RULE-01" in plugins.rule_book("england-maintained")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pluggy
import pytest

from improvement_kit.calendar import WorkingDayCalendar
from improvement_kit.clock import TODAY_ENV
from improvement_kit.kit import Kit, make_plugin_manager

__all__ = ["ik_calendar", "ik_plugin_manager", "ik_plugins", "ik_today"]

#: The date ``ik_today`` fixes unless a test asks for another through indirect parametrisation.
DEFAULT_TODAY = dt.date(2026, 1, 5)


@pytest.fixture
def ik_plugin_manager() -> pluggy.PluginManager:
    """A fresh plugin manager with the hookspecs and no plugins."""
    pm, _ = make_plugin_manager(load_entrypoints=False)
    return pm


@pytest.fixture
def ik_plugins() -> Callable[..., Kit]:
    """A factory of :class:`~improvement_kit.kit.Kit` with chosen plugins (a plugin that is
    also installed is registered once)."""

    def factory(*plugins: object, entrypoints: bool = False, strict: bool = True) -> Kit:
        return Kit.from_plugins(*plugins, entrypoints=entrypoints, strict=strict)

    return factory


@pytest.fixture
def ik_today(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[dt.date]:
    """Fix today's date for one test (``request.param`` may give another date)."""
    day: dt.date = getattr(request, "param", DEFAULT_TODAY)
    monkeypatch.setenv(TODAY_ENV, day.isoformat())
    yield day


@pytest.fixture
def ik_calendar() -> WorkingDayCalendar:
    """The England and Wales working-day calendar."""
    return WorkingDayCalendar.for_region("england-and-wales")

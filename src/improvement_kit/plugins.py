"""Loading plugins: the 0.1 module name, kept so that scripts importing from it still work.

Everything here lives in :mod:`improvement_kit.kit`: :func:`make_plugin_manager`,
:class:`LoadProblem`, :class:`PluginInfo`, and :class:`~improvement_kit.kit.Kit`, which 0.1
called ``Plugins`` (the alias stays). :func:`default_plugins` no longer caches a process-wide
set: it builds a new kit on each call.
"""

from __future__ import annotations

from improvement_kit.kit import (
    AUTOLOAD_ENV,
    STRICT_ENV,
    Kit,
    LoadProblem,
    PluginInfo,
    default_plugins,
    make_plugin_manager,
)

__all__ = [
    "AUTOLOAD_ENV",
    "STRICT_ENV",
    "LoadProblem",
    "PluginInfo",
    "Plugins",
    "default_plugins",
    "make_plugin_manager",
]

#: The 0.1 name of :class:`~improvement_kit.kit.Kit`.
Plugins = Kit

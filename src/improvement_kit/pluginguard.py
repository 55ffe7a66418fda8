"""Naming the plugin behind a ``sys.exit`` (or an error) that escaped plugin code.

:class:`~improvement_kit.plugins.Plugins` turns an ``Exception`` in a hook into a
:class:`~improvement_kit.errors.PluginError` naming the plugin, but ``SystemExit`` is not an
``Exception``: a plugin calling ``sys.exit(0)`` in a hook would end ``render`` with status 0
and no document. The document functions and the command line call :func:`plugin_exit_error`
to turn it into a ``PluginError`` naming the plugin, found from the traceback: the innermost
frame outside the core package (``sys.exit`` itself is built in, so that frame is the
plugin's own code).
"""

from __future__ import annotations

import sys
from types import TracebackType

from improvement_kit.errors import PluginError

__all__ = ["culprit_module", "plugin_exit_error"]

_CORE = ("improvement_kit", "pluggy", "jinja2", "docxtpl", "docx", "attrs", "cattrs", "_pytest")


def culprit_module(tb: TracebackType | None) -> str | None:
    """The module of the innermost frame of ``tb`` that is not part of the core or of the
    libraries it calls (None if there is none)."""
    found: str | None = None
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        top = module.split(".", 1)[0]
        is_core = top in _CORE or module in sys.stdlib_module_names or top == "__main__"
        if not is_core:  # plugins' own packages (improvement_kit_england...) count
            found = module
        tb = tb.tb_next
    return found


def plugin_exit_error(exc: SystemExit, where: str = "", fallback: str = "") -> PluginError:
    """A :class:`PluginError` for a ``SystemExit`` raised by plugin code, naming the plugin
    (its module, or ``fallback`` when the traceback shows none)."""
    module = culprit_module(exc.__traceback__) or fallback or "unknown"
    plugin = module.split(".", 1)[0]
    place = f" in {where}" if where else ""
    return PluginError(f"plugin {plugin!r} called sys.exit({exc.code!r}){place}; nothing written")

"""Sphinx configuration. The rule catalogue pages are generated from the installed plugins'
rule tables at build time, so the docs cannot drift from the data."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "improvement_kit"
author = "improvement_kit developers"
copyright = "2026, improvement_kit developers"
release = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "rule_catalogue",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
nitpicky = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list[str] = ["_static"]


def _skip_duplicate_type(
    app: object, what: str, name: str, obj: object, skip: bool, options: object
) -> bool | None:
    # GenericEvent.type repeats Event.type; documenting both makes every ``type[...]`` hint an
    # ambiguous cross-reference.
    qualname = getattr(obj, "fget", None)
    if name == "type" and qualname is not None and "GenericEvent" in qualname.__qualname__:
        return True
    return None


def setup(app: object) -> None:
    app.connect("autodoc-skip-member", _skip_duplicate_type)  # type: ignore[attr-defined]

"""Every hook is documented in the plugin guide, with its arguments (a hook added without
documentation fails here)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from improvement_kit import hookspecs

GUIDE = Path(__file__).parents[2] / "docs" / "plugins.rst"


def hook_functions() -> dict[str, list[str]]:
    return {
        name: list(inspect.signature(fn).parameters)
        for name, fn in vars(hookspecs).items()
        if name.startswith("improvement_kit_") and callable(fn)
    }


def test_there_are_hooks() -> None:
    assert set(hook_functions()) == {
        "improvement_kit_register",
        "improvement_kit_timeline_items",
        "improvement_kit_decide_category",
        "improvement_kit_calendar_adjustments",
    }


def test_every_hook_has_a_docstring() -> None:
    for name in hook_functions():
        assert (getattr(hookspecs, name).__doc__ or "").strip(), name


def test_every_hook_and_argument_is_in_the_plugin_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for name, args in hook_functions().items():
        assert re.search(
            rf"^\.\. autofunction:: improvement_kit\.hookspecs\.{name}$", text, re.M
        ) or (f"``{name}``" in text), f"{name} is not documented in docs/plugins.rst"
        section = text.split(name, 1)[1][:3000]
        for arg in args:
            assert arg in section, f"argument {arg!r} of {name} is not documented"


def test_the_guide_documents_no_hook_that_does_not_exist() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    mentioned = set(re.findall(r"improvement_kit_[a-z_]+", text))
    known = set(hook_functions()) | {"improvement_kit_england_maintained"}
    assert mentioned <= known, mentioned - known

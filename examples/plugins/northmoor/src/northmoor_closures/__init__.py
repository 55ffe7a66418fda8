"""Northmoor Borough Council (fictional, LA code 999): its office closures and one local rule.

The council registers a local procedure: it applies only to schools of its own authority, its
rule is local policy, and its closure days move only that local item, never a statutory
period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib.resources import files

from improvement_kit.calendar import Closure
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import LocalProcedure

#: The council's house style for documents (``render --house-style``): fonts, colours,
#: margins, and a header with its logo.
HOUSE_STYLE = files(__name__) / "house-style.docx"

PROCEDURE = LocalProcedure(
    id="northmoor",
    name="Northmoor Borough Council (fictional): schools causing concern",
    local_authorities={"999": "Northmoor Borough Council"},
    extends=["england-maintained"],
    rule_tables=[files(__name__) / "rules" / "northmoor.toml"],
    closures=[
        Closure(dt.date(year, 12, 24), dt.date(year, 12, 31), "Northmoor office closure")
        for year in range(2005, 2041)
    ],
)


@hookimpl
def improvement_kit_register(register: Callable[[LocalProcedure], None]) -> None:
    """Register the Northmoor procedure."""
    register(PROCEDURE)

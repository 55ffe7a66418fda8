"""Derbyshire County Council (LA 830): its schools causing concern procedure (seed 004).

QDD programmes are events; everything else is rows of rules/derbyshire.toml, applied by the
engine (School Progress Reviews recur with the rows' ``repeat``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, ClassVar

import attrs

from improvement_kit.calendar import Closure
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import LocalProcedure
from improvement_kit.model import Event

if TYPE_CHECKING:
    from improvement_kit.documents.spec import TemplateSpec

__version__ = "1.0.0"


class Programme(enum.StrEnum):
    """The Quality Development Dialogue programmes (procedure, section 1)."""

    CORE_ENTITLEMENT = "core-entitlement"
    PRIORITY = "priority"
    SCHOOLS_CAUSING_CONCERN = "schools-causing-concern"


@attrs.frozen(kw_only=True)
class QddProgramme(Event):
    """The school is placed in a QDD programme from ``date``."""

    TYPE: ClassVar[str] = "qdd-programme"
    programme: Programme


def _templates() -> Sequence[TemplateSpec]:
    # Annex 5's progress review form is the england-maintained progress review: same file,
    # same context and builder, offered under this procedure's id.
    from improvement_kit_england_maintained.documents import template_specs

    base = next(s for s in template_specs() if s.id == "england-maintained:progress-review")
    title = "Annex 5: School Progress Review (schools causing concern)"
    plugin = f"improvement-kit-derbyshire {__version__}"
    return [attrs.evolve(base, id="derbyshire:progress-review", title=title, plugin=plugin)]


PROCEDURE = LocalProcedure(
    id="derbyshire",
    name="Derbyshire County Council: schools causing concern",
    local_authorities={"830": "Derbyshire"},
    extends=["england-maintained"],
    rule_tables=[files(__name__) / "rules" / "derbyshire.toml"],
    event_types=[QddProgramme],
    templates=_templates,
    closures=tuple(  # fictional: County Hall's Christmas closure
        Closure(dt.date(y, 12, 24), dt.date(y, 12, 31), "County Hall closure")
        for y in range(2014, 2041)
    ),
)


@hookimpl
def improvement_kit_register(register: Callable[[LocalProcedure], None]) -> None:
    """Register the Derbyshire procedure."""
    register(PROCEDURE)

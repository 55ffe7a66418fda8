"""Inspection histories, school lineage and the definitions of "stuck" schools.

* :mod:`~improvement_kit.history.records`: typed histories (one per URN);
* :mod:`~improvement_kit.history.ofsted_mi`: Ofsted's management-information CSVs, via a
  column map; :mod:`~improvement_kit.history.loading`: those, case files and types files;
* :mod:`~improvement_kit.history.lineage`: predecessors from GIAS links;
* :mod:`~improvement_kit.history.definitions`: Ofsted 2020 and DfE 2025 as dated rules;
* :mod:`~improvement_kit.history.analysis`: many schools at once, summaries, CSV and JSON;
* :mod:`~improvement_kit.history.charts`: PNG and SVG charts (optional matplotlib).
"""

from __future__ import annotations

from improvement_kit.history.analysis import Analysis, SchoolResult, classify_all
from improvement_kit.history.definitions import (
    DfE2025Stuck,
    NoOverallGrade,
    Ofsted2020Stuck,
    Status,
    Window,
    definition_named,
)
from improvement_kit.history.lineage import Lineage, read_links
from improvement_kit.history.loading import load_histories, read_types
from improvement_kit.history.records import (
    Establishment,
    HistoryInspection,
    InspectionHistory,
    InspectionKind,
    StuckType,
)

__all__ = [
    "Analysis",
    "DfE2025Stuck",
    "Establishment",
    "HistoryInspection",
    "InspectionHistory",
    "InspectionKind",
    "Lineage",
    "NoOverallGrade",
    "Ofsted2020Stuck",
    "SchoolResult",
    "Status",
    "StuckType",
    "Window",
    "classify_all",
    "definition_named",
    "load_histories",
    "read_links",
    "read_types",
]

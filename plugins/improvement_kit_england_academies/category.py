"""The category an Ofsted inspection of an academy leads to: the shared England base's decision.

Academies are schools for EA 2005 s.44 exactly as maintained schools are, and Ofsted inspects
them under the same frameworks, so the decision (and its rows, ``rules/categories.toml`` of
:mod:`improvement_kit_england_base`) is shared. The academies' former rows AC-CAT-OE and
AC-CAT-RC are documented aliases of the base rows (see their notes and the CHANGELOG).
"""

from __future__ import annotations

from improvement_kit.jurisdictions import CategoryDecision
from improvement_kit.model import Inspection, Provider
from improvement_kit_england_base import category as _base

__all__ = ["REPORT_CARDS", "decide_category"]

#: The Ofsted framework whose report card decides the category.
REPORT_CARDS = "ofsted-schools-report-cards-2025"


def decide_category(
    inspection: Inspection, provider: Provider | None = None
) -> CategoryDecision | None:
    """The decision for one inspection, or ``None`` where the base cannot judge it."""
    return _base.decide_category(inspection, provider)

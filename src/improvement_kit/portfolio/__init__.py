"""A local authority's whole portfolio: many case files computed once, with one kit.

* :mod:`~improvement_kit.portfolio.sources`: which case files (files, folders, globs or a
  portfolio file naming each case's officer and programme);
* :mod:`~improvement_kit.portfolio.register`: every case computed once, and the register of
  open items across them, as of a date;
* :mod:`~improvement_kit.portfolio.formats`: the register as text, CSV and JSON;
* :mod:`~improvement_kit.portfolio.feed`: one iCalendar feed for a portfolio or an officer;
* :mod:`~improvement_kit.portfolio.report`: one self-contained HTML report.

Data flows one way: sources -> computed cases -> register rows -> formats, feed, report.
"""

from __future__ import annotations

from improvement_kit.portfolio.register import (
    CaseFailure,
    ComputedCase,
    Register,
    RegisterFilter,
    RegisterRow,
    RowStatus,
    build_register,
    compute_cases,
)
from improvement_kit.portfolio.sources import PortfolioEntry, gather_entries, read_portfolio

__all__ = [
    "CaseFailure",
    "ComputedCase",
    "PortfolioEntry",
    "Register",
    "RegisterFilter",
    "RegisterRow",
    "RowStatus",
    "build_register",
    "compute_cases",
    "gather_entries",
    "read_portfolio",
]

"""Follow-up categories: one stable value each, with labels that change over time."""

from __future__ import annotations

import datetime as dt
import enum

__all__ = ["Category"]

_NOV_2025 = dt.date(2025, 11, 10)
_SEP_2012 = dt.date(2012, 9, 1)


class Category(enum.StrEnum):
    """A follow-up category. Values are stable; :meth:`label` gives the name in use on a date.

    The two statutory categories are those of Education Act 2005 s.44; the others are
    inspectorates' non-statutory follow-up levels.
    """

    SPECIAL_MEASURES = "special-measures"
    SIGNIFICANT_IMPROVEMENT = "significant-improvement"
    REQUIRES_IMPROVEMENT_MONITORING = "requires-improvement-monitoring"
    NEEDS_ATTENTION_MONITORING = "needs-attention-monitoring"
    ESTYN_REVIEW = "estyn-review"
    ESTYN_MONITORING = "estyn-monitoring"
    LOCAL_AUTHORITY_MONITORING = "local-authority-monitoring"

    @property
    def statutory(self) -> bool:
        """Whether this is a category of concern under EA 2005 s.44."""
        return self in {Category.SPECIAL_MEASURES, Category.SIGNIFICANT_IMPROVEMENT}

    def label(self, on: dt.date, *, wales: bool = False) -> str:
        """The name used for this category on ``on``.

        >>> Category.SIGNIFICANT_IMPROVEMENT.label(dt.date(2010, 1, 4))
        'notice to improve'
        >>> Category.SIGNIFICANT_IMPROVEMENT.label(dt.date(2019, 3, 1))
        'serious weaknesses'
        >>> Category.SIGNIFICANT_IMPROVEMENT.label(dt.date(2025, 11, 10))
        'requires significant improvement'
        >>> Category.SPECIAL_MEASURES.label(dt.date(2019, 3, 1))
        'special measures'
        """
        if wales:
            return {
                Category.SPECIAL_MEASURES: "special measures",
                Category.SIGNIFICANT_IMPROVEMENT: "significant improvement",
            }.get(self, self._plain())
        if self is Category.SIGNIFICANT_IMPROVEMENT:
            if on < _SEP_2012:
                return "notice to improve"
            if on < _NOV_2025:
                return "serious weaknesses"
            return "requires significant improvement"
        if self is Category.SPECIAL_MEASURES:
            return "special measures" if on < _NOV_2025 else "requires special measures"
        return self._plain()

    def _plain(self) -> str:
        return self.value.replace("-", " ")

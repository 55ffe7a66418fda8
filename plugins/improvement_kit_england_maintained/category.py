"""The follow-up an Ofsted inspection of a maintained school leads to: the shared England
base's decision (EA 2005 s.44 is the same law for academies), kept importable here."""

from __future__ import annotations

from improvement_kit_england_base.category import (
    RECORDED_CATEGORY_REQUIRED,
    decide_category,
    framework_of,
)

__all__ = ["RECORDED_CATEGORY_REQUIRED", "decide_category", "framework_of"]

"""Intervention powers as a typed view of a timeline's ``power`` items.

The classes live in :mod:`improvement_kit.model.timeline` (a timeline lists its powers); this
module keeps their 0.1 import path.
"""

from __future__ import annotations

from improvement_kit.model.timeline import Power, power_from_item

__all__ = ["Power", "power_from_item"]

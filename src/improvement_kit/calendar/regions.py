"""The three UK bank-holiday regions (the GOV.UK "divisions")."""

from __future__ import annotations

import enum

from improvement_kit.errors import UnknownRegionError

__all__ = ["Region"]

_ALIASES = {
    "england": "england-and-wales",
    "wales": "england-and-wales",
    "eng": "england-and-wales",
    "wls": "england-and-wales",
    "sct": "scotland",
    "nir": "northern-ireland",
    "ni": "northern-ireland",
}


class Region(enum.StrEnum):
    """A UK bank-holiday region, named as GOV.UK names its divisions.

    England and Wales share one list (Banking and Financial Dealings Act 1971, Schedule 1
    para 1); Scotland and Northern Ireland have their own.

    >>> Region.parse("Scotland")
    <Region.SCOTLAND: 'scotland'>
    """

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"

    @classmethod
    def parse(cls, text: str | Region) -> Region:
        """Return the region ``text`` names.

        Accepts the GOV.UK division name in any case, with spaces or underscores for hyphens,
        and the aliases ``england``, ``wales``, ``eng``, ``wls``, ``sct``, ``nir`` and ``ni``.
        Raises :class:`~improvement_kit.errors.UnknownRegionError` naming the value and listing
        the valid ones.
        """
        if isinstance(text, Region):
            return text
        key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
        key = _ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            valid = ", ".join(region.value for region in cls)
            raise UnknownRegionError(f"unknown region {text!r}; valid regions: {valid}") from None

    @property
    def subdivision(self) -> str:
        """The ``holidays`` package subdivision code for this region (ENG, SCT or NIR).

        England's list is used for England and Wales: ``holidays`` gives identical days for
        ENG and WLS in every year 1990-2100 (checked by the tests).
        """
        return _SUBDIVISIONS[self]


_SUBDIVISIONS = {
    Region.ENGLAND_AND_WALES: "ENG",
    Region.SCOTLAND: "SCT",
    Region.NORTHERN_IRELAND: "NIR",
}

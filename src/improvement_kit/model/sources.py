"""Where a rule comes from: citations, verification grades, in-force ranges."""

from __future__ import annotations

import datetime as dt
import enum
import functools

import attrs

__all__ = ["InForce", "Nature", "Source", "VerificationGrade"]


class VerificationGrade(enum.StrEnum):
    """How far a rule's source was checked (the grades of the rules catalogue).

    ``primary`` (catalogue V1/V1m): the primary text was read verbatim. ``partial`` (V2): the
    primary source was seen only in part, or official notes or summaries. ``secondary`` (V3):
    secondary sources only. ``unverified`` (U): not checked against any source.
    """

    PRIMARY = "primary"
    PARTIAL = "partial"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


class Nature(enum.StrEnum):
    """Which of the three kinds of rule a row is.

    ``law``: statute, regulations and statutory guidance. ``national-policy``: the practice of
    an inspectorate or government (Ofsted, Estyn, DfE, the Welsh Government). ``local-policy``:
    a council's own procedure. A council's closure days move only ``local-policy`` items.
    Rule tables written for 0.1 may still say ``policy``, read as ``national-policy``.
    """

    LAW = "law"
    NATIONAL_POLICY = "national-policy"
    LOCAL_POLICY = "local-policy"

    @property
    def label(self) -> str:
        """``"law"``, ``"national policy"`` or ``"local policy"``."""
        return self.value.replace("-", " ")


def _check_url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value and not value.startswith(("http://", "https://")):
        raise ValueError(f"{attribute.name}: {value!r} is not an http(s) URL")


@attrs.frozen
class Source:
    """A citation (``"EIA 2006 s.60(1)(b) as enacted"``) and the URL where it can be read."""

    citation: str = attrs.field(validator=attrs.validators.min_len(1))
    url: str = attrs.field(default="", validator=_check_url)


@attrs.frozen
class InForce:
    """The dates a rule is in force, both inclusive; ``end`` ``None`` means still in force."""

    start: dt.date
    end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"in force to {self.end} is before in force from {self.start}")

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls within the range.

        >>> InForce(dt.date(2007, 4, 1), dt.date(2016, 4, 17)).contains(dt.date(2016, 4, 18))
        False
        """
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: InForce) -> bool:
        """Whether the two ranges share at least one day."""
        self_end = self.end or dt.date.max
        other_end = other.end or dt.date.max
        return self.start <= other_end and other.start <= self_end

    def describe(self) -> str:
        """``"1 Apr 2007 - 17 Apr 2016"`` or ``"from 18 Apr 2016"``."""
        return _describe_range(self.start, self.end)


@functools.lru_cache(maxsize=1024)
def _describe_range(start: dt.date, end: dt.date | None) -> str:
    first = f"{start.day} {start:%b %Y}"
    if end is None:
        return f"from {first}"
    return f"{first} - {end.day} {end:%b %Y}"

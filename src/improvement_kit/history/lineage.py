"""School lineage: which establishments an establishment replaced, from GIAS links.

GIAS's ``links`` extract has one row per link, read as "``LinkURN`` is the ``LinkType`` of
``URN``": ``100016, 132245, ..., Successor`` says 132245 succeeded 100016. Both directions are
usually present (the successor's row says ``Predecessor``); one is enough.

By default only plain ``Predecessor`` / ``Successor`` links are followed: a school that
converted to an academy, or whose URN changed for another reason, keeps its history (Ofsted's
2020 definition counts "its predecessor if it has converted to become an academy").
``merged`` (``Predecessor - merged``, ``Successor - merged``) and ``amalgamated``
(``Predecessor - amalgamated``, ``Successor - amalgamated``, ``Result of Amalgamation``) links
are followed only when asked: a merged or amalgamated school is not plainly the same school.
Other types (sixth-form links, splits, expansions) are never followed.

Cycles (A succeeded by B, B by A: they occur in real extracts when a URN is reused) are
handled: every walk keeps the URNs it has seen, and each establishment in a cycle counts the
others as predecessors; :meth:`Lineage.in_cycle` reports them. A link to a URN with no
history and no establishment record (a missing end) is kept: it simply brings no inspections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import attrs

from improvement_kit.errors import DataFileError
from improvement_kit.history._csvfile import parse_day, read_rows
from improvement_kit.history._gcpause import gc_paused

__all__ = [
    "AMALGAMATED_TYPES",
    "LINK_COLUMNS",
    "MERGED_TYPES",
    "PLAIN_TYPES",
    "Lineage",
    "Link",
    "read_links",
]

#: The columns of GIAS's links extract, in order.
LINK_COLUMNS = ("URN", "LinkURN", "LinkName", "LinkType", "LinkEstablishedDate")

#: Link types followed by default: ``(type, LinkURN is the predecessor of URN)``.
PLAIN_TYPES = {"Predecessor": True, "Successor": False}
#: Followed with ``merged=True``.
MERGED_TYPES = {"Predecessor - merged": True, "Successor - merged": False}
#: Followed with ``amalgamated=True``. ``Result of Amalgamation`` names the school that the
#: amalgamation produced, so ``LinkURN`` is the successor.
AMALGAMATED_TYPES = {
    "Predecessor - amalgamated": True,
    "Successor - amalgamated": False,
    "Result of Amalgamation": False,
}

_URN_MAX_DIGITS = 7


@attrs.frozen
class Link:
    """One row of a links file: ``link_urn`` is the ``link_type`` of ``urn``."""

    urn: str
    link_urn: str
    link_name: str
    link_type: str
    established: dt.date | None
    row: int = 0


def _urn(text: str, file: str, row: int, column: str) -> str:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > _URN_MAX_DIGITS:
        raise DataFileError(file, row, column, f"{text!r} is not a URN (up to 7 digits)")
    return value


def read_links(path: str | Path, *, encoding: str = "utf-8-sig") -> list[Link]:
    """Every row of a GIAS links file, checked: URNs of digits, a date ``dd-mm-yyyy`` or blank.

    A file without the five columns of :data:`LINK_COLUMNS` is refused naming the first
    missing column; a row of another width, a bad URN or an impossible date naming file, row
    and column. Link types are kept as written (unknown ones are simply not followed).
    """
    with gc_paused():
        return _read_links(Path(path), encoding)


def _read_links(file: Path, encoding: str) -> list[Link]:
    name = str(file)
    header, rows = read_rows(file, encoding=encoding, required=LINK_COLUMNS)
    at = {column: header.index(column) for column in LINK_COLUMNS}
    links: list[Link] = []
    for row, fields in rows:
        established_text = fields[at["LinkEstablishedDate"]].strip()
        links.append(
            Link(
                _urn(fields[at["URN"]], name, row, "URN"),
                _urn(fields[at["LinkURN"]], name, row, "LinkURN"),
                fields[at["LinkName"]],
                fields[at["LinkType"]].strip(),
                parse_day(established_text, name, row, "LinkEstablishedDate")
                if established_text
                else None,
                row,
            )
        )
    return links


@attrs.define
class Lineage:
    """Predecessor links between URNs, as followed under the chosen link types."""

    _predecessors: dict[str, set[str]] = attrs.field(factory=dict)
    _successors: dict[str, set[str]] = attrs.field(factory=dict)
    followed_types: frozenset[str] = frozenset(PLAIN_TYPES)
    # walks already made, by (direction, URN); emptied whenever a link is added
    _walks: dict[tuple[bool, str], tuple[str, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    @classmethod
    def from_links(
        cls, links: Iterable[Link], *, merged: bool = False, amalgamated: bool = False
    ) -> Lineage:
        """The lineage the ``links`` describe, following plain links and, if asked, merged and
        amalgamated ones."""
        types = dict(PLAIN_TYPES)
        if merged:
            types.update(MERGED_TYPES)
        if amalgamated:
            types.update(AMALGAMATED_TYPES)
        lineage = cls(followed_types=frozenset(types))
        for link in links:
            link_is_predecessor = types.get(link.link_type)
            if link_is_predecessor is None or link.urn == link.link_urn:
                continue
            if link_is_predecessor:
                lineage.add(link.link_urn, link.urn)
            else:
                lineage.add(link.urn, link.link_urn)
        return lineage

    def add(self, predecessor: str, successor: str) -> None:
        """Record that ``successor`` replaced ``predecessor``."""
        if predecessor == successor:
            return
        self._walks.clear()
        self._predecessors.setdefault(successor, set()).add(predecessor)
        self._successors.setdefault(predecessor, set()).add(successor)

    def _walk(self, urn: str, graph: dict[str, set[str]]) -> list[str]:
        seen = {urn}
        out: list[str] = []
        stack = list(graph.get(urn, ()))
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            out.append(current)
            stack.extend(graph.get(current, ()))
        return out

    def predecessors(self, urn: str) -> tuple[str, ...]:
        """Every URN ``urn`` replaced, directly or not (itself excluded, cycles cut), sorted."""
        if urn not in self._predecessors:
            return ()
        found = self._walks.get((True, urn))
        if found is None:
            found = self._walks[(True, urn)] = tuple(sorted(self._walk(urn, self._predecessors)))
        return found

    def successors(self, urn: str) -> tuple[str, ...]:
        """Every URN that replaced ``urn``, directly or not (itself excluded, cycles cut),
        sorted."""
        if urn not in self._successors:
            return ()
        found = self._walks.get((False, urn))
        if found is None:
            found = self._walks[(False, urn)] = tuple(sorted(self._walk(urn, self._successors)))
        return found

    def is_superseded(self, urn: str) -> bool:
        """Whether another establishment replaced ``urn`` (one that is not also among its own
        predecessors: in a cycle nobody is superseded)."""
        after = self._successors.get(urn)
        if not after:
            return False
        if not self.in_cycle(urn):
            return True
        before = set(self.predecessors(urn))
        return any(s not in before for s in self.successors(urn))

    def in_cycle(self, urn: str) -> bool:
        """Whether ``urn`` is among its own predecessors' predecessors (a cycle of links)."""
        if urn not in self._successors or urn not in self._predecessors:
            return False
        seen: set[str] = set()
        stack = list(self._predecessors.get(urn, ()))
        while stack:
            current = stack.pop()
            if current == urn:
                return True
            if current not in seen:
                seen.add(current)
                stack.extend(self._predecessors.get(current, ()))
        return False

    def heads(self, urns: Iterable[str]) -> set[str]:
        """The establishments that carry the histories of ``urns``: each URN itself if nothing
        replaced it, otherwise the latest establishments that replaced it."""
        out: set[str] = set()
        for urn in urns:
            if not self.is_superseded(urn):
                out.add(urn)
                continue
            for successor in self.successors(urn):
                if not self.is_superseded(successor):
                    out.add(successor)
        return out

    def __len__(self) -> int:
        return sum(len(v) for v in self._predecessors.values())

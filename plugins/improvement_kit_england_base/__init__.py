"""Shared England base: the law maintained schools and academies have in common.

Not a jurisdiction and not registered through an entry point: a library that the built-in
``england-maintained`` and ``england-academies`` plugins import. It holds, once,

* Ofsted categories of concern by framework under the Education Act 2005 Part 1 (s.44), and
  the non-statutory monitoring levels (:mod:`.category`, ``rules/categories.toml``);
* the inspection-report periods of EA 2005 ss.13-17 with SI 2005/2038 regs 5-7: comments on
  the draft report, parents' copies and the statement of action, with rows parameterised by
  provider type where the Act names a different person (:mod:`.reports`,
  ``rules/inspection-reports.toml``);
* Ofsted's monitoring and re-inspection timetables after an inspection
  (``rules/monitoring.toml``: rows the engine applies to each inspection by its outcome).

Ofsted's frameworks and grade scales are generic pieces of the core library
(:mod:`improvement_kit.model.grades`); :func:`.category.framework_of` picks a school's.

Each jurisdiction lists :data:`RULE_TABLES` in its ``Jurisdiction.rule_tables`` besides its own
and extends the base with its own law (EIA 2006 Part 4 for maintained schools; Academies Act
2010 ss.2A-2D and funding agreements for academies). Wales reuses only the core library.
"""

from __future__ import annotations

from improvement_kit.rules import rule_files

__all__ = ["RULE_TABLES", "rule_ids"]

#: The base package's rule tables, sorted by name: listed by both England school jurisdictions.
RULE_TABLES = tuple(rule_files(__name__))


def rule_ids() -> frozenset[str]:
    """The ids of the base rows (the only rule ids two jurisdictions may share)."""
    from improvement_kit.rules import load_rule_file

    return frozenset(
        rule.id
        for table in RULE_TABLES
        for rule in load_rule_file(table, f"england-base:{table.name}")
    )

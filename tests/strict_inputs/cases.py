"""A small valid case file and the hostile variants the strict reading refuses."""

from __future__ import annotations

from pathlib import Path

#: A valid case: a report-card inspection in March 2026 and a warning notice. Fictional.
BASE = """\
jurisdiction: england-maintained
reference: EX-STRICT-1
provider:
  urn: "999104"
  name: Brook Primary School
  type: community
events:
  - type: inspection
    start: 2026-03-03
    end: 2026-03-04
    grades:
      leadership-and-governance: urgent-improvement
      inclusion: needs-attention
    safeguarding: met
  - type: warning-notice-given
    date: 2026-03-10
    compliance_period: 15 working days following
    matters: [Attainment is low]
"""


def variant(old: str, new: str, base: str = BASE) -> str:
    """``base`` with ``old`` (which must occur exactly once) replaced by ``new``."""
    assert base.count(old) == 1, old
    return base.replace(old, new)


def alias_bomb(levels: int = 9) -> str:
    """A "billion laughs" document: each level lists the previous one nine times (9**9 values
    once expanded)."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def deeply_nested(depth: int) -> str:
    """The base case whose reference is a list nested ``depth`` levels deep."""
    return variant("reference: EX-STRICT-1", "reference: " + "[" * depth + "]" * depth)


#: (name, file content, a fragment the one refusal line must contain). Fragments are worked out
#: from the rules in docs/refusals.rst, not copied from a run.
HOSTILE: list[tuple[str, str | bytes, str]] = [
    (
        "true-for-text",
        variant("name: Brook Primary School", "name: true"),
        "provider.name: True is a boolean, not text",
    ),
    (
        "null-for-identifier",
        variant('urn: "999104"', "urn: null"),
        "provider.urn: None is null, not text",
    ),
    (
        "list-for-text",
        variant("name: Brook Primary School", "name: [a, b]"),
        "provider.name: ['a', 'b'] is a list, not text",
    ),
    (
        "octal-looking-urn",
        variant('urn: "999104"', "urn: 0100001"),
        "provider.urn: '0100001' is not a URN (6 or 7 digits, the first not 0)",
    ),
    (
        "urn-as-a-number",
        variant('urn: "999104"', "urn: 999104"),
        "provider.urn: 999104 is a number, not text (write it in quotes if it is text)",
    ),
    (
        "hexadecimal-for-urn",
        variant('urn: "999104"', "urn: 0x1F"),
        "provider.urn: '0x1F' is not a URN",
    ),
    (
        "sexagesimal-for-urn",
        variant('urn: "999104"', "urn: 1:30"),
        "provider.urn: '1:30' is not a URN",
    ),
    (
        "nan",
        variant("reference: EX-STRICT-1", "reference: .nan"),
        ".nan is not a finite number (line 2)",
    ),
    (
        "yes-for-boolean",
        variant("    safeguarding: met\n", "    safeguarding: met\n    leadership_capacity: yes\n"),
        "events[0].leadership_capacity: 'yes' is not true or false",
    ),
    (
        "bare-string-for-a-list",
        variant("matters: [Attainment is low]", "matters: Attainment is low"),
        "events[1].matters: 'Attainment is low' is text, not a list",
    ),
    (
        "duplicate-key",
        variant("  type: community\n", "  type: community\n  name: Other School\n"),
        "duplicate key 'name' (line 7)",
    ),
    (
        "typo-in-grade-area",
        variant("leadership-and-governance:", "leadership-and-goverance:"),
        "events[0].grades: 'leadership-and-goverance' is not a grade area of "
        "ofsted-schools-report-cards-2025",
    ),
    (
        "grade-of-another-framework",
        variant("inclusion: needs-attention", "inclusion: requires-improvement"),
        "events[0].grades: inclusion: 'requires-improvement' is not a grade of",
    ),
    (
        "unknown-framework",
        variant("    safeguarding: met\n", "    safeguarding: met\n    framework: ofsted-2026\n"),
        "events[0].framework: 'ofsted-2026' is not one of",
    ),
    (
        "framework-not-in-force",
        variant(
            "    safeguarding: met\n",
            "    safeguarding: met\n    framework: ofsted-schools-eif-2019\n",
        ),
        "events[0].framework: 'ofsted-schools-eif-2019' was not in force on 2026-03-03 "
        "(in force 2019-09-01 to 2024-09-01)",
    ),
    (
        "unknown-inspectorate",
        variant("    safeguarding: met\n", "    safeguarding: met\n    inspectorate: ofstead\n"),
        "events[0].inspectorate: 'ofstead' is not one of 'ofsted', 'estyn' "
        "(did you mean 'ofsted'?)",
    ),
    (
        "unknown-inspection-kind",
        variant("    safeguarding: met\n", "    safeguarding: met\n    kind: monitoring\n"),
        "(did you mean 'monitoring-visit'?)",
    ),
    (
        "unknown-provider-type",
        variant("type: community", "type: comunity"),
        "provider.type: 'comunity' is not one of 'community',",
    ),
    (
        "unknown-event-type",
        variant("type: warning-notice-given", "type: warning-notice-givn"),
        "events[1]: event type 'warning-notice-givn' is not one of",
    ),
    (
        "unknown-field",
        variant("    safeguarding: met\n", "    safeguardin: met\n"),
        "events[0]: unknown field: safeguardin (did you mean 'safeguarding'?)",
    ),
    ("alias-bomb", alias_bomb(), "more than 1,000,000 values once aliases are expanded"),
    ("deep-nesting", deeply_nested(100), "nested more than 64 levels deep (line 2;"),
    ("very-deep-nesting", deeply_nested(200_000), "nested more than 64 levels deep (line 2;"),
    (
        "not-utf-8",
        variant("Brook Primary", "Brook Prim\xe6ry").encode("latin-1"),
        "not UTF-8 (byte 0xe6 at offset 100)",
    ),
    (
        "impossible-unquoted-date",
        variant("date: 2026-03-10", "date: 2026-02-29"),
        "events[1].date: '2026-02-29' is not a valid date",
    ),
    (
        "python-tag",
        variant("reference: EX-STRICT-1", "reference: !!python/object/apply:os.getcwd []"),
        "tag !!python/object/apply:os.getcwd is not supported (line 2)",
    ),
    (
        "oversized",
        BASE + "# padding\n" * 500_001,
        "larger than the 5 MB limit for input files",
    ),
    (
        "two-documents",
        BASE + "---\njurisdiction: england-maintained\n",
        "more than one YAML document (line 19)",
    ),
]


def write(tmp_path: Path, content: str | bytes, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path

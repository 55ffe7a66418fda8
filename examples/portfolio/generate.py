"""Write the example portfolio: 50 fictional schools and colleges in five local authorities.

Run from anywhere: ``python examples/portfolio/generate.py``. It rewrites ``cases/`` and
``portfolio.yaml`` next to this file. The seed is fixed, so the output is the same every time;
change the script, run it, and review the diff.

Every school, college, officer and person is invented. LA 830 is Derbyshire (its example
plugin is ``examples/plugins/derbyshire``) and LA 999 the fictional Northmoor
(``examples/plugins/northmoor``); 997 and 996 are fictional authorities, and the Welsh code
660 carries the fictional name the other Welsh examples give it.
The dates fall in 2024-2026 so that the register is busy around the end of 2026.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

SEED = 14
HERE = Path(__file__).resolve().parent

#: code: (name, officers, programmes)
AUTHORITIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "830": (
        "Derbyshire",
        ("Priya Ashdown", "Tom Fellbeck"),
        ("schools-causing-concern", "priority", "core-entitlement"),
    ),
    "999": (
        "Northmoor Borough Council",
        ("Grace Oduya", "Callum Reeve"),
        ("intensive-support", "targeted-support"),
    ),
    "997": ("Westmarsh Borough Council", ("Helen Marrow",), ("intensive-support", "monitoring")),
    "996": ("Fenmoor City Council", ("Owen Latchford",), ("intensive-support", "monitoring")),
    "660": ("Cyngor Sir Enghraifft", ("Siân Rhydderch",), ("cymorth-dwys", "monitro")),
}

PLACES = (
    "Ashby Cross", "Barrowdale", "Birchfield", "Brackenhill", "Carrow Green", "Cinderford Vale",
    "Dunmere", "Elmsworth", "Fallowfield Edge", "Foxcote", "Glenholme", "Harrowby", "Hollins Moor",
    "Ivydene", "Kettlebeck", "Larkrise", "Linthorpe Rise", "Marshbrook", "Millbeck", "Netherby",
    "Oakhurst", "Pennwood", "Quarry Bank", "Redmire", "Rowan Lea", "Saltcote", "Sedgebrook",
    "Stonecross", "Thornbury Heath", "Underwood", "Wainfleet", "Westerby", "Whinfell", "Yarrow",
    "Ashcombe", "Bramblemoor", "Coldwell", "Deepdale", "Emberton", "Fernhill", "Greystone",
    "Hawkmoor", "Kingsmead", "Longmarsh", "Moorgate", "Northfield", "Orchard Vale", "Ploughley",
    "Ravensworth", "Sandholme",
)  # fmt: skip
WELSH_PLACES = ("Pen-y-bryn", "Cwm Derwen", "Glan-yr-afon", "Llwyn Onn")

#: Items the example council plugins add after Ofsted's notice (closed when recorded as met).
LOCAL_ITEMS = {"830": ("derbyshire.plan-of-action",), "999": ("northmoor.review-visit",)}
MAINTAINED_TYPES = ("community", "voluntary-aided", "voluntary-controlled", "foundation")
REPORT_CARD_AREAS = (
    "inclusion",
    "curriculum-and-teaching",
    "achievement",
    "attendance-and-behaviour",
    "personal-development-and-well-being",
    "leadership-and-governance",
)


def day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A weekday between ``start`` and ``end`` (inclusive)."""
    while True:
        found = start + dt.timedelta(days=rng.randint(0, (end - start).days))
        if found.weekday() < 5:
            return found


def later(date: dt.date, days: int) -> dt.date:
    """``days`` calendar days after ``date``, moved forward off a weekend."""
    found = date + dt.timedelta(days=days)
    while found.weekday() >= 5:
        found += dt.timedelta(days=1)
    return found


def flow(items: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in items.items()) + "}"


def report_card(rng: random.Random, special_measures: bool) -> list[str]:
    """Report-card grades: leadership needs urgent improvement (and, for special measures,
    one more area does)."""
    grades = {
        area: rng.choice(("expected-standard", "needs-attention")) for area in REPORT_CARD_AREAS
    }
    grades["leadership-and-governance"] = "urgent-improvement"
    if special_measures:
        grades[rng.choice(REPORT_CARD_AREAS[:3])] = "urgent-improvement"
    return [f"      {area}: {grade}" for area, grade in grades.items()]


def met(item: str, date: dt.date) -> str:
    """An ``obligation-met`` event closing the item with this stable key."""
    return "  - " + flow({"type": "obligation-met", "date": date, "item": item})


def category_case(
    rng: random.Random, category: str, as_of: dt.date, academy: bool, la: str
) -> list[str]:
    """A report-card inspection (from Nov 2025) placing the school in a category; most of
    the duties already met are recorded, a few are left overdue."""
    start = day(rng, dt.date(2026, 1, 12), dt.date(2026, 11, 2))
    end = later(start, 1)
    notice = later(end, rng.randint(12, 20))
    lines = [
        "  - id: inspection",
        "    type: inspection",
        f"    start: {start}",
        f"    end: {end}",
        "    grades:",
        *report_card(rng, category == "special-measures"),
        f"    safeguarding: {'met' if category == 'significant-improvement' else 'not-met'}",
        "  - " + flow({"id": "notice", "type": "ofsted-category-notice", "date": notice,
                       "category": category}),
        "  - " + flow({"id": "final-report", "type": "final-report-received", "date": notice}),
    ]  # fmt: skip
    copies = "report.parents-copies" if academy else "parents-report-copy.due"
    if later(notice, 8) < as_of and rng.random() < 0.85:
        lines.append(met(f"{copies}@final-report", later(notice, rng.randint(2, 6))))
    if later(notice, 21) < as_of and rng.random() < 0.8:
        sent = later(notice, rng.randint(5, 13))
        lines.append("  - " + flow({"type": "statement-of-action-sent", "date": sent}))
    if later(notice, 10) < as_of:
        lines.append("  - " + flow({"type": "report-published", "date": later(notice, 7)}))
    for local in LOCAL_ITEMS.get(la, ()):  # the council plugins' own items
        if later(notice, 30) < as_of and rng.random() < 0.85:
            lines.append(met(f"{local}@notice", later(notice, rng.randint(5, 12))))
    if not academy and later(notice, 70) < as_of and rng.random() < 0.7:
        lines.append("  - " + flow({"type": "academy-order-made", "date": later(notice, 60)}))
    return lines


def removed_case(rng: random.Random, la: str) -> list[str]:
    """Special measures from a 2024 inspection (EIF 2019), removed in 2026."""
    start = day(rng, dt.date(2024, 1, 15), dt.date(2024, 6, 20))
    end = later(start, 1)
    notice = later(end, 14)
    removed = day(rng, dt.date(2026, 1, 12), dt.date(2026, 10, 16))
    return [
        "  - id: inspection",
        "    type: inspection",
        f"    start: {start}",
        f"    end: {end}",
        "    grades: {overall-effectiveness: inadequate}",
        "    leadership_capacity: false",
        "  - " + flow({"id": "notice", "type": "ofsted-category-notice", "date": notice,
                       "category": "special-measures"}),
        "  - " + flow({"id": "final-report", "type": "final-report-received", "date": notice}),
        met("parents-report-copy.due@final-report", later(notice, 3)),
        *[met(f"{local}@notice", later(notice, 8)) for local in LOCAL_ITEMS.get(la, ())],
        "  - " + flow({"type": "statement-of-action-sent", "date": later(notice, 10)}),
        "  - " + flow({"type": "academy-order-made", "date": later(notice, 30)}),
        "  - " + flow({"id": "removed", "type": "category-removed", "date": removed}),
    ]  # fmt: skip


def warning_notice_case(rng: random.Random, as_of: dt.date) -> list[str]:
    """A local authority's warning notice (s.60, as substituted in 2016) with a specified end."""
    given = day(rng, dt.date(2026, 4, 13), dt.date(2026, 11, 20))
    end = later(given, rng.choice((21, 28, 35)))
    lines = [
        "  - " + flow({"id": "wn", "type": "warning-notice-given", "date": given,
                       "ground": "performance-standards-and-safety",
                       "given_by": "local-authority", "compliance_period_end": end}),
    ]  # fmt: skip
    if later(given, 5) < as_of and rng.random() < 0.85:
        lines.append(met("warning-notice.copies@wn", later(given, 1)))
    if end < as_of:
        if rng.random() < 0.5:
            lines.append(
                "  - "
                + flow({"type": "warning-notice-complied", "date": later(end, 3), "notice": "wn"})
            )
        else:
            lines.append(
                "  - "
                + flow({"type": "reasonable-notice-given", "date": later(end, 4), "notice": "wn"})
            )
    return lines


def academy_notice_case(rng: random.Random) -> list[str]:
    """The Secretary of State's warning notice to an academy trust ("within 15 days")."""
    given = day(rng, dt.date(2026, 10, 19), dt.date(2026, 11, 25))
    lines = [
        "  - " + flow({"id": "twn", "type": "warning-notice-given", "date": given,
                       "given_by": "secretary-of-state",
                       "compliance_period": '"within 15 days"'}),
    ]  # fmt: skip
    if rng.random() < 0.5:
        lines.append("  - " + flow({"type": "representations-made", "date": later(given, 7)}))
    return lines


def fe_case(rng: random.Random) -> list[str]:
    """A report-card inspection of a college with an area needing attention."""
    start = day(rng, dt.date(2025, 11, 17), dt.date(2026, 10, 1))
    end = later(start, 2)
    return [
        "  - id: inspection",
        "    type: inspection",
        f"    start: {start}",
        f"    end: {end}",
        "    grades:",
        "      inclusion: expected-standard",
        f"      curriculum-and-teaching: {rng.choice(('needs-attention', 'urgent-improvement'))}",
        "      achievement: needs-attention",
        "      leadership-and-governance: expected-standard",
        "    safeguarding: met",
        "  - " + flow({"id": "report", "type": "report-published", "date": later(end, 30)}),
    ]


def welsh_case(rng: random.Random) -> list[str]:
    """A Welsh authority's warning notice, then Estyn special measures."""
    given = day(rng, dt.date(2026, 5, 11), dt.date(2026, 8, 28))
    start = later(given, rng.randint(40, 60))
    end = later(start, 3)
    notice = later(end, 18)
    report = later(notice, 14)
    return [
        met("warning-notice.copies@wn", later(given, 1)),
        "  - " + flow({"id": "wn", "type": "warning-notice-given", "date": given,
                       "given_by": "local-authority",
                       "compliance_period": "20 working days following"}),
        "  - id: inspection",
        "    type: inspection",
        f"    start: {start}",
        f"    end: {end}",
        "    inspectorate: estyn",
        "    category: special-measures",
        "  - " + flow({"id": "notice", "type": "ofsted-category-notice", "date": notice,
                       "category": "special-measures"}),
        "  - " + flow({"id": "final-report", "type": "final-report-received", "date": report}),
    ]  # fmt: skip


def slug(text: str) -> str:
    return "-".join(text.lower().replace("'", "").replace("&", "and").split())


def main(out: Path = HERE) -> None:
    """Write ``cases/`` and ``portfolio.yaml`` into ``out`` (default: beside this script)."""
    rng = random.Random(SEED)
    as_of = dt.date(2026, 11, 30)  # the Monday the example is written for
    cases_dir = out / "cases"
    cases_dir.mkdir(exist_ok=True)
    for old in cases_dir.glob("*.yaml"):
        old.unlink()
    # (LA, kind) for 50 providers: 14 in Derbyshire, 12 in Northmoor, 10 + 10 in the two
    # fictional English authorities, 4 Welsh schools; FE colleges in 997 and 996.
    plan = (
        [("830", "maintained")] * 10 + [("830", "academy")] * 4
        + [("999", "maintained")] * 8 + [("999", "academy")] * 4
        + [("997", "maintained")] * 5 + [("997", "academy")] * 4 + [("997", "fe")]
        + [("996", "maintained")] * 5 + [("996", "academy")] * 4 + [("996", "fe")]
        + [("660", "welsh")] * 4
    )  # fmt: skip
    places = list(PLACES)
    rng.shuffle(places)
    welsh = list(WELSH_PLACES)
    entries = []
    for n, (la, kind) in enumerate(plan, start=1):
        la_name, officers, programmes = AUTHORITIES[la]
        header: list[str]
        if kind == "welsh":
            place = welsh.pop(0)
            name = f"Ysgol Gynradd {place}"
            identifier = f'school_number: "{la}{2000 + n}"'
            jurisdiction, ptype = "wales-schools", "welsh-maintained-school"
            events = welsh_case(rng)
        elif kind == "fe":
            place = places.pop()
            name = f"{place} College"
            identifier = f'urn: "{la}{n:03d}"'
            jurisdiction, ptype = "england-fe", "fe-college"
            events = fe_case(rng)
        else:
            place = places.pop()
            phase = rng.choice(("primary", "primary", "secondary"))
            if kind == "academy":
                name = f"{place} {'Primary ' if phase == 'primary' else ''}Academy"
                jurisdiction, ptype = "england-academies", "academy"
            else:
                ptype = rng.choice(MAINTAINED_TYPES)
                church = " Church of England" if ptype.startswith("voluntary") else ""
                word = "Primary School" if phase == "primary" else "School"
                name = f"{place}{church} {word}"
                jurisdiction = "england-maintained"
            identifier = f'urn: "{la}{n:03d}"'
            roll = rng.random()
            if kind == "academy":
                events = (
                    academy_notice_case(rng)
                    if roll < 0.35
                    else category_case(rng, "special-measures", as_of, academy=True, la=la)
                )
            elif roll < 0.35:
                events = category_case(rng, "special-measures", as_of, academy=False, la=la)
            elif roll < 0.6:
                events = category_case(rng, "significant-improvement", as_of, academy=False, la=la)
            elif roll < 0.85:
                events = warning_notice_case(rng, as_of)
            else:
                events = removed_case(rng, la)
        header = [
            f"# {name}: a fictional provider of the example portfolio (generate.py, seed {SEED}).",
            f"jurisdiction: {jurisdiction}",
            f"reference: PF-{la}-{n:02d}",
            "provider:",
            f"  {identifier}",
            f'  name: "{name}"',
            f"  type: {ptype}",
            f"  local_authority: {la_name}",
            f'  la_code: "{la}"',
        ]
        if ptype == "academy":
            header.append(
                f"  trust: {rng.choice(('Moorland', 'Riverside', 'Kestrel'))} Learning Trust"
            )
        path = cases_dir / f"{la}-{n:02d}-{slug(place)}.yaml"
        path.write_text("\n".join([*header, "events:", *events]) + "\n", encoding="utf-8")
        entries.append(
            f"  - {{case: cases/{path.name}, officer: {rng.choice(officers)}, "
            f"programme: {rng.choice(programmes)}}}"
        )
    (out / "portfolio.yaml").write_text(
        "# The example portfolio: 50 fictional providers, their officers and programmes.\n"
        f"# Written by generate.py (seed {SEED}); edit the script, not this file.\n"
        "name: Example schools causing concern portfolio (fictional)\n"
        "cases:\n" + "\n".join(entries) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

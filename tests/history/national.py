"""A synthetic national set of inspection histories (for the national test and the benchmark).

About 25,000 schools with 8 inspections each (about 200,000 rows) in the layout of Ofsted's
management-information files, over the URNs of the real GIAS links extract when it is beside
the clone (a synthetic links file of the same shape when it is not), plus planted schools
whose results are known by hand. Fictional names only.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
REAL_LINKS = SHARED_DATA / "gias-links-2025-07-27.csv"

MI_HEADER = (
    "URN",
    "Inspection number",
    "Inspection type",
    "Inspection start date",
    "Overall effectiveness",
    "School name",
    "Ofsted phase",
    "Type of education",
    "Local authority",
    "LAESTAB",
    "Multi-academy trust name",
)
_TYPES = {"full": "Section 5 inspection", "short": "Section 8 short inspection"}
_PHASES = ("Primary", "Secondary", "Special", "Nursery", "PRU")
_LAS = (("830", "Exampleshire"), ("831", "Sampleton"), ("926", "Fictia"), ("202", "Testham"))

#: Planted schools: (predecessor URN or None, URN, predecessor lines, own lines,
#: expected ofsted-2020 as of 31 Aug 2019, expected dfe-2025 as of 31 Aug 2025).
#: Grades are Ofsted numbers (3 = satisfactory before Sep 2012, RI after).
PLANTED: tuple[tuple[str | None, str, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    # a converter: 3 full below good as the predecessor, 1 as the academy -> stuck (4 full)
    (
        "9100001",
        "9100002",
        ("2007-05-10 full 3", "2010-03-01 full 3", "2013-01-15 full 3"),
        ("2016-02-01 full 3", "2021-03-01 full 3"),
        "stuck",
        "stuck",
    ),
    # stuck on its own: 5 full below good, a monitoring inspection between
    (
        None,
        "9100003",
        (),
        (
            "2007-01-10 full 4",
            "2008-01-10 monitoring 9",
            "2009-06-10 full 3",
            "2012-10-10 full 3",
            "2015-01-10 full 3",
            "2018-01-10 full 3",
            "2022-01-10 full 2",
        ),
        "stuck",
        "not-stuck",
    ),
    # unstuck: 4 full below good then 2 good
    (
        None,
        "9100004",
        (),
        (
            "2007-01-10 full 3",
            "2009-01-10 full 3",
            "2011-01-10 full 4",
            "2013-01-10 full 3",
            "2016-01-10 full 2",
            "2019-01-10 full 2",
        ),
        "unstuck",
        "not-stuck",
    ),
    # good - RI - good after 4 below good: not unstuck
    (
        None,
        "9100005",
        (),
        (
            "2007-01-10 full 3",
            "2009-01-10 full 3",
            "2011-01-10 full 4",
            "2013-01-10 full 3",
            "2015-01-10 full 2",
            "2017-01-10 full 3",
            "2019-01-10 full 2",
        ),
        "not-stuck",
        "not-stuck",
    ),
    # 3 full below good and a short inspection: too few; RI, RI at the end: DfE stuck
    (
        None,
        "9100006",
        (),
        ("2008-01-10 full 3", "2011-01-10 full 3", "2014-01-10 short 9", "2016-01-10 full 3"),
        "too-few-inspections",
        "stuck",
    ),
    # opened in 2015
    (
        None,
        "9100007",
        (),
        ("2017-05-01 full 3", "2019-05-01 full 3"),
        "too-few-inspections",
        "stuck",
    ),
)


_NO_OVERALL_FROM = dt.date(2024, 9, 2)


def _ddmmyyyy(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def links_file(folder: Path) -> Path:
    """The real links extract with the planted links added (GIAS's file has no final newline),
    or a synthetic file of the same shape when shared/ is absent."""
    rows = [
        f'{succ},{pred},"Fictional School, Old Site","Predecessor","01-09-2014"'
        for pred, succ, *_ in PLANTED
        if pred is not None
    ]
    out = folder / "links.csv"
    if REAL_LINKS.exists():
        text = REAL_LINKS.read_text(encoding="utf-8-sig")
        out.write_text(text.rstrip("\n") + "\n" + "\n".join(rows), encoding="utf-8")
        return out
    header = '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"'
    synthetic = [
        f'{100000 + i},{130000 + i},"Fictional {i}, Site","Successor",""' for i in range(8000)
    ]
    out.write_text("\n".join([header, *synthetic, *rows]), encoding="utf-8")
    return out


def _urns(n: int) -> list[str]:
    """``n`` URNs: those of the links file first (so real lineages are walked), then others."""
    found: list[str] = []
    if REAL_LINKS.exists():
        with REAL_LINKS.open(encoding="utf-8-sig", newline="") as handle:
            seen: set[str] = set()
            for row in csv.DictReader(handle):
                for urn in (row["URN"], row["LinkURN"]):
                    if urn not in seen:
                        seen.add(urn)
                        found.append(urn)
    else:
        found = [str(100000 + i) for i in range(8000)] + [str(130000 + i) for i in range(8000)]
    found = found[: n // 2]
    found += [str(200000 + i) for i in range(n - len(found))]
    return found


def mi_file(folder: Path, schools: int = 25_000, per_school: int = 8, seed: int = 13) -> Path:
    """Write the synthetic MI file: ``schools`` random schools of ``per_school`` inspections
    (2006-2024, every 2-3 years; mostly good) and the planted schools; return its path."""
    rng = random.Random(seed)
    out = folder / "mi-national.csv"
    number = 1_000_000
    dates: dict[dt.date, str] = {}
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(MI_HEADER)
        for urn in _urns(schools):
            la, la_name = _LAS[rng.randrange(len(_LAS))]
            phase = _PHASES[rng.randrange(len(_PHASES))]
            kind_text = "Academy converter" if rng.random() < 0.4 else "Community school"
            trust = "Fictional Learning Trust" if kind_text.startswith("Academy") else ""
            day = dt.date(2006, 1, 9) + dt.timedelta(days=rng.randrange(300))
            tail = f"Fictional School {urn},{phase},{kind_text},{la_name},{la}{urn[-4:]},{trust}"
            for _ in range(per_school):
                full = rng.random() < 0.8
                grade = rng.choice("1222233334") if full else "9"
                if full and day >= _NO_OVERALL_FROM:
                    grade = "Not judged"
                number += 1
                text = dates.get(day)
                if text is None:
                    text = dates[day] = _ddmmyyyy(day)
                kind = "Section 5 inspection" if full else "Section 8 short inspection"
                handle.write(f"{urn},{number},{kind},{text},{grade},{tail}\n")
                day += dt.timedelta(days=700 + rng.randrange(300))
        for pred, urn, before, own, *_ in PLANTED:
            for owner, lines in ((pred, before), (urn, own)):
                for line in lines:
                    if owner is None:
                        continue
                    day_text, kind, grade = line.split()
                    number += 1
                    writer.writerow(
                        (
                            owner,
                            number,
                            "Section 8 monitoring inspection"
                            if kind == "monitoring"
                            else _TYPES[kind],
                            _ddmmyyyy(dt.date.fromisoformat(day_text)),
                            grade,
                            f"Planted School {owner}",
                            "Secondary",
                            "Academy sponsor led",
                            "Exampleshire",
                            f"830{owner[-4:]}",
                            "Fictional Learning Trust",
                        )
                    )
    return out

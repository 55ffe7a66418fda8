"""Lineage from GIAS links: predecessors, opt-in link types, cycles, missing ends; and the
real extract in shared/data when it is there (a synthetic file of the same shape when not)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from improvement_kit.errors import DataFileError
from improvement_kit.history.analysis import classify_all
from improvement_kit.history.definitions import Ofsted2020Stuck, Status
from improvement_kit.history.lineage import Lineage, Link, read_links

from .helpers import history

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
REAL_LINKS = SHARED_DATA / "gias-links-2025-07-27.csv"
AUG_2019 = dt.date(2019, 8, 31)
HEADER = '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"'


def link(urn: str, other: str, kind: str) -> Link:
    return Link(urn, other, "Fictional School", kind, None)


def write_links(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")  # no final newline, as GIAS
    return path


def test_a_converter_keeps_its_predecessors_history() -> None:
    histories = {
        h.urn: h
        for h in (
            history(
                "100001",
                "2007-05-10 full satisfactory",
                "2010-03-01 full satisfactory",
                "2013-01-15 full ri",
                phase="Secondary",
                la_code="830",
            ),
            history("140001", "2017-02-01 full ri"),
        )
    }
    lineage = Lineage.from_links([link("140001", "100001", "Predecessor")])
    analysis = classify_all(histories, lineage, Ofsted2020Stuck(), AUG_2019)
    assert [r.urn for r in analysis.results] == [
        "140001"
    ]  # the closed predecessor is not classified
    result = analysis.results[0]
    assert result.status is Status.STUCK
    assert result.predecessors_used == ("100001",)
    assert result.establishment.phase == "Secondary"  # known from the predecessor
    alone = classify_all(
        histories, lineage, Ofsted2020Stuck(include_predecessors=False), AUG_2019, only=["140001"]
    )
    assert alone.results[0].status is Status.TOO_FEW_INSPECTIONS


def test_a_successor_link_written_on_the_predecessor_counts_the_same() -> None:
    lineage = Lineage.from_links([link("100001", "140001", "Successor")])
    assert lineage.predecessors("140001") == ("100001",)
    assert lineage.heads(["100001"]) == {"140001"}


def test_an_academy_not_yet_inspected_is_classified_on_its_predecessor() -> None:
    histories = {
        "100001": history(
            "100001",
            "2008-05-10 full satisfactory",
            "2011-03-01 full satisfactory",
            "2013-01-15 full ri",
            "2015-01-15 full ri",
        )
    }
    lineage = Lineage.from_links([link("100001", "140001", "Successor")])
    analysis = classify_all(histories, lineage, Ofsted2020Stuck(), AUG_2019)
    assert [(r.urn, r.status) for r in analysis.results] == [("140001", Status.STUCK)]


def test_an_amalgamation_is_followed_only_when_asked() -> None:
    histories = {
        h.urn: h
        for h in (
            history("100001", "2008-05-10 full satisfactory", "2011-03-01 full satisfactory"),
            history("100002", "2012-05-10 full ri"),
            history("140009", "2017-06-01 full ri"),
        )
    }
    links = [
        link("140009", "100001", "Predecessor - amalgamated"),
        link("100002", "140009", "Result of Amalgamation"),
    ]
    plain = classify_all(histories, Lineage.from_links(links), Ofsted2020Stuck(), AUG_2019)
    assert {r.urn: r.status for r in plain.results} == {
        "100001": Status.TOO_FEW_INSPECTIONS,
        "100002": Status.TOO_FEW_INSPECTIONS,
        "140009": Status.TOO_FEW_INSPECTIONS,
    }
    joined = classify_all(
        histories, Lineage.from_links(links, amalgamated=True), Ofsted2020Stuck(), AUG_2019
    )
    assert [r.urn for r in joined.results] == ["140009"]
    assert joined.results[0].status is Status.STUCK
    assert joined.results[0].predecessors_used == ("100001", "100002")


def test_merged_links_are_opt_in() -> None:
    links = [link("140001", "100001", "Predecessor - merged")]
    assert Lineage.from_links(links).predecessors("140001") == ()
    assert Lineage.from_links(links, merged=True).predecessors("140001") == ("100001",)


def test_other_link_types_are_never_followed() -> None:
    links = [link("140001", "100001", "Sixth Form Centre Link"), link("140001", "100002", "Other")]
    assert Lineage.from_links(links, merged=True, amalgamated=True).predecessors("140001") == ()


def test_links_forming_a_cycle_end_and_each_school_counts_the_other() -> None:
    links = [
        link("100001", "100002", "Successor"),
        link("100002", "100003", "Successor"),
        link("100003", "100001", "Successor"),
    ]
    lineage = Lineage.from_links(links)
    assert set(lineage.predecessors("100001")) == {"100002", "100003"}
    assert lineage.in_cycle("100001")
    assert lineage.heads(["100001", "100002", "100003"]) == {"100001", "100002", "100003"}
    histories = {
        "100001": history("100001", "2008-01-01 full satisfactory", "2010-01-01 full satisfactory"),
        "100002": history("100002", "2013-01-01 full ri"),
        "100003": history("100003", "2016-01-01 full ri"),
    }
    analysis = classify_all(histories, lineage, Ofsted2020Stuck(), AUG_2019)
    assert all(r.status is Status.STUCK and r.in_cycle for r in analysis.results)


def test_a_link_to_a_school_with_no_history_is_a_missing_end() -> None:
    lineage = Lineage.from_links([link("140001", "999999", "Predecessor")])
    histories = {"140001": history("140001", "2017-02-01 full ri")}
    analysis = classify_all(histories, lineage, Ofsted2020Stuck(), AUG_2019)
    assert analysis.results[0].predecessors == ("999999",)
    assert analysis.results[0].predecessors_used == ()
    assert analysis.results[0].status is Status.TOO_FEW_INSPECTIONS


def test_a_links_file_with_commas_in_names_blank_dates_and_no_final_newline(tmp_path: Path) -> None:
    path = write_links(
        tmp_path / "links.csv",
        '100016,132245,"Kingsgate Primary School, Upper Site","Successor",""',
        '132245,100016,"Kingsgate Infant, Junior and Nursery","Predecessor","01-09-2008"',
    )
    links = read_links(path)
    assert [(x.urn, x.link_urn, x.established) for x in links] == [
        ("100016", "132245", None),
        ("132245", "100016", dt.date(2008, 9, 1)),
    ]
    assert links[0].link_name == "Kingsgate Primary School, Upper Site"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            ['"URN","LinkURN","LinkName","LinkEstablishedDate"', '1,2,"A","01-01-2020"'],
            "row 1, column 'LinkType': needed column missing",
        ),
        (
            [HEADER, '100001,100002,"A","Successor","31-02-2019"'],
            "row 2, column 'LinkEstablishedDate': '31-02-2019' is not a real date",
        ),
        ([HEADER, '100001,10000X,"A","Successor",""'], "row 2, column 'LinkURN'"),
        (
            [HEADER, '100001,100002,"A","Successor","","extra"'],
            "row 2: 6 fields where the header has 5",
        ),
    ],
)
def test_a_links_file_of_the_wrong_shape_is_refused_naming_row_and_column(
    tmp_path: Path, rows: list[str], expected: str
) -> None:
    path = tmp_path / "links.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_links(path)
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def _links_file(tmp_path: Path) -> Path:
    """The real extract, or (when shared/ is absent) a synthetic one of the same shape."""
    if REAL_LINKS.exists():
        return REAL_LINKS
    rows = [f'{100000 + i},{130000 + i},"School {i}, Site","Successor",""' for i in range(2000)]
    rows += [
        f'{130000 + i},{100000 + i},"School {i}","Predecessor","01-09-2012"' for i in range(2000)
    ]
    return write_links(tmp_path / "links-synthetic.csv", *rows)


def test_the_links_extract_reads_whole_and_every_walk_ends(tmp_path: Path) -> None:
    path = _links_file(tmp_path)
    links = read_links(path)
    if path == REAL_LINKS:
        assert len(links) == 34044
        assert sum(1 for x in links if x.established is None) == 8253
    lineage = Lineage.from_links(links, merged=True, amalgamated=True)
    urns = {x.urn for x in links} | {x.link_urn for x in links}
    heads = lineage.heads(urns)
    assert heads and heads <= urns
    for urn in list(urns)[:2000]:
        assert urn not in lineage.predecessors(urn) or lineage.in_cycle(urn)

"""Reading Ofsted MI files, case files and types files strictly; the ``stuck`` command's
refusals: one line naming file, row and column, exit 2, nothing written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from improvement_kit.cli import main
from improvement_kit.errors import DataFileError
from improvement_kit.history.loading import load_histories, read_types
from improvement_kit.history.ofsted_mi import read_mi_csv
from improvement_kit.history.records import InspectionKind, StuckType
from improvement_kit.model.grades import Grade

HEADER = "URN,Inspection number,Inspection type,Inspection start date,Overall effectiveness,School name,Ofsted phase,Type of education,Local authority,LAESTAB,Web Link"
LINKS_HEADER = '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"'
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def write(path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def school(urn: str, number: int, kind: str, day: str, grade: str) -> str:
    return f'{urn},{number},{kind},{day},{grade},"Fictional Academy, Upper",Secondary,Academy converter,Exampleshire,8304001,https://example.invalid/{urn}'


def stuck_school_file(path: Path) -> Path:
    return write(
        path,
        HEADER,
        school("140001", 1, "Section 5", "10/05/2007", "3"),
        school("140001", 2, "Section 5", "01/03/2010", "3"),
        school("140001", 3, "Section 8 monitoring inspection", "01/10/2010", "NULL"),
        school("140001", 4, "Section 5", "15/01/2013", "3"),
        school("140001", 5, "Section 5", "10/06/2015", "4"),
        school("140002", 6, "Section 5", "10/06/2015", "2"),
    )


def test_grade_3_is_satisfactory_in_2010_and_requires_improvement_in_2013(tmp_path: Path) -> None:
    read = read_mi_csv(stuck_school_file(tmp_path / "mi.csv"))
    grades = {(i.urn, i.date): (i.kind, i.grade) for i in read.inspections}
    assert grades[("140001", dt.date(2010, 3, 1))] == (InspectionKind.FULL, Grade.SATISFACTORY)
    assert grades[("140001", dt.date(2013, 1, 15))] == (
        InspectionKind.FULL,
        Grade.REQUIRES_IMPROVEMENT,
    )
    assert grades[("140001", dt.date(2010, 10, 1))] == (InspectionKind.MONITORING, None)
    establishment = read.establishments["140001"]
    assert (establishment.la_code, establishment.academy, establishment.name) == (
        "830",
        True,
        "Fictional Academy, Upper",
    )


def test_a_cp1252_file_with_title_rows_is_read_with_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mi.csv"
    path.write_bytes(
        (
            "Management information - state-funded schools,,,,,,,,,,\n"
            "Published: fictional release,,,,,,,,,,\n"
            + HEADER
            + "\n"
            + school("140001", 1, "Section 5", "10/05/2007", "3").replace("Upper", "Upper – Site")
            + "\n"
        ).encode("cp1252")
    )
    with pytest.raises(
        DataFileError, match=r"row 4: byte 0x96 is not utf-8-sig \(try --encoding cp1252\)"
    ):
        read_mi_csv(path)
    read = read_mi_csv(path, encoding="cp1252")
    assert read.establishments["140001"].name == "Fictional Academy, Upper – Site"


def test_a_column_map_reads_another_layout_and_ignores_unused_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mi.csv",
        "Extra,URN,Inspection date,Type,Grade",
        "x,140001,2015-06-10,Full inspection,2",
    )
    read = read_mi_csv(
        path,
        columns={
            "start_date": "Inspection date",
            "inspection_type": "Type",
            "overall_effectiveness": "Grade",
        },
    )
    assert [(i.urn, i.date, i.grade) for i in read.inspections] == [
        ("140001", dt.date(2015, 6, 10), Grade.GOOD)
    ]


def test_a_short_inspection_outcome_school_remains_good_gives_it_good(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mi.csv",
        "URN,Inspection type,Inspection start date,Overall effectiveness,Outcomes for section 8 inspections and short inspections that did not convert",
        "140001,Section 8 short inspection,01/02/2018,NULL,School remains Good",
    )
    (inspection,) = read_mi_csv(path).inspections
    assert (inspection.kind, inspection.grade) == (InspectionKind.SHORT, Grade.GOOD)


def test_not_judged_from_september_2024_has_no_overall_grade(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mi.csv",
        "URN,Inspection type,Inspection start date,Overall effectiveness",
        "140001,Section 5,04/11/2024,Not judged",
    )
    (inspection,) = read_mi_csv(path).inspections
    assert (inspection.grade, inspection.overall_judged) == (None, False)
    assert inspection.framework == "ofsted-schools-eif-2024"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["URN,Inspection type,Overall effectiveness", "140001,Section 5,2"],
            "column 'Inspection start date': needed column missing from header",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,30/02/2015,2",
            ],
            "row 2, column 'Inspection start date': '30/02/2015' is not a real date",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,2015-06-10,Very good",
            ],
            "row 2, column 'Overall effectiveness': 'Very good' is not an overall effectiveness grade",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,2014-06-10,Satisfactory",
            ],
            "row 2, column 'Overall effectiveness': 'Satisfactory' is not on the scale in force on 2014-06-10",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,2025-01-10,3",
            ],
            "row 2, column 'Overall effectiveness': an overall grade for an inspection on 2025-01-10",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Desk review,2015-06-10,2",
            ],
            "row 2, column 'Inspection type': 'Desk review' is not a known inspection type",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "14O001,Section 5,2015-06-10,2",
            ],
            "row 2, column 'URN': '14O001' is not a URN",
        ),
    ],
)
def test_bad_mi_input_is_refused_in_one_line_naming_file_row_and_column(
    tmp_path: Path, lines: list[str], expected: str
) -> None:
    path = write(tmp_path / "mi.csv", *lines)
    with pytest.raises(DataFileError) as caught:
        read_mi_csv(path)
    message = str(caught.value)
    assert message.startswith(f"{path}")
    assert expected in message
    assert "\n" not in message


def test_case_files_join_the_histories(tmp_path: Path) -> None:
    case = EXAMPLES / "england" / "special-measures-2019.yaml"
    loaded = load_histories([case, stuck_school_file(tmp_path / "mi.csv")])
    history = loaded.histories["999101"]
    assert [(i.date, i.kind, i.grade) for i in history.inspections] == [
        (dt.date(2019, 3, 5), InspectionKind.FULL, Grade.INADEQUATE)
    ]
    assert history.establishment.phase == "primary"
    assert "140001" in loaded.histories


def test_a_types_file_records_types_and_refuses_unknown_ones(tmp_path: Path) -> None:
    good = write(
        tmp_path / "types.csv",
        "URN,Type,RecordedOn,RecordedBy,Basis",
        "140001,resistant-embedded,2025-03-04,Fictional HMI,research visit",
    )
    assert read_types(good)["140001"].type is StuckType.RESISTANT_EMBEDDED
    bad = write(tmp_path / "bad.csv", "URN,Type,RecordedOn", "140001,lazy,2025-03-04")
    with pytest.raises(DataFileError, match=r"row 2, column 'Type': 'lazy' is not one of"):
        read_types(bad)


def links(path: Path) -> Path:
    path.write_text(
        LINKS_HEADER
        + '\n140001,100001,"Fictional Community School, Old","Predecessor","01-09-2012"',
        encoding="utf-8",
    )
    return path


def test_the_stuck_command_prints_a_summary_and_writes_csv_json_and_charts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mi = stuck_school_file(tmp_path / "mi.csv")
    types = write(
        tmp_path / "types.csv", "URN,Type,RecordedOn", "140001,chaotic-change-fatigued,2019-07-01"
    )
    out = tmp_path / "out"
    status = main(
        [
            "stuck",
            str(mi),
            "--links",
            str(links(tmp_path / "links.csv")),
            "--as-of",
            "2019-08-31",
            "--types",
            str(types),
            "-o",
            str(out),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0
    assert "stuck                      1  (50.0%)" in printed
    assert "by phase" in printed
    data = json.loads((out / "stuck-ofsted-2020.json").read_text())
    by_urn = {s["urn"]: s for s in data["schools"]}
    assert by_urn["140001"]["status"] == "stuck"
    assert by_urn["140001"]["recorded_type"] == "chaotic-change-fatigued"
    assert by_urn["140001"]["first_met"] == "2015-06-10"
    assert by_urn["140002"]["status"] == "not-stuck"  # judged good in 2015
    assert (out / "stuck-ofsted-2020.csv").read_text().startswith("urn,name,status")
    assert (out / "stuck-ofsted-2020-stuck-by-phase.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (out / "stuck-ofsted-2020-years-stuck.svg").read_bytes()[:400]
    # the same again without --force is refused before any work
    assert main(["stuck", str(mi), "--links", str(tmp_path / "links.csv"), "-o", str(out)]) == 2


def test_the_stuck_command_keeps_one_la(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mi = stuck_school_file(tmp_path / "mi.csv")
    assert (
        main(
            [
                "stuck",
                str(mi),
                "--links",
                str(links(tmp_path / "l.csv")),
                "--la",
                "831",
                "--as-of",
                "2019-08-31",
            ]
        )
        == 0
    )
    assert "schools classified: 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("mi_lines", "links_text", "expected"),
    [
        (
            ["URN,Inspection type,Overall effectiveness", "140001,Section 5,2"],
            None,
            "mi.csv, row 1, column 'Inspection start date': needed column missing",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,31/04/2015,2",
            ],
            None,
            "mi.csv, row 2, column 'Inspection start date': '31/04/2015' is not a real date",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,2015-06-10,5",
            ],
            None,
            "mi.csv, row 2, column 'Overall effectiveness': '5' is not an overall effectiveness grade",
        ),
        (
            [
                "URN,Inspection type,Inspection start date,Overall effectiveness",
                "140001,Section 5,2015-06-10,2",
            ],
            '"URN","LinkURN","LinkType"\n140001,100001,"Predecessor"',
            "links.csv, row 1, column 'LinkName': needed column missing",
        ),
    ],
)
def test_bad_input_to_the_stuck_command_exits_2_in_one_line_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    mi_lines: list[str],
    links_text: str | None,
    expected: str,
) -> None:
    mi = write(tmp_path / "mi.csv", *mi_lines)
    links_path = links(tmp_path / "links.csv")
    if links_text is not None:
        links_path.write_text(links_text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["stuck", str(mi), "--links", str(links_path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert expected in err
    assert not out.exists()


def test_a_urn_at_the_time_of_inspection_column_gives_a_predecessor(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mi.csv",
        "URN,URN at time of latest full inspection,Inspection type,Inspection start date,Overall effectiveness",
        "140001,100001,Section 5,10/05/2016,3",
        "140001,NULL,Section 5,10/05/2019,3",
    )
    read = read_mi_csv(path, columns={"urn_at_inspection": "URN at time of latest full inspection"})
    assert read.predecessor_pairs == (("100001", "140001"),)
    assert [(i.urn, i.date.year) for i in read.inspections] == [("100001", 2016), ("140001", 2019)]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--encoding", "latin-2"], "--encoding: 'latin-2' is not one of utf-8-sig, utf-8, cp1252"),
        (["--column", "when=Date"], "--column: 'when=Date' is not ROLE=COLUMN"),
        (["--la", "83"], "'83' is not a 3-digit LA code"),
        (
            ["--definition", "dfe-2025", "--minimum-full", "3"],
            "apply to --definition ofsted-2020 only",
        ),
        (
            ["--no-overall-grade", "equivalent"],
            "--no-overall-grade equivalent applies to --definition dfe-2025 only",
        ),
    ],
)
def test_bad_options_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], expected: str
) -> None:
    mi = stuck_school_file(tmp_path / "mi.csv")
    try:
        status = main(["stuck", str(mi), "--links", str(links(tmp_path / "l.csv")), *extra])
    except SystemExit as exc:  # argparse's own usage error
        status = exc.code  # type: ignore[assignment]
    assert status == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1


def test_the_output_folder_may_not_hold_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mi = stuck_school_file(tmp_path / "stuck-ofsted-2020.csv")
    assert (
        main(
            [
                "stuck",
                str(mi),
                "--links",
                str(links(tmp_path / "l.csv")),
                "-o",
                str(tmp_path),
                "--force",
            ]
        )
        == 2
    )
    assert "is one of the inputs" in capsys.readouterr().err
    assert mi.read_text().startswith("URN,")

"""Batch rendering, the command line, the plugin registry, samples and PDF output."""

from __future__ import annotations

import concurrent.futures
import csv
import shutil
import subprocess
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import yaml

import improvement_kit_england_maintained
from improvement_kit.cli import main
from improvement_kit.documents import render_batch, render_case
from improvement_kit.errors import DocumentError
from improvement_kit.plugins import Plugins

from .conftest import NASTY, all_text

SOA = "england-maintained:statement-of-action"


def _installed() -> bool:
    return any(ep.name == "england-maintained" for ep in entry_points(group="improvement_kit"))


def test_templates_are_found_through_the_plugin_registry() -> None:
    extra = [] if _installed() else [improvement_kit_england_maintained]
    spec = Plugins.load(plugins=extra).template(SOA)
    assert spec.title.startswith("Statement of action")
    assert spec.resource.name == "statement-of-action.docx"
    assert spec.resource.read_bytes()[:2] == b"PK"


def _write_inputs(folder: Path, case: dict[str, Any], extra: dict[str, Any]) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    case_file = folder / "case.yaml"
    case_file.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    data_file = folder / "extra.yaml"
    data_file.write_text(yaml.safe_dump(extra, allow_unicode=True), encoding="utf-8")
    return case_file, data_file


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("kind", ["serial", "threads"])
def test_one_bad_row_is_reported_and_the_others_render(
    tmp_path: Path,
    plugins: Plugins,
    sample_case: dict[str, Any],
    sample_extra: dict[str, Any],
    kind: str,
) -> None:
    _write_inputs(tmp_path / "in", sample_case, sample_extra)
    table = _csv(
        tmp_path / "in" / "batch.csv",
        [
            {"case": "case.yaml", "output": "first.docx", "senior_adviser.name": NASTY},
            {"case": "missing.yaml", "output": "second.docx", "senior_adviser.name": ""},
            {"case": "case.yaml", "output": "third.docx", "senior_adviser.name": "Ffion Jones"},
        ],
    )
    executor = concurrent.futures.ThreadPoolExecutor(2) if kind == "threads" else None
    seen: list[int] = []
    try:
        results = render_batch(
            SOA,
            table,
            tmp_path / "out",
            extra=sample_extra,
            executor=executor,
            plugins=plugins,
            progress=lambda done, total, result: seen.append(done),
        )
    finally:
        if executor is not None:
            executor.shutdown()
    assert [(r.row, r.ok) for r in results] == [(2, True), (3, False), (4, True)]
    assert "missing.yaml" in (results[1].error or "")
    assert sorted(seen) == [1, 2, 3]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["first.docx", "third.docx"]
    assert NASTY in all_text((tmp_path / "out" / "first.docx").read_bytes())
    assert "Ffion Jones" in all_text((tmp_path / "out" / "third.docx").read_bytes())


def test_a_batch_runs_on_worker_processes(
    tmp_path: Path,
    sample_case: dict[str, Any],
    sample_extra: dict[str, Any],
) -> None:
    if not _installed():
        pytest.skip("process workers load the installed plugins")
    folder = tmp_path / "cases"
    _write_inputs(folder, sample_case, sample_extra)
    (folder / "extra.yaml").unlink()
    (folder / "second.yaml").write_text((folder / "case.yaml").read_text("utf-8"), "utf-8")
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        results = render_batch(SOA, folder, tmp_path / "out", extra=sample_extra, executor=pool)
    assert all(r.ok for r in results), results
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["case.docx", "second.docx"]


def test_the_batch_command_exits_1_with_a_summary_when_a_row_fails(
    tmp_path: Path,
    sample_case: dict[str, Any],
    sample_extra: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    if not _installed():
        pytest.skip("the command line uses the installed plugins")
    _, data = _write_inputs(tmp_path, sample_case, sample_extra)
    table = _csv(
        tmp_path / "rows.csv",
        [{"case": "case.yaml", "output": "a"}, {"case": "nope.yaml", "output": "b"}],
    )
    status = main(["batch", SOA, str(table), "-o", str(tmp_path / "out"), "--data", str(data)])
    captured = capsys.readouterr()
    assert status == 1
    assert "row 3: " in captured.err and "nope.yaml" in captured.err
    assert "1 written, 1 failed" in captured.out
    assert (tmp_path / "out" / "a.docx").exists()


def test_render_and_sample_commands_round_trip_for_every_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not _installed():
        pytest.skip("the command line uses the installed plugins")
    for spec in Plugins.load().templates():
        name = spec.id.replace(":", "-")  # names are unique per jurisdiction only
        folder = tmp_path / name
        assert main(["templates", "sample", spec.id, "-o", str(folder)]) == 0
        case, data = folder / "case.yaml", folder / "data.yaml"
        out = tmp_path / f"{name}.docx"
        status = main(["render", spec.id, str(case), "--data", str(data), "-o", str(out)])
        assert status == 0, capsys.readouterr().err
        assert out.exists()
    # an existing output is refused with one line, exit 2
    assert main(["render", SOA, str(case), "--data", str(data), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err


def test_missing_fields_on_the_command_line_are_one_line_and_no_file(
    tmp_path: Path, sample_case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    if not _installed():
        pytest.skip("the command line uses the installed plugins")
    case, _ = _write_inputs(tmp_path, sample_case, {})
    out = tmp_path / "soa.docx"
    assert main(["render", SOA, str(case), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing fields: action_after, action_before" in err[0]
    assert not out.exists()


def test_templates_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    if not _installed():
        pytest.skip("the command line uses the installed plugins")
    import json

    assert main(["templates", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {t["id"] for t in listed} >= {SOA, "england-maintained:warning-notice"}


def test_pdf_without_libreoffice_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from improvement_kit.documents import convert_to_pdf

    source = tmp_path / "x.docx"
    source.write_bytes(b"PK")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("IMPROVEMENT_KIT_SOFFICE", raising=False)
    with pytest.raises(DocumentError, match="LibreOffice, which is not installed"):
        convert_to_pdf(source)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_rendered_statement_of_action_converts_to_the_expected_pdf(
    tmp_path: Path, plugins: Plugins, stress_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    case, data = _write_inputs(tmp_path, stress_case, sample_extra)
    result = render_case(SOA, case, tmp_path / "soa.docx", extra=data, plugins=plugins, pdf=True)
    assert result.pdf is not None and result.pdf.exists()
    info = subprocess.run(["pdfinfo", str(result.pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    assert pages == 2
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "The Authority’s Statement of Action" in text
    assert 'Ysgol Gynradd Pen-y-bryn & St Non\'s <Federated> "Primary"' in text
    assert "30 December 2025" in text  # the due date from the timeline
    assert "Requires special measures" in text
    assert "{{" not in text and "{%" not in text


def test_an_authority_s_edited_copy_renders_with_the_same_context(
    tmp_path: Path, plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    import docx

    spec = plugins.template(SOA)
    edited = docx.Document(str(spec.resource))
    edited.add_paragraph("Approved by the Exampleshire schools causing concern panel: {{ date }}")
    copy = tmp_path / "our-statement.docx"
    edited.save(str(copy))
    case, data = _write_inputs(tmp_path, sample_case, sample_extra)
    result = render_case(
        SOA, case, tmp_path / "soa.docx", extra=data, plugins=plugins, template_file=copy
    )
    text = all_text(result.docx.read_bytes())
    assert "Approved by the Exampleshire schools causing concern panel: 19 December 2025" in text


def test_a_failed_pdf_conversion_leaves_no_docx_behind(
    tmp_path: Path,
    plugins: Plugins,
    sample_case: dict[str, Any],
    sample_extra: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fails = shutil.which("false")
    assert fails is not None
    monkeypatch.setenv("IMPROVEMENT_KIT_SOFFICE", fails)  # "LibreOffice" that always fails
    case, data = _write_inputs(tmp_path / "in", sample_case, sample_extra)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DocumentError, match="could not convert"):
        render_case(SOA, case, out / "soa.docx", extra=data, plugins=plugins, pdf=True)
    assert list(out.iterdir()) == []


def test_sample_writes_neither_file_when_one_of_them_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not _installed():
        pytest.skip("the command line uses the installed plugins")
    (tmp_path / "data.yaml").write_text("mine: true\n", encoding="utf-8")
    assert main(["templates", "sample", SOA, "-o", str(tmp_path)]) == 2
    assert "exists" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml"]
    assert (tmp_path / "data.yaml").read_text(encoding="utf-8") == "mine: true\n"


def test_a_csv_that_is_not_utf8_is_a_clear_error_not_a_traceback(
    tmp_path: Path, plugins: Plugins
) -> None:
    source = tmp_path / "rows.csv"
    source.write_bytes("case,signatory.name\ncase.yaml,£ Jones\n".encode("cp1252"))
    with pytest.raises(DocumentError, match="not UTF-8"):
        render_batch(SOA, source, tmp_path / "out", plugins=plugins)


def test_a_nested_field_set_by_one_row_does_not_leak_into_the_next(
    tmp_path: Path, plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    _write_inputs(tmp_path / "in", sample_case, sample_extra)
    column = "statement_of_action.capacity.commentary"
    table = _csv(
        tmp_path / "in" / "batch.csv",
        [
            {"case": "case.yaml", "output": "first.docx", column: "Row two's own commentary."},
            {"case": "case.yaml", "output": "second.docx", column: ""},
        ],
    )
    results = render_batch(SOA, table, tmp_path / "out", extra=sample_extra, plugins=plugins)
    assert all(r.ok for r in results), results
    second = all_text((tmp_path / "out" / "second.docx").read_bytes())
    assert "Row two's own commentary." not in second
    assert sample_extra["statement_of_action"]["capacity"]["commentary"] in second

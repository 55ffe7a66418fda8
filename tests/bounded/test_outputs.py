"""Nothing lost, nothing half-written: outputs that are inputs, folders or existing files are
refused in one line; SIGTERM leaves no temporary file and no LibreOffice behind; a plugin
calling ``sys.exit`` is named, with exit 2 and no document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import improvement_kit_england_maintained
from improvement_kit.documents import find_soffice, render_batch, render_case
from improvement_kit.documents.batch import BatchJob
from improvement_kit.errors import PluginError
from improvement_kit.plugins import Plugins, make_plugin_manager

from .conftest import Run, assert_one_line_refusal, docx_bytes, files_in

TEMPLATE_ID = "england-maintained:warning-notice"


def _render(sample: tuple[Path, Path], out: Path, *extra: str) -> list[str]:
    case, data = sample
    return ["render", TEMPLATE_ID, str(case), "--data", str(data), "-o", str(out), *extra]


def test_an_existing_document_is_refused_without_force_and_left_untouched(
    tmp_path: Path, sample: tuple[Path, Path], run: Run
) -> None:
    out = tmp_path / "notice.docx"
    out.write_bytes(b"an earlier notice")
    status, _, err = run(_render(sample, out))
    assert_one_line_refusal(status, err, str(out), "--force")
    assert out.read_bytes() == b"an earlier notice"
    assert files_in(tmp_path) == ["notice.docx"]
    status, _, err = run(_render(sample, out, "--force"))
    assert status == 0, err
    assert out.read_bytes().startswith(b"PK")


def test_timeline_o_refuses_an_existing_file_without_force(
    tmp_path: Path, sample: tuple[Path, Path], run: Run
) -> None:
    out = tmp_path / "timeline.txt"
    out.write_text("keep me")
    status, _, err = run(["timeline", str(sample[0]), "-o", str(out)])
    assert_one_line_refusal(status, err, str(out), "--force")
    assert out.read_text() == "keep me"
    status, _, err = run(["timeline", str(sample[0]), "-o", str(out), "--force"])
    assert status == 0, err
    assert out.read_text() != "keep me"


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["without --force", "with --force"])
def test_timeline_never_writes_over_its_own_case_file(
    tmp_path: Path, sample: tuple[Path, Path], run: Run, force: list[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_bytes(sample[0].read_bytes())
    before = case.read_bytes()
    # the same file by another spelling of its path, too
    for spelling in (str(case), str(tmp_path / "." / "case.yaml")):
        status, out, err = run(["timeline", str(case), "--json", "-o", spelling, *force])
        assert_one_line_refusal(status, err, "is one of the inputs")
        assert out == ""
    assert case.read_bytes() == before
    assert files_in(tmp_path) == ["case.yaml"]


@pytest.mark.parametrize("which", ["case", "data", "template"])
def test_render_never_writes_over_one_of_its_inputs_even_with_force(
    tmp_path: Path, sample: tuple[Path, Path], run: Run, which: str
) -> None:
    case, data = tmp_path / "case.yaml", tmp_path / "data.docx"
    case.write_bytes(sample[0].read_bytes())
    data.write_bytes(sample[1].read_bytes())  # YAML, whatever its name says
    template = tmp_path / "edited.docx"
    template.write_bytes(improvement_kit_england_maintained_template())
    target = {"case": case, "data": data, "template": template}[which]
    before = {p: p.read_bytes() for p in (case, data, template)}
    status, _, err = run(
        ["render", TEMPLATE_ID, str(case), "--data", str(data), "--template-file",
         str(template), "-o", str(target), "--force"]
    )  # fmt: skip
    assert_one_line_refusal(status, err, str(target), "is one of the inputs")
    assert {p: p.read_bytes() for p in before} == before
    assert files_in(tmp_path) == ["case.yaml", "data.docx", "edited.docx"]


def improvement_kit_england_maintained_template() -> bytes:
    from improvement_kit.documents import find_template

    return find_template(TEMPLATE_ID).resource.read_bytes()


def test_an_output_that_is_a_folder_is_one_line_for_render_and_timeline(
    tmp_path: Path, sample: tuple[Path, Path], run: Run
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for argv in (
        _render(sample, folder),
        _render(sample, folder, "--force"),
        ["timeline", str(sample[0]), "-o", str(folder), "--force"],
    ):
        status, _, err = run(argv)
        assert_one_line_refusal(status, err, str(folder), "is a folder")
    assert files_in(tmp_path) == []


def test_an_output_below_a_file_is_one_line_and_leaves_nothing(
    tmp_path: Path, sample: tuple[Path, Path], run: Run
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    for argv in (
        _render(sample, blocker / "notice.docx"),
        ["timeline", str(sample[0]), "-o", str(blocker / "timeline.txt")],
    ):
        status, _, err = run(argv)
        assert_one_line_refusal(status, err, "cannot be written")
    assert files_in(tmp_path) == ["not-a-folder"]


# -- interruptions ---------------------------------------------------------------------------


def _cli(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "improvement_kit", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has installed its own SIGTERM handler (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False


def _wait_for(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_sigterm_during_a_render_exits_143_and_leaves_no_file(
    tmp_path: Path, sample: tuple[Path, Path]
) -> None:
    slow = tmp_path / "slow.docx"  # a deliberately large but bounded loop: minutes of work
    slow.write_bytes(
        docx_bytes(
            "{% for i in range(100000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
        )
    )
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    limits = ["--limit", "max_loop_iterations=10000000000", "--max-render-seconds", "600"]
    process = _cli(_render(sample, out_dir / "notice.docx", "--template-file", str(slow), *limits))
    try:
        assert _wait_for(lambda: _catches_sigterm(process.pid), 30), "the command never started"
        time.sleep(1.5)  # into the render
        assert process.poll() is None
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 143, err
    assert err.splitlines() == ["improvement-kit: terminated; nothing written"]
    assert files_in(out_dir) == []


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(not Path("/proc").exists(), reason="needs Linux /proc")
def test_sigterm_during_a_pdf_conversion_kills_libreoffice_and_leaves_nothing(
    tmp_path: Path, sample: tuple[Path, Path]
) -> None:
    scratch = tmp_path / "scratch"  # LibreOffice's profile and the staged copy live here
    scratch.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    process = _cli(_render(sample, out_dir / "notice.docx", "--pdf"), {"TMPDIR": str(scratch)})
    try:
        started = _wait_for(lambda: _processes_mentioning(str(scratch)), 60)
        assert started, "LibreOffice never started"
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 143, err
    assert _wait_for(lambda: not _processes_mentioning(str(scratch)), 10), "LibreOffice orphaned"
    assert files_in(out_dir) == []
    assert files_in(scratch) == []


# -- plugins that exit ------------------------------------------------------------------------

EXITING_PLUGIN = '''
"""A hostile plugin: it ends the process from inside a hook."""
import sys

from improvement_kit.hookspecs import hookimpl


@hookimpl
def improvement_kit_timeline_items(context):
    sys.exit(0)
'''


@pytest.fixture
def exiting_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A real installed distribution (dist-info with an entry point) holding the plugin."""
    site = tmp_path / "site"
    info = site / "hostile_exit_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "hostile_exit_plugin.py").write_text(textwrap.dedent(EXITING_PLUGIN))
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hostile-exit-plugin\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(
        "[improvement_kit]\nhostile-exit = hostile_exit_plugin\n"
    )
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("hostile_exit_plugin", None)


def test_a_plugin_calling_sys_exit_0_is_named_with_exit_2_and_no_document(
    tmp_path: Path, sample: tuple[Path, Path], exiting_plugin: Path
) -> None:
    out = tmp_path / "notice.docx"
    env = {"PYTHONPATH": os.pathsep.join([str(exiting_plugin), os.environ.get("PYTHONPATH", "")])}
    process = _cli(_render(sample, out), env)
    stdout, err = process.communicate(timeout=120)
    assert process.returncode == 2, err
    # the kit names the plugin by its entry point, and the hook it was in
    assert err.splitlines() == [
        "improvement-kit: error: plugin 'hostile-exit' called sys.exit(0) in "
        "improvement_kit_timeline_items"
    ]
    assert stdout == ""
    assert not out.exists()


def _with_exiting_plugin() -> Plugins:
    import hostile_exit_plugin  # type: ignore[import-not-found]

    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_england_maintained, hostile_exit_plugin]
    )
    assert not problems
    return Plugins(pm, problems)


def test_the_library_turns_a_plugin_s_sys_exit_into_a_plugin_error_and_writes_nothing(
    tmp_path: Path, sample: tuple[Path, Path], exiting_plugin: Path
) -> None:
    out_dir = tmp_path / "out"
    out = out_dir / "notice.docx"
    with pytest.raises(PluginError, match=r"plugin 'hostile_exit_plugin' called sys\.exit\(0\)"):
        render_case(TEMPLATE_ID, sample[0], out, extra=sample[1], plugins=_with_exiting_plugin())
    assert not out.exists()
    job = BatchJob(2, str(out), TEMPLATE_ID, str(sample[0]), extra={})
    results = render_batch(TEMPLATE_ID, [job], out_dir, plugins=_with_exiting_plugin())
    assert [r.error for r in results] == [
        "plugin 'hostile_exit_plugin' called sys.exit(0) in improvement_kit_timeline_items"
    ]
    assert files_in(out_dir) == []


def test_batch_into_a_file_instead_of_a_folder_is_one_line(
    tmp_path: Path, sample: tuple[Path, Path], run: Run
) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file")
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.yaml").write_bytes(sample[0].read_bytes())
    status, _, err = run(
        ["batch", TEMPLATE_ID, str(cases), "--data", str(sample[1]), "-o", str(blocker)]
    )
    assert_one_line_refusal(status, err, str(blocker), "not a folder")
    assert blocker.read_text() == "a file"


RAISING_PLUGIN = '''
"""A hostile plugin: its hook fails."""
from improvement_kit.hookspecs import hookimpl


@hookimpl
def improvement_kit_timeline_items(context):
    raise RuntimeError("boom")
'''


def test_a_plugin_raising_in_a_hook_is_named_and_nothing_is_written(
    tmp_path: Path, sample: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "hostile_raising_plugin.py").write_text(textwrap.dedent(RAISING_PLUGIN))
    monkeypatch.syspath_prepend(str(site))
    import hostile_raising_plugin  # type: ignore[import-not-found]

    try:
        pm, _problems = make_plugin_manager(
            load_entrypoints=False,
            plugins=[improvement_kit_england_maintained, hostile_raising_plugin],
        )
        out = tmp_path / "out" / "notice.docx"
        with pytest.raises(PluginError, match=r"hostile_raising_plugin.*RuntimeError: boom"):
            render_case(TEMPLATE_ID, sample[0], out, extra=sample[1], plugins=Plugins(pm))
        assert not out.parent.exists() or files_in(out.parent) == []
    finally:
        sys.modules.pop("hostile_raising_plugin", None)

"""The built wheel works on its own: installed (not editable) into a fresh virtual environment
with the example out-of-tree plugin, run from outside the source tree. Anything that only
works from a checkout (templates, rule tables, plugins, data files) fails here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.pop("IMPROVEMENT_KIT_DISABLE_PLUGIN_AUTOLOAD", None)
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv with the wheel and the example plugin installed; yields its bin folder."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    for project in (ROOT, ROOT / "examples" / "plugins" / "northmoor"):
        result = run(
            sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, project
        )
        assert result.returncode == 0, result.stderr[-2000:]
    env_dir = base / "env"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    wheels = sorted(dist.glob("*.whl"))
    assert len(wheels) == 2, wheels
    result = run(
        bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", *wheels
    )
    assert result.returncode == 0, result.stderr[-3000:]
    yield bin_dir
    shutil.rmtree(base, ignore_errors=True)


def test_the_wheel_contains_the_plugin_rules_templates_and_data() -> None:
    import zipfile

    # Built by the fixture above in the same module; look it up through pip's metadata instead
    # of the file so this test also runs alone.
    result = run(
        sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", ROOT / "dist", ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = sorted((ROOT / "dist").glob("improvement_kit-*.whl"))[-1:]
    names = zipfile.ZipFile(wheel).namelist()
    assert "improvement_kit/py.typed" in names
    assert any(
        n.startswith("improvement_kit_england_maintained/rules/") and n.endswith(".toml")
        for n in names
    )
    assert any(  # the shared England base both school jurisdictions list
        n.startswith("improvement_kit_england_base/rules/") and n.endswith(".toml") for n in names
    )
    for package in (
        "england_maintained",
        "england_academies",
        "england_fe",
        "wales_schools",
    ):
        assert any(
            n.startswith(f"improvement_kit_{package}/templates/") and n.endswith(".docx")
            for n in names
        ), package
    assert "improvement_kit/documents/house_styles/enghraifft.docx" in names
    assert any(n.startswith("improvement_kit/data/") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_the_installed_cli_counts_working_days(installed: Path, tmp_path: Path) -> None:
    result = run(installed / "improvement-kit", "calendar", "add", "2014-12-18", "15", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "2015-01-13\n"), result.stderr


def test_the_installed_cli_loads_built_in_and_out_of_tree_plugins(
    installed: Path, tmp_path: Path
) -> None:
    result = run(installed / "improvement-kit", "plugins", "--json", "--strict", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    plugins = {p["name"]: p for p in json.loads(result.stdout)["plugins"]}
    assert plugins["england-maintained"]["jurisdictions"] == ["england-maintained"]
    assert plugins["england-maintained"]["version"] == "0.1.0"
    assert plugins["northmoor"]["version"] == "1.0.0"
    assert plugins["northmoor"]["distribution"] == "improvement-kit-northmoor"
    assert plugins["northmoor"]["rules"] == {"northmoor": 1}
    assert plugins["northmoor"]["local_authorities"] == ["999 Northmoor Borough Council"]
    assert len(plugins["england-maintained"]["templates"]) == 8
    assert len(plugins["england-academies"]["templates"]) == 3
    assert len(plugins["england-fe"]["templates"]) == 2
    assert len(plugins["wales-schools"]["templates"]) == 6


def _category_case(folder: Path, la_code: str) -> Path:
    case = folder / f"case-{la_code}.yaml"
    case.write_text(
        "jurisdiction: england-maintained\n"
        "provider: {urn: '900001', name: 'Northmoor Primary & Nursery', type: community,"
        f" local_authority: Northmoor Borough Council, la_code: '{la_code}'}}\n"
        "events:\n  - {type: ofsted-category-notice, date: 2025-12-10, category: special-measures}\n",
        encoding="utf-8",
    )
    return case


def test_the_out_of_tree_plugin_changes_only_its_own_authoritys_timeline(
    installed: Path, tmp_path: Path
) -> None:
    elsewhere = run(
        installed / "improvement-kit",
        "timeline",
        _category_case(tmp_path, "830"),
        "--json",
        cwd=tmp_path,
    )
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert "northmoor" not in elsewhere.stdout
    case = _category_case(tmp_path, "999")
    result = run(installed / "improvement-kit", "timeline", case, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    items = {i["id"]: i for i in json.loads(result.stdout)["items"]}
    assert items["northmoor.review-visit"]["rule"]["plugin"] == "northmoor"
    assert items["northmoor.review-visit"]["rule"]["nature"] == "local-policy"
    # 20 working days following Wed 10 Dec 2025, with the council closed 24-31 Dec:
    # 11, 12, 15-19, 22, 23 Dec (9); 2 Jan (10); 5-9 Jan (15); 12-16 Jan (20).
    assert items["northmoor.review-visit"]["due"] == "2026-01-16"
    assert "Northmoor office closure" in items["northmoor.review-visit"]["explanation"]


def test_the_installed_package_renders_a_document(installed: Path, tmp_path: Path) -> None:
    template = "england-maintained:statement-of-action"
    result = run(
        installed / "improvement-kit",
        "templates",
        "sample",
        template,
        "-o",
        tmp_path / "sample",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    case = next((tmp_path / "sample").glob("*case*.yaml"))
    data = next((tmp_path / "sample").glob("*data*.yaml"))
    out = tmp_path / "soa.docx"
    result = run(
        installed / "improvement-kit",
        "render",
        template,
        case,
        "--data",
        data,
        "-o",
        out,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 5000

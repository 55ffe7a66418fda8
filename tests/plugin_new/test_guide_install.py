"""The plugin guide's "plugin new" section, run line by line in a shell exactly as written
(only ``/tmp/plugins`` is moved into a temporary folder): in a throwaway virtual environment
that sees this checkout's installed packages, so ``pip install -e`` needs no network and
nothing is installed into the development environment."""

from __future__ import annotations

import os
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest
from tests.plugin_new.test_guide_commands import section_lines

pytestmark = pytest.mark.slow

SCRIPT = """#!{python}
import sys
from {module} import {function}
sys.exit({function}())
"""


def throwaway_env(base: Path) -> Path:
    """A venv whose ``python``, ``pip``, ``improvement-kit`` and ``pytest`` see the packages
    of the environment running this test (through a .pth file); returns its bin folder."""
    venv.create(base, with_pip=True)
    bin_dir = base / "bin"
    purelib = subprocess.run(
        [bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # ``addsitedir`` also reads that folder's own .pth files (this checkout's editable install).
    Path(purelib, "development-environment.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_path('purelib')!r})\n", encoding="utf-8"
    )
    for name, module, function in (
        ("improvement-kit", "improvement_kit.cli", "main"),
        ("pytest", "pytest", "console_main"),
    ):
        script = bin_dir / name
        script.write_text(
            SCRIPT.format(python=bin_dir / "python", module=module, function=function),
            encoding="utf-8",
        )
        script.chmod(0o755)
    return bin_dir


def test_the_guide_section_runs_as_written(tmp_path: Path) -> None:
    lines = section_lines()
    assert any(line.startswith("pip install -e ") for line in lines)
    assert any(line.endswith("&& pytest") for line in lines)
    bin_dir = throwaway_env(tmp_path / "env")
    plugins = tmp_path / "plugins"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.pop("IMPROVEMENT_KIT_DISABLE_PLUGIN_AUTOLOAD", None)
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        # The build backend (hatchling) comes from the development environment, not the index.
        PIP_NO_BUILD_ISOLATION="false",
        PIP_NO_INDEX="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    outputs = []
    for line in lines:
        command = line.replace("/tmp/plugins", str(plugins))
        result = subprocess.run(
            ["bash", "-c", command], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert result.returncode == 0, (line, result.stdout[-2000:], result.stderr[-2000:])
        outputs.append(result.stdout)
    assert "passed" in outputs[-2] and "failed" not in outputs[-2]
    assert "exampleshire" in outputs[-1]  # ``improvement-kit plugins`` lists the new plugin

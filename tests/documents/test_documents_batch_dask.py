"""Batch documents on Dask: a real LocalCluster (worker processes, and threads behind a
scheduler address) writes the serial run's files, byte for byte."""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

import pytest
import yaml

from improvement_kit.cli import main
from improvement_kit.documents import render_batch
from improvement_kit.portfolio.executors import dask_client

pytest.importorskip("distributed", reason="Dask is not installed (the dask extra)")

TEMPLATE = "england-maintained:statement-of-action"


@pytest.fixture
def folder_of_cases(tmp_path: Path, sample_case: dict[str, Any]) -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    for n, name in enumerate(["Alder", "Birch", "Cedar"]):
        data = {**sample_case, "provider": {**sample_case["provider"], "name": f"{name} School"}}
        data["provider"]["urn"] = f"99910{n}"
        (cases / f"{name.lower()}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return cases


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_batch_on_dask_worker_processes_writes_the_serial_files(
    folder_of_cases: Path, sample_extra: dict[str, Any], tmp_path: Path
) -> None:
    serial = render_batch(TEMPLATE, folder_of_cases, tmp_path / "serial", extra=sample_extra)
    assert all(r.ok for r in serial)
    with dask_client(workers=1) as client:
        results = render_batch(
            TEMPLATE,
            folder_of_cases,
            tmp_path / "dask",
            extra=sample_extra,
            executor=client.get_executor(pure=False),
        )
    assert [r.row for r in results] == [r.row for r in serial] and all(r.ok for r in results)
    assert _files(tmp_path / "dask") == _files(tmp_path / "serial")
    assert len(_files(tmp_path / "dask")) == 3


def test_the_batch_command_on_a_scheduler_writes_the_serial_files(
    folder_of_cases: Path,
    sample_extra: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from distributed import LocalCluster

    data = tmp_path / "data.yaml"
    data.write_text(yaml.safe_dump(sample_extra), encoding="utf-8")
    args = ["batch", TEMPLATE, str(folder_of_cases), "--data", str(data)]
    assert main([*args, "-o", str(tmp_path / "serial")]) == 0
    # a cluster of threads started here stands for a remote scheduler (and starts quickly)
    with LocalCluster(
        n_workers=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        out = ["-o", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address]
        assert main([*args, *out]) == 0
    assert "3 written, 0 failed" in capsys.readouterr().out
    assert _files(tmp_path / "dask") == _files(tmp_path / "serial")


def test_an_unreachable_scheduler_is_one_line_and_status_2(
    folder_of_cases: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from improvement_kit.portfolio import executors

    # wait 1 second for the scheduler, not the default 10
    monkeypatch.setattr(
        executors, "dask_client", functools.partial(executors.dask_client, connect_timeout=1)
    )
    args = ["batch", TEMPLATE, str(folder_of_cases), "-o", str(tmp_path / "out")]
    assert main([*args, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "scheduler tcp://127.0.0.1:9: cannot be reached" in err[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())

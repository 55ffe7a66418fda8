"""The Dask executor: a real LocalCluster (worker processes, then threads) gives the serial
run's register byte for byte; an unreachable scheduler is one line and exit status 2."""

from __future__ import annotations

import json

import pytest

from improvement_kit.cli import main
from improvement_kit.errors import ImprovementKitError
from improvement_kit.kit import Kit
from improvement_kit.portfolio import build_register, gather_entries
from improvement_kit.portfolio.executors import compute_cases_on
from improvement_kit.portfolio.formats import register_to_json

from .conftest import EXAMPLE, MONDAY

pytest.importorskip("distributed", reason="Dask is not installed (the dask extra)")


def register_json(executor: str, **options: object) -> str:
    entries = gather_entries([], EXAMPLE / "portfolio.yaml")
    computed, failures = compute_cases_on(
        executor,
        entries,
        kit=Kit.load(),
        as_of=MONDAY,
        **options,  # type: ignore[arg-type]
    )
    assert failures == []
    return register_to_json(build_register(computed, as_of=MONDAY, include_done=True))


@pytest.mark.parametrize("processes", [True, False], ids=["processes", "threads"])
def test_a_local_cluster_gives_the_serial_register(processes: bool) -> None:
    steps: list[int] = []
    serial = register_json("serial", progress=steps.append)
    assert steps == [1] * 50  # one step per case
    chunks: list[int] = []
    assert register_json("dask", processes=processes, workers=2, progress=chunks.append) == serial
    assert sorted(chunks) == [25, 25]  # a step per chunk of 25 cases


def test_an_unreachable_scheduler_is_named() -> None:
    with pytest.raises(
        ImprovementKitError, match=r"scheduler tcp://127\.0\.0\.1:9: cannot be reached"
    ):
        compute_cases_on(
            "dask",
            [],
            kit=Kit.load(),
            as_of=MONDAY,
            scheduler="tcp://127.0.0.1:9",
            connect_timeout=1,
        )


def test_register_command_on_a_given_scheduler(capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from distributed import LocalCluster

    args = ["register", str(EXAMPLE / "cases"), "--as-of", "2026-11-30", "--format", "json"]
    assert main(args) == 0
    serial = json.loads(capsys.readouterr().out)
    # a cluster of threads started here stands for a remote scheduler (and starts quickly)
    with LocalCluster(
        n_workers=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        assert main([*args, "--scheduler", cluster.scheduler_address, "--progress"]) == 0
    captured = capsys.readouterr()
    on_dask = json.loads(captured.out)
    assert "50/50" in captured.err  # the bar went to standard error, not into the JSON
    assert on_dask["items"] == serial["items"]

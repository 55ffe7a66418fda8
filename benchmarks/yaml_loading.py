"""Benchmark the strict YAML 1.2 reader against ``yaml.safe_load`` (the reader used before).

Run from the repository root::

    .venv/bin/python benchmarks/yaml_loading.py

Loads every bundled example case file (``examples/**/*.yaml``) from text already in memory, so
only parsing is measured, with both readers; reports the median of several repeats in
microseconds per file and the ratio new/old (below 1 means the new reader is faster). Also
times one large generated case (2,000 events) to show the cost per event.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from improvement_kit.yaml12 import load_yaml_text

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 7


def _time(load: Callable[[str], Any], texts: list[str], rounds: int) -> float:
    """Median seconds per file over REPEATS runs of ``rounds`` passes over ``texts``."""
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                load(text)
        samples.append((time.perf_counter() - start) / (rounds * len(texts)))
    return statistics.median(samples)


def _large_case(events: int) -> str:
    lines = [
        "jurisdiction: england-maintained",
        "provider: {urn: '100001', name: Example School, type: community}",
        "events:",
    ]
    for i in range(events):
        lines.append(
            f"  - {{type: report-published, date: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}}}"
        )
        lines.append(f"    # event {i}")
    return "\n".join(lines) + "\n"


def main() -> int:
    files = sorted(p for p in (ROOT / "examples").rglob("*.yaml") if "plugins" not in p.parts)
    texts = [p.read_text(encoding="utf-8") for p in files]
    for text in texts:  # both readers give the same data for the examples
        assert load_yaml_text(text) == yaml.safe_load(text)
    print(f"{len(files)} example files, {sum(map(len, texts)):,} characters")
    rows = [("examples", texts, 20), ("2,000 events", [_large_case(2000)], 1)]
    for label, sample, rounds in rows:
        old = _time(yaml.safe_load, sample, rounds)
        new = _time(load_yaml_text, sample, rounds)
        print(
            f"{label:>14}: yaml.safe_load {old * 1e6:9.0f} us/file   "
            f"strict reader {new * 1e6:9.0f} us/file   ratio new/old {new / old:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

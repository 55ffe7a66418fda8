"""Benchmark: one document against the docxtpl scripts a user could write instead.

Run from the repository root: ``.venv/bin/python benchmarks/document_speed.py [--n 40]``

Everything runs side by side in one process (medians of interleaved runs), except the first
document of a run, which needs fresh processes (each one imports everything, then times only
its first render):

1. **Steady state.** Ours: ``render_case`` (the case file read, its timeline, the statement of
   action's context, the .docx written atomically), every safety limit on. Baseline: a
   15-line docxtpl script that caches its template: the template's bytes read once, then
   per document the same template data read from a YAML file (``yaml.safe_load``, as a
   script would), ``DocxTemplate(BytesIO(cached)).render(data, autoescape=True)`` and
   ``save`` to a file. Goal (issue 14): ours at most 0.5x the script.
2. **First document of a run**, measured in-process after imports (docxtpl imported on both
   sides): ours against a bare docxtpl render and save of the same template and data. Ours
   twice: rendering a context built beforehand (``render_to_file``: the template read,
   checked, compiled, rendered and written), and ``render_case`` from the case file, which
   also loads the rule book and computes the timeline on its first call. Goal: at most 1.2x.
3. Where our steady-state time goes (cProfile, top functions by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

TEMPLATE = "england-maintained:statement-of-action"


def _setup(folder: Path) -> dict[str, Any]:
    """Write the sample case and the script's data file; return what both sides need."""
    from improvement_kit.documents import build_context, find_template
    from improvement_kit.documents.text import to_template_data
    from improvement_kit.serialization import case_from_data
    from improvement_kit_england_maintained.documents import sample_case_data, sample_extra_data

    spec = find_template(TEMPLATE)
    case_file = folder / "case.yaml"
    case_file.write_text(yaml.safe_dump(sample_case_data(), allow_unicode=True), "utf-8")
    extra = sample_extra_data()
    context = build_context(spec, case_from_data(sample_case_data()), extra)
    data = to_template_data(context)
    data.pop("meta", None)
    data_file = folder / "data.yaml"
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return {
        "spec": spec,
        "case_file": case_file,
        "extra": extra,
        "data_file": data_file,
        "template": Path(spec.resource),
    }


def _ours(setup: dict[str, Any], folder: Path) -> Callable[[int], None]:
    from improvement_kit.documents import render_case
    from improvement_kit.kit import Kit

    kit = Kit.load()

    def run(i: int) -> None:
        render_case(
            setup["spec"],
            str(setup["case_file"]),
            folder / f"ours-{i}.docx",
            extra=setup["extra"],
            plugins=kit,
        )

    return run


def _script(setup: dict[str, Any], folder: Path) -> Callable[[int], None]:
    from docxtpl import DocxTemplate

    cached = setup["template"].read_bytes()  # the script caches its template
    data_file = setup["data_file"]

    def run(i: int) -> None:
        data = yaml.safe_load(data_file.read_text("utf-8"))
        document = DocxTemplate(io.BytesIO(cached))
        document.render(data, autoescape=True)
        document.save(folder / f"script-{i}.docx")

    return run


def steady(n: int, profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="ik-docspeed-") as work:
        folder = Path(work)
        setup = _setup(folder)
        ours, script = _ours(setup, folder), _script(setup, folder)
        for i in range(3):  # warm both: caches, imports, the rule book
            ours(-1 - i)
            script(-1 - i)
        ours_t: list[float] = []
        script_t: list[float] = []
        for i in range(n):  # interleaved, so machine noise hits both alike
            t0 = time.perf_counter()
            ours(i)
            t1 = time.perf_counter()
            script(i)
            t2 = time.perf_counter()
            ours_t.append(t1 - t0)
            script_t.append(t2 - t1)
        o, s = statistics.median(ours_t) * 1e3, statistics.median(script_t) * 1e3
        print(f"1. Steady state, median of {n} interleaved documents")
        print(f"   baseline docxtpl script caching its template : {s:7.2f} ms")
        print(f"   improvement_kit render_case (case file)      : {o:7.2f} ms")
        print(f"   ratio ours / script                          : {o / s:7.2f}  (goal <= 0.5)")
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for i in range(n):
                ours(10_000 + i)
            profiler.disable()
            print("3. Where our time goes (own time, top 12):")
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
            lines = [line for line in out.getvalue().splitlines() if line.strip()]
            print("\n".join("   " + line for line in lines[-13:]))


_FIRST = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {here!r})
import docxtpl  # both sides import what they use before timing
import document_speed as b
folder = Path(tempfile.mkdtemp(prefix="ik-first-"))
setup = b._setup(folder)  # imports everything both sides use; renders nothing
side = sys.argv[1]
run = {{"case": b._ours, "render": b._ours_render, "bare": b._bare}}[side](setup, folder)
t0 = time.perf_counter()
run(0)
print(time.perf_counter() - t0)
"""


def _ours_render(setup: dict[str, Any], folder: Path) -> Callable[[int], None]:
    """Our render of a context built beforehand (the timeline computed, the rules loaded)."""
    from improvement_kit.documents import build_context, render_to_file
    from improvement_kit.kit import Kit
    from improvement_kit.serialization import load_case

    kit = Kit.load()
    case = load_case(setup["case_file"], plugins=kit)
    context = build_context(setup["spec"], case, setup["extra"], plugins=kit)

    def run(i: int) -> None:
        render_to_file(setup["spec"], context, folder / f"render-{i}.docx")

    return run


def _bare(setup: dict[str, Any], folder: Path) -> Callable[[int], None]:
    from docxtpl import DocxTemplate

    def run(i: int) -> None:
        data = yaml.safe_load(setup["data_file"].read_text("utf-8"))
        document = DocxTemplate(setup["template"])
        document.render(data, autoescape=True)
        document.save(folder / f"bare-{i}.docx")

    return run


def first(runs: int) -> None:
    code = _FIRST.format(here=str(Path(__file__).resolve().parent))
    times: dict[str, list[float]] = {"case": [], "render": [], "bare": []}
    for _ in range(runs):
        for side, samples in times.items():
            done = subprocess.run(
                [sys.executable, "-c", code, side], capture_output=True, text=True, check=True
            )
            samples.append(float(done.stdout.strip().splitlines()[-1]))
    bare, render, case = (statistics.median(times[k]) * 1e3 for k in ("bare", "render", "case"))
    print(f"2. First document of a run, after imports, median of {runs} fresh processes each")
    print(f"   baseline bare docxtpl render and save            : {bare:7.1f} ms")
    print(f"   improvement_kit render_to_file (context built)   : {render:7.1f} ms")
    print(f"   improvement_kit render_case (case file, timeline) : {case:7.1f} ms")
    print(
        f"   ratio render / bare                              : {render / bare:7.2f}  (goal <= 1.2)"
    )
    print(f"   ratio render_case / bare                         : {case / bare:7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=40, help="documents in the steady state")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per side")
    parser.add_argument("--profile", action="store_true", help="print where our time goes")
    args = parser.parse_args()
    steady(args.n, args.profile)
    first(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

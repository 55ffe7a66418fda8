"""The demo: the bundled example case -> timeline (text and iCalendar) -> the statement of
action, plan of action and warning notice as Word documents in ``demo-output/``.

Run with ``bash scripts/demo`` (which sets up ``.venv`` first), or directly with
``python examples/demo/run_demo.py [--out DIR]`` once improvement_kit is installed.
Everything in the example is fictional.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from improvement_kit.cli import main as cli

HERE = Path(__file__).resolve().parent
CASE = HERE / "case.yaml"
DATA = HERE.parent / "data" / "demo.yaml"
DOCUMENTS = ("statement-of-action", "plan-of-action", "warning-notice")


def run(*args: str) -> None:
    """Run one improvement-kit command, stopping the demo if it fails."""
    print(f"\n$ improvement-kit {' '.join(args)}", flush=True)
    status = cli(list(args))
    if status != 0:
        sys.exit(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("demo-output"),
        help="folder for the outputs (default: demo-output)",
    )
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    case, data = str(CASE), str(DATA)
    run("calendar", "explain", "2025-10-06", "15")
    run("validate", case)
    run("timeline", case, "--as-of", "2026-01-05")
    run("timeline", case, "--ics", "-o", str(out / "timeline.ics"))
    run("timeline", case, "--json", "-o", str(out / "timeline.json"))
    for name in DOCUMENTS:
        run(
            "render",
            f"england-maintained:{name}",
            case,
            "--data",
            data,
            "-o",
            str(out / f"{name}.docx"),
            "--force",
        )
    print(f"\nWrote {', '.join(sorted(p.name for p in out.iterdir()))} to {out}/")


if __name__ == "__main__":
    main()

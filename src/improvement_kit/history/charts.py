"""Charts of an analysis as PNG and SVG bytes (matplotlib, the non-interactive Agg backend).

matplotlib is an optional dependency: ``pip install improvement-kit[analysis]``.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from improvement_kit.errors import ImprovementKitError
from improvement_kit.history.analysis import Analysis, summary_table
from improvement_kit.history.definitions import Status

__all__ = ["CHART_NAMES", "charts"]

#: The charts drawn, by file stem.
CHART_NAMES = ("stuck-by-phase", "stuck-by-la", "years-stuck")


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise ImprovementKitError(
            "charts need matplotlib: pip install 'improvement-kit[analysis]' (or use --no-charts)"
        ) from None
    matplotlib.use("Agg", force=True)
    matplotlib.rcParams["svg.hashsalt"] = "improvement-kit"  # stable ids: same input, same SVG
    import matplotlib.pyplot as plt

    return plt


def _bar(plt: Any, labels: list[str], values: list[int], title: str, xlabel: str) -> Any:
    fig, ax = plt.subplots(figsize=(7, max(2.0, 0.32 * len(labels) + 1.2)))
    ax.barh(labels[::-1], values[::-1], color="#1d70b8")
    ax.set_title(title, fontsize=11)
    ax.set_xlabel(xlabel)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    fig.tight_layout()
    return fig


def _save(plt: Any, fig: Any) -> tuple[bytes, bytes]:
    png, svg = io.BytesIO(), io.BytesIO()
    fig.savefig(png, format="png", dpi=100, metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Date": None})
    plt.close(fig)
    return png.getvalue(), svg.getvalue()


def charts(analysis: Analysis, *, top_las: int = 20) -> dict[str, tuple[bytes, bytes]]:
    """``{name: (png, svg)}`` for :data:`CHART_NAMES`: stuck schools by phase, by local
    authority (the ``top_las`` with most), and the number of stuck schools by whole years
    stuck."""
    plt = _pyplot()
    d = analysis.definition
    when = analysis.as_of.isoformat()
    out: dict[str, tuple[bytes, bytes]] = {}
    phase = [r for r in summary_table(analysis, "phase") if r.stuck]
    out["stuck-by-phase"] = _save(
        plt,
        _bar(
            plt,
            [r.value for r in phase] or ["none"],
            [r.stuck for r in phase] or [0],
            f"Stuck schools by phase ({d.id}, as of {when})",
            "schools",
        ),
    )
    las = [r for r in summary_table(analysis, "local authority") if r.stuck][:top_las]
    out["stuck-by-la"] = _save(
        plt,
        _bar(
            plt,
            [r.value[:30] for r in las] or ["none"],
            [r.stuck for r in las] or [0],
            f"Stuck schools by local authority, top {top_las} ({d.id}, as of {when})",
            "schools",
        ),
    )
    years = Counter(
        int(r.years_stuck) for r in analysis.with_status(Status.STUCK) if r.years_stuck is not None
    )
    fig, ax = plt.subplots(figsize=(7, 3.2))
    keys = sorted(years)
    ax.bar([str(k) for k in keys] or ["-"], [years[k] for k in keys] or [0], color="#d4351c")
    ax.set_title(f"Years below good, stuck schools ({d.id}, as of {when})", fontsize=11)
    ax.set_xlabel("whole years since the first of the unbroken below-good inspections")
    ax.set_ylabel("schools")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    fig.tight_layout()
    out["years-stuck"] = _save(plt, fig)
    return out

"""Progress bars on standard error for commands that work through many cases or documents.

Every such command (``register``, ``feed``, ``report``, ``batch``) takes the same pair of
options: by default a bar (tqdm) is drawn only when standard error is a terminal, so scripts
and logs stay quiet; ``--progress`` draws it anyway, ``--quiet`` never. Standard output is
never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["Progress", "add_progress_options", "progress_bar", "wants_progress"]


def add_progress_options(parser: Any) -> None:
    """Add ``--progress`` and ``--quiet`` (one or the other) to ``parser``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--progress",
        dest="progress",
        action="store_const",
        const=True,
        default=None,
        help="draw a progress bar on standard error even when it is not a terminal",
    )
    group.add_argument(
        "--quiet",
        dest="progress",
        action="store_const",
        const=False,
        help="no progress bar (by default one is drawn only on a terminal)",
    )


def wants_progress(args: argparse.Namespace) -> bool:
    """Whether to draw a bar: as ``--progress``/``--quiet`` say, else on a terminal only."""
    chosen = getattr(args, "progress", None)
    if chosen is not None:
        return bool(chosen)
    return sys.stderr.isatty()


class Progress:
    """A bar to advance (or nothing, when no bar is wanted)."""

    def __init__(self, bar: Any = None) -> None:
        self._bar = bar

    def advance(self, steps: int = 1) -> None:
        """Move the bar on by ``steps``."""
        if self._bar is not None:
            self._bar.update(steps)

    def set_total(self, total: int) -> None:
        """Set the number of steps, once it is known."""
        if self._bar is not None and self._bar.total != total:
            self._bar.total = total
            self._bar.refresh()

    def note(self, text: str) -> None:
        """Show ``text`` after the bar (``"2 failed"``)."""
        if self._bar is not None:
            self._bar.set_postfix_str(text, refresh=False)


@contextlib.contextmanager
def progress_bar(
    args: argparse.Namespace, total: int | None, what: str, unit: str
) -> Iterator[Progress]:
    """A bar of ``total`` steps (``None``: not known yet) named ``what``; a :class:`Progress`
    that draws nothing when no bar is wanted. The finished bar stays on its line."""
    if not wants_progress(args):
        yield Progress()
        return
    from tqdm import tqdm

    terminal = sys.stderr.isatty()  # elsewhere (--progress into a log) a fixed width
    bar = tqdm(
        total=total,
        desc=what,
        unit=f" {unit}",
        file=sys.stderr,
        dynamic_ncols=terminal,
        ncols=None if terminal else 100,
    )
    try:
        yield Progress(bar)
    finally:
        bar.close()

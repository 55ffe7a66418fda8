"""The ``improvement-kit`` command line.

Thin by design: each sub-command module parses its arguments, calls the library and prints.
Any :class:`~improvement_kit.errors.ImprovementKitError` becomes one line on standard error and
exit status 2; no traceback is shown for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence

from improvement_kit import __version__, interrupt
from improvement_kit.errors import ImprovementKitError
from improvement_kit.interrupt import Terminated

__all__ = ["EXIT_TERMINATED", "EXIT_USAGE", "Terminated", "main"]

#: Exit status for bad input and library errors (the same as argparse's usage errors).
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line naming the argument."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser (sub-commands registered by their modules)."""
    from improvement_kit.cli import calendar_cmd, documents_cmd, plugins_cmd, timeline_cmd

    parser = _Parser(
        prog="improvement-kit",
        description="Deadlines, follow-up and intervention for UK education providers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in (calendar_cmd, timeline_cmd, documents_cmd, plugins_cmd):
        module.register(sub)
    return parser


#: Exit status after SIGTERM (128 + 15, as a shell reports it).
EXIT_TERMINATED = 143


def _on_sigterm(signum: int, frame: object) -> None:
    # raised in the main thread, so finally blocks run (temporary files are removed,
    # LibreOffice's process group is killed); remembered too, in case the raise lands in a
    # __del__ and is swallowed (see improvement_kit.interrupt)
    interrupt.request()


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While a command runs, SIGTERM raises :class:`Terminated` (main thread only: signal
    handlers cannot be set elsewhere; the previous handler is put back afterwards)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        interrupt.clear()


def _error(message: object) -> int:
    print(f"improvement-kit: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with _sigterm_raises():
            status: int = args.handler(args)
    except ImprovementKitError as exc:
        return _error(exc)
    except SystemExit as exc:
        # arguments are parsed above: a SystemExit from here on comes from plugin code
        from improvement_kit.pluginguard import plugin_exit_error

        return _error(plugin_exit_error(exc))
    except Terminated:
        print("improvement-kit: terminated; nothing written", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    return status

"""The ``improvement-kit`` command line.

Thin by design: each sub-command module parses its arguments, calls the library and prints.
No input a user can give produces a traceback. Exit statuses:

* 0: done.
* 1: standard output was closed early (``improvement-kit calendar holidays 2026 | head -1``);
  nothing more is printed, not even an error line. (Also: some rows failed in ``documents
  batch``.)
* 2: bad input, a usage error, or a file that cannot be read or written: one line on standard
  error naming the argument, file, field or row, at most :data:`MAX_LINE` characters.
* 70: an internal error, a bug: one line on standard error ending "this is a bug, please report
  it". Set the environment variable ``IMPROVEMENT_KIT_DEBUG=1`` to see the traceback instead.
* 130: interrupted (Ctrl-C): one line, "improvement-kit: interrupted".
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import NoReturn

from improvement_kit import __version__, interrupt
from improvement_kit.errors import ImprovementKitError
from improvement_kit.interrupt import Terminated

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "MAX_LINE",
    "Terminated",
    "main",
]

#: Exit status for bad input and library errors (the same as argparse's usage errors).
EXIT_USAGE = 2
#: Exit status when standard output is closed before everything is written.
EXIT_BROKEN_PIPE = 1
#: Exit status for an internal error (a bug), as ``EX_SOFTWARE`` in BSD's sysexits.h.
EXIT_INTERNAL = 70
#: Exit status after Ctrl-C (128 + SIGINT, as the shells report it).
EXIT_INTERRUPTED = 130
#: The longest error line printed, in characters; longer ones end with an ellipsis.
MAX_LINE = 300

_PROG = "improvement-kit"


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` as one printable line of at most ``limit`` characters.

    Control characters (newlines included) are shown escaped; a longer line is cut and ends
    with an ellipsis.

    >>> one_line("a\\nb")
    'a\\\\nb'
    >>> len(one_line("x" * 1000))
    300
    """
    shown = "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _say(message: str, suffix: str = "") -> None:
    """Print ``message`` (cut so that the line with ``suffix`` fits) on standard error."""
    try:
        print(one_line(message, MAX_LINE - len(suffix)) + suffix, file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error closed too: nothing more can be said
        pass


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit cannot fail again.

    The recipe of the Python documentation for SIGPIPE ("Note on SIGPIPE", signal module).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a real file (under test) or already closed
        pass


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line naming the argument."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, one_line(f"{self.prog}: error: {message}") + "\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the full argument parser (sub-commands registered by their modules)."""
    from improvement_kit.cli import (
        calendar_cmd,
        documents_cmd,
        plugin_new_cmd,
        plugins_cmd,
        portfolio_cmd,
        rules_cmd,
        stuck_cmd,
        timeline_cmd,
        wales_cmd,
    )

    parser = _Parser(
        prog=_PROG,
        description="Deadlines, follow-up and intervention for UK education providers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail if any plugin fails to load (also: IMPROVEMENT_KIT_STRICT_PLUGINS=1)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in (
        calendar_cmd,
        timeline_cmd,
        documents_cmd,
        plugins_cmd,
        plugin_new_cmd,
        rules_cmd,
        stuck_cmd,
        wales_cmd,
        portfolio_cmd,
    ):
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


def _unblock_interrupts() -> None:
    """A process may inherit SIGINT and SIGTERM blocked in its signal mask (a parent that
    blocked them while it forked): unblock them in the main thread, so that Ctrl-C and
    termination reach the command. An inherited *ignored* SIGINT (a background job) stays
    ignored, as the shell meant."""
    if threading.current_thread() is threading.main_thread():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (argparse's usage errors exit with 2)."""
    parsed = False
    _unblock_interrupts()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        parsed = True
        with _sigterm_raises():
            status: int = args.handler(args)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
    except ImprovementKitError as exc:
        _say(f"{_PROG}: error: {exc}")
        return EXIT_USAGE
    except SystemExit as exc:
        if not parsed:  # argparse's own exit (--help, --version, a usage error)
            raise
        # arguments are parsed: a SystemExit from here on comes from plugin code
        from improvement_kit.pluginguard import plugin_exit_error

        _say(f"{_PROG}: error: {plugin_exit_error(exc)}")
        return EXIT_USAGE
    except Terminated:
        _say(f"{_PROG}: terminated; nothing written")
        return EXIT_TERMINATED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say(f"{_PROG}: interrupted")
        return EXIT_INTERRUPTED
    except OSError as exc:  # a file that cannot be read or written: the user's to fix
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"{_PROG}: error: {where}{exc.strerror or exc}")
        return EXIT_USAGE
    except Exception as exc:
        if os.environ.get("IMPROVEMENT_KIT_DEBUG"):
            raise
        _say(
            f"{_PROG}: internal error: {type(exc).__name__}: {exc}",
            " (this is a bug, please report it; IMPROVEMENT_KIT_DEBUG=1 shows the traceback)",
        )
        return EXIT_INTERNAL
    return status

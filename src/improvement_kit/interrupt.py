"""Termination requests (SIGTERM) that cannot be lost.

The command line turns SIGTERM into :class:`Terminated`, raised in the main thread so that
``finally`` blocks remove temporary files. Python ignores an exception raised while a
``__del__`` method or a weakref callback runs (it prints "Exception ignored" and carries on),
so the request is also remembered here and :func:`check` raises it again at the next
checkpoint: a render's budget checks (loops, calls, output) and every file write.
"""

from __future__ import annotations

import threading

__all__ = ["Terminated", "check", "clear", "request"]

_REQUESTED = threading.Event()


class Terminated(BaseException):
    """SIGTERM arrived: stop, clean up and exit (status 143)."""


def request() -> None:
    """Remember a termination request and raise :class:`Terminated`."""
    _REQUESTED.set()
    raise Terminated


def check() -> None:
    """Raise :class:`Terminated` if termination was requested (cheap: one flag test)."""
    if _REQUESTED.is_set():
        raise Terminated


def clear() -> None:
    """Forget a request (the command line does so when a command ends)."""
    _REQUESTED.clear()

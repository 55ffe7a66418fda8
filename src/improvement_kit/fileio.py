"""Writing files safely: whole or not at all, never over an input, never by surprise."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from improvement_kit import interrupt
from improvement_kit.errors import OutputError, OutputExistsError

__all__ = ["atomic_write", "check_output"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_output(
    path: Path,
    *,
    overwrite: bool = False,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> None:
    """Refuse an output path before any work is done: one of the command's ``inputs`` (even
    with ``overwrite``: that would destroy the input), a folder, or an existing file without
    ``overwrite``. Raises :class:`~improvement_kit.errors.OutputError` or
    :class:`~improvement_kit.errors.OutputExistsError`."""
    for source in inputs:
        if source is not None and _same_file(path, Path(source)):
            raise OutputError(f"{path}: is one of the inputs; refusing to overwrite it")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder, not a file name")
    if path.exists() and not overwrite:
        raise OutputExistsError(f"{path} exists (use --force to overwrite)")


def atomic_write(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = False,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    so a reader never sees a partial file and a failure (or an interruption: ``finally``
    blocks run on SIGTERM under the command line) leaves none behind.

    Raises :class:`~improvement_kit.errors.OutputExistsError` if ``path`` exists and
    ``overwrite`` is false, :class:`~improvement_kit.errors.OutputError` if it is a folder,
    one of ``inputs``, or cannot be written.
    """
    check_output(path, overwrite=overwrite, inputs=inputs)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates the file readable by its owner only; give it the permissions a
        # plainly created file would have, so colleagues on a shared drive can read it.
        os.chmod(tmp, 0o666 & ~_umask())
        interrupt.check()  # never complete a write after SIGTERM
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

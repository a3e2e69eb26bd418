"""Standard output that says when it cannot be written.

A full disk (`> /dev/full`) surfaced as "unexpected error: OSError … please report it", a closed
stdout (`>&-`, which Python turns into `sys.stdout = None`) as a TypeError in `export`, and in
`words add` as nothing at all: the new word's id was lost with exit status 0. Here every write
failure becomes OutputFailed, which the CLI reports in one line, as `ls >&-` does ("write error:
Bad file descriptor"). A reader that left (`| head`) stays a BrokenPipeError: that is no failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any


class OutputFailed(Exception):
    """Writing the command's output failed; the message says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(error) from error


class _Guarded:
    """A stream whose write failures are OutputFailed; everything else is the stream's own."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def write(self, data: Any) -> int:
        with _reported():
            return int(self._inner.write(data))

    def writelines(self, lines: Iterable[Any]) -> None:
        with _reported():
            self._inner.writelines(lines)

    def flush(self) -> None:
        with _reported():
            self._inner.flush()

    @property
    def buffer(self) -> _Guarded:  # `export --format jsonl` writes bytes
        return _Guarded(self._inner.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _Closed:
    """What stdout is when the shell closed it: every write fails as the closed descriptor does."""

    def write(self, _data: Any) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def writelines(self, _lines: Iterable[Any]) -> None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass  # nothing was written, so nothing is pending

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> _Closed:
        return self


@contextlib.contextmanager
def guarded_stdout() -> Iterator[None]:
    """While a command runs, stdout's write failures are OutputFailed (see the module's docstring)."""
    original = sys.stdout
    sys.stdout = _Guarded(original if original is not None else _Closed())  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = original


def flush_stdout() -> None:
    """Write out what is buffered while a failure can still be reported (at exit, Python only warns)."""
    sys.stdout.flush()


def discard_stdout() -> None:
    """After a failed write: point stdout at the null device, so Python's flush at exit, finding
    the same output still pending, does not fail again (with exit status 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor behind stdout (a test's capture, none at all)
        pass

"""Standard output that says when it cannot be written.

A full disk (`> /dev/full`) surfaced as "unexpected error: OSError … please report it", a closed
stdout (`>&-`, which Python turns into `sys.stdout = None`) as a TypeError in `export`, and in
`words add` as nothing at all: the new word's id was lost with exit status 0. Here every write
failure becomes OutputFailed, which the CLI reports in one line, as `ls >&-` does ("write error:
Bad file descriptor"). A reader that left (`| head`) stays a BrokenPipeError: that is no failure.

On a terminal, control characters in what is printed are shown escaped (\\x1b): a word holding
an escape sequence (kept from a log an older version wrote) retitled or cleared the terminal when
`words list` printed it. A file or a pipe gets the text as it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
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


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # a tab and line breaks print as they are


def visible(text: str) -> str:
    """Control characters as escapes, for a terminal."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


class _Guarded:
    """A stream whose write failures are OutputFailed; everything else is the stream's own."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        try:
            self._terminal = bool(inner.isatty())
        except (AttributeError, ValueError, OSError):
            self._terminal = False

    def write(self, data: Any) -> int:
        if self._terminal and isinstance(data, str):
            data = visible(data)
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

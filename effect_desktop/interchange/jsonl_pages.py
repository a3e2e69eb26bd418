"""An event log's lines in pages of rows, cut and checked here or by helper processes.

Cutting and checking a line costs Python several microseconds, inserting it
SQLite about as much; on one interpreter the two take turns. For a large
file, helper processes each read and cut every n-th page, while this
process inserts the pages in file order. A helper is a fresh
interpreter running this module (`python -m`), not a multiprocessing child:
those re-run the caller's main script when it has no `__main__` guard, and
a fork would copy Qt threads and an open transaction. The pages are the
same in every process: page i holds the lines that start in the i-th
`BLOCK` bytes after the header, so a helper reads only its own pages, and
numbers their lines from 0 (this process knows where each page starts).
A helper writes each page to its stdout as one length-prefixed `marshal`
message (a fraction of pickle's cost for plain tuples). Lines a
helper does not take (see `jsonl_rows.LineCutter`) come back as they were
read, for the general path in this process, which knows the profile's own
registry and upcasters.
"""

from __future__ import annotations

import marshal
import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import effect_desktop

from ..domain.events import ALL_EVENT_TYPES
from .errors import InterchangeError
from .jsonl_rows import Item, LineCutter

BLOCK = 4 << 20  # bytes per page: about 6,000 exported events
WORKER_FILE_SIZE = 64 << 20  # below this, starting helpers costs more than they save (~0.5 s each)


def read_page(handle: IO[bytes], offset: int, size: int, index: int, block: int = BLOCK) -> bytes | None:
    """The whole lines that start in the `index`-th `block` bytes from `offset`; None past the end."""
    start = _line_start(handle, offset, size, offset + index * block)
    if start >= size:
        return None
    end = _line_start(handle, offset, size, offset + (index + 1) * block)
    handle.seek(start)
    return handle.read(end - start)


def _line_start(handle: IO[bytes], offset: int, size: int, at: int) -> int:
    """The first place at or after `at` where a line starts (`offset`, or just after a newline)."""
    if at <= offset:
        return offset
    if at >= size:
        return size
    position = at - 1
    handle.seek(position)
    while chunk := handle.read(1 << 16):
        found = chunk.find(b"\n")
        if found >= 0:
            return position + found + 1
        position += len(chunk)
    return size


def page_items(cutter: LineCutter, first: int, block: bytes) -> list[Item]:
    """The block's non-blank lines as rows, or as (number, bytes) for the general path."""
    try:
        lines = block.decode().split("\n")
    except UnicodeDecodeError:  # named by line in the general path
        return [(number, line) for number, line in enumerate(block.split(b"\n"), start=first) if line.strip()]
    numbered = []
    for number, line in enumerate(lines, start=first):
        if line and not line.isspace():
            numbered.append((number, line[:-1] if line[-1] == "\r" else line))
    return cutter.items(numbered)


def serve(path: str, offset: int, out: IO[bytes], event_types: list[str], share: int, helpers: int,
          block: int) -> None:
    """A helper: write page `share`, `share + helpers`, ... (with its count of line ends) then ("end",)."""
    cutter = LineCutter(model for model in ALL_EVENT_TYPES if model.event_type in event_types)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            index = share
            while (page := read_page(handle, offset, size, index, block)) is not None:
                _send(out, ("page", page_items(cutter, 0, page), page.count(b"\n")))
                index += helpers
        _send(out, ("end",))
    except (BrokenPipeError, ConnectionResetError):
        return  # the importer stopped (an error, a cancel): nothing more to say
    except OSError as error:
        _send(out, ("failed", f"{path} could not be read: {error.strerror or error}."))


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = marshal.dumps(message)
    out.write(_LENGTH.pack(len(data)))
    out.write(data)
    out.flush()


_LENGTH = struct.Struct("<Q")


class PageSource:
    """The file's pages of items, in order, from `helpers` helper processes or (0) from this one."""

    def __init__(self, path: Path, offset: int, first: int, cutter: LineCutter, helpers: int,
                 block: int = BLOCK) -> None:
        self._path, self._offset, self._first, self._cutter, self._block = path, offset, first, cutter, block
        runnable = bool(sys.executable) and not getattr(sys, "frozen", False)  # a frozen app has no `python -m`
        self._helpers = helpers if helpers > 0 and runnable else 0
        self._processes: list[subprocess.Popen[bytes]] = []

    def __iter__(self) -> Iterator[list[Item]]:
        first = self._first
        for items, line_ends in self._pages():
            if any(len(item) == 2 for item in items):  # lines for the general path: numbered in the file
                items = [item if len(item) == 9 else (first + item[0], item[1])  # type: ignore[misc, operator]
                         for item in items]
            yield items
            first += line_ends

    def _pages(self) -> Iterator[tuple[list[Item], int]]:
        if self._helpers and self._start():
            delivered = False
            try:
                for page in self._from_helpers():
                    delivered = True
                    yield page
                return
            except EOFError:
                if delivered:
                    raise InterchangeError("The import's helper process stopped unexpectedly; nothing was "
                                           "imported. Try again.") from None
            finally:
                self.close()
        with open(self._path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            index = 0
            while (lines := read_page(handle, self._offset, size, index, self._block)) is not None:
                yield page_items(self._cutter, 0, lines), lines.count(b"\n")
                index += 1

    def _start(self) -> bool:
        event_types = ",".join(sorted(self._cutter.event_types))
        root = str(Path(effect_desktop.__file__).resolve().parents[1])  # where this package is found
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
            part for part in (root, os.environ.get("PYTHONPATH", "")) if part)}
        try:
            for share in range(self._helpers):
                self._processes.append(subprocess.Popen(
                    [sys.executable, "-m", __name__, str(self._path), str(self._offset), event_types, str(share),
                     str(self._helpers), str(self._block)],
                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment))
        except OSError:  # no processes here (a sandbox, a limit): cut the lines ourselves
            self.close()
            return False
        return True

    def _from_helpers(self) -> Iterator[tuple[list[Item], int]]:
        index = 0
        while True:
            message = marshal.loads(_receive(self._processes[index % self._helpers]))
            if message[0] == "end":
                return
            if message[0] == "failed":
                raise InterchangeError(str(message[1]))
            yield message[1], message[2]
            index += 1

    def close(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                process.kill()
        for process in self._processes:
            if process.stdout is not None:
                process.stdout.close()
            process.wait(timeout=5)
        self._processes = []


def _receive(process: subprocess.Popen[bytes]) -> bytes:
    """One message from a helper; EOFError when it stopped without one."""
    stream = process.stdout
    assert stream is not None
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def main(argv: list[str]) -> None:
    """`python -m effect_desktop.interchange.jsonl_pages PATH OFFSET TYPES SHARE HELPERS BLOCK`."""
    path, offset, event_types, share, helpers, block = argv
    serve(path, int(offset), sys.stdout.buffer, event_types.split(","), int(share), int(helpers), int(block))


if __name__ == "__main__":
    main(sys.argv[1:])

"""An event log's lines in pages of rows, cut and checked here or by helper processes.

Cutting and checking a line costs Python several microseconds, inserting it
SQLite about as much; on one interpreter the two take turns. For a large
file, helper processes (started fresh, not forked: the caller may hold Qt
threads and an open transaction) each read the file and cut every n-th
page, while this process inserts the pages in file order. The pages are the
same in every process: blocks of about `BLOCK` bytes cut at the last line
end. A helper sends each page as one `marshal` message over a pipe (a
fraction of pickle's cost for plain tuples). Lines a helper does not take
(see `jsonl_rows.LineCutter`) come back as they were read, for the general
path in this process, which knows the profile's own registry and upcasters.
"""

from __future__ import annotations

import marshal
import multiprocessing
import sys
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

from ..domain.events import ALL_EVENT_TYPES
from .errors import InterchangeError
from .jsonl_rows import Item, LineCutter

BLOCK = 4 << 20  # bytes per page: about 6,000 exported events
WORKER_FILE_SIZE = 64 << 20  # below this, starting helpers costs more than they save (~0.5 s each)


def blocks(handle: IO[bytes], offset: int, first: int) -> Iterator[tuple[int, bytes]]:
    """(number of the first line, whole lines) from `offset` on, the same cut in every process."""
    handle.seek(offset)
    carry = b""
    number = first
    while True:
        chunk = handle.read(BLOCK)
        if not chunk:
            if carry:
                yield number, carry
            return
        data = carry + chunk if carry else chunk
        end = data.rfind(b"\n") + 1
        if end == 0:  # one line longer than a block: read on
            carry = data
            continue
        carry = data[end:]
        yield number, data[:end]
        number += data.count(b"\n", 0, end)


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


def serve(path: str, offset: int, first: int, out: Connection, event_types: list[str], share: int,
          helpers: int) -> None:
    """A helper process: send page `share`, `share + helpers`, ... then ("end",)."""
    cutter = LineCutter(model for model in ALL_EVENT_TYPES if model.event_type in event_types)
    try:
        with open(path, "rb") as handle:
            for index, (number, block) in enumerate(blocks(handle, offset, first)):
                if index % helpers == share:
                    out.send_bytes(marshal.dumps(("page", page_items(cutter, number, block))))
        out.send_bytes(marshal.dumps(("end",)))
    except (BrokenPipeError, ConnectionResetError):
        return  # the importer stopped (an error, a cancel): nothing more to say
    except OSError as error:
        out.send_bytes(marshal.dumps(("failed", f"{path} could not be read: {error.strerror or error}.")))
    finally:
        out.close()


class PageSource:
    """The file's pages of items, in order, from `helpers` helper processes or (0) from this one."""

    def __init__(self, path: Path, offset: int, first: int, cutter: LineCutter, helpers: int) -> None:
        self._path, self._offset, self._first, self._cutter = path, offset, first, cutter
        self._helpers = helpers if helpers > 0 and not getattr(sys, "frozen", False) else 0
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._pipes: list[Connection] = []

    def __iter__(self) -> Iterator[list[Item]]:
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
        yield from self._here()

    def _here(self) -> Iterator[list[Item]]:
        with open(self._path, "rb") as handle:
            for number, block in blocks(handle, self._offset, self._first):
                yield page_items(self._cutter, number, block)

    def _start(self) -> bool:
        context = multiprocessing.get_context("spawn")
        event_types = sorted(self._cutter.event_types)
        try:
            for share in range(self._helpers):
                reader, writer = context.Pipe(duplex=False)
                process = context.Process(
                    target=serve, daemon=True, name=f"effect-desktop-import-{share}",
                    args=(str(self._path), self._offset, self._first, writer, event_types, share, self._helpers))
                process.start()
                writer.close()
                self._processes.append(process)
                self._pipes.append(reader)
        except (OSError, RuntimeError):  # no processes here (a sandbox, a limit): cut the lines ourselves
            self.close()
            return False
        return True

    def _from_helpers(self) -> Iterator[list[Item]]:
        index = 0
        while True:
            message = marshal.loads(self._pipes[index % self._helpers].recv_bytes())
            if message[0] == "end":
                return
            if message[0] == "failed":
                raise InterchangeError(str(message[1]))
            yield message[1]
            index += 1

    def close(self) -> None:
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join(timeout=5)
        for pipe in self._pipes:
            pipe.close()
        self._processes, self._pipes = [], []

"""Pushing pending pages so that the client, the server and the local profile all work at once.

A page costs three things: reading it from SQLite and COPYing it into a
staging table (the server parses its JSON then), the server's INSERT of it
into `events` (index entries, row-level security, the commit's WAL flush:
the longest part), and marking it known locally. Done one after the other,
the server sat idle while the client read and marked, and the client idled
during the INSERT. Here, with two server connections used in turn:

- a reader thread reads page k+1 from SQLite while page k is being sent;
- page k+1 is COPYed on one connection while page k's INSERT and COMMIT run
  on the other (in a thread: psycopg waits for the server without the
  interpreter lock);
- page k is marked known locally (a SQLite commit, in a third thread) while page
  k+1's INSERT runs; it is reported to the progress callback before page k+2's
  INSERT is sent.

What a push guarantees is unchanged. Pages are inserted strictly in order:
page k+1's INSERT is sent only after page k has committed, so the server's
positions follow the log and the per-user push lock is never contended by
our own pages. A page is marked known only after its COMMIT succeeded;
cut off in between, the next sync sends it again and the server skips what
it has (`ON CONFLICT DO NOTHING`). On any error the staged page and any
open transaction are rolled back before the error is raised, so a
`VersionCollision` leaves the main connection idle for the pull that follows.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass
from uuid import UUID

import psycopg

from ..persistence.sql_store import SqlEventStore
from . import local_state, server_ops
from .errors import SyncError
from .outbox import PendingPage, read_page

Progress = Callable[[str, int, int], None]


class _Lane:
    """One server connection taking a page: BEGIN and COPY, then INSERT and COMMIT."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self.connection = connection
        self.open = False

    def stage(self, page: PendingPage) -> None:
        self.connection.execute("BEGIN")
        self.open = True
        server_ops.stage(self.connection, page.copy_text)

    def insert_and_commit(self, origin: UUID) -> int:
        inserted = server_ops.insert_staged(self.connection, origin)
        self.connection.execute("COMMIT")
        self.open = False
        return inserted

    def abandon(self) -> None:
        if self.open and not self.connection.broken:  # a dropped connection has no transaction left
            self.connection.execute("ROLLBACK")
        self.open = False


@dataclass
class _InFlight:
    page: PendingPage
    lane: _Lane
    committed: Future[int]

    def wait(self, new: list[int]) -> PendingPage:
        """Until the page has committed (its error is raised here); adds how many of its events were
        new to the server to `new` (a retry, or a copy of a profile, sends some it had already)."""
        new[0] += self.committed.result()
        return self.page


def push_pending(store: SqlEventStore, connection: psycopg.Connection, second: Callable[[], psycopg.Connection],
                 origin: UUID, page_size: int, progress: Progress) -> int:
    """Push every pending event; how many the server did not have yet. `connection` is the sync's (autocommit);
    `second()` opens another to the same account, called only if there is more than one page (if
    it cannot be had, e.g. the server is at its connection limit, the pages go one after another)."""
    with store.reading() as local:
        total = local_state.count_pending(local)
    done = 0
    new = [0]  # events the server did not have yet
    lanes = [_Lane(connection)]
    with ExitStack() as stack:
        reader, sender, marker = (stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix=name))
                                  for name in ("sync-read", "sync-send", "sync-mark"))
        upcoming = reader.submit(read_page, store, page_size, 0)
        sending: _InFlight | None = None
        marking: Future[int] | None = None  # the page before, being marked known

        def marked() -> None:
            """Wait for the marking of the page before and report it, before another INSERT goes out
            (so a progress callback sees the pipeline at most one page ahead)."""
            nonlocal done, marking
            if marking is not None:
                done += marking.result()
                marking = None
                progress("push", done, max(total, done))

        try:
            number = 0
            while page := upcoming.result():
                upcoming = reader.submit(read_page, store, page_size, page.positions[-1])
                if number == 1:
                    lanes.extend(_second_lane(stack, second))
                lane = lanes[number % len(lanes)]
                sent = None
                if sending is not None and sending.lane is lane:  # one lane: no overlap
                    sent, sending = sending.wait(new), None
                lane.stage(page)  # the previous page's INSERT runs meanwhile on the other lane
                if sending is not None:
                    sent = sending.wait(new)
                marked()
                sending = _InFlight(page, lane, sender.submit(lane.insert_and_commit, origin))
                if sent is not None:  # marked while this page's INSERT runs
                    marking = marker.submit(_mark_known, store, sent)
                number += 1
            if sending is not None:
                sent, sending = sending.wait(new), None
                marked()
                marking = marker.submit(_mark_known, store, sent)
            marked()
        except BaseException:
            # let what is in flight finish; its own error, if any, is the one being raised or a consequence
            wait([future for future in (sending.committed if sending else None, marking) if future is not None])
            for lane in lanes:
                lane.abandon()
            raise
    return new[0]


def _second_lane(stack: ExitStack, second: Callable[[], psycopg.Connection]) -> list[_Lane]:
    try:
        return [_Lane(stack.enter_context(second()))]
    except SyncError:
        return []


def _mark_known(store: SqlEventStore, page: PendingPage) -> int:
    """The server has these events: they never move again."""
    with store.transaction() as local:
        local_state.mark_known(local, [(position, None) for position in page.positions])
    return len(page)

"""One sync: push what the server lacks, then pull what it has after our last pull, in pages.

Runs on any thread (the GUI calls it off its own): it touches the profile
only through the store's transactions, and the profile's SQLite write lock is
held for one page at a time, so studying goes on between pages.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg

from ..bootstrap import Profile
from . import local_state, server_ops
from .connection import connect, explain
from .errors import SyncError, SyncInterrupted
from .identity import settle_identity
from .merge import finish_deferred, merge_page
from .server_schema import check_client_compatible
from .urls import ServerURL

Progress = Callable[[str, int, int], None]
"""(phase, done, total): phase is "push" or "pull"; called after each committed page."""

PUSH_PAGE = 5_000
PULL_PAGE = 10_000
DEFER_PROJECTION_FROM = 5_000  # pulls larger than this (and than the local log) rebuild once at the end
MAX_ROUNDS = 5  # push, collide, pull, push again... a busy account settles in one or two

_running: dict[Path, threading.Lock] = {}
_running_guard = threading.Lock()


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    resequenced: int
    pending: int
    seconds: float

    def describe(self) -> str:
        moved = f", {self.resequenced} re-sequenced after the server's" if self.resequenced else ""
        left = f"; {self.pending} still pending" if self.pending else ""
        return f"synced: {self.pushed} sent, {self.pulled} received{moved}{left} ({self.seconds:.2f} s)"


class SyncClient:
    def __init__(self, profile: Profile, url: str | ServerURL, *, push_page: int = PUSH_PAGE,
                 pull_page: int = PULL_PAGE, defer_projection_from: int = DEFER_PROJECTION_FROM) -> None:
        self.profile = profile
        self.url = url if isinstance(url, ServerURL) else ServerURL.parse(url)
        self.push_page_size = push_page
        self.pull_page_size = pull_page
        self.defer_projection_from = defer_projection_from

    def sync(self, progress: Progress | None = None) -> SyncResult:
        lock = _lock_for(self.profile.path)
        if not lock.acquire(blocking=False):
            raise SyncError("A sync of this profile is already running; wait for it to finish.")
        try:
            return self._sync(progress or _quiet)
        finally:
            lock.release()

    def _sync(self, progress: Progress) -> SyncResult:
        started = time.perf_counter()
        profile = self.profile
        local_state.ensure_tables(profile)
        with connect(self.url, autocommit=True) as connection:
            try:
                server_id = check_client_compatible(connection)
                local_state.bind_server(profile, f"{server_id}/{self.url.user}")
                settle_identity(connection, profile)
                origin = local_state.origin(profile)
                finish_deferred(profile)  # a large pull cut off before its rebuild
                pushed = pulled = resequenced = 0
                for _round in range(MAX_ROUNDS):
                    try:
                        pushed += self._push(connection, origin, progress)
                        break
                    except server_ops.VersionCollision:
                        got, moved = self._pull(connection, origin, progress)
                        pulled, resequenced = pulled + got, resequenced + moved
                else:
                    raise SyncError("Other devices kept changing the same words during the sync; "
                                    "run sync again in a moment.")
                got, moved = self._pull(connection, origin, progress)
                pulled, resequenced = pulled + got, resequenced + moved
                with profile.store.transaction() as local:
                    local_state.settle_watermark(local)
            except psycopg.Error as error:
                raise explain(error, self.url) from error
        return SyncResult(pushed, pulled, resequenced, pending_count(profile), time.perf_counter() - started)

    def _push(self, connection: psycopg.Connection, origin: UUID, progress: Progress) -> int:
        """Push pending events page by page; the next page is read from SQLite while this one is sent."""
        total, done = pending_count(self.profile), 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-read") as reader:
            upcoming = reader.submit(self._read_pending, 0)
            while True:
                page = upcoming.result()
                if not page:
                    return done
                upcoming = reader.submit(self._read_pending, page[-1][0])
                self._push_page(connection, origin, page)
                done += len(page)
                progress("push", done, max(total, done))

    def _read_pending(self, after: int) -> list[tuple[Any, ...]]:
        with self.profile.store.reading() as local:
            return local_state.pending_rows(local, self.push_page_size, after)

    def _push_page(self, connection: psycopg.Connection, origin: UUID, page: list[tuple[Any, ...]]) -> None:
        with connection.transaction():
            server_ops.push_page(connection, [r[1:] for r in page], origin)
        with self.profile.store.transaction() as local:  # the server has them: they never move again
            local_state.mark_known(local, [(r[0], None) for r in page])

    def _pull(self, connection: psycopg.Connection, origin: UUID, progress: Progress) -> tuple[int, int]:
        store = self.profile.store
        with store.reading() as local:
            after = local_state.last_pulled(local)
        total = server_ops.remaining(connection, after, origin)
        project = not (total >= self.defer_projection_from and total > store.count())
        pulled = resequenced = 0
        size = self.pull_page_size
        pages = server_ops.pull_pages(connection, after, origin, size)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-fetch") as fetcher:
            try:
                # the next page is fetched while this one is written (the server connection is the
                # fetcher's alone meanwhile)
                upcoming: Future[server_ops.PulledPage | None] = fetcher.submit(next, pages, None)
                while (page := upcoming.result()) is not None:
                    if not page.rows and page.high_water == after:
                        break  # nothing new: no local write at all
                    upcoming = fetcher.submit(next, pages, None)
                    merged = merge_page(self.profile, page.rows, page.high_water, project=project)
                    pulled += merged.applied
                    resequenced += merged.resequenced
                    after = page.high_water
                    if page.rows:
                        progress("pull", pulled + merged.already_known, max(total, pulled))
            finally:
                fetcher.submit(pages.close).result()  # ends the server transaction, in its thread
        finish_deferred(self.profile)
        return pulled, resequenced


def pending_count(profile: Profile) -> int:
    """Events of this profile the server does not have yet (for the status bar)."""
    local_state.ensure_tables(profile)
    with profile.store.reading() as connection:
        return local_state.count_pending(connection)


def test_connection(url: str | ServerURL) -> str:
    """Connect, check the server's schema and the login; a sentence for the settings dialog."""
    server = url if isinstance(url, ServerURL) else ServerURL.parse(url)
    with connect(server, autocommit=True) as connection:
        try:
            check_client_compatible(connection)
            events = connection.execute("SELECT count(*) FROM events").fetchone()
        except psycopg.Error as error:
            raise explain(error, server) from error
    count = events[0] if events else 0
    return f"Connected to {server.display} as {server.user}; the server holds {count} of your events."


def _lock_for(path: Path) -> threading.Lock:
    with _running_guard:
        return _running.setdefault(path.resolve(), threading.Lock())


def _quiet(phase: str, done: int, total: int) -> None:
    """No progress display."""


__all__ = ["SyncClient", "SyncResult", "SyncInterrupted", "pending_count", "test_connection"]

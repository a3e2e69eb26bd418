"""One sync: push what the server lacks, then pull what it has after our last pull, in pages.

Runs on any thread (the GUI calls it off its own): it touches the profile
only through the store's transactions, and the profile's SQLite write lock is
held for one page at a time, so studying goes on between pages.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import psycopg

from ..bootstrap import Profile
from ..domain.ids import new_id
from ..persistence.errors import DiskFull, StoreError
from . import credentials, local_state, server_ops
from .connection import connect, explain
from .errors import SyncError, SyncInterrupted, SyncStopped
from .identity import check_identity, settle_identity
from .merge import finish_deferred, merge_page
from .pulled_check import check_pulled
from .push_pipeline import push_pending
from .server_schema import check_client_compatible
from .urls import ServerURL

Progress = Callable[[str, int, int], None]
"""(phase, done, total): phase is "push" or "pull"; called after each committed page."""

PUSH_PAGE = 5_000
PULL_PAGE = 10_000
DEFER_PROJECTION_FROM = 5_000  # pulls larger than this (and than the local log) rebuild once at the end
LAST_SYNCED = "sync.last_synced"  # profile setting: when a sync of this profile last succeeded (UTC, ISO)
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
        # (re-sequenced: written here meanwhile, so placed after what another device sent first)
        moved = (f", {self.resequenced:,} of this computer's placed after another device's (both kept)"
                 if self.resequenced else "")
        left = f"; {self.pending:,} still pending" if self.pending else ""
        return f"synced: {self.pushed:,} sent, {self.pulled:,} received{moved}{left} ({self.seconds:.2f} s)"


class SyncClient:
    def __init__(self, profile: Profile, url: str | ServerURL, *, push_page: int = PUSH_PAGE,
                 pull_page: int = PULL_PAGE, defer_projection_from: int = DEFER_PROJECTION_FROM,
                 before_pull: Callable[[int], object] | None = None,
                 on_connected: Callable[[], object] | None = None, stop: threading.Event | None = None) -> None:
        """`before_pull(n)` runs once, before the first of n events is taken in (the app backs up);
        `on_connected()` once the server took the login and this learner, before anything is sent
        (the CLI remembers the server then: a sync killed half-way had forgotten it). Once `stop` is
        set, the sync ends with SyncStopped: once connected, or after the page it is sending or
        taking in (the window closing: it waited up to 8 s for a long pull, which then went on from
        the same page next time anyway)."""
        self.profile = profile
        self.stop = stop
        self.before_pull = before_pull
        self.on_connected = on_connected
        self._before_pull: Callable[[int], object] | None = None
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
        except DiskFull as error:
            raise stopped_by_a_full_disk(error) from error
        finally:
            lock.release()

    def _sync(self, progress: Progress) -> SyncResult:
        started = time.perf_counter()
        profile = self.profile
        self._before_pull = self.before_pull
        local_state.ensure_tables(profile)
        with connect(self.url, autocommit=True) as connection:
            # connecting can take seconds: a window closed meanwhile has let go of the profile
            self._stop_if_asked("before anything was sent or received; the next sync does it all")
            try:
                server_id = check_client_compatible(connection)
                # the identity first: an account that refuses this learner must not reset our progress
                new_to_the_account = settle_identity(connection, profile)
                server_key = f"{server_id}/{self.url.user}"
                if not local_state.bind_server(profile, server_key, self.url.display, fresh=new_to_the_account):
                    with profile.store.reading() as local:
                        newest = local_state.newest_known(local)
                    if not all(server_ops.holds(connection, event_id) for event_id in newest):
                        # the account lost what we know it had: emptied and made again under the same
                        # name, or the server restored from an older backup; send and take it all again
                        # (both idempotent), where it said "Synced" over an empty account
                        local_state.bind_server(profile, server_key, self.url.display, fresh=True)
                if self.on_connected is not None:
                    self.on_connected()
                # This sync's own id: what it pushes carries it, so its pull does not fetch it back.
                # Deliberately not a lasting device id: a restored backup or a copied profile would
                # carry such an id along, and then never pull what the other copy pushed under it.
                origin = new_id()
                with profile.store.transaction() as local:
                    ours = local_state.push_origins(local, origin)  # pulls leave out what we pushed
                ours = self._still_ours(connection, ours)
                pushed = pulled = resequenced = 0
                for _round in range(MAX_ROUNDS):
                    try:
                        pushed += self._push(connection, origin, progress)
                        break
                    except server_ops.VersionCollision:
                        got, moved = self._pull(connection, ours, progress)
                        pulled, resequenced = pulled + got, resequenced + moved
                else:
                    raise SyncError("Other devices kept changing the same words during the sync; "
                                    "run sync again in a moment.")
                got, moved = self._pull(connection, ours, progress)
                pulled, resequenced = pulled + got, resequenced + moved
                with profile.store.transaction() as local:
                    local_state.settle_watermark(local)
                    local_state.pulled_all(local)
                # in the profile, not the window's memory: a sync run from the CLI counts as much
                profile.settings.set(LAST_SYNCED, datetime.now(UTC).isoformat())
            except psycopg.Error as error:
                raise explain(error, self.url) from error
        with profile.store.reading() as local:  # pending for the server just synced with, whatever is saved
            pending = local_state.count_pending(local)
        return SyncResult(pushed, pulled, resequenced, pending, time.perf_counter() - started)

    def _still_ours(self, connection: psycopg.Connection, ours: list[UUID]) -> list[UUID]:
        """`ours` if the log holds every event the earlier pushes named there sent, else this sync's
        alone: a backup restored since (taken while such a push went on) lacks some, and a pull leaving
        them out would never bring them back."""
        earlier = ours[:-1]
        if not earlier:
            return ours
        with self.profile.store.reading() as local:
            after = local_state.last_pulled(local)
            if local_state.holds_all(local, server_ops.pushed_by(connection, after, earlier)):
                return ours
        return ours[-1:]

    def _push(self, connection: psycopg.Connection, origin: UUID, progress: Progress) -> int:
        """Push pending events page by page (push_pipeline.py: reading, sending and marking overlap).
        Asked to stop, it ends after the page it is marking: the window closing went on sending (and
        writing into the profile it had let go of) for as long as the push lasted."""
        def reported(phase: str, done: int, total: int) -> None:
            progress(phase, done, total)
            if done < total:
                self._stop_if_asked(f"after {done} of {total} events were sent; the next sync sends the rest")

        return push_pending(self.profile.store, connection, lambda: connect(self.url, autocommit=True), origin,
                            self.push_page_size, reported)

    def _stop_if_asked(self, where: str) -> None:
        if self.stop is not None and self.stop.is_set():
            raise SyncStopped(f"The sync stopped when asked, {where}.")

    def _pull(self, connection: psycopg.Connection, ours: list[UUID], progress: Progress) -> tuple[int, int]:
        self._stop_if_asked("before anything was received; the next sync receives it")  # nor backed up first
        store = self.profile.store
        with store.reading() as local:
            after = local_state.last_pulled(local)
            # a large pull cut off before its rebuild goes on deferring: one rebuild at the end, not one
            # now and another then (the push before this needs no read models; a page that re-sequences
            # rebuilds first, in merge_page)
            deferred = local_state.get(local, local_state.NEEDS_REBUILD) == "1"
        total = server_ops.remaining(connection, after, ours)
        if total and self._before_pull is not None:  # once a sync: a collision's pull comes first
            before, self._before_pull = self._before_pull, None
            try:
                before(total)
            except StoreError as error:  # a backup that could not be written: nothing taken in yet
                raise SyncError(f"Nothing was received: the backup before the sync failed. {error}") from error
        project = not (deferred or (total >= self.defer_projection_from and total > store.count()))
        pulled = received = resequenced = 0
        size = self.pull_page_size
        pages = server_ops.pull_pages(connection, after, ours, size)
        registry = store.registry if not project else None  # a large pull checks pages as they arrive

        def fetch() -> server_ops.PulledPage | None:
            page = next(pages, None)
            if page is not None and registry is not None:
                check_pulled(registry, page.rows)
            return page

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-fetch") as fetcher:
            try:
                # the next page is fetched and checked while this one is written (the server connection
                # is the fetcher's alone meanwhile; psycopg waits for it without the interpreter lock)
                upcoming: Future[server_ops.PulledPage | None] = fetcher.submit(fetch)
                while (page := upcoming.result()) is not None:
                    if not page.rows and page.high_water == after:
                        break  # nothing new: no local write at all
                    upcoming = fetcher.submit(fetch)
                    merged = merge_page(self.profile, page.rows, page.high_water, project=project,
                                        checked=registry is not None)
                    pulled += merged.applied
                    received += len(page.rows)  # known ones too: the count only ever goes forward
                    resequenced += merged.resequenced
                    after = page.high_water
                    if page.rows:
                        progress("pull", received, max(total, received))
                    self._stop_if_asked(f"after {received} of {total} events were taken in; they are kept, "
                                        "and the next sync goes on from there")
            finally:
                fetcher.submit(pages.close).result()  # ends the server transaction, in its thread
        finish_deferred(self.profile)
        return pulled, resequenced


def stopped_by_a_full_disk(error: DiskFull) -> DiskFull:
    """The store says "nothing was written" of the one write it refused; the pages a sync committed
    before it stay (50,000 events kept were said to be "nothing")."""
    return DiskFull(f"The disk holding {error.where}, or the computer's temporary folder, is full or failing "
                    f"({error.reason}); the sync stopped there, and what it sent and received before is kept. "
                    "Free some space and sync again: it goes on from there.", error.where, error.reason)


def show_received(profile: Profile) -> bool:
    """After a large pull cut off before its end: count the pages already received into the read
    models (the window showed no words while 50,000 events were in the log); True if it did. The
    next sync rebuilds once more at its end, the price of showing them now."""
    return finish_deferred(profile)


def pending_count(profile: Profile) -> int:
    """Events of this profile the server does not have yet (for the status bar). A read: on a
    profile that never synced (no sync tables yet) every event is pending. (Creating the tables
    here took the write lock at every refresh of the status bar, and failed on a read-only file.)"""
    with profile.store.reading() as connection:
        if not local_state.tables_exist(connection):
            return profile.store.count()
        bound = local_state.get(connection, local_state.SERVER_URL)
        remembered = _plain_sync_target() or _shown(local_state.profile_setting(connection, credentials.SETTING_URL))
        if bound and remembered and bound != remembered:
            # another server or account saved, not synced with yet: nothing is there (it said "Synced")
            return profile.store.count()
        return local_state.count_pending(connection)


def _shown(stored: str | None) -> str | None:
    """A remembered URL as a sync binds it (`display`: a client key's passphrase left out)."""
    if not stored:
        return stored
    try:
        return ServerURL.parse(stored).display
    except SyncError:
        return stored


def _plain_sync_target() -> str | None:
    """The server $EFFECT_SYNC_URL names, which a plain sync uses before the remembered one: counted
    against the remembered one, a profile just synced through it showed every event pending."""
    raw = os.environ.get(credentials.ENV_URL)
    if not raw:
        return None
    try:
        return ServerURL.parse(raw).display
    except SyncError:  # a sync says what is wrong with it
        return None


@dataclass(frozen=True)
class ConnectionCheck:
    """What "Test connection" found: the server reached, the login accepted, this account's events."""

    display: str
    user: str
    events: int

    def __str__(self) -> str:
        return f"Connected to {self.display} as {self.user}; this account holds {self.events} events on the server."


def test_connection(url: str | ServerURL, profile: Profile | None = None) -> ConnectionCheck:
    """Connect, check the server's schema and the login, and (given the profile) that this account
    would take the profile's events; raises SyncError with what is wrong."""
    server = url if isinstance(url, ServerURL) else ServerURL.parse(url)
    with connect(server, autocommit=True) as connection:
        try:
            check_client_compatible(connection)
            if profile is not None:
                check_identity(connection, profile)
            events = connection.execute("SELECT count(*) FROM events").fetchone()
        except psycopg.Error as error:
            raise explain(error, server) from error
    return ConnectionCheck(server.display, server.user, events[0] if events else 0)


def _lock_for(path: Path) -> threading.Lock:
    with _running_guard:
        return _running.setdefault(path.resolve(), threading.Lock())


def _quiet(phase: str, done: int, total: int) -> None:
    """No progress display."""


__all__ = ["ConnectionCheck", "SyncClient", "SyncResult", "SyncInterrupted", "pending_count", "test_connection"]

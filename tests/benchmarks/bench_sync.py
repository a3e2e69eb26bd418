"""Sync throughput on loopback, beside raw psycopg COPY of the same rows in the same run.

    python3 tests/benchmarks/bench_sync.py [--events 100000] [--reps 1]

Uses $EFFECT_TEST_PG_URL (a superuser URL) or starts a throwaway pgserver,
exactly like the tests. Measures, on a fresh database per repetition (each
prints its own line; with --reps > 1 the medians follow; on a shared machine
compare the ratios of one run):
- COPY: the profile's event rows COPYed by psycopg into a table with the
  server `events` table's columns and indexes (the floor for any push);
- push: `SyncClient.sync()` of a profile whose N events are all pending
  (reading SQLite, COPY to staging, INSERT .. ON CONFLICT with RLS checks,
  marking them known locally);
- pull: `SyncClient.sync()` of an empty profile receiving all N, split into
  taking the pages in (fetching, checking, storing; until the last page's
  commit) and the read-model rebuild that ends it;
- no-op: a sync with nothing to send or receive (median of 7).
Targets from the issue: push >= 50% of COPY's rate, pull >= 50,000 events/s,
no-op < 100 ms.
"""

from __future__ import annotations

import sqlite_choice

sqlite_choice.apply()  # --sqlite-module NAME: the local profile on another SQLite build

import argparse  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from uuid import uuid4  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

from effect_desktop.bootstrap import open_profile  # noqa: E402
from effect_desktop.sync import SyncClient, local_state  # noqa: E402
from effect_desktop.sync.admin import add_user, init_server  # noqa: E402
from effect_desktop.sync.client import PULL_PAGE  # noqa: E402
from effect_desktop.sync.server_ops import COLUMNS, pull_pages  # noqa: E402
from effect_desktop.sync.urls import ServerURL  # noqa: E402
from tests.benchmarks.history import build_profile  # noqa: E402
from tests.support.postgres import _start_pgserver, libpq_url, with_database  # noqa: E402


def server_url() -> tuple[str, object | None, str | None]:
    """(superuser URL, the server started here or None, its temporary folder or None)."""
    import os

    url = os.environ.get("EFFECT_TEST_PG_URL")
    if url:
        return "postgresql+psycopg://" + url.split("://", 1)[1], None, None
    return _start_pgserver()


def fresh_database(admin_url: str) -> str:
    name = "effect_bench_" + secrets.token_hex(4)
    with psycopg.connect(libpq_url(admin_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return with_database(admin_url, name)


def copy_baseline(db_url: str, rows: list[tuple[object, ...]]) -> float:
    with psycopg.connect(libpq_url(db_url)) as conn:
        conn.execute("CREATE TABLE copy_baseline (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cursor, cursor.copy(
                "COPY copy_baseline (" + ", ".join(COLUMNS) + ") FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        return time.perf_counter() - started


def fetch_only(user_url: str, origin: object) -> float:
    """The server side of a pull alone: every page fetched, nothing written locally."""
    url = ServerURL.parse(user_url)
    started = time.perf_counter()
    with psycopg.connect(url.libpq, autocommit=True) as conn:
        for _page in pull_pages(conn, 0, [uuid4()], PULL_PAGE):  # as a device that pushed none of them
            pass
    return time.perf_counter() - started


@dataclass
class Run:
    events: int
    copy_s: float
    push_s: float
    pull_s: float
    take_in_s: float  # the pull until its last page was committed; the rest is the read-model rebuild
    fetch_s: float
    rebuild_s: float
    noop_s: float

    @property
    def push_ratio(self) -> float:
        return self.copy_s / self.push_s

    def line(self) -> str:
        n = self.events
        return (f"COPY {n / self.copy_s:7,.0f}/s | push {n / self.push_s:7,.0f}/s = {self.push_ratio:4.0%} of COPY"
                f" | pull {n / self.pull_s:7,.0f}/s (taking in {self.take_in_s:4.2f} s = {n / self.take_in_s:7,.0f}/s,"
                f" rebuild {self.pull_s - self.take_in_s:4.2f} s) | fetch alone {self.fetch_s:4.2f} s"
                f" | rebuild alone {self.rebuild_s:4.2f} s | no-op {self.noop_s * 1000:5.1f} ms")


def one_run(admin: str, events: int, number: int) -> Run:
    db = fresh_database(admin)
    init_server(db)
    user_url = add_user(db, f"bench{number}_{secrets.token_hex(2)}", "bench-password")
    work = Path(tempfile.mkdtemp(prefix="effect-bench-sync-"))
    laptop = open_profile(build_profile(work / "laptop.effect.sqlite3", events_target=events, quiet=True))
    desktop = open_profile(work / "desktop.effect.sqlite3")
    try:
        n = laptop.store.count()
        local_state.ensure_tables(laptop)
        with laptop.store.reading() as connection:
            rows = [tuple(r)[1:] for r in connection.execute(local_state.pending_query(connection, n))]

        copy_s = copy_baseline(db, rows)
        # the history's events all name one learner id; register it as the account's, as a first sync does
        started = time.perf_counter()
        pushed = SyncClient(laptop, user_url).sync()
        push_s = time.perf_counter() - started

        last_page = [0.0]

        def note(phase: str, done: int, total: int) -> None:
            last_page[0] = time.perf_counter()

        started = time.perf_counter()
        pulled = SyncClient(desktop, user_url).sync(note)
        pull_s = time.perf_counter() - started
        take_in_s = last_page[0] - started

        fetch_s = fetch_only(user_url, uuid4())
        started = time.perf_counter()
        desktop.projector.rebuild()
        rebuild_s = time.perf_counter() - started

        noop = []
        for _ in range(7):
            started = time.perf_counter()
            SyncClient(desktop, user_url).sync()
            noop.append(time.perf_counter() - started)
        assert pushed.pushed == n and pulled.pulled == n, (pushed, pulled)
        return Run(n, copy_s, push_s, pull_s, take_in_s, fetch_s, rebuild_s, statistics.median(noop))
    finally:
        laptop.close()
        desktop.close()
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=1, help="repetitions, each on a fresh database and profiles")
    args = parser.parse_args()
    admin, server, root = server_url()
    try:
        runs = []
        for number in range(1, args.reps + 1):
            runs.append(one_run(admin, args.events, number))
            print(f"run {number}: {runs[-1].line()}", flush=True)
        n = runs[0].events

        def median(key: Callable[[Run], float]) -> float:
            return statistics.median(key(run) for run in runs)

        copy_s, push_s, pull_s = median(lambda r: r.copy_s), median(lambda r: r.push_s), median(lambda r: r.pull_s)
        take_in_s = median(lambda r: r.take_in_s)
        ratios = sorted(r.push_ratio for r in runs)
        label = "" if len(runs) == 1 else f" (median of {len(runs)} runs)"
        print(f"events: {n:,} (a learner's history: words, sessions, answers, progress, streaks){label}")
        print(f"raw psycopg COPY  {copy_s:7.2f} s  {n / copy_s:9,.0f} rows/s")
        print(f"push (sync)       {push_s:7.2f} s  {n / push_s:9,.0f} events/s  = "
              f"{median(lambda r: r.push_ratio):5.0%} of COPY in the same run"
              f" (range {ratios[0]:.0%}-{ratios[-1]:.0%}; target >= 50%)")
        print(f"pull (sync)       {pull_s:7.2f} s  {n / pull_s:9,.0f} events/s  "
              f"(target >= 50,000/s; includes rebuilding the read models)")
        print(f"  of which: taking the pages in {take_in_s:5.2f} s ({n / take_in_s:,.0f}/s), the read-model rebuild "
              f"that ends it {pull_s - take_in_s:5.2f} s; fetching the pages alone "
              f"{median(lambda r: r.fetch_s):5.2f} s; the projector's own rebuild "
              f"{median(lambda r: r.rebuild_s):5.2f} s")
        print(f"no-op sync        {median(lambda r: r.noop_s) * 1000:7.1f} ms median of 7  (target < 100 ms)")
    finally:
        if server is not None:
            server.cleanup()  # type: ignore[attr-defined]
        if root is not None:  # each run left an empty folder in the temporary directory
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

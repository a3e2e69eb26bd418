"""Sync throughput on loopback, beside raw psycopg COPY of the same rows in the same run.

    python3 tests/benchmarks/bench_sync.py [--events 100000]

Uses $EFFECT_TEST_PG_URL (a superuser URL) or starts a throwaway pgserver,
exactly like the tests. Measures, on one fresh database:
- COPY: the profile's event rows COPYed by psycopg into a table with the
  server `events` table's columns and indexes (the floor for any push);
- push: `SyncClient.sync()` of a profile whose N events are all pending
  (reading SQLite, COPY to staging, INSERT .. ON CONFLICT with RLS checks,
  marking them known locally);
- pull: `SyncClient.sync()` of an empty profile receiving all N (SQLite
  insert and read-model projection included);
- no-op: a sync with nothing to send or receive (median of 7).
Targets from the issue: push >= 50% of COPY's rate, pull >= 50,000 events/s,
no-op < 100 ms.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from uuid import uuid4

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


def server_url() -> tuple[str, object | None]:
    import os

    url = os.environ.get("EFFECT_TEST_PG_URL")
    if url:
        return "postgresql+psycopg://" + url.split("://", 1)[1], None
    url, server, _root = _start_pgserver()
    return url, server


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
        for _page in pull_pages(conn, 0, uuid4(), PULL_PAGE):  # as a device that pushed none of them
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    admin, server = server_url()
    try:
        db = fresh_database(admin)
        init_server(db)
        user_url = add_user(db, "bench", "bench-password")
        work = Path(tempfile.mkdtemp(prefix="effect-bench-sync-"))
        laptop = open_profile(build_profile(work / "laptop.effect.sqlite3", events_target=args.events, quiet=True))
        n = laptop.store.count()
        local_state.ensure_tables(laptop)
        with laptop.store.reading() as connection:
            rows = [tuple(r)[1:] for r in connection.execute(local_state.pending_query(connection, n))]

        copy_s = copy_baseline(db, rows)
        # the history's events all name one learner id; register it as the account's, as a first sync does
        started = time.perf_counter()
        pushed = SyncClient(laptop, user_url).sync()
        push_s = time.perf_counter() - started

        desktop = open_profile(work / "desktop.effect.sqlite3")
        started = time.perf_counter()
        pulled = SyncClient(desktop, user_url).sync()
        pull_s = time.perf_counter() - started

        fetch_s = fetch_only(user_url, local_state.origin(laptop))
        started = time.perf_counter()
        desktop.projector.rebuild()
        rebuild_s = time.perf_counter() - started

        noop = []
        for _ in range(7):
            started = time.perf_counter()
            SyncClient(desktop, user_url).sync()
            noop.append(time.perf_counter() - started)
        assert pushed.pushed == n and pulled.pulled == n, (pushed, pulled)

        copy_rate, push_rate, pull_rate = n / copy_s, n / push_s, n / pull_s
        print(f"events: {n:,} (a learner's history: words, sessions, answers, progress, streaks)")
        print(f"raw psycopg COPY  {copy_s:7.2f} s  {copy_rate:9,.0f} rows/s")
        print(f"push (sync)       {push_s:7.2f} s  {push_rate:9,.0f} events/s  = {push_rate / copy_rate:5.0%} of COPY"
              f"  (target >= 50%)")
        print(f"pull (sync)       {pull_s:7.2f} s  {pull_rate:9,.0f} events/s  "
              f"(target >= 50,000/s; includes projecting read models)")
        print(f"  of which: fetching the pages alone {fetch_s:5.2f} s ({n / fetch_s:,.0f}/s); "
              f"the projector's own rebuild of these events {rebuild_s:5.2f} s ({n / rebuild_s:,.0f}/s)")
        print(f"no-op sync        {statistics.median(noop) * 1000:7.1f} ms median of 7  (target < 100 ms)")
        laptop.close()
        desktop.close()
    finally:
        if server is not None:
            server.cleanup()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()

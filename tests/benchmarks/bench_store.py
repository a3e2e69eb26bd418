"""The event store's speed beside raw sqlite3 (and the eventsourcing library), in one run.

Every figure of ours is printed beside stdlib sqlite3 doing the same inserts
or reads on the same schema (our tables and indexes, created by our
metadata) with the same durability (WAL, synchronous=FULL, one transaction
per batch), measured in the same process, as a ratio. With `--peer`,
`../shared/bench/peer_bench.py` runs the `eventsourcing` library on the same
machine first and our figures are divided by its figures too.

Medians over `--reps` repetitions. The 1,000,000-event profile comes from
`history.py` (built once, cached under /tmp).

    python3 tests/benchmarks/bench_store.py            # default, a few minutes
    python3 tests/benchmarks/bench_store.py --quick    # small N, under a minute
    python3 tests/benchmarks/bench_store.py --peer     # also the eventsourcing baseline
    python3 tests/benchmarks/bench_store.py --sqlite-module pysqlite3   # on SQLite 3.51 (sqlite_choice.py)
"""

from __future__ import annotations

import sys

import sqlite_choice

sqlite_choice.apply()

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from uuid import UUID  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, Path(__file__).resolve().parent):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import history  # noqa: E402
import orjson  # noqa: E402

from effect_desktop.application.repository import Repository  # noqa: E402
from effect_desktop.bootstrap import Profile, open_profile  # noqa: E402
from effect_desktop.domain import events as ev  # noqa: E402
from effect_desktop.domain.events import DomainEvent, EventMetadata  # noqa: E402
from effect_desktop.domain.ids import new_id, progress_stream_id, streak_stream_id  # noqa: E402
from effect_desktop.domain.session import StudySession  # noqa: E402
from effect_desktop.persistence.store import AggregateSnapshot  # noqa: E402

PEER_BENCH = ROOT.parent / "shared" / "bench" / "peer_bench.py"
RAW_INSERT = ("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data,"
              " metadata, created_at, version, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
RAW_BY_AGGREGATE = ("SELECT position, event_id, aggregate_id, aggregate_type, event_type, event_data,"
                    " metadata, created_at, version, schema_version FROM events"
                    " WHERE aggregate_id = ? ORDER BY version")
RAW_TAIL = RAW_BY_AGGREGATE.replace("ORDER BY", "AND version > ? ORDER BY")
RAW_SNAPSHOT = "SELECT snapshot_data, version FROM snapshots WHERE aggregate_id = ?"
RAW_PAGE = ("SELECT position, event_id, aggregate_id, aggregate_type, event_type, event_data,"
            " metadata, created_at, version, schema_version FROM events"
            " WHERE position > ? ORDER BY position LIMIT ?")
LOAD_SNAPSHOT_TAIL = 50  # a snapshot every 100 events leaves 50 to replay on average


# --- measuring ---------------------------------------------------------------------------------
@dataclass
class Row:
    section: str
    what: str
    n: int  # events (or operations) per repetition
    ours: float  # seconds, median
    raw: float | None = None
    peer_rate: float | None = None
    unit: str = "events/s"
    target: str = ""

    def rate(self, seconds: float | None) -> float | None:
        return self.n / seconds if seconds else None


def median_seconds(run: Callable[[], float], reps: int) -> float:
    """Median of `reps` runs; each run returns its own measured seconds."""
    return statistics.median(run() for _ in range(reps))


def timed(action: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    return time.perf_counter() - t0


def raw_connect(path: Path) -> sqlite3.Connection:
    """stdlib sqlite3 with our durability: WAL, synchronous=FULL, explicit transactions."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def fresh_profile(directory: Path, name: str) -> Profile:
    return open_profile(directory / f"{name}.effect.sqlite3", catch_up=False)


def fresh_raw(directory: Path, name: str) -> sqlite3.Connection:
    """A file with exactly our tables and indexes (made by our metadata), opened raw."""
    path = directory / f"{name}.effect.sqlite3"
    fresh_profile(directory, name).close()
    return raw_connect(path)


# --- events ---------------------------------------------------------------------------------------
class Envelopes:
    """Envelopes as the service builds them, for streams of any length."""

    def __init__(self, user_id: UUID) -> None:
        self.user_id = user_id
        self.clock = datetime(2024, 5, 1, 9, tzinfo=UTC)

    def make(self, aggregate_id: UUID, data: ev.EventData, version: int,
             correlation: UUID | None = None, causation: UUID | None = None) -> DomainEvent:
        self.clock += timedelta(milliseconds=2500)
        command = correlation or new_id()
        return DomainEvent(
            event_id=new_id(), aggregate_id=aggregate_id, aggregate_type=data.aggregate_type,
            event_type=data.event_type, event_data=data,
            metadata=EventMetadata(user_id=self.user_id, correlation_id=command,
                                   causation_id=causation or command, timestamp=self.clock,
                                   utc_offset_minutes=540),
            created_at=self.clock, version=version)

    def session(self, length: int, words: list[UUID] | None = None) -> list[DomainEvent]:
        """A StudySession stream: started, then answers (attempts count up per word)."""
        session_id = new_id()
        words = words or [new_id() for _ in range(min(1000, max(1, length - 1)))]
        stream = [self.make(session_id, ev.SessionStarted(
            session_id=session_id, user_id=self.user_id, word_ids=words,
            mode=ev.LearningMode.FLASHCARD), 1)]
        for version in range(2, length + 1):
            word = words[(version - 2) % len(words)]
            attempt = (version - 2) // len(words) + 1
            stream.append(self.make(session_id, ev.QuestionAnswered(
                session_id=session_id, word_id=word, is_correct=version % 4 != 0,
                response_time_ms=1200 + version % 5000, attempt_number=attempt), version))
        return stream


def raw_row(event: DomainEvent) -> tuple:
    """The row our store writes, serialised ahead of time (the raw side's best case)."""
    created = event.created_at.astimezone(UTC).replace(tzinfo=None)
    return (event.event_id.bytes, event.aggregate_id.bytes, event.aggregate_type,
            event.event_type, event.event_data.model_dump_json(),
            event.metadata.model_dump_json(), created.strftime("%Y-%m-%d %H:%M:%S.%f"),
            event.version, type(event.event_data).schema_version)


def raw_insert_batches(connection: sqlite3.Connection, batches: list[list[tuple]]) -> float:
    t0 = time.perf_counter()
    for batch in batches:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(RAW_INSERT, batch)
        connection.execute("COMMIT")
    return time.perf_counter() - t0


# --- (a) 100-event appends ------------------------------------------------------------------------
def bench_appends_100(tmp: Path, n: int, reps: int) -> list[Row]:
    ours, raw = [], []
    for rep in range(reps):
        profile = fresh_profile(tmp, f"a_ours_{rep}")
        # one clock for all streams: timestamps rise as they do in the app (a clock restarted per
        # stream scattered the created_at index and cost raw inserts more than half their speed)
        make = Envelopes(profile.user_id)
        streams = [make.session(100) for _ in range(n // 100)]
        store = profile.store
        t0 = time.perf_counter()
        for stream in streams:
            store.append_events(stream[0].aggregate_id, stream, 0)
        ours.append(time.perf_counter() - t0)
        profile.close()
        connection = fresh_raw(tmp, f"a_raw_{rep}")
        raw.append(raw_insert_batches(connection, [[raw_row(e) for e in s] for s in streams]))
        connection.close()
    return [Row("a", "append, 1 txn per aggregate of 100 events", n, statistics.median(ours),
                statistics.median(raw), target=">= 2x peer, >= 60% of raw")]


# --- (b) one-command transactions -----------------------------------------------------------------
def bench_commands(tmp: Path, answers: int, reps: int) -> list[Row]:
    rows = []
    service_s, store_s, raw_s, events_per_answer = [], [], [], []
    for rep in range(reps):
        profile = fresh_profile(tmp, f"b_service_{rep}")
        words = profile.service.create_words(
            [{"text": f"word{i}", "meaning": f"meaning {i}"} for i in range(min(answers, 1000))])
        session = profile.service.start_session("flashcard", words)
        before = profile.store.count()
        t0 = time.perf_counter()
        for i in range(answers):
            profile.service.answer(session, words[i % len(words)], i % 5 != 0, 2000 + i % 9000)
        service_s.append(time.perf_counter() - t0)
        events_per_answer.append((profile.store.count() - before) / answers)
        profile.close()

        # the store alone: an answer's three appends (session, progress, streak) in one txn
        profile = fresh_profile(tmp, f"b_store_{rep}")
        make = Envelopes(profile.user_id)
        session_events = make.session(answers + 1)
        commands = []
        progress_versions: dict[UUID, int] = {}
        streak = streak_stream_id(profile.user_id)
        for i, answered in enumerate(session_events[1:]):
            word = answered.event_data.word_id  # type: ignore[attr-defined]
            progress = ev.ProgressUpdated(user_id=profile.user_id, word_id=word, repetition_count=1,
                                          easiness_factor=2.5, interval_days=1,
                                          next_review_date=make.clock + timedelta(days=1))
            streak_data = ev.StreakUpdated(user_id=profile.user_id, consecutive_days=i + 1,
                                           last_study_date=datetime(2024, 5, 1, tzinfo=UTC))
            corr = answered.metadata.correlation_id
            progress_versions[word] = progress_versions.get(word, 0) + 1
            commands.append((answered,
                             make.make(progress_stream_id(profile.user_id, word), progress,
                                       progress_versions[word], corr, answered.event_id),
                             make.make(streak, streak_data, i + 1, corr, answered.event_id)))
        store = profile.store
        store.append_events(session_events[0].aggregate_id, session_events[:1], 0)
        t0 = time.perf_counter()
        for answered, progress_event, streak_event in commands:
            with store.transaction():
                store.append_events(answered.aggregate_id, [answered], answered.version - 1)
                store.append_events(progress_event.aggregate_id, [progress_event],
                                    progress_event.version - 1)
                store.append_events(streak, [streak_event], streak_event.version - 1)
        store_s.append(time.perf_counter() - t0)
        profile.close()

        connection = fresh_raw(tmp, f"b_raw_{rep}")
        batches = [[raw_row(e) for e in command] for command in commands]
        raw_s.append(raw_insert_batches(connection, batches))
        connection.close()
    per = statistics.median(events_per_answer)
    rows.append(Row("b", f"StudyService.answer ({per:.2f} events/txn), answers/s", answers,
                    statistics.median(service_s), statistics.median(raw_s), unit="txn/s"))
    rows.append(Row("b", "store only: 3 appends (QA+PU+SU) per txn, txn/s", answers,
                    statistics.median(store_s), statistics.median(raw_s), unit="txn/s"))
    return rows


# --- (c) batched import -----------------------------------------------------------------------------
def bench_import(tmp: Path, words: int, reps: int) -> list[Row]:
    ours, raw = [], []
    batches = max(1, words // 1000)
    for rep in range(reps):
        profile = fresh_profile(tmp, f"c_ours_{rep}")
        entries = [[{"text": f"w{b}-{i}", "meaning": f"意味 {b}-{i}", "category": "noun",
                     "tags": ["toeic", "daily"], "difficulty": 1 + i % 5} for i in range(1000)]
                   for b in range(batches)]
        t0 = time.perf_counter()
        for entry in entries:
            profile.service.create_words(entry)
        ours.append(time.perf_counter() - t0)
        make = Envelopes(profile.user_id)
        profile.close()
        rows = []
        for entry in entries:
            command = new_id()
            batch = []
            for fields in entry:
                word = new_id()
                batch.append(raw_row(make.make(word, ev.WordCreated(
                    word_id=word, text=fields["text"], meaning=fields["meaning"],
                    difficulty=fields["difficulty"], category=fields["category"],
                    tags=fields["tags"]), 1, command)))
            rows.append(batch)
        connection = fresh_raw(tmp, f"c_raw_{rep}")
        raw.append(raw_insert_batches(connection, rows))
        connection.close()
    return [Row("c", "import: create_words, 1,000 words per call (raw: event rows only)",
                batches * 1000, statistics.median(ours), statistics.median(raw))]


# --- (d) aggregate loads -----------------------------------------------------------------------------
def bench_loads(tmp: Path, sizes: list[int], small_aggregates: int, reps: int) -> list[Row]:
    profile = fresh_profile(tmp, "d_loads")
    make = Envelopes(profile.user_id)
    store = profile.store
    repository = Repository(store)
    streams: dict[int, UUID] = {}
    for size in sizes:
        stream = make.session(size)
        session_id = stream[0].aggregate_id
        for start in range(0, size, 100):
            store.append_events(session_id, stream[start:start + 100], start)
        at = size - LOAD_SNAPSHOT_TAIL
        state = StudySession(session_id).replay(
            [(e.version, e.event_id, e.event_data) for e in stream[:at]])
        store.save_snapshot(session_id, AggregateSnapshot(
            aggregate_id=session_id, aggregate_type=ev.STUDY_SESSION,
            snapshot_data=state.snapshot_state(), version=at, created_at=make.clock))
        streams[size] = session_id
    small = []
    for _ in range(small_aggregates):
        stream = make.session(100)
        store.append_events(stream[0].aggregate_id, stream, 0)
        small.append(stream[0].aggregate_id)
    raw = raw_connect(profile.path)
    loads = orjson.loads

    def raw_load(aggregate_id: UUID) -> int:
        rows = [(r, loads(r[5]), loads(r[6]))
                for r in raw.execute(RAW_BY_AGGREGATE, (aggregate_id.bytes,))]
        return len(rows)

    def raw_load_snapshot(aggregate_id: UUID) -> int:
        data, version = raw.execute(RAW_SNAPSHOT, (aggregate_id.bytes,)).fetchone()
        loads(data)
        return len([(r, loads(r[5]), loads(r[6]))
                    for r in raw.execute(RAW_TAIL, (aggregate_id.bytes, version))])

    out = []
    for size, session_id in streams.items():
        loops = max(1, 20_000 // size)  # enough loads to time
        for snapshot in (False, True):
            def ours(session_id: UUID = session_id, snapshot: bool = snapshot,
                     loops: int = loops) -> float:
                return timed(lambda: [repository.load(StudySession, session_id,
                                                      use_snapshot=snapshot)
                                      for _ in range(loops)])
            raw_fn = raw_load_snapshot if snapshot else raw_load

            def raw_run(session_id: UUID = session_id, raw_fn: Callable = raw_fn,
                        loops: int = loops) -> float:
                return timed(lambda: [raw_fn(session_id) for _ in range(loops)])
            assert repository.load(StudySession, session_id, use_snapshot=snapshot).version == size
            label = (f"load a {size:,}-event session, "
                     + (f"snapshot + {LOAD_SNAPSHOT_TAIL} events" if snapshot else "no snapshot"))
            out.append(Row("d", label, size * loops, median_seconds(ours, reps),
                           median_seconds(raw_run, reps), unit="events/s",
                           target=">= 5x peer" if not snapshot else ""))

    def ours_small() -> float:
        return timed(lambda: [repository.load(StudySession, a, use_snapshot=True) for a in small])

    def raw_small() -> float:
        return timed(lambda: [raw_load(a) for a in small])
    out.append(Row("d", "load 100-event sessions (the peer's shape)", 100 * len(small),
                   median_seconds(ours_small, reps), median_seconds(raw_small, reps),
                   target=">= 5x peer"))
    raw.close()
    profile.close()
    return out


# --- (e) rebuild and (f) open, on the big profile ------------------------------------------------------
def bench_history(tmp: Path, events: int, reps: int, rebuild_reps: int) -> list[Row]:
    cached = history.build_profile(events_target=events, seed=1)
    copy = tmp / "history_copy.effect.sqlite3"
    shutil.copyfile(cached, copy)
    out = []
    profile = open_profile(copy)
    total = profile.store.count()
    # reading the whole log raw: pages of 20,000, both JSON columns decoded
    raw = raw_connect(copy)
    loads = orjson.loads

    def raw_read_all() -> float:
        t0 = time.perf_counter()
        position, count = 0, 0
        while True:
            page = raw.execute(RAW_PAGE, (position, 20_000)).fetchall()
            if not page:
                break
            for r in page:
                loads(r[5])
                loads(r[6])
            count += len(page)
            position = page[-1][0]
        assert count == total
        return time.perf_counter() - t0

    raw_read = median_seconds(raw_read_all, reps)

    def ours_read_all() -> float:
        return timed(lambda: sum(1 for _ in profile.store.iter_all(0, 20_000)))

    out.append(Row("e", "read the whole log (store.iter_all, typed events)", total,
                   median_seconds(ours_read_all, reps), raw_read))
    raw.close()
    rebuild = median_seconds(lambda: timed(profile.projector.rebuild), rebuild_reps)
    out.append(Row("e", "full rebuild of the read models", total, rebuild, raw_read,
                   target=">= 100,000 events/s"))
    profile.close()

    def open_once() -> float:
        t0 = time.perf_counter()
        opened = open_profile(cached)
        seconds = time.perf_counter() - t0
        opened.close()
        return seconds
    open_once()  # the first open warms the OS cache; a cold start is a different question
    seconds = median_seconds(open_once, max(3, reps))
    out.append(Row("f", f"open_profile on the {total:,}-event profile (seconds)", 1, seconds,
                   unit="s", target="< 0.5 s"))
    return out


# --- the peer --------------------------------------------------------------------------------------
def run_peer(n: int, tmp: Path) -> dict[str, float]:
    """eventsourcing's figures (events/s) from peer_bench.py, keyed by its row ids."""
    out = tmp / "peer.json"
    print(f"running {PEER_BENCH.name} {n} --sections AB ...", flush=True)
    subprocess.run([sys.executable, str(PEER_BENCH), str(n), "--sections", "AB",
                    "--json", str(out), "--tmp", str(tmp)], check=True, stdout=subprocess.DEVNULL)
    return {r["id"]: r["eps"] for r in json.loads(out.read_text())["results"]}


# --- report ---------------------------------------------------------------------------------------
def fmt_rate(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:,.3f} s" if unit == "s" else f"{value:,.0f}"


def print_table(rows: list[Row], peer: dict[str, float]) -> None:
    head = (f"{'':2} {'what':<62} {'unit':>8} {'ours':>10} {'raw':>10} {'ours/raw':>8} "
            f"{'peer':>8} {'ours/peer':>9}  target")
    print("\n" + head + "\n" + "-" * len(head))
    for row in rows:
        if row.unit == "s":
            ours_v, raw_v = row.ours, None
        else:
            ours_v, raw_v = row.rate(row.ours), row.rate(row.raw)
        ratio = f"{ours_v / raw_v:.0%}" if ours_v and raw_v else "-"
        peer_v = row.peer_rate
        peer_ratio = f"{ours_v / peer_v:.2f}x" if ours_v and peer_v else "-"
        print(f"{row.section:2} {row.what:<62} {row.unit:>8} {fmt_rate(ours_v, row.unit):>10} "
              f"{fmt_rate(raw_v, row.unit):>10} {ratio:>8} {fmt_rate(peer_v, 'x'):>8} "
              f"{peer_ratio:>9}  {row.target}")
    print("\nraw = stdlib sqlite3 on our schema, WAL + synchronous=FULL, rows serialised ahead of "
          "time;\npeer = eventsourcing 9.5.6 (SQLite, library defaults) from peer_bench.py, "
          "same machine, same run.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small N: a smoke run of a minute")
    parser.add_argument("--peer", action="store_true", help="also run peer_bench.py (eventsourcing)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions (median)")
    parser.add_argument("--appends", type=int, help="events for (a) (default 100,000)")
    parser.add_argument("--history-events", type=int, help="profile size for (e)/(f) (1,000,000)")
    parser.add_argument("--sections", default="abcdef", help="subset of a-f")
    parser.add_argument("--tmp", type=Path, default=None, help="parent folder for the files")
    # --sqlite-module NAME is taken before the imports (sqlite_choice.py)
    args = parser.parse_args()
    appends = args.appends or (10_000 if args.quick else 100_000)
    history_events = args.history_events or (100_000 if args.quick else 1_000_000)
    answers = 200 if args.quick else 1000
    reps = 1 if args.quick else args.reps
    tmp = Path(tempfile.mkdtemp(prefix="bench_store_", dir=args.tmp))
    print(f"sqlite {sqlite3.sqlite_version}, python {sys.version.split()[0]}, files in {tmp}")
    rows: list[Row] = []
    try:
        peer = run_peer(appends, tmp) if args.peer else {}
        sections = args.sections.lower()
        steps = (
            ("a", lambda: bench_appends_100(tmp, appends, reps)),
            ("b", lambda: bench_commands(tmp, answers, reps)),
            ("c", lambda: bench_import(tmp, 2000 if args.quick else 10_000, reps)),
            ("d", lambda: bench_loads(tmp, [1000, 10_000], 100 if args.quick else 1000, reps)),
            ("e", lambda: bench_history(tmp, history_events, reps, 1)),
        )
        for key, step in steps:
            if key in sections or (key == "e" and "f" in sections):
                t0 = time.perf_counter()
                got = step()
                rows.extend(got)
                print(f"  ({key}) done in {time.perf_counter() - t0:.1f} s", flush=True)
        for row in rows:
            if row.section == "a":
                row.peer_rate = peer.get("A1")
            elif row.section == "d" and row.target:
                row.peer_rate = peer.get("A2")
        if peer:
            print(f"peer: eventsourcing append {peer.get('A1', 0):,.0f} ev/s, "
                  f"get {peer.get('A2', 0):,.0f} ev/s; raw sqlite3 per-aggregate "
                  f"sync=FULL {peer.get('B2f', 0):,.0f} ev/s (UUID4 text keys)")
        print_table(rows, peer)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Import, export and archiving speed, each beside raw sqlite3 doing the same work in the same run.

- CSV: a 50,000-row word list imported as one command (one durable
  transaction, read models included) against stdlib sqlite3 inserting the
  same number of event rows with the same durability (target > 20,000 rows/s).
- JSONL: the whole log of the history profile exported, then imported into an
  empty profile (target > 100,000 events/s each way); the import's figure is
  given with and without the read-model rebuild it includes, and the raw
  baseline is a SELECT of the same rows (export) or an executemany INSERT
  (import).
- Archive: profile size per 100,000 events before and after `compact` (both
  vacuumed), the JSON compression ratio, and a full replay (read-model
  rebuild) before and after (target: at most 5% slower).

The history profile comes from `history.py` (cached under /tmp).

    python3 tests/benchmarks/bench_interchange.py               # 1,000,000 events
    python3 tests/benchmarks/bench_interchange.py --events 100000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT, Path(__file__).resolve().parent):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import history  # noqa: E402

from effect_desktop.bootstrap import open_profile  # noqa: E402
from effect_desktop.interchange.csv_import import guess_mapping, table_candidates  # noqa: E402
from effect_desktop.interchange.importer import apply_import, plan_import  # noqa: E402
from effect_desktop.interchange.jsonl import export_events_to, import_events  # noqa: E402
from effect_desktop.interchange.word_table import read_word_table  # noqa: E402
from effect_desktop.persistence.archive import compact, vacuum  # noqa: E402
from effect_desktop.persistence.schema import metadata  # noqa: E402
from effect_desktop.persistence.sqlite import create_sqlite_engine  # noqa: E402

CSV_ROWS = 50_000


SETTLE_S = 10  # after os.sync(): the disk's own writeback of what the previous phase wrote is not this one's


def settled() -> None:
    """Each phase starts with the disk settled: a million-event import writes 1.2 GB (twice, through the
    WAL), and the next phase measured the kernel writing it back."""
    os.sync()
    time.sleep(SETTLE_S)


def timed(work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    settled()
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def raw_connection(path: Path) -> sqlite3.Connection:
    engine = create_sqlite_engine(path)
    metadata.create_all(engine)  # our events table and indexes
    engine.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def raw_insert(path: Path, rows: list[tuple]) -> float:
    connection = raw_connection(path)
    settled()
    start = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                           "metadata, created_at, version, schema_version) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def bench_csv(work: Path) -> None:
    path = work / "words.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("word,meaning,category,tags,difficulty\n")
        for i in range(CSV_ROWS):
            out.write(f"word{i},意味 {i} the meaning,noun,\"daily,toeic\",{i % 5 + 1}\n")
    profile = open_profile(work / "csv.effect.sqlite3")
    spent = {"read models": 0.0, "parse and check": 0.0}
    apply_read_models = profile.projector.apply

    def measured_apply(*args: object) -> None:  # the read models' share of the one command
        start = time.perf_counter()
        apply_read_models(*args)  # type: ignore[arg-type]
        spent["read models"] += time.perf_counter() - start

    class Measured:
        """The profile's projector with its `apply` timed; the rest (a rebuild, a scheduler switch
        taken up) as it is: a stand-in with `apply` alone broke on the import's `take_up_switch`."""

        apply = staticmethod(measured_apply)

        def __getattr__(self, name: str) -> object:
            return getattr(profile.projector, name)

    profile.service.read_models = Measured()  # type: ignore[assignment]

    def run() -> object:
        start = time.perf_counter()
        table = read_word_table(path)
        parsed = table_candidates(table, guess_mapping(table))
        plan = plan_import(profile.queries, parsed)
        spent["parse and check"] = time.perf_counter() - start
        return apply_import(profile.service, plan)

    ours, report = timed(run)
    profile.close()
    own = ours - spent["read models"]
    detail = (f"  of which parsing and checking {spent['parse and check']:.2f} s, read models "
          f"{spent['read models']:.2f} s; the import without the read models {own:.2f} s = "
          f"{CSV_ROWS / own:,.0f} rows/s")
    with sqlite3.connect(work / "csv.effect.sqlite3") as c:
        sample = c.execute("SELECT event_id, aggregate_id, aggregate_type, event_type, event_data, metadata, "
                           "created_at, version, schema_version FROM events").fetchall()
    import uuid
    rows = [(uuid.uuid4().bytes, uuid.uuid4().bytes, *r[2:]) for r in sample]
    raw = raw_insert(work / "csv-raw.sqlite3", rows)
    print(f"CSV import, {CSV_ROWS:,} rows in one command: {ours:.2f} s = {CSV_ROWS / ours:,.0f} rows/s "
          f"(target 20,000); raw sqlite3 insert of the same event rows {raw:.2f} s = {CSV_ROWS / raw:,.0f} rows/s; "
          f"ours/raw time {ours / raw:.1f}x; {report.created:,} words")  # type: ignore[attr-defined]
    print(detail)


def bench_jsonl(source: Path, work: Path) -> Path:
    profile = open_profile(source)
    n = profile.store.count()
    log = work / "log.jsonl"
    export_s, _ = timed(lambda: export_events_to(profile, log))
    profile.close()
    connection = sqlite3.connect(source)
    settled()
    start = time.perf_counter()
    with open(work / "raw.txt", "w") as out:
        for row in connection.execute("SELECT position, hex(event_id), hex(aggregate_id), aggregate_type, "
                                      "event_type, event_data, metadata, created_at, version FROM events "
                                      "ORDER BY position"):
            out.write(f"{row}\n")
    raw_export = time.perf_counter() - start
    connection.close()
    print(f"JSONL export, {n:,} events: {export_s:.1f} s = {n / export_s:,.0f} events/s (target 100,000); "
          f"raw sqlite3 select+write {raw_export:.1f} s = {n / raw_export:,.0f}/s; "
          f"ours/raw {export_s / raw_export:.1f}x; "
          f"file {log.stat().st_size / 2**20:,.0f} MiB")
    bare = open_profile(work / "bare.effect.sqlite3")
    bare.projector.rebuild = lambda *args, **kwargs: 0  # type: ignore[method-assign]  # events only
    append_s, _ = timed(lambda: import_events(bare, log))
    bare.close()
    target = work / "imported.effect.sqlite3"
    empty = open_profile(target)
    import_s, _ = timed(lambda: import_events(empty, log))
    empty.close()
    # the baseline's rows read only now: held through the imports above, a million rows' nine million
    # objects made every collection of the measured import's interpreter walk them
    with closing(sqlite3.connect(source)) as connection:
        rows = connection.execute("SELECT event_id, aggregate_id, aggregate_type, event_type, event_data, "
                                  "metadata, created_at, version, schema_version FROM events ORDER BY position"
                                  ).fetchall()
    raw_import = raw_insert(work / "raw-import.sqlite3", rows)
    del rows
    print(f"JSONL import, {n:,} events into an empty profile: events stored (checked, one transaction) in "
          f"{append_s:.1f} s = {n / append_s:,.0f} events/s (target 100,000); raw sqlite3 executemany "
          f"{raw_import:.1f} s = {n / raw_import:,.0f}/s; ours/raw {append_s / raw_import:.1f}x. With the "
          f"read-model rebuild in the same transaction: {import_s:.1f} s = {n / import_s:,.0f} events/s")
    return target


def bench_archive(source: Path, work: Path, reps: int = 2) -> None:
    plain_file = work / "plain.effect.sqlite3"
    packed_file = work / "packed.effect.sqlite3"
    shutil.copyfile(source, plain_file)
    shutil.copyfile(source, packed_file)
    plain = open_profile(plain_file)
    packed = open_profile(packed_file)
    n = plain.store.count()
    vacuum(plain.store)
    vacuum(packed.store)
    before = packed_file.stat().st_size
    now = datetime.now(UTC)
    compact_s, report = timed(lambda: compact(packed.store, now - timedelta(days=180), now))
    vacuum(packed.store)
    after = packed_file.stat().st_size
    replays: dict[str, list[float]] = {"plain": [], "packed": []}
    for _ in range(reps):  # interleaved, best of each: the machine is shared
        for name, profile in (("plain", plain), ("packed", packed)):
            profile.store.archive.forget()  # decompress again, as a fresh process would
            replays[name].append(timed(profile.projector.rebuild)[0])
    plain.close()
    packed.close()
    per = 100_000 / n
    print(f"Archive: {report.events:,} of {n:,} events compacted in {compact_s:.1f} s, JSON "  # type: ignore[attr-defined]
          f"{report.raw_bytes / 2**20:,.0f} MiB -> {report.compressed_bytes / 2**20:,.0f} MiB "  # type: ignore[attr-defined]
          f"({report.ratio:.1f}x); profile per 100,000 events {before * per / 2**20:,.1f} MiB -> "  # type: ignore[attr-defined]
          f"{after * per / 2**20:,.1f} MiB ({after / before:.0%})")
    best_plain, best_packed = min(replays["plain"]), min(replays["packed"])
    print(f"Replay (read-model rebuild) of {n:,} events, best of {reps}: uncompressed {best_plain:.1f} s, "
          f"compacted {best_packed:.1f} s ({best_packed / best_plain - 1:+.1%}; target at most +5%)")


def history_profile(path: Path, events: int, seed: int) -> Path:
    """The shared cached 1M profile; smaller ones are generated here (the cache lock may be held for long)."""
    if events >= 1_000_000:
        return history.build_profile(path, events, seed)
    profile = open_profile(path, catch_up=False)
    history.generate(profile.store, profile.user_id, events, seed)
    profile.projector.rebuild()
    profile.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", action="append", default=[], choices=["csv", "jsonl", "archive"])
    parser.add_argument("--source", type=Path, help="use a copy of this profile instead of history.py's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-interchange-") as folder:
        work = Path(folder)
        if "csv" not in args.skip:
            bench_csv(work)
        if not {"jsonl", "archive"} <= set(args.skip):
            source = work / "history.effect.sqlite3"
            if args.source:
                shutil.copyfile(args.source, source)
            else:
                history_profile(source, args.events, args.seed)
            if "jsonl" not in args.skip:
                bench_jsonl(source, work)
            if "archive" not in args.skip:
                bench_archive(source, work)


if __name__ == "__main__":
    main()

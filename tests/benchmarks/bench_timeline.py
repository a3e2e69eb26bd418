"""Timeline, time travel and scheduler replay on the 1,000,000-event profile.

Targets (issue 4): first page < 100 ms; any filter combination < 300 ms;
state as of any moment < 500 ms; scheduler replay >= 100,000 answers/s.
Each figure is printed beside a raw sqlite3 baseline measured in the same
run, as a ratio, so a slow machine shows as a slow baseline too.

    python3 tests/benchmarks/bench_timeline.py [--events N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from effect_desktop.bootstrap import open_profile  # noqa: E402
from effect_desktop.domain.scheduling.fsrs_scheduler import FSRSScheduler  # noqa: E402
from effect_desktop.domain.scheduling.sm2 import SM2Scheduler  # noqa: E402
from effect_desktop.timeline import scheduler_replay  # noqa: E402
from effect_desktop.timeline.entries import TimelineFilter  # noqa: E402
from effect_desktop.timeline.service import Timeline  # noqa: E402
from tests.benchmarks.history import build_profile  # noqa: E402


def timed(work: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median milliseconds over `repeat` runs (after one warm-up), and the last result."""
    result = work()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def row(label: str, ms: float, baseline_ms: float, target_ms: float | None = None) -> None:
    ratio = ms / baseline_ms if baseline_ms > 0 else float("inf")
    verdict = "" if target_ms is None else ("  OK" if ms < target_ms else f"  OVER {target_ms:.0f} ms")
    print(f"  {label:<46} {ms:8.1f} ms   raw sqlite3 {baseline_ms:7.1f} ms   x{ratio:6.1f}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", type=Path, help="use (a copy of) this built profile instead of the cached one")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_timeline_"))
    if args.profile:
        path = work / "bench.effect.sqlite3"
        shutil.copyfile(args.profile, path)
    else:
        path = build_profile(work / "bench.effect.sqlite3", args.events, args.seed)
    raw = sqlite3.connect(path)
    profile = open_profile(path)
    timeline = Timeline(profile)
    events = profile.store.count()
    print(f"profile: {path} ({events:,} events)")

    started = time.perf_counter()
    rebuilt = timeline.needs_rebuild()
    written = timeline.prepare()
    print(f"prepare (one-off{', with a read-model rebuild' if rebuilt else ''}): "
          f"{time.perf_counter() - started:.1f} s, {written} checkpoints written")

    print("timeline pages (newest first, 200 rows):")
    base_ms, _ = timed(lambda: raw.execute(
        "SELECT position, event_type, event_data, metadata FROM events ORDER BY position DESC LIMIT 200").fetchall())
    ms, page = timed(lambda: timeline.page())
    row("first page", ms, base_ms, 100)
    ms, _ = timed(lambda: timeline.page(before=page.entries[-1].position - 400_000))
    row("a page in the middle", ms, base_ms, 100)

    rng = random.Random(7)
    words = [w for w in profile.queries.words()]
    word = rng.choice(words)
    session = profile.queries.sessions(limit=1, offset=500)[0].session_id
    last_day = date.fromisoformat(timeline.queries.days()[0].day)
    old_month = (last_day - timedelta(days=1200), last_day - timedelta(days=1170))
    combos: dict[str, TimelineFilter] = {
        "type = answers": TimelineFilter(event_types=("QuestionAnswered",)),
        "type = rare (word edits)": TimelineFilter(event_types=("WordUpdated",)),
        "word": TimelineFilter(word_id=word.word_id),
        "session": TimelineFilter(session_id=session),
        "a month three years ago": TimelineFilter(first_day=old_month[0], last_day=old_month[1]),
        "text, one word": TimelineFilter(text=word.text),
        "text, many words ('ka')": TimelineFilter(text="ka"),
        "text, nothing matches": TimelineFilter(text="zzzzqq"),
        "type + word": TimelineFilter(event_types=("QuestionAnswered",), word_id=word.word_id),
        "type + old month": TimelineFilter(event_types=("SessionCompleted",), first_day=old_month[0],
                                           last_day=old_month[1]),
        "rare type + old month": TimelineFilter(event_types=("WordDeleted",), first_day=old_month[0],
                                                last_day=old_month[1]),
        "word + old month": TimelineFilter(word_id=word.word_id, first_day=old_month[0], last_day=old_month[1]),
        "text + type + month": TimelineFilter(text="ka", event_types=("ProgressUpdated",),
                                              first_day=old_month[0], last_day=old_month[1]),
        "type + session": TimelineFilter(event_types=("QuestionAnswered",), session_id=session),
    }
    print("filters (first page of each):")
    base_ms, _ = timed(lambda: raw.execute(
        "SELECT position FROM events WHERE event_type = 'WordUpdated' ORDER BY position DESC LIMIT 200").fetchall())
    worst = 0.0
    for label, timeline_filter in combos.items():
        ms, result = timed(lambda f=timeline_filter: timeline.page(f), repeat=3)
        worst = max(worst, ms)
        row(f"{label} ({len(result.entries)} rows)", ms, base_ms, 300)
    print(f"  worst filter: {worst:.1f} ms (target < 300 ms)")

    print("state as of a moment (checkpoint + tail replay):")
    first, last = timeline.queries.span()
    base_ms, _ = timed(lambda: raw.execute(
        "SELECT * FROM rm_words LEFT JOIN rm_progress USING (word_id)").fetchall(), repeat=3)
    samples = []
    for _ in range(12):
        moment = first + (last - first) * rng.random()
        started = time.perf_counter()
        past = timeline.state_at(moment)
        samples.append(((time.perf_counter() - started) * 1000, past.replayed, len(past.words)))
    samples.sort()
    median = samples[len(samples) // 2]
    row(f"median of 12 random moments ({median[2]:,} words)", median[0], base_ms, 500)
    row(f"slowest ({samples[-1][1]:,} events replayed)", samples[-1][0], base_ms, 500)
    started = time.perf_counter()
    now_state = timeline.state_at(last)
    row("as of the last event", (time.perf_counter() - started) * 1000, base_ms, 500)
    assert len(now_state.words) == profile.queries.word_count(), "as-of-now disagrees with the read models"

    print("scheduler replay (all first-attempt answers, folded per word):")
    started = time.perf_counter()
    raw_rows = raw.execute("SELECT word_id, answered_at, is_correct, response_time_ms, grade, utc_offset_minutes "
                           "FROM rm_answers WHERE attempt_number = 1 AND retracted = 0 "
                           "ORDER BY word_id, answered_at").fetchall()
    base_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    reviews = scheduler_replay.load_reviews(profile)
    load_ms = (time.perf_counter() - started) * 1000
    answers = sum(len(r) for r in reviews.values())
    row(f"reading {answers:,} answers ({len(raw_rows):,} raw)", load_ms, base_ms)
    day_start = profile.projector.day_start_hour
    for scheduler in (SM2Scheduler(day_start), FSRSScheduler(day_start)):
        _, seconds = scheduler_replay.replay(scheduler, reviews)
        rate = answers / seconds
        verdict = "OK" if rate >= 100_000 else "UNDER 100,000/s"
        print(f"  {scheduler.name:<6} fold: {seconds:6.2f} s = {rate:10,.0f} answers/s  {verdict}")
    started = time.perf_counter()
    preview = scheduler_replay.preview(profile, "fsrs", last)
    print(f"  FSRS preview incl. reading and due-queue diff: {time.perf_counter() - started:.2f} s; due now "
          f"{preview.due_now_before:,} -> {preview.due_now_after:,}, within a week {preview.due_week_before:,} -> "
          f"{preview.due_week_after:,}, {len(preview.moved):,} words move")
    profile.close()
    raw.close()


if __name__ == "__main__":
    main()

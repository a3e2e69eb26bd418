"""A realistic five-year history of one learner, for the benchmarks.

Going through `StudyService.answer` a million times would take most of an
hour, so this builds the very envelopes the service builds (same payloads,
same correlation and causation ids, same per-command appends, same snapshot
rule) and appends them through the real `SqlEventStore.append_events`, many
commands per transaction. Progress is real: each first attempt is folded by
the real `SM2Scheduler`, and `ProgressUpdated` is only written when the state
changed, as `WordProgress.schedule` does. Afterwards the real projector
rebuilds the read models, so the profile is exactly what the app would hold.

The built profile is cached under /tmp, keyed by the parameters and by the
schema and projection sources, so other benchmarks (timeline, statistics,
startup) can call `build_profile()` and get the same file in seconds.

    python3 tests/benchmarks/history.py [--events N] [--seed S] [--force]
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import heapq
import os
import random
import shutil
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from effect_desktop.bootstrap import open_profile  # noqa: E402
from effect_desktop.domain import events as ev  # noqa: E402
from effect_desktop.domain.events import DomainEvent, EventMetadata  # noqa: E402
from effect_desktop.domain.ids import progress_stream_id, streak_stream_id  # noqa: E402
from effect_desktop.domain.progress import NEVER_REVIEWED  # noqa: E402
from effect_desktop.domain.scheduling.base import Review, ReviewState  # noqa: E402
from effect_desktop.domain.scheduling.sm2 import SM2Scheduler  # noqa: E402
from effect_desktop.domain.scheduling.studyday import (  # noqa: E402
    DEFAULT_DAY_START_HOUR,
    day_as_datetime,
    study_day,
)
from effect_desktop.domain.session import StudySession  # noqa: E402
from effect_desktop.domain.streak import Streak, streak_after  # noqa: E402
from effect_desktop.persistence.sql_store import SqlEventStore  # noqa: E402
from effect_desktop.persistence.store import AggregateSnapshot  # noqa: E402

GENERATOR_VERSION = "1"
CACHE_DIR = Path(os.environ.get("EFFECT_BENCH_CACHE", "/tmp/effect_bench"))
UTC_OFFSET = 540  # the learner lives in Tokyo
LOCAL = timezone(timedelta(minutes=UTC_OFFSET))
YEARS = 5
FIRST_DAY = date(2020, 4, 1)
SNAPSHOT_EVERY = 100
EVENTS_PER_TRANSACTION = 50_000
WORDS_PER_MILLION = 20_000
AHEAD_DAYS = 14
# Sources whose change makes a cached profile stale.
_FINGERPRINTED = (
    "effect_desktop/persistence/schema.py",
    "effect_desktop/persistence/types.py",
    "effect_desktop/projections/tables.py",
    "effect_desktop/projections/handlers.py",
    "effect_desktop/domain/events.py",
)

CATEGORIES = ("noun", "verb", "adjective", "adverb", "phrase", "idiom", "business", "travel")
TAGS = ("toeic", "eiken-2", "eiken-pre1", "daily", "work", "travel", "food", "hard", "n-gram")
SYLLABLES = ("ka", "ri", "to", "mo", "ne", "su", "pa", "lo", "ven", "tor", "ish", "ble", "ment")


@dataclass
class _Word:
    id: UUID
    state: ReviewState
    progress: tuple | None = None  # last ProgressUpdated fields, to skip unchanged ones
    progress_version: int = 0
    version: int = 1
    deleted: bool = False


@dataclass
class _Stats:
    events: int = 0
    commands: int = 0
    answers: int = 0
    sessions: int = 0
    study_days: int = 0
    snapshots: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


class HistoryWriter:
    """Turns a simulated learner into envelopes and appends them, command by command."""

    def __init__(self, store: SqlEventStore, user_id: UUID, rng: random.Random,
                 day_start_hour: int = DEFAULT_DAY_START_HOUR) -> None:
        self.store = store
        self.user_id = user_id
        self.rng = rng
        self.day_start_hour = day_start_hour
        self.scheduler = SM2Scheduler(day_start_hour)
        self.stats = _Stats()
        self.streak = Streak(streak_stream_id(user_id))
        self._pending_in_txn = 0

    # --- ids and envelopes -------------------------------------------------------------
    def new_id(self, at: datetime) -> UUID:
        """A UUIDv7 for the simulated moment (deterministic for a seed), as `new_id` makes."""
        ms = int(at.timestamp() * 1000)
        value = ((ms << 80) | (0x7 << 76) | (self.rng.getrandbits(12) << 64)
                 | (0b10 << 62) | self.rng.getrandbits(62))
        return UUID(int=value)

    def envelope(self, event_id: UUID, aggregate_id: UUID, data: ev.EventData, version: int,
                 at: datetime, correlation_id: UUID, causation_id: UUID) -> DomainEvent:
        utc = at.astimezone(UTC)
        self.stats.by_type[data.event_type] = self.stats.by_type.get(data.event_type, 0) + 1
        return DomainEvent(
            event_id=event_id, aggregate_id=aggregate_id, aggregate_type=data.aggregate_type,
            event_type=data.event_type, event_data=data,
            metadata=EventMetadata(user_id=self.user_id, correlation_id=correlation_id,
                                   causation_id=causation_id, timestamp=utc,
                                   utc_offset_minutes=UTC_OFFSET),
            created_at=utc, version=version,
        )

    def append(self, aggregate_id: UUID, events: list[DomainEvent], expected: int) -> None:
        self.store.append_events(aggregate_id, events, expected)
        self.stats.events += len(events)
        self._pending_in_txn += len(events)

    def transaction_full(self) -> bool:
        if self._pending_in_txn >= EVENTS_PER_TRANSACTION:
            self._pending_in_txn = 0
            return True
        return False

    # --- commands ---------------------------------------------------------------------
    def create_words(self, at: datetime, count: int, first_index: int) -> list[_Word]:
        """One `create_words` command (an import or the day's additions)."""
        command = self.new_id(at)
        created = []
        for i in range(count):
            word_id = self.new_id(at)
            rng = self.rng
            text = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            data = ev.WordCreated(
                word_id=word_id, text=f"{text}{first_index + i}",
                meaning=f"意味 {first_index + i}: " + " ".join(
                    rng.choice(SYLLABLES) for _ in range(rng.randint(2, 8))),
                difficulty=rng.randint(1, 5), category=rng.choice(CATEGORIES),
                tags=rng.sample(TAGS, rng.randint(0, 3)),
            )
            envelope = self.envelope(self.new_id(at), word_id, data, 1, at, command, command)
            self.append(word_id, [envelope], 0)
            created.append(_Word(word_id, self.scheduler.initial()))
        self.stats.commands += 1
        return created

    def edit_word(self, at: datetime, word: _Word) -> None:
        command = self.new_id(at)
        data = ev.WordUpdated(word_id=word.id, changes={
            "meaning": "改訂 " + " ".join(self.rng.choice(SYLLABLES) for _ in range(4))})
        self.append(word.id, [self.envelope(self.new_id(at), word.id, data, word.version + 1,
                                            at, command, command)], word.version)
        word.version += 1
        self.stats.commands += 1

    def delete_word(self, at: datetime, word: _Word) -> None:
        command = self.new_id(at)
        data = ev.WordDeleted(word_id=word.id)
        self.append(word.id, [self.envelope(self.new_id(at), word.id, data, word.version + 1,
                                            at, command, command)], word.version)
        word.version += 1
        word.deleted = True
        self.stats.commands += 1

    def session(self, start: datetime, words: list[_Word]) -> datetime:
        """Start, answer every word (wrong ones again, up to three attempts), complete."""
        rng = self.rng
        session_id = self.new_id(start)
        mode = rng.choices(list(ev.LearningMode), weights=(6, 3, 1))[0]
        command = self.new_id(start)
        started = ev.SessionStarted(session_id=session_id, user_id=self.user_id,
                                    word_ids=[w.id for w in words], mode=mode)
        aggregate = StudySession(session_id)
        self._session_append(aggregate, started, start, command, command)
        now = start
        queue = [(w, 1) for w in words]
        total = correct = 0
        while queue:
            word, attempt = queue.pop(0)
            now += timedelta(milliseconds=rng.randint(800, 4000))
            ok = rng.random() < _p_correct(word.state, attempt)
            ms = int(min(rng.lognormvariate(8.3, 0.6), 120_000))
            now += timedelta(milliseconds=ms)
            grade = None
            if mode is ev.LearningMode.FLASHCARD and rng.random() < 0.4:
                grade = (ev.Grade.AGAIN if not ok else
                         rng.choices((ev.Grade.HARD, ev.Grade.GOOD, ev.Grade.EASY), (1, 5, 2))[0])
            self.answer(aggregate, word, attempt, ok, ms, grade, now)
            total += 1
            correct += ok
            if not ok and attempt < 3:
                queue.insert(min(len(queue), rng.randint(3, 12)), (word, attempt + 1))
        now += timedelta(seconds=rng.randint(2, 20))
        command = self.new_id(now)
        done = ev.SessionCompleted(session_id=session_id, total_questions=total,
                                   correct_answers=correct,
                                   duration_seconds=max(0, int((now - start).total_seconds())))
        self._session_append(aggregate, done, now, command, command)
        self.stats.sessions += 1
        return now

    def answer(self, session: StudySession, word: _Word, attempt: int, ok: bool, ms: int,
               grade: ev.Grade | None, now: datetime) -> None:
        """The events of one `StudyService.answer`, in its order, in its aggregates."""
        command = self.new_id(now)
        answered = ev.QuestionAnswered(session_id=session.id, word_id=word.id, is_correct=ok,
                                       response_time_ms=ms, attempt_number=attempt, grade=grade)
        answer_id = self._session_append(session, answered, now, command, command)
        self.stats.answers += 1
        self.stats.commands += 1
        if attempt == 1:  # SM-2: in-session repeats do not move the schedule
            utc = now.astimezone(UTC)
            word.state = self.scheduler.review(word.state, Review(utc, ok, ms, grade, UTC_OFFSET))
            s = word.state
            fields = (s.repetition_count, s.easiness_factor, s.interval_days,
                      s.next_review_date or NEVER_REVIEWED)
            if fields != word.progress:
                word.progress = fields
                data = ev.ProgressUpdated(user_id=self.user_id, word_id=word.id,
                                          repetition_count=fields[0], easiness_factor=fields[1],
                                          interval_days=fields[2], next_review_date=fields[3])
                stream = progress_stream_id(self.user_id, word.id)
                envelope = self.envelope(self.new_id(now), stream, data,
                                         word.progress_version + 1, now, command, answer_id)
                self.append(stream, [envelope], word.progress_version)
                word.progress_version += 1
                if word.progress_version % SNAPSHOT_EVERY == 0:
                    self._snapshot(stream, ev.WORD_PROGRESS,
                                   {"state": data.model_dump(mode="json")},
                                   word.progress_version, now)
        day = study_day(now, UTC_OFFSET, self.day_start_hour)
        consecutive = streak_after(self.streak.consecutive_days, self.streak.last_study_day, day)
        if consecutive is not None:
            data = ev.StreakUpdated(user_id=self.user_id, consecutive_days=consecutive,
                                    last_study_date=day_as_datetime(day))
            expected = self.streak.version
            event_id = self.new_id(now)
            self.append(self.streak.id, [self.envelope(event_id, self.streak.id, data,
                                                       expected + 1, now, command, answer_id)],
                        expected)
            self.streak.replay([(expected + 1, event_id, data)])
            if self.streak.version % SNAPSHOT_EVERY == 0:
                self._snapshot(self.streak.id, ev.STREAK, self.streak.snapshot_state(),
                               self.streak.version, now)

    def _session_append(self, session: StudySession, data: ev.EventData, at: datetime,
                        correlation: UUID, causation: UUID) -> UUID:
        event_id = self.new_id(at)
        expected = session.version
        self.append(session.id, [self.envelope(event_id, session.id, data, expected + 1, at,
                                               correlation, causation)], expected)
        session.replay([(expected + 1, event_id, data)])
        if session.version % SNAPSHOT_EVERY == 0:
            self._snapshot(session.id, ev.STUDY_SESSION, session.snapshot_state(),
                           session.version, at)
        return event_id

    def _snapshot(self, aggregate_id: UUID, aggregate_type: str, state: dict, version: int,
                  at: datetime) -> None:
        """What `Repository.snapshot_if_due` writes when a stream crosses a multiple of 100."""
        self.store.save_snapshot(aggregate_id, AggregateSnapshot(
            aggregate_id=aggregate_id, aggregate_type=aggregate_type, snapshot_data=state,
            version=version, created_at=at.astimezone(UTC)))
        self.stats.snapshots += 1


def _p_correct(state: ReviewState, attempt: int) -> float:
    if attempt > 1:
        return 0.7
    if state.reviews == 0:
        return 0.5
    return min(0.85, 0.6 + 0.04 * state.repetition_count)


def _study_days(rng: random.Random) -> Iterator[tuple[int, date]]:
    """Every day of five years, minus ~8% skipped days and a few holidays."""
    total = (FIRST_DAY.replace(year=FIRST_DAY.year + YEARS) - FIRST_DAY).days
    holiday_until = -1
    for n in range(total):
        if n <= holiday_until:
            continue
        if rng.random() < 0.004:
            holiday_until = n + rng.randint(3, 14)
            continue
        if rng.random() < 0.08:
            continue
        yield n, FIRST_DAY + timedelta(days=n)


def generate(store: SqlEventStore, user_id: UUID, events_target: int, seed: int,
             report_every: int = 200_000) -> _Stats:
    rng = random.Random(seed)
    writer = HistoryWriter(store, user_id, rng)
    n_words = max(200, events_target * WORDS_PER_MILLION // 1_000_000)
    days = list(_study_days(rng))
    add_days = int(len(days) * 0.8)  # new words keep coming for four of the five years
    first_import = min(n_words, max(100, n_words // 5))
    daily_words = (n_words - first_import) / max(1, add_days)
    # Per first attempt: QuestionAnswered + ProgressUpdated, plus ~0.25 repeats.
    events_per_review = 2.25
    words: list[_Word] = []
    unseen: deque[_Word] = deque()  # created, never reviewed (oldest first)
    due: list[tuple[datetime, int, _Word]] = []  # (next review, tiebreak, word)
    tiebreak = 0
    added = 0.0
    next_report = report_every
    t0 = time.perf_counter()
    outer = store.transaction()
    outer.__enter__()
    try:
        for i, (_n, day) in enumerate(days):
            morning = datetime.combine(day, datetime.min.time(), LOCAL) + timedelta(
                hours=7, minutes=rng.randint(0, 60))
            # new words: one import on the first day, then a few each day
            want = first_import if i == 0 else 0
            if 0 < i <= add_days:
                added += daily_words
                want = int(added) - (len(words) - first_import)
                if rng.random() < 0.01:  # an occasional big import, borrowed from later days
                    want += min(300, n_words - len(words) - want)
            want = min(want, n_words - len(words))
            at = morning - timedelta(minutes=30)
            while want > 0:
                batch = min(want, 1000)
                created = writer.create_words(at, batch, len(words))
                words.extend(created)
                unseen.extend(created)
                want -= batch
            if rng.random() < 0.03 and words:
                writer.edit_word(at, rng.choice(words))
            if rng.random() < 0.01 and words:
                victim = rng.choice(words)
                if not victim.deleted:
                    writer.delete_word(at, victim)
            # today's reviews: due words first, then new ones, then reviews ahead
            remaining_days = len(days) - i
            budget = events_target - writer.stats.events - (n_words - len(words))
            quota = max(5, int(budget / remaining_days / events_per_review))
            noon = (morning + timedelta(hours=12)).astimezone(UTC)
            today: list[_Word] = []
            while due and len(today) < quota and due[0][0] <= noon:
                word = heapq.heappop(due)[2]
                if not word.deleted:
                    today.append(word)
            new_cap = max(10, quota // 3)
            while unseen and len(today) < quota and new_cap > 0:
                word = unseen.popleft()
                new_cap -= 1
                if not word.deleted:
                    today.append(word)
            soon = noon + timedelta(days=AHEAD_DAYS)  # a little review ahead, never far
            while due and len(today) < quota and due[0][0] <= soon:
                word = heapq.heappop(due)[2]
                if not word.deleted:
                    today.append(word)
            rng.shuffle(today)
            sessions = rng.choice((1, 2, 3, 3, 4))
            size = -(-len(today) // sessions)
            start = morning
            for s in range(sessions):
                chunk = today[s * size:(s + 1) * size]
                if not chunk:
                    break
                end = writer.session(start, chunk)
                start = max(end + timedelta(minutes=20),
                            start + timedelta(hours=rng.randint(3, 5), minutes=rng.randint(0, 59)))
            for word in today:
                if not word.deleted:
                    tiebreak += 1
                    heapq.heappush(due, (word.state.next_review_date, tiebreak, word))
            writer.stats.study_days += 1
            if writer.transaction_full():
                outer.__exit__(None, None, None)
                outer = store.transaction()
                outer.__enter__()
            if writer.stats.events >= next_report:
                next_report += report_every
                rate = writer.stats.events / (time.perf_counter() - t0)
                print(f"  {writer.stats.events:>9,} events, day {i + 1}/{len(days)} "
                      f"({rate:,.0f} events/s)", flush=True)
    except BaseException:
        outer.__exit__(*sys.exc_info())
        raise
    outer.__exit__(None, None, None)
    return writer.stats


# --- the cached profile -------------------------------------------------------------------------
def cache_key(events_target: int, seed: int) -> str:
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    for name in _FINGERPRINTED:
        path = ROOT / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return f"history-{events_target}-{seed}-{digest.hexdigest()[:12]}"


def build_profile(path: Path | None = None, events_target: int = 1_000_000, seed: int = 1,
                  force: bool = False, quiet: bool = False) -> Path:
    """The cached profile for these parameters, built first if needed.

    With `path`, the cached file is copied there (so a benchmark can write to
    its own copy); without it, the cached file itself is returned: open it
    read-mostly and do not change it."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cached = CACHE_DIR / f"{cache_key(events_target, seed)}.effect.sqlite3"
    with open(CACHE_DIR / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one builder at a time; others wait and reuse
        if force or not cached.exists():
            _build(cached, events_target, seed, quiet)
    if path is None:
        return cached
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, path)
    return path


def _build(target: Path, events_target: int, seed: int, quiet: bool) -> None:
    say = (lambda *a, **k: None) if quiet else print
    partial = target.with_suffix(".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    say(f"building a {events_target:,}-event history (seed {seed}) in {partial} ...", flush=True)
    t0 = time.perf_counter()
    profile = open_profile(partial, catch_up=False)
    try:
        stats = generate(profile.store, profile.user_id, events_target, seed)
        t1 = time.perf_counter()
        say(f"appended {stats.events:,} events in {t1 - t0:.1f} s "
            f"({stats.events / (t1 - t0):,.0f} events/s): {stats.study_days} study days, "
            f"{stats.sessions:,} sessions, {stats.answers:,} answers, "
            f"{stats.snapshots} snapshots", flush=True)
        say("  by type: " + ", ".join(f"{k} {v:,}" for k, v in sorted(stats.by_type.items())))
        profile.projector.rebuild()
        t2 = time.perf_counter()
        say(f"rebuilt the read models in {t2 - t1:.1f} s "
            f"({stats.events / (t2 - t1):,.0f} events/s)", flush=True)
    finally:
        profile.close()
    connection = sqlite3.connect(partial)  # fold the WAL into the file before it is shared
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    os.replace(partial, target)
    size = target.stat().st_size / 2**20
    say(f"generation took {time.perf_counter() - t0:.1f} s; {target} ({size:,.0f} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="about how many events")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    parser.add_argument("--copy-to", type=Path, help="also copy the profile here")
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = build_profile(args.copy_to, args.events, args.seed, force=args.force)
    print(f"profile: {path} (ready in {time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()

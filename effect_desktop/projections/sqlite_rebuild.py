"""Rebuilding the read models on SQLite table by table, instead of event by event.

A rebuild through the handlers decodes every event into pydantic models and
touches about six cached rows per answer: on a million events that was over a
minute. Here SQLite does the bulk of the work in its own engine: the answer,
timeline, session and daily tables are filled by INSERT ... SELECT over the
JSON of the log (json_extract), and Python only runs the folds that need it:
the few word events (through the very handlers live updates use, so search
keys and tags are normalised by the same code), each word's schedule (through
the scheduler, over its first attempts in answer-time order) and the
statistics facets, the last two in a second thread while SQLite works.
On a million events: 80 s through the handlers, 19 s here.

It must give exactly the rows incremental updating gives, row for row: every
rule of `handlers.py` and `timeline/recorder.py` is restated here as SQL and
named where it is. The property test that compares a rebuild with live
updating runs through this path, as does `verify`'s comparison.

Each event's JSON is decoded once, by the extraction statements (`_EXTRACT`),
into narrow work tables that every later statement reads. They run over each
part of the log in turn (rebuild_sources.py): the events table, and archived
events read in place from their compressed segments, so a compacted log
rebuilds as fast as a plain one. Events stored under an older schema version
are restored as current JSON first.
"""

from __future__ import annotations

import functools
import itertools
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager
from datetime import date, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from pydantic_core import to_json

from ..domain import events as ev
from ..domain.events import Grade
from ..domain.scheduling.base import Review, Scheduler
from ..persistence.errors import EventUnreadable
from ..persistence.schema import events as events_table
from ..persistence.sql_store import SqlEventStore
from ..persistence.sqlite_read import utc_from_text
from ..persistence.sqlite_values import utc_text
from ..timeline import recorder
from ..timeline.scheduler_choice import SelectedScheduler, UnknownScheduler, greatest_choice, scheduler_named
from . import handlers, statistics_handlers
from .cache import ReadModelCache
from .rebuild_sources import LOG_COLUMNS, LogSources
from .sqlite_writer import SqliteTableWriter
from .statistics_handlers import ALL_WORDS, RESPONSE_BUCKET_EDGES_MS
from .tables import LEARNER, READ_MODELS

Step = Callable[[int], None]  # called after each phase with the number of phases done

WORD_EVENTS = ("WordCreated", "WordUpdated", "WordDeleted", "WordRestored")

EXTRACT_STEPS = 7  # of PHASES, one per extraction statement: decoding the log is about a third of a rebuild
PHASES = EXTRACT_STEPS + 8


class RebuildFailed(Exception):
    """The log holds something the rebuild cannot project; the message says what."""


def _uuid_blob(text: str | None) -> bytes | None:
    """A JSON id as its 16-byte key; anything else fails the statement (see `_refuse_damaged`)."""
    if text is None:
        return None
    key = bytes.fromhex(text.replace("-", ""))
    if len(key) != 16:
        raise ValueError(f"not a UUID: {text!r}")
    return key


def _utc_text_of(text: str | None) -> str | None:
    """`utc_text` of the timestamp as pydantic parses it, for shapes the SQL does not rewrite."""
    return None if text is None else utc_text(datetime.fromisoformat(text))


def _at(ts: str) -> str:
    """SQL for the read models' UTC text of a JSON timestamp (`utc_text` of the parsed value).

    pydantic writes UTC instants as `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`; those two shapes are
    rewritten by SQLite itself, anything else goes through Python."""
    return (f"CASE WHEN length({ts}) = 27 AND substr({ts}, 27) = 'Z' "
            f"THEN substr({ts}, 1, 10) || ' ' || substr({ts}, 12, 15) "
            f"WHEN length({ts}) = 20 AND substr({ts}, 20) = 'Z' "
            f"THEN substr({ts}, 1, 10) || ' ' || substr({ts}, 12, 8) || '.000000' "
            f"ELSE ed_utc_text({ts}) END")


def _day(ts: str, offset: str) -> str:
    """SQL for `studyday.study_day`: the wall time shifted back by the day-start hour, as a date."""
    return f"date({ts}, (coalesce({offset}, 0) - :shift) || ' minutes')"


_BAND = "CASE " + " ".join(f"WHEN ms < {edge} THEN {band}" for band, edge in
                           enumerate(RESPONSE_BUCKET_EDGES_MS)) + f" ELSE {len(RESPONSE_BUCKET_EDGES_MS)} END"


_WORD_EVENTS = {f"w{n}": event_type for n, event_type in enumerate(WORD_EVENTS)}

_UUID = "{function}(json_extract({doc}, '$.{field}'))"
# Ids that recur through the log (20,000 words and a few thousand sessions in half a million answers)
# are converted once each through a memo (`ed_uuid_seen`); the callback was most of decoding an answer.
_RECURRING = ("word_id", "session_id")
# SQLite 3.41 and later convert ids themselves (unhex): no Python callback per id, so the statements
# run without the interpreter lock, and the word fold runs beside them (see `_run`). The SQLite of
# Python's installers for Windows and macOS has it; Debian 12's (3.40) does not.
NATIVE_UNHEX = sqlite3.sqlite_version_info >= (3, 41, 0)
# unhex() says NULL for text that is not hex, where the callback failed: an id present but not
# hex becomes x'', which the work tables' CHECK refuses, as any id not 16 bytes long.
_UNHEX = "coalesce(unhex({json}, '-'), CASE WHEN {json} IS NOT NULL THEN x'' END)"


def _id(field: str, doc: str = "event_data", *, native: bool = False) -> str:
    if native:
        return _UNHEX.format(json=f"json_extract({doc}, '$.{field}')")
    return _UUID.format(function="ed_uuid_seen" if field in _RECURRING else "ed_uuid", doc=doc, field=field)


_TS = "json_extract(metadata, '$.timestamp')"
_OFF = "json_extract(metadata, '$.utc_offset_minutes')"


def _work_tables(native: bool) -> tuple[str, ...]:
    """The work tables the extraction fills (in log order); with native ids, each id column checks
    that it holds a 16-byte id (see _UNHEX)."""
    def blob(name: str) -> str:
        return f"{name} BLOB CHECK (length({name}) = 16)" if native else f"{name} BLOB"

    return (
        f"ed_word_rows ({LOG_COLUMNS})",
        f"ed_q (position INTEGER, event_id BLOB, {blob('session_id')}, {blob('word_id')}, {blob('cause_id')}, "
        "ts TEXT, off INTEGER, is_correct INTEGER, ms INTEGER, attempt INTEGER, grade TEXT, sv INTEGER)",
        f"ed_retractions (position INTEGER, {blob('answer_id')}, {blob('word_id')}, {blob('session_id')}, "
        f"{blob('cause_id')}, ts TEXT, off INTEGER, event_id BLOB)",
        f"ed_started (position INTEGER, {blob('session_id')}, mode TEXT, word_ids TEXT, ts TEXT, off INTEGER)",
        f"ed_completed (position INTEGER, {blob('session_id')}, at TEXT, day TEXT, seconds INTEGER)",
        "ed_created (day TEXT)",
        f"ed_x (position INTEGER, event_type TEXT, ts TEXT, off INTEGER, {blob('word_id')}, {blob('session_id')}, "
        f"{blob('cause_id')}, {blob('subject_id')}, text TEXT, sv INTEGER)",
    )


def _extraction(native: bool) -> tuple[str, ...]:
    """The statements filling the work tables from one part of the log: {rows} (aliased s),
    {event_id} and {full} come from rebuild_sources.Source."""
    def uid(field: str, doc: str = "event_data") -> str:
        return _id(field, doc, native=native)

    return (
        "INSERT INTO ed_word_rows SELECT * FROM {full} WHERE event_type IN (:w0, :w1, :w2, :w3)",
        f"INSERT INTO ed_q SELECT position, {{event_id}}, {uid('session_id')}, {uid('word_id')}, "
        f"{uid('causation_id', 'metadata')}, {_TS}, {_OFF}, json_extract(event_data, '$.is_correct'), "
        "json_extract(event_data, '$.response_time_ms'), json_extract(event_data, '$.attempt_number'), "
        "json_extract(event_data, '$.grade'), schema_version FROM {rows} AS s WHERE event_type = 'QuestionAnswered'",
        f"INSERT INTO ed_retractions SELECT position, {uid('answer_event_id')}, {uid('word_id')}, "
        f"{uid('session_id')}, {uid('causation_id', 'metadata')}, {_TS}, {_OFF}, {{event_id}} "
        "FROM {rows} AS s WHERE event_type = 'AnswerRetracted'",
        f"INSERT INTO ed_started SELECT position, {uid('session_id')}, json_extract(event_data, '$.mode'), "
        f"json_extract(event_data, '$.word_ids'), {_TS}, {_OFF} FROM {{rows}} AS s WHERE event_type = 'SessionStarted'",
        f"INSERT INTO ed_completed SELECT position, {uid('session_id')}, {_at('ts')}, {_day('ts', 'off')}, "
        f"json_extract(event_data, '$.duration_seconds') FROM (SELECT position, event_data, {_TS} AS ts, "
        f"{_OFF} AS off FROM {{rows}} AS s WHERE event_type = 'SessionCompleted')",
        f"INSERT INTO ed_created SELECT {_day('ts', 'off')} FROM (SELECT {_TS} AS ts, {_OFF} AS off "
        "FROM {rows} AS s WHERE event_type = 'WordCreated')",
        f"INSERT INTO ed_x SELECT position, event_type, {_TS}, {_OFF}, {uid('word_id')}, {uid('session_id')}, "
        f"{uid('causation_id', 'metadata')}, CASE event_type WHEN 'AnswerRetracted' THEN {uid('answer_event_id')} "
        "END, CASE event_type WHEN 'WordCreated' THEN json_extract(event_data, '$.text') END, schema_version "
        "FROM {rows} AS s WHERE event_type <> 'QuestionAnswered'",
    )


_WORK_TABLES = {native: _work_tables(native) for native in (False, True)}
_EXTRACT = {native: _extraction(native) for native in (False, True)}


# recorder._retraction: a change an undo caused belongs to the undo's word and session. Looked up only
# for the rows no answer caused (a CASE, not a join: a join probed its index for every derived row).
_UNDONE = ("CASE WHEN a.event_id IS NULL AND x.cause_id IS NOT NULL AND x.event_type IN ('ProgressUpdated', "
           "'StreakUpdated') THEN (SELECT r.{column} FROM ed_retractions r WHERE r.event_id = x.cause_id) END")


class _WordFold(NamedTuple):
    writes: list[tuple[str, list[tuple[Any, ...]]]]  # rm_words and rm_word_tags, as statements and parameters
    versions: list[tuple[Any, ...]]  # ed_versions rows
    facets: list[tuple[int, str]]  # ed_version_facets rows
    notes: list[tuple[int, str]]  # ed_notes rows


class SqliteRebuild:
    def __init__(self, connection: sa.Connection, store: SqlEventStore, day_start_hour: int,
                 scheduler: Scheduler) -> None:
        self.connection = connection
        self.store = store
        self.day_start_hour = day_start_hour
        self.scheduler = scheduler
        self.driver: sqlite3.Connection = connection.connection.driver_connection  # type: ignore[assignment]
        self.params = {"shift": 60 * day_start_hour}
        self.interrupted = False
        self.native = NATIVE_UNHEX  # read here, so a test can take the other path on any SQLite

    def run(self, step: Step, meanwhile: Callable[[], None] = lambda: None) -> None:
        """Fill the (empty, unindexed) read models from the whole log.

        The schedule fold is pure Python and the rest, once the JSON is decoded,
        pure SQL, which runs without holding the interpreter lock: so the fold runs
        in a second thread while SQLite fills the counters and, through `meanwhile`,
        builds the indexes. (Statements that call back into Python for ids run
        before it starts: a callback would wait for the lock on every row.)"""
        self.driver.create_function("ed_uuid", 1, _uuid_blob, deterministic=True)
        seen = functools.lru_cache(maxsize=None)(_uuid_blob)
        self.driver.create_function("ed_uuid_seen", 1, seen, deterministic=True)
        self.driver.create_function("ed_utc_text", 1, _utc_text_of, deterministic=True)
        try:
            with self._noting_interrupts():
                self._run(step, meanwhile)
        except sa.exc.DBAPIError:
            if self.interrupted:  # Ctrl+C landed in an id callback, which SQLite reports as its failure
                raise KeyboardInterrupt from None
            raise
        finally:
            seen.cache_clear()  # the connection outlives the rebuild, and so would the memo

    @contextmanager
    def _noting_interrupts(self) -> Iterator[None]:
        """Ctrl+C (on the main thread) noted before it is raised: raised inside an id callback, it
        reached us as "user-defined function raised exception", which the extraction took for a
        damaged event and looked for it through the whole log (13 s on a million events) before
        stopping."""
        self.interrupted = False
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.getsignal(signal.SIGINT)

        def noted(signum: int, frame: Any) -> None:
            self.interrupted = True
            if callable(previous):
                previous(signum, frame)
            elif previous != signal.SIG_IGN:
                raise KeyboardInterrupt

        signal.signal(signal.SIGINT, noted)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    def _run(self, step: Step, meanwhile: Callable[[], None]) -> None:
        with self._temporary(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebuild-fold") as pool:
            early: list[Future[_WordFold]] = []

            def words_extracted() -> None:
                # With native ids the statements still to come hold no interpreter lock: the word
                # fold (a second on a million events) runs beside them. With callbacks it would make
                # every callback wait for the lock, so it waits for them instead.
                if self.native:
                    early.append(pool.submit(self._fold_words, self._word_rows()))

            again = self._extract(step, words_extracted)
            fold = early[0].result() if early and not again else self._fold_words(self._word_rows())
            self._write_words(fold)
            step(EXTRACT_STEPS + 1)
            with_callbacks: list[Callable[[], None]] = [self._answers, self._sessions, self._timeline]
            for done, phase in enumerate(with_callbacks, start=EXTRACT_STEPS + 2):
                phase()
                step(done)
            scheduler = self._final_scheduler()
            reviews = self._x("SELECT word_id, at, is_correct, ms, grade, coalesce(off, 0) FROM ed_answers "
                              "WHERE attempt = 1 AND retracted_by IS NULL ORDER BY word_id, at, event_id").fetchall()
            counted = self._counted()  # fetched before the fold starts: both need the interpreter
            folded = pool.submit(self._fold_schedules, scheduler, reviews)
            summed = pool.submit(self._sum_facets, *counted)
            pure_sql: list[Callable[[], None]] = [self._answer_tables, self._daily, self._timeline_days]
            for done, phase in enumerate(pure_sql, start=EXTRACT_STEPS + 1 + len(with_callbacks) + 1):
                phase()
                step(done)
            meanwhile()
            self._write_schedules(*folded.result())
            self._write_facets(summed.result())
            # After the fold, not beside it: reading rows takes the interpreter lock once per row,
            # and each time waited for the fold thread to let go (a second on a million events).
            self._streak()
            step(PHASES)

    # --- the log: each event's JSON decoded once, into narrow work tables ------------------------
    def _extract(self, step: Step, words_extracted: Callable[[], None]) -> bool:
        """What every later statement needs of the log, from each part of it in position order
        (rebuild_sources.py): word events whole, and of the others the fields the read models use,
        ids as 16-byte keys and timestamps as they will be stored. The work tables grow in log
        order, as one scan would fill them. Reports EXTRACT_STEPS steps as the statements run (a
        cancel is honoured between any two).

        Events stored under an older schema version must be upcast first. They are rare, and
        looking for them took a scan of the whole log (a second on a million events), so the
        extraction assumes there are none and checks its own narrow tables afterwards (every
        event is in ed_q or ed_x); if there are, or if the statements could not read them at all,
        it starts again with them restored as current JSON, and says so (True).

        `words_extracted` is called, on the first pass, once every word event is in ed_word_rows."""
        for ddl in _WORK_TABLES[self.native]:
            self._x(f"CREATE TEMP TABLE {ddl}")
        reached = [0]

        def forward(done: int) -> None:  # a second pass does not move the bar back
            reached[0] = max(reached[0], done)
            step(reached[0])

        try:
            self._extract_from([], forward, words_extracted)
            stale = self._stale_extracted()
        except sa.exc.DBAPIError as error:  # an older payload the statements cannot read: find out which
            if self.interrupted:
                raise
            stale = self._stale_versions()
            if not stale:
                self._refuse_damaged(error)
                raise
        if not stale:
            return False
        for ddl in _WORK_TABLES[self.native]:
            self._x(f"DELETE FROM {ddl.split(' ', 1)[0]}")
        self._extract_from(stale, forward)
        return True

    def _extract_from(self, stale: list[tuple[str, int]], step: Step,
                      words_extracted: Callable[[], None] = lambda: None) -> None:
        statements = _EXTRACT[self.native]
        with closing(LogSources(self.driver, self.store, self._x).sources(stale)) as sources:
            for index, parts, source in sources:
                for number, statement in enumerate(statements, start=1):
                    self._x(statement.format(rows=source.rows, event_id=source.event_id, full=source.full),
                            {**self.params, **_WORD_EVENTS})
                    if number == 1 and index == parts - 1:  # the first statement takes the word events
                        words_extracted()
                    step(EXTRACT_STEPS * (index * len(statements) + number) // (parts * len(statements)))

    def _refuse_damaged(self, error: sa.exc.DBAPIError) -> None:
        """An event whose stored JSON is damaged (edited by hand, a failing disk) is named, so the learner
        hears which event and what to do rather than the statement that tripped over it: JSON that is
        not JSON is found by SQLite; a field of the wrong kind (an id callback failed, or a work table's
        check of a native id) by decoding the log in Python until the event that does not load, slow,
        but only once a rebuild has failed."""
        found = self._x(f"SELECT position, event_type FROM {events_table.name} WHERE (event_data <> '' "
                        "AND NOT json_valid(event_data)) OR (metadata <> '' AND NOT json_valid(metadata)) "
                        "LIMIT 1").fetchone()
        if found is not None:
            raise EventUnreadable(found[0], found[1], "it is not valid JSON")
        if any(sign in str(error.orig) for sign in ("user-defined function", "CHECK constraint failed")):
            for _event in self.store.iter_all():  # raises EventUnreadable at the first damaged one
                pass

    def _stale_extracted(self) -> list[tuple[str, int]]:
        """`_stale_versions`, from the work tables."""
        versions = self.store.registry.current_versions()
        current_sql = "CASE event_type " + "WHEN ? THEN ? " * len(versions) + "END"
        found = self._x(f"SELECT DISTINCT event_type, sv FROM ed_x WHERE sv IS NOT {current_sql} "
                        "UNION SELECT DISTINCT 'QuestionAnswered', sv FROM ed_q WHERE sv IS NOT ?",
                        [*(value for pair in versions.items() for value in pair),
                         versions.get("QuestionAnswered")]).fetchall()
        return self._known(found, versions)

    def _stale_versions(self) -> list[tuple[str, int]]:
        """(type, schema version) pairs stored under an older version than the current one."""
        versions = self.store.registry.current_versions()
        # One scan for rows whose type is unknown or whose version is not the current one
        # (a GROUP BY over every row sorted the whole log: a second on a million events).
        current_sql = "CASE event_type " + "WHEN ? THEN ? " * len(versions) + "END"
        found = self._x(f"SELECT DISTINCT event_type, schema_version FROM {events_table.name} "
                        f"WHERE schema_version IS NOT {current_sql}",
                        [value for pair in versions.items() for value in pair]).fetchall()
        return self._known(found, versions)

    @staticmethod
    def _known(found: list[tuple[str, int]], versions: dict[str, int]) -> list[tuple[str, int]]:
        for event_type, _version in found:
            if event_type not in versions:
                raise RebuildFailed(f"unknown event type {event_type!r}: this profile holds events from a "
                                    "newer or different app version")
        return found

    # --- words: the handlers' own fold, remembering each word's versions ----------------------------
    def _word_rows(self) -> list[Any]:
        return self._x(f"SELECT {LOG_COLUMNS} FROM ed_word_rows ORDER BY position").fetchall()

    def _fold_words(self, rows: list[Any]) -> _WordFold:
        """rm_words and rm_word_tags through `handlers`, and what the other tables need of them:
        the word's text and statistics facets after each word event, and the fields an edit
        replaced (the timeline's note). Reads nothing (the cache assumes empty tables), so it can
        run beside the extraction."""
        cache = ReadModelCache(READ_MODELS, assume_empty=True)
        ctx = handlers.Context(self.connection, cache, self.day_start_hour, self.scheduler)
        words = cache["rm_words"]
        versions: list[tuple[Any, ...]] = []
        facets: list[tuple[int, str]] = []
        notes: list[tuple[int, str]] = []
        last_facets: dict[Any, list[str]] = {}
        for event in map(self.store._event_from_raw, rows):  # archived and older rows restored already
            data = event.event_data
            word_id = data.word_id  # type: ignore[attr-defined]
            before = words.get(self.connection, (word_id,))
            handlers.HANDLERS[event.event_type](ctx, event, data)
            position = event.position or 0
            if isinstance(data, ev.WordUpdated) and before is not None:
                notes.append((position, to_json({"before": {
                    k: recorder._field(before, k) for k in data.changes if k in recorder.WORD_FIELDS}}).decode()))
            after = words.get(self.connection, (word_id,))
            if after is None:
                continue
            now = statistics_handlers.facets_of(ctx, word_id)
            if before is not None and before["text"] == after["text"] and last_facets.get(word_id) == now:
                continue
            last_facets[word_id] = now
            version = len(versions) + 1
            versions.append((version, word_id.bytes, position, after["text"], to_json(now).decode()))
            facets.extend((version, facet) for facet in now)
        # the rows' conversions made here too, beside the extraction when it runs without callbacks
        writes = [*cache["rm_words"].sqlite_writes(), *cache["rm_word_tags"].sqlite_writes()]
        return _WordFold(writes, versions, facets, notes)

    def _write_words(self, fold: _WordFold) -> None:
        writes, versions, facets, notes = fold
        self._x("CREATE TEMP TABLE ed_versions (version INTEGER PRIMARY KEY, word_id BLOB, "
                "from_position INTEGER, text TEXT, facets TEXT)")
        self._x("CREATE TEMP TABLE ed_version_facets (version INTEGER, facet TEXT)")
        self._x("CREATE TEMP TABLE ed_notes (position INTEGER PRIMARY KEY, note TEXT)")
        self.driver.executemany("INSERT INTO ed_versions VALUES (?, ?, ?, ?, ?)", versions)
        self.driver.executemany("INSERT INTO ed_version_facets VALUES (?, ?)", facets)
        self.driver.executemany("INSERT INTO ed_notes VALUES (?, ?)", notes)
        self._x("CREATE INDEX temp.ed_versions_word ON ed_versions (word_id, from_position)")
        self._x("CREATE INDEX temp.ed_version_facets_version ON ed_version_facets (version)")
        # Most words keep one version all their life: a row per word answers for them with one lookup
        # (`_version_at` searched the versions for each of a million rows, twice per answer).
        self._x("CREATE TEMP TABLE ed_word_versions (word_id BLOB PRIMARY KEY, versions INTEGER, first INTEGER, "
                "first_position INTEGER, first_text TEXT, last INTEGER) WITHOUT ROWID")
        self._x("INSERT INTO ed_word_versions SELECT g.word_id, g.n, g.first, g.from_position, "
                "(SELECT f.text FROM ed_versions f WHERE f.version = g.first), g.last FROM (SELECT word_id, "
                "count(*) AS n, min(version) AS first, min(from_position) AS from_position, max(version) AS last "
                "FROM ed_versions GROUP BY word_id) AS g")
        for sql, params in writes:
            SqliteTableWriter.run(self.connection, sql, params)

    @staticmethod
    def _version_at(word: str, position: str) -> str:
        """SQL: the word's version in force just before `position` (the state a handler would see)."""
        return (f"(SELECT v.version FROM ed_versions v WHERE v.word_id = {word} "
                f"AND v.from_position < {position} ORDER BY v.from_position DESC LIMIT 1)")

    @classmethod
    def _at_version(cls, word: str, position: str, one: str, column: str, many: str) -> str:
        """SQL: `column` of the word's version in force just before `position`, where `one` is the
        word's ed_word_versions row (joined) and `many` the SQL for a word with several versions
        (given the `_version_at` SQL)."""
        return (f"CASE WHEN {one}.versions = 1 THEN CASE WHEN {one}.first_position < {position} "
                f"THEN {one}.{column} END ELSE {many.format(v=cls._version_at(word, position))} END")

    # --- answers and their retractions ------------------------------------------------------------------
    def _answers(self) -> None:
        self._x(
            "CREATE TEMP TABLE ed_answers AS SELECT q.position, q.event_id, q.session_id, q.word_id, q.cause_id, "
            f"{_at('q.ts')} AS at, q.off, {_day('q.ts', 'q.off')} AS day, q.is_correct, q.ms, {_BAND} AS band, "
            f"q.attempt, q.grade, {self._at_version('q.word_id', 'q.position', 'w', 'first', '{v}')} AS version, "
            "w.last AS facet_version, CAST(NULL AS INTEGER) AS retracted_by "
            "FROM ed_q AS q LEFT JOIN ed_word_versions AS w ON w.word_id = q.word_id", self.params)
        self._x("CREATE UNIQUE INDEX temp.ed_answers_id ON ed_answers (event_id)")
        self._x("CREATE INDEX temp.ed_retractions_id ON ed_retractions (event_id)")
        # handlers.answer_retracted: only an answer already applied and not yet retracted is taken back.
        self._x("UPDATE ed_answers SET retracted_by = (SELECT min(r.position) FROM ed_retractions r "
                "WHERE r.answer_id = ed_answers.event_id AND r.position > ed_answers.position) "
                "WHERE event_id IN (SELECT answer_id FROM ed_retractions)")
        # Each counted change of an answer: +1 when given, -1 when taken back (with the retraction's
        # session, as the handlers use it, and its word's final facets).
        self._x("CREATE TEMP VIEW ed_counted AS "
                "SELECT session_id, day, is_correct, ms, band, facet_version, 1 AS sign FROM ed_answers "
                "UNION ALL SELECT r.session_id, a.day, a.is_correct, a.ms, a.band, a.facet_version, -1 "
                "FROM ed_answers a JOIN ed_retractions r ON r.position = a.retracted_by")

    def _answer_tables(self) -> None:
        self._x("INSERT INTO rm_answers (event_id, session_id, word_id, answered_at, utc_offset_minutes, "
                "study_day, is_correct, response_time_ms, attempt_number, grade, retracted, facets) "
                "SELECT event_id, session_id, word_id, at, coalesce(off, 0), day, is_correct, ms, attempt, grade, "
                "retracted_by IS NOT NULL, coalesce((SELECT v.facets FROM ed_versions v "
                "WHERE v.version = ed_answers.facet_version), '[]') FROM ed_answers")

    # --- sessions and days -----------------------------------------------------------------------------------
    def _sessions(self) -> None:
        self._x("INSERT OR REPLACE INTO rm_sessions (session_id, mode, word_ids, started_at, utc_offset_minutes, "
                f"completed_at, answered, correct, duration_seconds) SELECT session_id, mode, word_ids, {_at('ts')}, "
                "coalesce(off, 0), NULL, 0, 0, NULL FROM ed_started ORDER BY position")
        # handlers.session_completed: the first completion in stream order (SQLite takes the bare
        # columns from the row min() picks)
        self._x("UPDATE rm_sessions SET completed_at = c.at, duration_seconds = c.seconds FROM ("
                "SELECT session_id, at, seconds, min(position) FROM ed_completed GROUP BY session_id) AS c "
                "WHERE c.session_id = rm_sessions.session_id")
        self._x("UPDATE rm_sessions SET answered = s.answered, correct = s.correct FROM ("
                "SELECT session_id, sum(sign) AS answered, sum(sign * is_correct) AS correct "
                "FROM ed_counted GROUP BY session_id) AS s WHERE s.session_id = rm_sessions.session_id")

    def _daily(self) -> None:
        self._x("INSERT INTO rm_daily_stats (study_day, answers, correct, response_ms, sessions_completed, "
                "study_seconds, words_added) SELECT day, sum(a), sum(c), sum(ms), sum(done), sum(seconds), "
                "sum(added) FROM ("
                "SELECT day, sign AS a, sign * is_correct AS c, sign * ms AS ms, 0 AS done, 0 AS seconds, "
                "0 AS added FROM ed_counted "
                "UNION ALL SELECT day, 0, 0, 0, 1, seconds, 0 FROM (SELECT day, seconds, min(position) "
                "FROM ed_completed GROUP BY session_id) "  # a session completed on two devices counts once
                "UNION ALL SELECT day, 0, 0, 0, 0, 0, 1 FROM ed_created) GROUP BY day")

    def _counted(self) -> tuple[list[tuple[Any, ...]], dict[Any, tuple[str, ...]]]:
        """Every counted answer change, and each word version's facets (with "" for every word)."""
        counted = self._x("SELECT facet_version, day, sign, is_correct, ms, band FROM ed_counted").fetchall()
        facets: dict[Any, tuple[str, ...]] = {}
        for version, facet in self._x("SELECT version, facet FROM ed_version_facets ORDER BY rowid"):
            facets[version] = (*facets.get(version, (ALL_WORDS,)), facet)
        return counted, facets

    @staticmethod
    def _sum_facets(counted: list[tuple[Any, ...]], facets_of: dict[Any, tuple[str, ...]]
                    ) -> list[tuple[Any, ...]]:
        """statistics_handlers.count_answer: every answer under "" and its word's final facets (a
        retraction takes it back from the same ones; what nets to nothing has no row). Summed here,
        beside the SQL: as one GROUP BY with thirteen sums over every (answer, facet) pair it was
        the longest statement."""
        bands = len(RESPONSE_BUCKET_EDGES_MS) + 1
        totals: dict[tuple[str, str], list[int]] = {}
        only_all = (ALL_WORDS,)
        for version, day, sign, correct, ms, band in counted:
            for facet in facets_of.get(version, only_all):
                row = totals.get((facet, day))
                if row is None:
                    row = totals[(facet, day)] = [0] * (3 + bands)
                row[0] += sign
                row[1] += sign * correct
                row[2] += sign * ms
                row[3 + band] += sign
        return [(facet, day, *row) for (facet, day), row in totals.items() if row[0]]

    def _write_facets(self, rows: list[tuple[Any, ...]]) -> None:
        bands = len(RESPONSE_BUCKET_EDGES_MS) + 1
        columns = ", ".join(f"rt_{band}" for band in range(bands))
        marks = ", ".join("?" * (5 + bands))
        self.driver.executemany(f"INSERT INTO rm_daily_facets (facet, study_day, answers, correct, response_ms, "
                                f"{columns}) VALUES ({marks})", rows)

    # --- the timeline -------------------------------------------------------------------------------------------
    def _timeline(self) -> None:
        """timeline/recorder.record for every event: derived events take their answer's word and
        session; the word's text is the one in force before the event (a WordCreated's own)."""
        text_at = "(SELECT text FROM ed_versions WHERE version = {v})"
        self._x(
            "INSERT INTO rm_timeline (position, at, day, event_type, word_id, session_id, cause_id, "
            "subject_id, word_text, note) "
            f"SELECT position, at, day, 'QuestionAnswered', word_id, session_id, cause_id, NULL, "
            f"{text_at.format(v='ed_answers.version')}, NULL FROM ed_answers")
        self._x(
            "WITH x AS (SELECT * FROM ed_x), "
            "y AS MATERIALIZED (SELECT x.position, x.event_type, x.ts, x.off, x.cause_id, x.subject_id, x.text, "
            f"coalesce(x.word_id, a.word_id, {_UNDONE.format(column='word_id')}) AS word_id, "
            f"coalesce(x.session_id, a.session_id, {_UNDONE.format(column='session_id')}) AS session_id "
            "FROM x LEFT JOIN ed_answers a ON x.event_type IN ('ProgressUpdated', 'StreakUpdated') "
            "AND (x.word_id IS NULL OR x.session_id IS NULL) AND a.event_id = x.cause_id "
            "AND a.position < x.position) "
            "INSERT INTO rm_timeline (position, at, day, event_type, word_id, session_id, cause_id, "
            "subject_id, word_text, note) "
            f"SELECT y.position, {_at('y.ts')}, {_day('y.ts', 'y.off')}, y.event_type, y.word_id, y.session_id, "
            "y.cause_id, y.subject_id, CASE WHEN y.event_type = 'WordCreated' THEN y.text ELSE "
            f"{self._at_version('y.word_id', 'y.position', 'w', 'first_text', text_at)} END, "
            "n.note FROM y LEFT JOIN ed_notes n ON n.position = y.position "
            "LEFT JOIN ed_word_versions AS w ON w.word_id = y.word_id", self.params)

    def _timeline_days(self) -> None:
        self._x("INSERT INTO rm_timeline_days (day, events, first_position, last_position) "
                "SELECT day, count(*), min(position), max(position) FROM rm_timeline GROUP BY day")

    # --- the folds: schedules and the streak ------------------------------------------------------------------
    @staticmethod
    def _fold_schedules(scheduler: Scheduler, rows: list[tuple[Any, ...]]
                        ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """handlers._reschedule: each word's first attempts, in answer-time order (`rows` sorted so),
        through the scheduler in force at the end of the log (a SchedulerChanged refolds every
        word). Touches no connection: it runs beside the SQL."""
        initial, review = scheduler.initial(), scheduler.review
        progress: list[tuple[Any, ...]] = []
        stats: list[tuple[Any, ...]] = []
        grades = {grade.value: grade for grade in Grade}
        for word_id, answers in itertools.groupby(rows, key=lambda row: row[0]):
            state = initial
            last = None
            for _, at, correct, ms, grade, offset in answers:
                state = review(state, Review(utc_from_text(at), bool(correct), ms,
                                             grades[grade] if grade else None, offset))
                last = at
            if state.reviews:
                stats.append((word_id, state.reviews, state.lapses))
            if state.next_review_date is not None:
                progress.append((word_id, state.repetition_count, state.easiness_factor, state.interval_days,
                                 utc_text(state.next_review_date), last))
        return progress, stats

    def _write_schedules(self, progress: list[tuple[Any, ...]], stats: list[tuple[Any, ...]]) -> None:
        self.driver.executemany("INSERT INTO rm_word_stats (word_id, reviews, lapses) VALUES (?, ?, ?)", stats)
        self.driver.executemany("INSERT INTO rm_progress (word_id, repetition_count, easiness_factor, "
                                "interval_days, next_review_date, last_answered_at) VALUES (?, ?, ?, ?, ?, ?)",
                                progress)

    def _final_scheduler(self) -> Scheduler:
        """scheduler_choice: the greatest switch (by generation, time, id), not the last one stored."""
        found = greatest_choice(self.store)
        if found is None:
            return self.scheduler.current if isinstance(self.scheduler, SelectedScheduler) else self.scheduler
        name, key = found
        try:
            chosen = scheduler_named(name, self.day_start_hour)
        except UnknownScheduler as error:
            raise RebuildFailed(str(error)) from error
        if isinstance(self.scheduler, SelectedScheduler):
            self.scheduler.select(chosen, key)  # as handlers' scheduler_changed does, for what follows
        return chosen

    def _streak(self) -> None:
        """handlers._restreak, counted once: the run of consecutive days up to the last study day."""
        days = [date.fromisoformat(day) for (day,) in self._x(
            "SELECT study_day FROM rm_daily_stats WHERE answers > 0 ORDER BY study_day DESC")]
        if not days:
            return
        run = 1
        for newer, older in itertools.pairwise(days):
            if (newer - older).days != 1:
                break
            run += 1
        self._x("INSERT INTO rm_streak (user_id, consecutive_days, last_study_day) VALUES (?, ?, ?)",
                (LEARNER.bytes, run, days[0].isoformat()))

    # --- plumbing ------------------------------------------------------------------------------------------------
    def _x(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        try:
            return self.driver.execute(sql, params)
        except sqlite3.Error as error:
            raise sa.exc.DBAPIError.instance(sql, params, error, sqlite3.Error) from error

    @contextmanager
    def _temporary(self) -> Iterator[None]:
        """Drops the work tables after a rebuild; after a failure the rollback removes them."""
        yield
        for kind, name in self.driver.execute(
                "SELECT type, name FROM sqlite_temp_master WHERE name LIKE 'ed\\_%' ESCAPE '\\' "
                "AND type IN ('table', 'view')").fetchall():
            self.driver.execute(f"DROP {kind.upper()} IF EXISTS temp.{name}")

"""Queries over the read models: the only way the app reads state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import from_json

from ..domain.scheduling.studyday import offset_minutes, study_day
from ..domain.streak import LEARNER_AHEAD_DAYS, RUN_LOOKBACK_DAYS, current_streak, latest_run
from ..domain.text_fold import search_fold, sort_key, tag_key, word_fold
from ..persistence.schema import events
from ..persistence.sql_store import SqlEventStore
from ..persistence.sqlite_values import utc_text, uuid_bytes
from ..persistence.types import uuid_from_bytes
from . import tables as t
from .sqlite_reader import first_attempts_query, streak_query
from .views import (
    MAX_SEARCH,
    AnswerView,
    DailyStatsView,
    ProgressView,
    SessionView,
    StreakView,
    WordFilter,
    WordView,
)

_WORD_COLUMNS = (
    t.words.c.word_id, t.words.c.text, t.words.c.meaning, t.words.c.category, t.words.c.tags,
    t.words.c.difficulty, t.words.c.created_at, t.words.c.updated_at, t.words.c.deleted,
    t.progress.c.repetition_count, t.progress.c.easiness_factor, t.progress.c.interval_days,
    t.progress.c.next_review_date, t.progress.c.last_answered_at,
)


def _word(row: Any) -> WordView:
    progress = None
    if row.next_review_date is not None:
        progress = ProgressView(row.word_id, row.repetition_count, row.easiness_factor,
                                row.interval_days, row.next_review_date, row.last_answered_at)
    return WordView(row.word_id, row.text, row.meaning, row.category, from_json(row.tags),
                    row.difficulty, row.created_at, row.updated_at, bool(row.deleted), progress)


MAX_OFFSET_HOURS = 16  # UTC offsets run from -12:00 to +14:00


def due_day(day_start_hour: int, fallback_offset: int) -> sa.ColumnElement[str]:
    """SQL: each schedule's due study day, at the offset of the answer that set it.

    A scheduler sets a review for the start of a study day at the answer's offset
    (studyday.day_start_utc). Compared with "now" here, that instant came due an
    hour early after the clocks went back, the evening before after a flight west
    and at noon after a flight east; the day it names is what the learner expects. (`fallback_offset`
    for a schedule whose answers are not at hand: a past state rebuilt from a checkpoint.)"""
    p, a = t.progress.c, t.answers.c
    # the schedule's last review, as the fold orders them (handlers._reschedule): its offset set the day
    offset = (sa.select(a.utc_offset_minutes)
              .where(a.word_id == p.word_id, a.attempt_number == 1, a.retracted.is_(False))
              .order_by(a.answered_at.desc(), a.event_id.desc()).limit(1).scalar_subquery())
    shift = sa.func.printf("%+d minutes", sa.func.coalesce(offset, fallback_offset) - 60 * day_start_hour)
    return sa.func.date(p.next_review_date, shift, type_=sa.String)


def due_on_or_before(day: date, day_start_hour: int, fallback_offset: int) -> sa.ColumnElement[bool]:
    """SQL: the schedule's due study day is `day` or earlier. Whatever its offset, a schedule set long
    enough before is due and one set long enough after is not: the day is worked out only for those
    in between (the instant's index finds them), not for the thousands a long history has overdue."""
    next_day = datetime.combine(day + timedelta(days=1), time(), UTC) + timedelta(hours=day_start_hour)
    surely = next_day - timedelta(hours=MAX_OFFSET_HOURS)
    latest = next_day + timedelta(hours=MAX_OFFSET_HOURS)
    review = t.progress.c.next_review_date
    return sa.and_(review < latest, sa.or_(review < surely,
                                           due_day(day_start_hour, fallback_offset) <= day.isoformat()))


def due_now(now: datetime, day_start_hour: int) -> sa.ColumnElement[bool]:
    """SQL: due on the learner's study day at `now` (aware, in the learner's offset)."""
    offset = offset_minutes(now)
    return due_on_or_before(study_day(now, offset, day_start_hour), day_start_hour, offset)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Queries:
    def __init__(self, store: SqlEventStore) -> None:
        self.store = store

    def _all(self, query: sa.Executable) -> Sequence[Any]:
        with self.store.reading() as connection:
            return connection.execute(query).all()

    def _words_query(self) -> sa.Select[Any]:
        return sa.select(*_WORD_COLUMNS).select_from(
            t.words.outerjoin(t.progress, t.progress.c.word_id == t.words.c.word_id)
        )

    # --- words -------------------------------------------------------------------------------
    def words(self, word_filter: WordFilter | None = None) -> list[WordView]:
        f = word_filter or WordFilter()
        query = self._words_query()
        if f.deleted_only:
            query = query.where(t.words.c.deleted.is_(True))
        elif not f.include_deleted:
            query = query.where(t.words.c.deleted.is_(False))
        if f.search.strip():
            # cut to MAX_SEARCH once folded (NFKC may lengthen it): the pattern stays in SQLite's limit
            pattern = f"%{_escape_like(search_fold(f.search.strip())[:MAX_SEARCH])}%"
            query = query.where(t.words.c.search_key.like(pattern, escape="\\"))
        if f.category is not None:
            query = query.where(t.words.c.category == f.category)
        if f.tag:
            query = query.where(t.words.c.word_id.in_(_tagged(f.tag)))
        if f.difficulty is not None:
            query = query.where(t.words.c.difficulty == f.difficulty)
        if f.word_ids:
            query = query.where(t.words.c.word_id.in_(f.word_ids))
        # ties (the words of one import share their time): by id, which follows the order they were made
        # in (time-ordered UUIDs), the same on every device; they came in the table's order, a file's
        # words shuffled, and an edited word moved to the end of its batch
        return [_word(row) for row in self._all(query.order_by(t.words.c.created_at, t.words.c.word_id))]

    def words_with_text(self, text: str) -> list[WordView]:
        """The words, not deleted, whose text is `text` compared as `word_fold` compares (case and width
        folded, invisible characters ignored): what the Add dialog names as already there. Two computers
        that each added "apple" offline both keep theirs after a sync, and a learner adding a word cannot
        see a list of 20,000 to know."""
        folded = word_fold(text.strip())
        if not folded.strip() or len(folded) > MAX_SEARCH:
            return []
        # the search key starts with the folded text and a newline (text_fold.search_key), so one scan
        # narrows 20,000 words to a few; comparing `word_fold` afterwards keeps りんご and リンゴ apart
        pattern = f"{_escape_like(search_fold(folded))}\n%"
        query = self._words_query().where(t.words.c.deleted.is_(False),
                                          t.words.c.search_key.like(pattern, escape="\\"))
        rows = self._all(query.order_by(t.words.c.created_at, t.words.c.word_id))
        return [_word(row) for row in rows if word_fold(row.text.strip()) == folded]

    def words_by_ids(self, word_ids: list[UUID]) -> list[WordView]:
        return self.words(WordFilter(word_ids=list(word_ids))) if word_ids else []

    def answered_among(self, word_ids: list[UUID]) -> int:
        """How many of these words have been answered at least once (their answers are history)."""
        found = 0
        for start in range(0, len(word_ids), 500):
            chunk = word_ids[start:start + 500]
            found += int(self._all(sa.select(sa.func.count()).select_from(t.word_stats).where(
                t.word_stats.c.word_id.in_(chunk), t.word_stats.c.reviews > 0))[0][0])
        return found

    def answered_words(self, word_ids: list[UUID]) -> set[UUID]:
        """Those of these words answered at least once, an answer taken back included (its word's
        progress stream exists then)."""
        found: set[UUID] = set()
        for start in range(0, len(word_ids), 500):
            chunk = word_ids[start:start + 500]
            found.update(row[0] for row in self._all(
                sa.select(t.answers.c.word_id).where(t.answers.c.word_id.in_(chunk)).distinct()))
        return found

    def answer_times(self, word_ids: list[UUID]) -> dict[UUID, set[datetime]]:
        """When each of these words was answered (an answer taken back included), for those answered."""
        found: dict[UUID, set[datetime]] = {}
        for start in range(0, len(word_ids), 500):
            chunk = word_ids[start:start + 500]
            for word_id, at in self._all(sa.select(t.answers.c.word_id, t.answers.c.answered_at)
                                         .where(t.answers.c.word_id.in_(chunk))):
                found.setdefault(word_id, set()).add(at)
        return found

    def latest_answers(self, word_ids: list[UUID]) -> dict[UUID, datetime]:
        """Each of these words' latest answer, an answer taken back included, for those answered at all."""
        found: dict[UUID, datetime] = {}
        for start in range(0, len(word_ids), 500):
            chunk = word_ids[start:start + 500]
            found.update((row[0], row[1]) for row in self._all(
                sa.select(t.answers.c.word_id, sa.func.max(t.answers.c.answered_at))
                .where(t.answers.c.word_id.in_(chunk)).group_by(t.answers.c.word_id)))
        return found

    def word(self, word_id: UUID) -> WordView | None:
        rows = self._all(self._words_query().where(t.words.c.word_id == word_id))
        return _word(rows[0]) if rows else None

    def word_count(self, deleted: bool = False) -> int:
        """Live words, or with `deleted` the deleted ones."""
        query = sa.select(sa.func.count()).select_from(t.words).where(t.words.c.deleted.is_(deleted))
        return int(self._all(query)[0][0])

    def categories(self, with_none: bool = False) -> list[str]:
        """The live words' categories, sorted; with "" first if `with_none` and a word has none."""
        query = (sa.select(t.words.c.category).where(t.words.c.deleted.is_(False)).distinct())
        # as a reader sorts them (sort_key): by code point "Éducation" came after "Verbes", and the
        # command line's list cut before it
        return sorted((row[0] for row in self._all(query) if row[0] or with_none), key=sort_key)

    def tags(self, with_parents: bool = False) -> list[str]:
        """The tags of live words, each as a word spells it ("JLPT::N5"; the keys they are kept under
        are folded: the filters listed "jlpt::n5"), as a reader sorts them; `with_parents`: and the
        parents of Anki's hierarchical tags ("JLPT" of "JLPT::N5"), which filter their children too."""
        listed = self._tags()
        if not with_parents:
            return listed
        keys = {tag_key(tag) for tag in listed}
        parents: dict[str, str] = {}
        for tag in listed:
            parts = [part.strip() for part in tag.split(HIERARCHY)]  # "JLPT :: N5" typed by hand is "JLPT"'s
            for depth in range(1, len(parts)):
                parent = HIERARCHY.join(parts[:depth])
                if parent.strip() and tag_key(parent) not in keys:
                    parents.setdefault(tag_key(parent), parent)
        return sorted([*listed, *parents.values()], key=sort_key)

    def _tags(self) -> list[str]:
        query = (sa.select(t.word_tags.c.tag_key, sa.func.min(t.word_tags.c.word_id))
                 .join(t.words, t.words.c.word_id == t.word_tags.c.word_id)
                 .where(t.words.c.deleted.is_(False)).group_by(t.word_tags.c.tag_key))
        return sorted(self.spelled_tags([(key, word_id) for key, word_id in self._all(query)]), key=sort_key)

    def spelled_tags(self, keys: Sequence[tuple[str, Any]]) -> list[str]:
        """Each (tag key, a word that has it) as that word spells the tag."""
        spellings: dict[Any, list[str]] = {}
        ids = list({word_id for _, word_id in keys})
        for start in range(0, len(ids), 500):
            query = sa.select(t.words.c.word_id, t.words.c.tags).where(t.words.c.word_id.in_(ids[start:start + 500]))
            spellings.update((word_id, from_json(tags)) for word_id, tags in self._all(query))
        return [next((tag for tag in spellings.get(word_id, ()) if tag_key(tag) == key), key) for key, word_id in keys]

    # --- study queue (optionally one category or one tag: a session's focus) ---------------------
    @staticmethod
    def _focused(query: Any, category: str | None, tag: str | None) -> Any:
        if category is not None:
            query = query.where(t.words.c.category == category)
        if tag:
            query = query.where(t.words.c.word_id.in_(_tagged(tag)))
        return query

    def due_words(self, now: datetime, day_start_hour: int, limit: int, category: str | None = None,
                  tag: str | None = None) -> list[WordView]:
        """Words due on the study day of `now` (or before: `due_on_or_before`), the longest waiting first."""
        query = (self._words_query().where(t.words.c.deleted.is_(False))
                 .where(due_now(now, day_start_hour))
                 .order_by(t.progress.c.next_review_date, t.progress.c.word_id).limit(limit))  # same on every device
        return [_word(row) for row in self._all(self._focused(query, category, tag))]

    def due_count(self, now: datetime, day_start_hour: int, category: str | None = None,
                  tag: str | None = None) -> int:
        query = (sa.select(sa.func.count()).select_from(
            t.progress.join(t.words, t.words.c.word_id == t.progress.c.word_id))
            .where(t.words.c.deleted.is_(False)).where(due_now(now, day_start_hour)))
        return int(self._all(self._focused(query, category, tag))[0][0])

    def last_reviews(self, position: int) -> list[dict[str, Any]]:
        """Each word's last review as it was at `position` (a first attempt recorded by then and not
        undone by then), whole rows: what `due_day` reads a schedule's offset from, for a past state
        rebuilt from a checkpoint. One probe of the (word, time) index per word."""
        answer, event = t.answers.alias("x"), events.alias("e")
        x, e, tl = answer.c, event.c, t.timeline.c
        undone = sa.exists(sa.select(tl.position).where(tl.subject_id == x.event_id, tl.position <= position))
        last = (sa.select(x.event_id).join_from(answer, event, e.event_id == x.event_id)
                .where(x.word_id == t.words.c.word_id, x.attempt_number == 1, e.position <= position, ~undone)
                .order_by(x.answered_at.desc(), x.event_id.desc()).limit(1).scalar_subquery())
        query = sa.select(t.answers).select_from(t.words.join(t.answers, t.answers.c.event_id == last))
        return [{**dict(row._mapping), "retracted": False} for row in self._all(query)]

    def review_offsets(self, last_answers: Sequence[tuple[UUID, datetime | None]]) -> dict[UUID, int]:
        """The UTC offset of each (word, its last review's time) given: a past state's schedules name
        their last review's time (progress.last_answered_at), and one probe of the (word, time) index
        each finds it (`last_reviews` walked every word's later answers back to a position: 0.5 s of
        the 0.9 a state two years back took on five years of history)."""
        return {word_id: offset for word_id, offset, _ in self._reviews_at(last_answers)}

    def reviews_at(self, last_answers: Sequence[tuple[UUID, datetime | None]]) -> list[dict[str, Any]]:
        """`review_offsets`' answers as whole rows (as `last_reviews` gives them)."""
        ids = [event_id for _, _, event_id in self._reviews_at(last_answers)]
        rows: list[dict[str, Any]] = []
        for start in range(0, len(ids), 500):
            query = sa.select(t.answers).where(t.answers.c.event_id.in_(ids[start:start + 500]))
            rows.extend({**dict(row._mapping), "retracted": False} for row in self._all(query))
        return rows

    def _reviews_at(self, last_answers: Sequence[tuple[UUID, datetime | None]]) -> list[tuple[UUID, int, UUID]]:
        """(word, offset, event id) of each first attempt given as (word, answered at), straight to the
        driver: the pairs as one VALUES list per chunk, kept outside the join by CROSS JOIN, so that each
        is one probe of idx_rm_answers_word (a join SQLite ordered itself scanned the answers)."""
        pairs = [(uuid_bytes(word_id), utc_text(at)) for word_id, at in last_answers if at is not None]
        found: list[tuple[UUID, int, UUID]] = []
        with self.store.reading() as connection:
            driver = connection.connection.driver_connection
            for start in range(0, len(pairs), 400):
                chunk = pairs[start:start + 400]
                sql = (f"WITH wanted(w, at) AS (VALUES {', '.join('(?, ?)' for _ in chunk)}) "
                       f"SELECT a.word_id, a.utc_offset_minutes, a.event_id FROM wanted CROSS JOIN {t.answers.name} "
                       "AS a ON a.word_id = wanted.w AND a.answered_at = wanted.at WHERE a.attempt_number = 1")
                found.extend((uuid_from_bytes(word_id), offset, uuid_from_bytes(event_id)) for word_id, offset, event_id
                             in driver.execute(sql, [value for pair in chunk for value in pair]))  # type: ignore[union-attr]
        return found

    def latest_event_at(self) -> datetime | None:
        """When the latest event was recorded (by the clock of the computer that recorded it)."""
        rows = self._all(sa.select(events.c.created_at).order_by(events.c.created_at.desc()).limit(1))
        return rows[0][0] if rows else None

    def due_days(self, day_start_hour: int, fallback_offset: int) -> dict[UUID, date]:
        """Each scheduled word's due study day (`due_day`): what a list says as "next review", so it
        names the day the queue counts (the instant in this zone's calendar could read a day off)."""
        query = sa.select(t.progress.c.word_id, due_day(day_start_hour, fallback_offset))
        return {word_id: date.fromisoformat(day) for word_id, day in self._all(query)}

    def due_word_ids(self, now: datetime, day_start_hour: int) -> set[UUID]:
        """Which words are due (the word list's "due now", by the study queue's rule)."""
        query = sa.select(t.progress.c.word_id).where(due_now(now, day_start_hour))
        return {row[0] for row in self._all(query)}

    def new_words(self, limit: int, category: str | None = None, tag: str | None = None) -> list[WordView]:
        query = (self._words_query().where(t.words.c.deleted.is_(False))
                 .where(t.progress.c.word_id.is_(None))
                 .order_by(t.words.c.created_at, t.words.c.word_id).limit(limit))  # ties: as in `words`
        return [_word(row) for row in self._all(self._focused(query, category, tag))]

    def new_count(self, category: str | None = None, tag: str | None = None) -> int:
        query = (sa.select(sa.func.count()).select_from(
            t.words.outerjoin(t.progress, t.progress.c.word_id == t.words.c.word_id))
            .where(t.words.c.deleted.is_(False)).where(t.progress.c.word_id.is_(None)))
        return int(self._all(self._focused(query, category, tag))[0][0])

    def studied_on(self, day: date) -> tuple[int, int]:
        """(new words, reviewed words) answered on this study day, for the daily limits.

        A word is new on its first study day and reviewed on any later one. Reads
        only that day's answers (the day index) and, per word, whether an earlier
        answer exists, so it stays fast however long the history is."""
        key = day.isoformat()
        today, before = t.answers.alias("today"), t.answers.alias("before")
        seen_before = (sa.exists().where(before.c.word_id == today.c.word_id)
                       .where(before.c.retracted.is_(False)).where(before.c.study_day < key))
        words = (sa.select(today.c.word_id, seen_before.label("seen_before"))
                 .where(today.c.study_day == key).where(today.c.retracted.is_(False))
                 .distinct().subquery())
        reviewed_count = sa.func.coalesce(sa.func.sum(sa.cast(words.c.seen_before, sa.Integer)), 0,
                                          type_=sa.Integer)
        query = sa.select(sa.func.count(), reviewed_count)
        total, reviewed = self._all(query.select_from(words))[0]
        return int(total) - int(reviewed), int(reviewed)

    # --- answers, sessions, statistics ------------------------------------------------------------
    def answers_for_word(self, word_id: UUID, include_retracted: bool = False) -> list[AnswerView]:
        query = sa.select(t.answers).where(t.answers.c.word_id == word_id)
        if not include_retracted:
            query = query.where(t.answers.c.retracted.is_(False))
        # The same order the progress read model folds in (answer time, then the time-ordered id).
        query = query.order_by(t.answers.c.answered_at, t.answers.c.event_id)
        return [self._answer(r) for r in self._all(query)]

    def first_attempts(self, word_id: UUID) -> Sequence[Sequence[Any]]:
        """What the word's schedule folds, as `tables.FIRST_ATTEMPTS` selects it (an answer reads it
        before each reschedule: compiled once on SQLite, see sqlite_reader.py)."""
        with self.store.reading() as connection:
            if connection.dialect.name != "sqlite":
                return [tuple(r) for r in connection.execute(t.FIRST_ATTEMPTS, {"word_id": word_id})]
            return first_attempts_query().rows(connection, {"word_id": word_id})

    def answers_in_session(self, session_id: UUID) -> list[AnswerView]:
        """Looked up through the session's words (their answers are indexed by word): by session alone it
        read all of rm_answers, 0.05-0.45 s on five years, at each completion, summary and resume. An
        index by session would cost every rebuild its building; a session names its words, and only they
        can be answered in it."""
        session = self.session(session_id)
        query = sa.select(t.answers).where(t.answers.c.session_id == session_id)
        if session is not None and session.word_ids:
            query = query.where(t.answers.c.word_id.in_(list(dict.fromkeys(session.word_ids))))
        return [self._answer(r) for r in self._all(query.order_by(t.answers.c.answered_at))]

    @staticmethod
    def _answer(row: Any) -> AnswerView:
        return AnswerView(row.event_id, row.session_id, row.word_id, row.answered_at,
                          row.utc_offset_minutes, date.fromisoformat(row.study_day),
                          bool(row.is_correct), row.response_time_ms, row.attempt_number,
                          row.grade, bool(row.retracted))

    def session(self, session_id: UUID) -> SessionView | None:
        rows = self._all(sa.select(t.sessions).where(t.sessions.c.session_id == session_id))
        return self._session(rows[0]) if rows else None

    def sessions(self, limit: int = 200, offset: int = 0) -> list[SessionView]:
        query = sa.select(t.sessions).order_by(t.sessions.c.started_at.desc()).limit(limit).offset(offset)
        return [self._session(r) for r in self._all(query)]

    def session_count(self) -> int:
        return int(self._all(sa.select(sa.func.count()).select_from(t.sessions))[0][0])

    def open_sessions(self) -> list[SessionView]:
        query = (sa.select(t.sessions).where(t.sessions.c.completed_at.is_(None))
                 .order_by(t.sessions.c.started_at.desc()))
        return [self._session(r) for r in self._all(query)]

    @staticmethod
    def _session(row: Any) -> SessionView:
        return SessionView(row.session_id, row.mode, row.word_ids,
                           row.started_at, row.completed_at, row.answered, row.correct,
                           row.duration_seconds, row.utc_offset_minutes)

    def daily_stats(self, first: date | None = None, last: date | None = None) -> list[DailyStatsView]:
        query = sa.select(t.daily_stats)
        if first is not None:
            query = query.where(t.daily_stats.c.study_day >= first.isoformat())
        if last is not None:
            query = query.where(t.daily_stats.c.study_day <= last.isoformat())
        return [
            DailyStatsView(date.fromisoformat(r.study_day), r.answers, r.correct, r.response_ms,
                           r.sessions_completed, r.study_seconds, r.words_added)
            for r in self._all(query.order_by(t.daily_stats.c.study_day))
        ]

    def streak(self, user_id: UUID, today: date, now: datetime | None = None) -> StreakView:
        """The streak as of `today`. A run ending on a later day is the learner's own when an answer of
        that day was given by `now` (studied in a zone ahead of this one, then moved west): it stands.
        Otherwise it was a clock running ahead, and the run is counted up to today, as the
        Statistics page counts it."""
        with self.store.reading() as connection:  # every answer reads it: compiled once on SQLite
            if connection.dialect.name == "sqlite":
                found = streak_query().rows(connection, {})
            else:
                found = [list(r) for r in connection.execute(t.STREAK_ROW)]
        if not found:
            return StreakView(0, None, 0)
        consecutive, last_day = found[0]
        last = date.fromisoformat(last_day)
        if last > today and not self._reached(last, today, now):
            d = t.daily_stats.c
            days = [date.fromisoformat(day) for (day,) in self._all(
                sa.select(d.study_day).where(d.answers > 0, d.study_day <= today.isoformat())
                .order_by(d.study_day.desc()).limit(RUN_LOOKBACK_DAYS))]
            latest, run = latest_run(days)
            return StreakView(run, latest, current_streak(run, latest, today))
        return StreakView(consecutive, last, current_streak(consecutive, last, today))

    def _reached(self, day: date, today: date, now: datetime | None) -> bool:
        """Whether `day`, later than `today` here, is one the learner has reached: an answer dated on it
        was given by `now` (UTC+14 against UTC-12 is at most two days apart)."""
        if now is None or (day - today).days > LEARNER_AHEAD_DAYS:
            return False
        a = t.answers.c
        return bool(self._all(sa.select(sa.literal(1)).where(
            a.study_day == day.isoformat(), a.answered_at <= now, a.retracted.is_(False)).limit(1)))

    def all_progress(self) -> list[ProgressView]:
        return [ProgressView(r.word_id, r.repetition_count, r.easiness_factor, r.interval_days,
                             r.next_review_date, r.last_answered_at)
                for r in self._all(sa.select(t.progress).order_by(t.progress.c.next_review_date,
                                                                   t.progress.c.word_id))]  # ties: as on every device


HIERARCHY = "::"  # Anki's tag hierarchy: "verb::godan" is a "verb"


def _tagged(tag: str) -> Any:
    """The words with the tag, or a tag under it in Anki's hierarchy (`words list --tag verb` found 3 of 10
    verbs, the rest tagged "verb::godan" and the like, which Anki's tag:verb finds)."""
    key = HIERARCHY.join(part.strip() for part in tag_key(tag).split(HIERARCHY))
    children = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + HIERARCHY + "%"
    stored = t.word_tags.c.tag_key
    spaced = sa.func.replace(sa.func.replace(stored, " " + HIERARCHY, HIERARCHY), HIERARCHY + " ", HIERARCHY)
    return sa.select(t.word_tags.c.word_id).where(
        sa.or_(stored == key, stored.like(children, escape="\\"), spaced == key, spaced.like(children, escape="\\")))

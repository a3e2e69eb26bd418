"""A read-model cache that starts from the state at a past position.

Time travel replays events through the very same projection handlers as a
rebuild, into this cache instead of the tables. It begins from a checkpoint
(the rows of the small read models at position P, see `checkpoints.py`) and
loads the big one, the answers, lazily: an answer row, or one word's
reviews, are read from the live tables and turned back into what they were
at P (answers recorded after P do not exist yet; a retraction after P has
not happened yet). Read models that time travel does not show (statistics
counters, the timeline itself) are left out or start empty and are thrown
away.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ..domain.scheduling.base import ReviewState
from ..persistence.schema import events
from ..projections import tables as t
from ..projections.cache import ReadModelCache, ReviewIndex, Row, TableCache

TRAVEL_TABLES = ("rm_words", "rm_word_tags", "rm_progress", "rm_daily_stats", "rm_streak", "rm_word_stats",
                 "rm_daily_facets")
"""The read models a past state holds (and a checkpoint stores): the word list, schedules and
totals of the time-travel view, and what the statistics screen reads (word tags for its tag
filter, per-word and per-facet totals), so the statistics "as of then" start from a checkpoint
too instead of replaying the log from its first event.

Sessions are loaded on demand from the live table instead (see `SessionsAsOf`)."""

_SKIPPED = ("rm_timeline", "rm_timeline_days", "rm_answers", "rm_sessions")


def _retracted_by(position: int, answer_id: Any) -> sa.ColumnElement[bool]:
    return sa.exists(sa.select(t.timeline.c.position).where(
        t.timeline.c.subject_id == answer_id, t.timeline.c.position <= position))


class AnswersAsOf(TableCache):
    """`rm_answers` as it was at `position`, read on demand from the live table."""

    def __init__(self, position: int) -> None:
        super().__init__(t.answers, assume_empty=False)
        self.position = position

    def _load(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        found = self._as_of(connection, t.answers.c.event_id == key[0])
        return found[0] if found else None

    def _stored_where(self, connection: sa.Connection, column: str, value: Any) -> list[Row]:
        return self._as_of(connection, t.answers.c[column] == value)

    def _as_of(self, connection: sa.Connection, condition: sa.ColumnElement[bool]) -> list[Row]:
        """Answers recorded by `position`, retracted as they were then."""
        if self.position <= 0:
            return []
        query = (sa.select(t.answers, _retracted_by(self.position, t.answers.c.event_id).label("was_retracted"))
                 .join(events, events.c.event_id == t.answers.c.event_id)
                 .where(condition, events.c.position <= self.position))
        rows = []
        for found in connection.execute(query):
            row = dict(found._mapping)
            row["retracted"] = bool(row.pop("was_retracted"))
            rows.append(row)
        return rows

    def flush(self, connection: sa.Connection) -> None:
        raise RuntimeError("an as-of cache is never written to the database")


class SessionsAsOf(TableCache):
    """`rm_sessions` rows for sessions started by `position`, read on demand from the live table.

    The handlers only need a session row to count its answers and mark it
    complete; the past state does not show sessions, so the counts are today's
    (only whether it was complete is put back as it was)."""

    def __init__(self, position: int) -> None:
        super().__init__(t.sessions, assume_empty=False)
        self.position = position

    def _load(self, connection: sa.Connection, key: tuple[Any, ...]) -> Row | None:
        if self.position <= 0:
            return None
        tl = t.timeline
        started = sa.exists(sa.select(tl.c.position).where(
            tl.c.session_id == t.sessions.c.session_id, tl.c.event_type == "SessionStarted",
            tl.c.position <= self.position))
        completed = sa.exists(sa.select(tl.c.position).where(
            tl.c.session_id == t.sessions.c.session_id, tl.c.event_type == "SessionCompleted",
            tl.c.position <= self.position))
        found = connection.execute(sa.select(t.sessions, completed.label("was_completed"))
                                   .where(t.sessions.c.session_id == key[0], started)).first()
        if found is None:
            return None
        row = dict(found._mapping)
        if not row.pop("was_completed"):
            row["completed_at"] = row["duration_seconds"] = None
        return row

    def flush(self, connection: sa.Connection) -> None:
        raise RuntimeError("an as-of cache is never written to the database")


class ReviewsAsOf(ReviewIndex):
    """Each word's first-attempt reviews as they were at `position`, loaded per word on demand."""

    def __init__(self, position: int) -> None:
        super().__init__(t.answers, assume_empty=False)
        self.position = position

    def _query(self) -> sa.Select[Any]:
        c = t.answers.c
        return (sa.select(c.word_id, c.event_id, c.answered_at, c.is_correct, c.response_time_ms, c.grade,
                          c.utc_offset_minutes)
                .join(events, events.c.event_id == c.event_id)
                .where(c.attempt_number == 1, events.c.position <= self.position,
                       sa.not_(_retracted_by(self.position, c.event_id))))

    def _load(self, connection: sa.Connection, word_id: Any) -> None:
        if word_id in self.reviews:
            return
        rows: list[Any] = []
        if self.position > 0:
            c = t.answers.c
            rows = list(connection.execute(self._query().where(c.word_id == word_id)
                                           .order_by(c.answered_at, c.event_id)))
        self.reviews[word_id] = [self._review(r._mapping) for r in rows]
        self.keys[word_id] = [(r.answered_at, r.event_id) for r in rows]

    def preload(self, connection: sa.Connection, word_ids: set[Any]) -> None:
        """Load many words' reviews in a few queries (a tail replay touches thousands of words)."""
        wanted = [w for w in word_ids if w not in self.reviews]
        for word_id in wanted:
            self.reviews[word_id], self.keys[word_id] = [], []
        if self.position <= 0:
            return
        c = t.answers.c
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            query = self._query().where(c.word_id.in_(chunk)).order_by(c.word_id, c.answered_at, c.event_id)
            for r in connection.execute(query):
                self.reviews[r.word_id].append(self._review(r._mapping))
                self.keys[r.word_id].append((r.answered_at, r.event_id))

    def seed_sm2(self, word_ids: set[Any], progress: TableCache, word_stats: TableCache) -> None:
        """Start SM-2 folds from the checkpointed progress instead of each word's first answer.

        SM-2's next state depends only on the repetition count, the easiness
        factor and the interval (see `domain/scheduling/sm2.py`), which the
        progress row holds exactly as the fold left them; so a tail replay
        folds one new answer per word, not its whole history. Only for words
        untouched since the checkpoint (their row and reviews are both as of it). The review and
        lapse totals come from the checkpointed `rm_word_stats`, which the statistics read."""
        for word_id in word_ids:
            reviews = self.reviews.get(word_id)
            row = progress.rows.get((word_id,))
            stats = word_stats.rows.get((word_id,))
            if (not reviews or row is None or stats is None or stats["reviews"] != len(reviews)
                    or word_id in self.folded):
                continue
            self.folded[word_id] = (ReviewState(row["repetition_count"], row["easiness_factor"],
                                                row["interval_days"], row["next_review_date"],
                                                reviews=len(reviews), lapses=stats["lapses"]), len(reviews))

    def word_ids_with_reviews(self, connection: sa.Connection) -> list[Any]:
        """Every word with a review at `position` (a scheduler switch refolds them all)."""
        if self.position <= 0:
            return []
        subquery = self._query().subquery()
        return [r[0] for r in connection.execute(sa.select(subquery.c.word_id).distinct())]


class AsOfCache(ReadModelCache):
    """Travel tables restored from a checkpoint at `position`; answers loaded lazily as of then."""

    def __init__(self, position: int, rows: dict[str, dict[tuple[Any, ...], Row]] | None = None) -> None:
        self.position = position
        self.tables = {}
        for table in t.READ_MODELS:
            if table.name in _SKIPPED:
                continue
            cache = TableCache(table, assume_empty=True)
            if rows and table.name in rows:
                cache.rows = dict(rows[table.name])  # rows are never changed in place: a shallow copy
            self.tables[table.name] = cache
        self.tables["rm_answers"] = AnswersAsOf(position)
        self.tables["rm_sessions"] = SessionsAsOf(position)
        self.reviews = ReviewsAsOf(position)

    def flush(self, connection: sa.Connection) -> None:
        raise RuntimeError("an as-of cache is never written to the database")

    def travel_rows(self) -> dict[str, dict[tuple[Any, ...], Row]]:
        """The rows of the travel tables by key (what a full checkpoint stores)."""
        return {name: {k: r for k, r in self.tables[name].rows.items() if r is not None} for name in TRAVEL_TABLES}

    def changed_since_mark(self) -> dict[str, list[tuple[tuple[Any, ...], Row | None]]]:
        """Rows of the travel tables changed since the last `mark` (a checkpoint's delta)."""
        return {name: [(k, self.tables[name].rows[k]) for k in self.tables[name].dirty] for name in TRAVEL_TABLES}

    def mark(self) -> None:
        for cache in self.tables.values():
            cache.dirty.clear()

"""The statistics screen's queries: small aggregates over the read models, never over events.

Each method is one indexed query returning plain tuples; shaping them into
figures (buckets, weeks, labels) is `effect_desktop.statistics`' job. The
queries run against any store of the read-model tables: the profile's file,
or an in-memory copy materialised as of a past moment (`materialize.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from ..domain.scheduling.sm2 import INITIAL_EF
from ..persistence.schema import events as events_table
from ..persistence.sql_store import SqlEventStore
from . import tables as t
from .handlers import tag_key
from .queries import Queries, due_day, due_on_or_before
from .statistics_handlers import ALL_WORDS, category_facet, tag_facet


@dataclass(frozen=True, slots=True)
class WordScope:
    """Which words a figure covers: all, one category, or one tag (not both)."""

    category: str | None = None
    tag: str | None = None

    @property
    def facet(self) -> str | None:
        """The facet key of the activity tables, or None for every word."""
        if self.category is not None:
            return category_facet(self.category)
        if self.tag:
            return tag_facet(tag_key(self.tag))
        return None


@dataclass(frozen=True, slots=True)
class DayRow:
    study_day: date
    answers: int
    correct: int
    response_ms: int
    study_seconds: float  # whole seconds of sessions for every word; of answering (to the ms) under a facet


@dataclass(frozen=True, slots=True)
class HardWordRow:
    word_id: UUID
    text: str
    meaning: str
    lapses: int
    reviews: int
    easiness_factor: float
    interval_days: int


class StatisticsQueries:
    def __init__(self, store: SqlEventStore) -> None:
        self.store = store

    def _all(self, query: sa.Executable) -> Sequence[Any]:
        with self.store.reading() as connection:
            return connection.execute(query).all()

    # --- activity per study day -------------------------------------------------------------------
    def days(self, scope: WordScope, first: date | None, last: date) -> list[DayRow]:
        """Answers, correct answers and time per study day, oldest first.

        For every word the time is the sessions' duration; for a category or
        tag it is the time spent answering those words (sessions mix words)."""
        facet = scope.facet
        if facet is None:
            c = t.daily_stats.c
            query = sa.select(c.study_day, c.answers, c.correct, c.response_ms, c.study_seconds)
        else:
            c = t.daily_facets.c
            query = sa.select(c.study_day, c.answers, c.correct, c.response_ms,
                              (c.response_ms / 1000.0).label("study_seconds")).where(c.facet == facet)
        query = query.where(c.study_day <= last.isoformat())
        if first is not None:
            query = query.where(c.study_day >= first.isoformat())
        return [DayRow(date.fromisoformat(r[0]), r[1], r[2], r[3], r[4] or 0)
                for r in self._all(query.order_by(c.study_day))]

    def first_study_day(self, scope: WordScope) -> date | None:
        facet = scope.facet
        if facet is None:
            query = sa.select(sa.func.min(t.daily_stats.c.study_day)).where(t.daily_stats.c.answers > 0)
        else:
            c = t.daily_facets.c
            query = sa.select(sa.func.min(c.study_day)).where(c.facet == facet, c.answers > 0)
        found = self._all(query)[0][0]
        return date.fromisoformat(found) if found else None

    def last_study_day(self, since: date, by: datetime) -> date | None:
        """The latest study day, from `since` on, of an answer given by the moment `by` (an answer dated
        ahead by another device's wrong clock does not count)."""
        a = t.answers.c
        found = self._all(sa.select(sa.func.max(a.study_day)).where(
            a.study_day >= since.isoformat(), a.answered_at <= by, a.retracted.is_(False)))[0][0]
        return date.fromisoformat(found) if found else None

    def response_times(self, scope: WordScope, first: date | None, last: date) -> dict[int, int]:
        """Answers per response-time band (see `statistics_handlers.response_bucket`)."""
        c = t.daily_facets.c
        facet = scope.facet
        query = sa.select(*(sa.func.sum(c[f"rt_{band}"]) for band in range(t.RESPONSE_TIME_BANDS))).where(
            c.facet == (ALL_WORDS if facet is None else facet), c.study_day <= last.isoformat())
        if first is not None:
            query = query.where(c.study_day >= first.isoformat())
        return {band: int(count or 0) for band, count in enumerate(self._all(query)[0])}

    # --- the words' schedules --------------------------------------------------------------------------
    @staticmethod
    def _in_scope(word_id: Any, scope: WordScope) -> sa.ColumnElement[bool]:
        """Live (not deleted) words in scope, as conditions on a word id column.

        Subqueries rather than a join: every word's schedule is then one scan
        of a covering index, minus the (few) deleted words."""
        w = t.words.c
        if scope.category is not None:
            return word_id.in_(sa.select(w.word_id).where(w.category == scope.category, w.deleted.is_(False)))
        live = word_id.not_in(sa.select(w.word_id).where(w.deleted == sa.true()))
        if scope.tag:
            return sa.and_(word_id.in_(sa.select(t.word_tags.c.word_id)
                                       .where(t.word_tags.c.tag_key == tag_key(scope.tag))), live)
        return live

    def _progress_counts(self, column: Any, scope: WordScope, *where: Any) -> list[tuple[Any, int]]:
        p = t.progress.c
        query = (sa.select(column, sa.func.count()).where(self._in_scope(p.word_id, scope), *where)
                 .group_by(column).order_by(column))
        return [(value, int(count)) for value, count in self._all(query)]

    def due_counts(self, scope: WordScope, last_day: date, day_start_hour: int,
                   offset: int) -> list[tuple[str, int]]:
        """Words per due study day (queries.due_day: the day the schedule names, at its answer's
        offset, else `offset`), up to `last_day`; overdue ones included."""
        return self._progress_counts(due_day(day_start_hour, offset), scope,
                                     due_on_or_before(last_day, day_start_hour, offset))

    def interval_counts(self, scope: WordScope) -> list[tuple[int, int]]:
        return self._progress_counts(t.progress.c.interval_days, scope)

    def easiness_counts(self, scope: WordScope) -> list[tuple[float, int]]:
        """Words per easiness factor (a few hundred distinct values, read in index order)."""
        return [(float(ef), count) for ef, count in self._progress_counts(t.progress.c.easiness_factor, scope)]

    def hardest_words(self, scope: WordScope, limit: int) -> list[HardWordRow]:
        """Words forgotten most often after being learned; then words missed at every review so far
        (never learned yet: a lapse counts only after a word was learned, so a new learner's most-missed
        words were left out for ones graded Hard once); then the lowest easiness (slow or hard answers).

        Up to three queries, each run only if the ones before found fewer than `limit` words: the
        first walks the lapses index and stops after `limit` words in scope; the others look among
        the words with no lapse, which a learner with many lapses never reaches."""
        s, p, w = t.word_stats.c, t.progress.c, t.words.c
        joined = t.word_stats.join(t.progress, p.word_id == s.word_id).join(t.words, w.word_id == s.word_id)
        columns = (w.word_id, w.text, w.meaning, s.lapses, s.reviews, p.easiness_factor, p.interval_days)
        # The scope tests an expression of the id, not the indexed id: SQLite then walks the lapses
        # index and stops after `limit` words in scope, instead of visiting every word in scope.
        base = sa.select(*columns).select_from(joined).where(
            self._in_scope(sa.func.coalesce(s.word_id, s.word_id), scope))
        found = [HardWordRow(*row) for row in self._all(
            base.where(s.lapses > 0).order_by(s.lapses.desc(), p.easiness_factor, w.text).limit(limit))]
        if len(found) < limit:  # every review a miss: repetitions never rose above 0, with no lapse
            found += [HardWordRow(*row) for row in self._all(
                base.where(s.lapses == 0, s.reviews > 0, p.repetition_count == 0)
                .order_by(s.reviews.desc(), w.text).limit(limit - len(found)))]
        if len(found) < limit:
            found += [HardWordRow(*row) for row in self._all(
                base.where(s.lapses == 0, p.repetition_count > 0, p.easiness_factor < INITIAL_EF)
                .order_by(p.easiness_factor, w.text).limit(limit - len(found)))]
        return found

    def word_count(self, scope: WordScope) -> int:
        w = t.words.c
        if scope.facet is None:  # all words minus the few deleted ones: two index counts, no scan
            query = sa.select(sa.select(sa.func.count()).select_from(t.words).scalar_subquery()
                              - sa.select(sa.func.count()).where(w.deleted == sa.true()).scalar_subquery())
        else:
            query = sa.select(sa.func.count()).select_from(t.words).where(self._in_scope(w.word_id, scope))
        return int(self._all(query)[0][0])

    def categories(self, with_none: bool = False) -> list[str]:
        """Categories with at least one live word: distinct ones from the index, each checked once; ""
        first if `with_none` and a live word has no category."""
        w, live = t.words.c, t.words.alias("live")
        distinct = sa.select(w.category).where(sa.true() if with_none else w.category != "").distinct().subquery()
        has_live = sa.exists().where(live.c.category == distinct.c.category, live.c.deleted.is_(False))
        query = sa.select(distinct.c.category).where(has_live).order_by(distinct.c.category)
        return [row[0] for row in self._all(query)]

    def tags(self) -> list[str]:
        """Tags with at least one live word, as a live word spells them (see `Queries.tags`)."""
        tags, tagged = t.word_tags.c, t.word_tags.alias("tagged")
        distinct = sa.select(tags.tag_key).distinct().subquery()
        live_word = (sa.select(tagged.c.word_id).where(
            tagged.c.tag_key == distinct.c.tag_key,
            tagged.c.word_id.not_in(sa.select(t.words.c.word_id).where(t.words.c.deleted == sa.true())))
            .limit(1).scalar_subquery())
        query = sa.select(distinct.c.tag_key, live_word).order_by(distinct.c.tag_key)
        keys = [(key, word_id) for key, word_id in self._all(query) if word_id is not None]
        return Queries(self.store).spelled_tags(keys)

    def streak_row(self, user_id: UUID) -> tuple[int, date] | None:
        rows = self._all(sa.select(t.streak.c.consecutive_days, t.streak.c.last_study_day)
                         .where(t.streak.c.user_id == t.LEARNER))  # one learner per profile
        return (rows[0][0], date.fromisoformat(rows[0][1])) if rows else None

    def missing_statistics(self) -> bool:
        """True for a profile studied before the statistics read models existed (they need a rebuild)."""
        studied = sa.exists().where(t.daily_stats.c.answers > 0)
        counted = sa.exists().where(t.daily_facets.c.facet == ALL_WORDS)
        return bool(self._all(sa.select(studied & ~counted))[0][0])

    # --- the event log (for replaying up to a moment) --------------------------------------------------
    def last_position_at(self, moment: datetime) -> int:
        """The position of the last event recorded at or before `moment` (0 if none)."""
        query = sa.select(sa.func.max(events_table.c.position)).where(events_table.c.created_at <= moment)
        return int(self._all(query)[0][0] or 0)

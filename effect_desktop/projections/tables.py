"""The read-model tables, in the profile's SQLite file beside the events.

They are disposable: `rebuild` drops their rows and replays every event. Each
is keyed so a projection can update a row by key without scanning.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from ..persistence.schema import local_metadata
from ..persistence.types import UTCDateTime, UUIDType

words = sa.Table(
    "rm_words",
    local_metadata,
    sa.Column("word_id", UUIDType(), primary_key=True),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("meaning", sa.Text(), nullable=False),
    sa.Column("category", sa.Text(), nullable=False),
    sa.Column("tags", sa.Text(), nullable=False),  # JSON array, for display
    sa.Column("difficulty", sa.Integer(), nullable=False),
    sa.Column("search_key", sa.Text(), nullable=False),  # folded text + meaning, for filtering
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    sa.Column("deleted", sa.Boolean(), nullable=False),
    sa.Index("idx_rm_words_category", "category"),
)

word_tags = sa.Table(
    "rm_word_tags",
    local_metadata,
    sa.Column("word_id", UUIDType(), primary_key=True),
    sa.Column("tag_key", sa.Text(), primary_key=True),
    sa.Index("idx_rm_word_tags_tag", "tag_key"),
)

progress = sa.Table(
    "rm_progress",
    local_metadata,
    sa.Column("word_id", UUIDType(), primary_key=True),
    sa.Column("repetition_count", sa.Integer(), nullable=False),
    sa.Column("easiness_factor", sa.Float(), nullable=False),
    sa.Column("interval_days", sa.Integer(), nullable=False),
    sa.Column("next_review_date", UTCDateTime(), nullable=False),
    sa.Column("last_answered_at", UTCDateTime(), nullable=True),
    sa.Index("idx_rm_progress_due", "next_review_date"),
)

answers = sa.Table(
    "rm_answers",
    local_metadata,
    sa.Column("event_id", UUIDType(), primary_key=True),
    sa.Column("session_id", UUIDType(), nullable=False),
    sa.Column("word_id", UUIDType(), nullable=False),
    sa.Column("answered_at", UTCDateTime(), nullable=False),
    sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),
    sa.Column("study_day", sa.String(10), nullable=False),
    sa.Column("is_correct", sa.Boolean(), nullable=False),
    sa.Column("response_time_ms", sa.Integer(), nullable=False),
    sa.Column("attempt_number", sa.Integer(), nullable=False),
    sa.Column("grade", sa.String(8), nullable=True),
    sa.Column("retracted", sa.Boolean(), nullable=False),
    # JSON: the statistics facets (category, tags) the answer was counted under, as its word was
    # then; an undo takes it back from the same ones even if the word was edited in between.
    sa.Column("facets", sa.Text(), nullable=False),
    sa.Index("idx_rm_answers_word", "word_id", "answered_at"),
    sa.Index("idx_rm_answers_day", "study_day"),
)

# What a word's schedule folds (bind `word_id`): its first attempts, not undone, in answer-time order
# (then the time-ordered id): (event_id, answered_at, is_correct, response_time_ms, grade, utc_offset_minutes).
FIRST_ATTEMPTS = (sa.select(answers.c.event_id, answers.c.answered_at, answers.c.is_correct,
                            answers.c.response_time_ms, answers.c.grade, answers.c.utc_offset_minutes)
                  .where(answers.c.word_id == sa.bindparam("word_id"), answers.c.attempt_number == 1,
                         answers.c.retracted.is_(False))
                  .order_by(answers.c.answered_at, answers.c.event_id))

sessions = sa.Table(
    "rm_sessions",
    local_metadata,
    sa.Column("session_id", UUIDType(), primary_key=True),
    sa.Column("mode", sa.String(32), nullable=False),
    sa.Column("word_ids", sa.Text(), nullable=False),  # JSON array, in session order
    sa.Column("started_at", UTCDateTime(), nullable=False),
    sa.Column("utc_offset_minutes", sa.Integer(), nullable=False),  # the learner's clock at the start
    sa.Column("completed_at", UTCDateTime(), nullable=True),
    sa.Column("answered", sa.Integer(), nullable=False),
    sa.Column("correct", sa.Integer(), nullable=False),
    sa.Column("duration_seconds", sa.Integer(), nullable=True),
    sa.Index("idx_rm_sessions_started", "started_at"),
)

daily_stats = sa.Table(
    "rm_daily_stats",
    local_metadata,
    sa.Column("study_day", sa.String(10), primary_key=True),
    sa.Column("answers", sa.Integer(), nullable=False),
    sa.Column("correct", sa.Integer(), nullable=False),
    sa.Column("response_ms", sa.Integer(), nullable=False),
    sa.Column("sessions_completed", sa.Integer(), nullable=False),
    sa.Column("study_seconds", sa.Integer(), nullable=False),
    sa.Column("words_added", sa.Integer(), nullable=False),
)

# One row: the learner's streak, derived from the study days that have answers
# (whatever device or learner id answered), keyed by this fixed id.
LEARNER = uuid.UUID(int=0)

streak = sa.Table(
    "rm_streak",
    local_metadata,
    sa.Column("user_id", UUIDType(), primary_key=True),
    sa.Column("consecutive_days", sa.Integer(), nullable=False),
    sa.Column("last_study_day", sa.String(10), nullable=False),
)
STREAK_ROW = sa.select(streak.c.consecutive_days, streak.c.last_study_day).where(
    streak.c.user_id == sa.bindparam("learner", LEARNER, type_=UUIDType()))  # one learner per profile

checkpoints = sa.Table(
    "rm_checkpoints",
    local_metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("position", sa.BigInteger(), nullable=False),
)

# --- statistics (see projections/statistics_handlers.py) ---------------------------------------------
# Per-word review totals folded by the scheduler: the "hardest words" figure orders by lapses.
word_stats = sa.Table(
    "rm_word_stats",
    local_metadata,
    sa.Column("word_id", UUIDType(), primary_key=True),
    sa.Column("reviews", sa.Integer(), nullable=False),
    sa.Column("lapses", sa.Integer(), nullable=False),
    sa.Index("idx_rm_word_stats_lapses", "lapses"),
)

# Answers per study day and facet: "" (every word), "c:<category>" or "t:<tag key>" (as the word was
# when answered), with their response-time histogram in columns rt_0..rt_9 (bands in
# statistics_handlers.py), so the activity figures are filtered without joining answers to words.
RESPONSE_TIME_BANDS = 10
daily_facets = sa.Table(
    "rm_daily_facets",
    local_metadata,
    sa.Column("facet", sa.Text(), primary_key=True),
    sa.Column("study_day", sa.String(10), primary_key=True),
    sa.Column("answers", sa.Integer(), nullable=False),
    sa.Column("correct", sa.Integer(), nullable=False),
    sa.Column("response_ms", sa.Integer(), nullable=False),
    *(sa.Column(f"rt_{band}", sa.Integer(), nullable=False) for band in range(RESPONSE_TIME_BANDS)),
    sqlite_with_rowid=False,  # rows clustered by (facet, day): a facet's range is one contiguous read
)

# Covering indexes for the schedule distributions, and the few deleted words they leave out.
sa.Index("idx_rm_progress_interval", progress.c.interval_days, progress.c.word_id)
sa.Index("idx_rm_progress_easiness", progress.c.easiness_factor, progress.c.word_id)
sa.Index("idx_rm_words_deleted", words.c.word_id, sqlite_where=words.c.deleted == sa.true())
sa.Index("idx_rm_word_tags_tag_word", word_tags.c.tag_key, word_tags.c.word_id)  # a tag's words, index only

# --- the history timeline (see effect_desktop/timeline/recorder.py) ----------------------------------
# One row per event, so the timeline pages and filters by index instead of decoding the log.
timeline = sa.Table(
    "rm_timeline",
    local_metadata,
    sa.Column("position", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
              autoincrement=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("day", sa.String(10), nullable=False),  # local study day, for grouping
    sa.Column("event_type", sa.String(64), nullable=False),
    sa.Column("word_id", UUIDType(), nullable=True),
    sa.Column("session_id", UUIDType(), nullable=True),
    sa.Column("cause_id", UUIDType(), nullable=True),  # metadata.causation_id
    sa.Column("subject_id", UUIDType(), nullable=True),  # the answer an AnswerRetracted cancels
    sa.Column("word_text", sa.Text(), nullable=True),  # the word's text when the event happened
    sa.Column("note", sa.Text(), nullable=True),  # JSON: fields before an edit
    sa.Index("idx_rm_timeline_type", "event_type", "position"),
    sa.Index("idx_rm_timeline_word", "word_id", "position"),
    sa.Index("idx_rm_timeline_session", "session_id", "position"),
    sa.Index("idx_rm_timeline_cause", "cause_id"),
    sa.Index("idx_rm_timeline_subject", "subject_id", sqlite_where=sa.text("subject_id IS NOT NULL")),
)

# Per study day: how many events and their position range, for day headers and date filters.
timeline_days = sa.Table(
    "rm_timeline_days",
    local_metadata,
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("events", sa.Integer(), nullable=False),
    sa.Column("first_position", sa.BigInteger(), nullable=False),
    sa.Column("last_position", sa.BigInteger(), nullable=False),
)

READ_MODELS = (words, word_tags, progress, answers, sessions, daily_stats, streak,
               word_stats, daily_facets, timeline, timeline_days)

"""What queries return: plain frozen records, so callers (GUI, CLI) never see SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from pydantic_core import from_json

from ..domain.word import MAX_MEANING, MAX_TEXT


@dataclass(frozen=True, slots=True)
class ProgressView:
    word_id: UUID
    repetition_count: int
    easiness_factor: float
    interval_days: int
    next_review_date: datetime
    last_answered_at: datetime | None


@dataclass(frozen=True, slots=True)
class WordView:
    word_id: UUID
    text: str
    meaning: str
    category: str
    tags: list[str]
    difficulty: int
    created_at: datetime
    updated_at: datetime
    deleted: bool = False
    progress: ProgressView | None = None


@dataclass(frozen=True, slots=True)
class AnswerView:
    event_id: UUID
    session_id: UUID
    word_id: UUID
    answered_at: datetime
    utc_offset_minutes: int
    study_day: date
    is_correct: bool
    response_time_ms: int
    attempt_number: int
    grade: str | None
    retracted: bool


@dataclass(frozen=True, slots=True)
class SessionView:
    session_id: UUID
    mode: str
    # the word ids as stored (a JSON list): made into UUIDs only when asked for, since the Sessions page
    # lists thousands of sessions for their word counts alone (397,000 UUIDs, 1.0 s of a 1.8 s refresh)
    word_ids_json: str
    started_at: datetime
    completed_at: datetime | None
    answered: int
    correct: int
    duration_seconds: int | None
    utc_offset_minutes: int = 0  # the learner's clock when the session started

    @property
    def word_ids(self) -> list[UUID]:
        return [UUID(w) for w in from_json(self.word_ids_json)]

    @property
    def word_count(self) -> int:
        return len(from_json(self.word_ids_json))

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    @property
    def started_local(self) -> datetime:
        """The learner's wall-clock time at the start (naive), as the timeline shows its events:
        the time they saw, wherever the computer showing it is now."""
        return (self.started_at.astimezone(UTC) + timedelta(minutes=self.utc_offset_minutes)).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class DailyStatsView:
    study_day: date
    answers: int
    correct: int
    response_ms: int
    sessions_completed: int
    study_seconds: int
    words_added: int


@dataclass(frozen=True, slots=True)
class StreakView:
    consecutive_days: int
    last_study_day: date | None
    current: int = 0


# The longest word filter, in characters: as long as a word and its meaning together, and far short of
# SQLite's limit on a LIKE pattern (50,000 bytes: past it the search failed with "LIKE or GLOB pattern
# too complex"). The CLI refuses a longer search; the window's search fields take no more.
MAX_SEARCH = MAX_TEXT + MAX_MEANING


@dataclass(frozen=True, slots=True)
class WordFilter:
    search: str = ""
    category: str | None = None
    tag: str | None = None
    difficulty: int | None = None
    include_deleted: bool = False
    deleted_only: bool = False  # the deleted words alone (to restore one)
    word_ids: list[UUID] = field(default_factory=list)

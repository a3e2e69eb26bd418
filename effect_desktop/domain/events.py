"""The events of the design, as frozen pydantic models.

Field names and types follow `event-sourcing-design.ja.md`; events added since
(undo, settings) say why they exist. Each payload class knows its
`event_type`, the `aggregate_type` of the stream it belongs to and its
`schema_version`; the registry (`registry.py`) turns stored rows back into
these classes, upcasting older shapes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny, field_validator

# Aggregate types: the names stored in the `aggregate_type` column.
WORD = "Word"
STUDY_SESSION = "StudySession"
WORD_PROGRESS = "WordProgress"
STREAK = "Streak"
PROFILE = "Profile"


class LearningMode(StrEnum):
    FLASHCARD = "flashcard"
    MULTIPLE_CHOICE = "multiple_choice"
    TYPING = "typing"


class Grade(StrEnum):
    """A learner's own verdict on a flashcard (Anki's four buttons)."""

    AGAIN = "again"
    HARD = "hard"
    GOOD = "good"
    EASY = "easy"


class EventData(BaseModel):
    """Base of every event payload: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_type: ClassVar[str]
    aggregate_type: ClassVar[str]
    schema_version: ClassVar[int] = 1

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.event_type = cls.__name__


# --- words -----------------------------------------------------------------


class WordCreated(EventData):
    aggregate_type: ClassVar[str] = WORD
    word_id: UUID
    text: str
    meaning: str
    difficulty: int
    category: str
    tags: list[str]


class WordUpdated(EventData):
    """Only the fields that changed, mapped to their new values."""

    aggregate_type: ClassVar[str] = WORD
    word_id: UUID
    changes: dict[str, Any]


class WordDeleted(EventData):
    aggregate_type: ClassVar[str] = WORD
    word_id: UUID


class WordRestored(EventData):
    """Undo of a deletion: a compensating event, so the deletion stays in history."""

    aggregate_type: ClassVar[str] = WORD
    word_id: UUID


# --- study sessions -----------------------------------------------------------


class SessionStarted(EventData):
    aggregate_type: ClassVar[str] = STUDY_SESSION
    session_id: UUID
    user_id: UUID
    word_ids: list[UUID]
    mode: LearningMode


class QuestionAnswered(EventData):
    """One answer. `grade` is our addition: set when the learner graded a flashcard."""

    aggregate_type: ClassVar[str] = STUDY_SESSION
    session_id: UUID
    word_id: UUID
    is_correct: bool
    response_time_ms: int
    attempt_number: int
    grade: Grade | None = None


class AnswerRetracted(EventData):
    """Undo of an answer: names the answer event it cancels; history keeps both."""

    aggregate_type: ClassVar[str] = STUDY_SESSION
    session_id: UUID
    word_id: UUID
    answer_event_id: UUID


class SessionCompleted(EventData):
    aggregate_type: ClassVar[str] = STUDY_SESSION
    session_id: UUID
    total_questions: int
    correct_answers: int
    duration_seconds: int


# --- progress --------------------------------------------------------------------


class ProgressUpdated(EventData):
    """A word's scheduling state after an answer (SM-2 fields, as designed)."""

    aggregate_type: ClassVar[str] = WORD_PROGRESS
    user_id: UUID
    word_id: UUID
    repetition_count: int
    easiness_factor: float
    interval_days: int
    next_review_date: datetime


class StreakUpdated(EventData):
    """`last_study_date` is the local study day, stored as midnight UTC of that date."""

    aggregate_type: ClassVar[str] = STREAK
    user_id: UUID
    consecutive_days: int
    last_study_date: datetime


# --- settings ---------------------------------------------------------------------------------------


class SchedulerChanged(EventData):
    """The learner chose another scheduler ("sm2" or "fsrs"); every schedule is refolded under it.

    An event, not a setting, so time travel and replays know which scheduler was in force.

    Each device writes its switches to its own profile stream, so which switch is the last one
    cannot be the order a device stored them in: devices receive each other's at different times.
    `generation` is one more than the highest generation the device had seen (a Lamport clock):
    a switch always wins over every switch its device knew of, and concurrent switches are ordered
    by their time, then their id (`scheduler_choice.choice_key`). Switches stored before it had
    this field read as generation 0."""

    aggregate_type: ClassVar[str] = PROFILE
    user_id: UUID
    scheduler: str
    generation: int = Field(default=0, ge=0)


class StudyDayStartChanged(EventData):
    """The learner moved the hour a study day starts (0-23); every past day is counted again under it.

    An event, not a setting, so every device counts the same days, streaks and due dates (SM-2's
    next review is the start of its day at this hour): two devices with different hours computed
    different schedules from the same answers. The hour in force is that of the greatest change by
    `generation`, time and id, as for `SchedulerChanged`."""

    aggregate_type: ClassVar[str] = PROFILE
    user_id: UUID
    hour: int = Field(ge=0, le=23)
    generation: int = Field(default=0, ge=0)


ALL_EVENT_TYPES: tuple[type[EventData], ...] = (
    WordCreated,
    WordUpdated,
    WordDeleted,
    WordRestored,
    SessionStarted,
    QuestionAnswered,
    AnswerRetracted,
    SessionCompleted,
    ProgressUpdated,
    StreakUpdated,
    SchedulerChanged,
    StudyDayStartChanged,
)


# --- the envelope -------------------------------------------------------------------


class EventMetadata(BaseModel):
    """Who and why. `utc_offset_minutes` (our addition) keeps the learner's local
    clock at the time, so study days can be computed again on replay, after a
    time-zone move, on another device."""

    model_config = ConfigDict(frozen=True)

    user_id: UUID
    correlation_id: UUID
    causation_id: UUID
    timestamp: datetime
    # within a day either way (Python's time zones end there; real ones at ±14 h): a hand-edited
    # 2**40 failed the rebuild with SQL on the screen instead of naming the line
    utc_offset_minutes: int = Field(default=0, gt=-24 * 60, lt=24 * 60)


class DomainEvent(BaseModel):
    """A stored (or about to be stored) event: the design's envelope.

    `position` is the event's place in the store's total order; it is None
    until the store has assigned one.
    """

    model_config = ConfigDict(frozen=True)

    event_id: UUID
    aggregate_id: UUID
    aggregate_type: str
    event_type: str
    event_data: SerializeAsAny[EventData]
    metadata: EventMetadata
    created_at: datetime
    version: int
    position: int | None = None

    @field_validator("version")
    @classmethod
    def _positive_version(cls, value: int) -> int:
        if value < 1:
            raise ValueError("versions start at 1")
        return value


_ENVELOPE_FIELDS = ("event_id", "aggregate_id", "aggregate_type", "event_type", "event_data",
                    "metadata", "created_at", "version", "position")
# The shortcut below is only valid while every field is given and there is no hook to run.
_FAST_ENVELOPE = (tuple(DomainEvent.model_fields) == _ENVELOPE_FIELDS
                  and not DomainEvent.__pydantic_post_init__ and not DomainEvent.__private_attributes__)
_set = object.__setattr__


def assemble_envelope(fields: dict[str, Any]) -> DomainEvent:
    """What `DomainEvent.model_construct(**fields)` builds, without its per-field loop.

    For envelopes whose every part is validated already: a stored row (validated
    when written) or a command's events (payload models, our ids, an aware clock).
    model_construct's generic loop was a quarter of an aggregate load and of an
    import's envelopes, so with all fields given it is done directly."""
    if not _FAST_ENVELOPE:
        return DomainEvent.model_construct(**fields)
    event = DomainEvent.__new__(DomainEvent)
    _set(event, "__dict__", fields)
    _set(event, "__pydantic_fields_set__", set(_ENVELOPE_FIELDS))
    _set(event, "__pydantic_extra__", None)
    _set(event, "__pydantic_private__", None)
    return event


def with_positions(events: Sequence[DomainEvent], positions: Sequence[int]) -> list[DomainEvent]:
    """Copies of stored envelopes carrying the positions the store gave them (in one loop, names
    bound once: an append of 100 events spent a twentieth of its time here)."""
    if not _FAST_ENVELOPE:
        return [DomainEvent.model_construct(**{**e.__dict__, "position": p})
                for e, p in zip(events, positions, strict=True)]
    new, cls, names = DomainEvent.__new__, DomainEvent, _ENVELOPE_FIELDS
    stored = []
    for original, position in zip(events, positions, strict=True):
        fields = original.__dict__.copy()
        fields["position"] = position
        event = new(cls)
        _set(event, "__dict__", fields)
        _set(event, "__pydantic_fields_set__", set(names))
        _set(event, "__pydantic_extra__", None)
        _set(event, "__pydantic_private__", None)
        stored.append(event)
    return stored

"""What the timeline queries return: plain records, so the GUI and CLI never see SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

WORD_FIELDS = ("text", "meaning", "category", "tags", "difficulty")


def in_field_order(changes: dict[str, Any]) -> dict[str, Any]:
    """An edit's changed fields in WORD_FIELDS order (any others after): the same story on every computer,
    whatever order a store kept the payload's keys in."""
    return {k: changes[k] for k in sorted(changes, key=lambda k: (WORD_FIELDS.index(k) if k in WORD_FIELDS
                                                                  else len(WORD_FIELDS), k))}


# A word event that names one of these as its cause takes that change back (an undo, or a redo when the
# cause was itself an undo): an edit by an edit, a deletion by a restore, a restore by a deletion, and
# the adding of a word by a deletion (the undo of an import).
UNDONE_BY = {"WordUpdated": ("WordUpdated",), "WordDeleted": ("WordRestored", "WordCreated"),
             "WordRestored": ("WordDeleted",)}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event as the timeline shows it.

    `payload` and `metadata` are the stored JSON, decoded; `word_text` is the
    word's text when the event happened; `note` holds extra context the
    recorder kept (the fields an edit replaced); `cause_type` is the event
    type of the cause when the cause is itself an event (an undo names the
    event it undoes; a redo names the undo it takes back, and `cause_is_undo`
    tells it from an undo); `subject` is the answer an `AnswerRetracted` cancels."""

    position: int
    event_id: UUID
    event_type: str
    aggregate_id: UUID
    aggregate_type: str
    version: int
    at: datetime
    day: str
    word_id: UUID | None
    session_id: UUID | None
    word_text: str | None
    cause_id: UUID | None
    correlation_id: UUID | None
    payload: dict[str, Any]
    metadata: dict[str, Any]
    note: dict[str, Any] | None = None
    cause_type: str | None = None
    subject: dict[str, Any] | None = None
    cause_is_undo: bool = False
    cause_root_type: str | None = None  # the change the chain of undos and redos starts from
    scheduler: str | None = None  # of a schedule change: the scheduler in force when it was made

    @property
    def utc_offset_minutes(self) -> int:
        return int(self.metadata.get("utc_offset_minutes", 0))


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """Filters that combine (AND). Empty means "everything"."""

    event_types: tuple[str, ...] = ()
    word_id: UUID | None = None
    session_id: UUID | None = None
    first_day: date | None = None  # inclusive, local study days
    last_day: date | None = None  # inclusive
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return (not self.event_types and self.word_id is None and self.session_id is None
                and self.first_day is None and self.last_day is None and not self.text.strip())


@dataclass(frozen=True, slots=True)
class TimelinePage:
    """Entries newest first; `next_before` is the cursor for the following page (None at the end)."""

    entries: list[TimelineEntry]
    next_before: int | None


@dataclass(frozen=True, slots=True)
class DaySummary:
    day: str
    events: int


@dataclass(frozen=True, slots=True)
class CausalChain:
    """An event's cause (when the cause is an event), its direct effects, and its command's events."""

    cause: TimelineEntry | None
    effects: list[TimelineEntry] = field(default_factory=list)
    same_command: list[TimelineEntry] = field(default_factory=list)

"""One word's whole story: creation, each edit (before and after), answers, schedule changes.

Built from the word's timeline entries (its own events, its answers and the
progress they caused), oldest first, so it needs no other read model and
shows deleted words too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from ..domain.scheduling.base import ReviewState
from .describe import describe, learner_time
from .entries import TimelineEntry, TimelineFilter
from .queries import TimelineQueries

WORD_FIELDS = ("text", "meaning", "category", "tags", "difficulty")
_SHOWN = frozenset({"WordCreated", "WordUpdated", "WordDeleted", "WordRestored", "QuestionAnswered",
                    "AnswerRetracted", "ProgressUpdated", "SchedulerChanged"})


@dataclass(frozen=True)
class HistoryStep:
    at: datetime
    event_type: str
    sentence: str
    position: int
    before: dict[str, Any] = field(default_factory=dict)  # edits: the fields as they were
    after: dict[str, Any] = field(default_factory=dict)  # edits: the new values; answers/progress: details
    retracted: bool = False  # an answer later undone
    local_at: datetime | None = None  # the learner's wall-clock time then (naive)


@dataclass(frozen=True)
class IntervalPoint:
    at: datetime
    interval_days: int
    next_review_date: datetime | None
    local_at: datetime | None = None  # the learner's wall-clock time then (naive), as the steps show it


@dataclass(frozen=True)
class WordStory:
    word_id: UUID
    text: str
    fields: dict[str, Any]  # as the word is now (or was when deleted)
    deleted: bool
    steps: list[HistoryStep]
    intervals: list[IntervalPoint]
    scheduler: str = ""  # the scheduler whose fold `intervals` is (the one in force now), when known

    @property
    def answers(self) -> list[HistoryStep]:
        return [s for s in self.steps if s.event_type == "QuestionAnswered"]


class WordNotFound(LookupError):
    """No word with that id or text; the message says what was looked for."""


# The word's schedule as a scheduler folds its answers up to a moment (None: nothing answered by then).
Refold = Callable[[str, datetime], ReviewState | None]


def word_story(queries: TimelineQueries, word_id: UUID, language: str = "en",
               refold: Refold | None = None) -> WordStory:
    """With `refold`, each switch of the scheduler is followed by the word's schedule under the new
    one: a switch writes no event per word, so the story said "next due on 2026-12-30 (interval
    15 d)" above the switch to FSRS, which had moved the word to 2026-12-18, and never said so."""
    entries = _all_entries(queries, word_id)
    # Switches of the scheduler in the word's lifetime: each schedule row says what the scheduler of
    # its day computed, and without them a row "next due in 1 day" stood above a chart (and an
    # "interval now") of 8 days, the fold under the scheduler in force now, with nothing to say why.
    created = next((e.position for e in entries if e.event_type == "WordCreated"), None)
    if created is not None:
        kept = [e for e in entries if e.event_type in ("WordDeleted", "WordRestored")]
        gone = kept[-1].position if kept and kept[-1].event_type == "WordDeleted" else None  # deleted since
        switches = queries.page(TimelineFilter(event_types=("SchedulerChanged",)), limit=1000).entries
        entries = sorted([*entries, *(e for e in switches if e.position > created
                                      and (gone is None or e.position < gone))], key=lambda e: e.position)
    if not any(e.event_type == "WordCreated" for e in entries):
        raise WordNotFound(f"There is no word with id {word_id}.")
    retracted = {e.payload.get("answer_event_id") for e in entries if e.event_type == "AnswerRetracted"}
    fields: dict[str, Any] = {}
    deleted = False
    steps: list[HistoryStep] = []
    intervals: list[IntervalPoint] = []
    for entry in entries:
        if entry.event_type not in _SHOWN:
            continue
        p = entry.payload
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        if entry.event_type == "WordCreated":
            fields = {k: p.get(k) for k in WORD_FIELDS}
            after = dict(fields)
        elif entry.event_type == "WordUpdated":
            changes = {k: v for k, v in p.get("changes", {}).items() if k in WORD_FIELDS}
            before = {k: fields.get(k) for k in changes}
            after = changes
            fields.update(changes)
        elif entry.event_type in ("WordDeleted", "WordRestored"):
            deleted = entry.event_type == "WordDeleted"
        elif entry.event_type == "QuestionAnswered":
            after = {k: p.get(k) for k in ("is_correct", "response_time_ms", "attempt_number", "grade")}
        elif entry.event_type == "ProgressUpdated":
            after = {k: p.get(k) for k in ("repetition_count", "easiness_factor", "interval_days",
                                           "next_review_date")}
            due = p.get("next_review_date")
            intervals.append(IntervalPoint(entry.at, int(p.get("interval_days", 0)),
                                           datetime.fromisoformat(due) if isinstance(due, str) else due,
                                           learner_time(entry.at, entry.utc_offset_minutes)))
        elif entry.event_type == "SchedulerChanged":
            after = {"scheduler": p.get("scheduler")}
        steps.append(HistoryStep(entry.at, entry.event_type, describe(entry, language), entry.position,
                                 before, after, str(entry.event_id) in retracted,
                                 learner_time(entry.at, entry.utc_offset_minutes)))
        if entry.event_type == "SchedulerChanged" and refold is not None and not deleted:
            moved = _schedule_after_switch(entry, str(p.get("scheduler", "")), fields, refold, language)
            if moved is not None:
                steps.append(moved)
    return WordStory(word_id, str(fields.get("text", "")), fields, deleted, steps, intervals)


def _schedule_after_switch(switch: TimelineEntry, scheduler: str, fields: dict[str, Any], refold: Refold,
                           language: str) -> HistoryStep | None:
    """The word's schedule under the scheduler switched to, told as a schedule change is."""
    state = refold(scheduler, switch.at)
    if state is None or state.next_review_date is None:
        return None
    after = {"repetition_count": state.repetition_count, "easiness_factor": state.easiness_factor,
             "interval_days": state.interval_days, "next_review_date": state.next_review_date.isoformat()}
    told = replace(switch, event_type="ProgressUpdated", payload=after, word_text=str(fields.get("text") or ""),
                   scheduler=scheduler)
    return HistoryStep(switch.at, "ProgressUpdated", describe(told, language), switch.position, {}, after,
                       local_at=learner_time(switch.at, switch.utc_offset_minutes))


def _all_entries(queries: TimelineQueries, word_id: UUID) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    before = None
    while True:
        page = queries.page(TimelineFilter(word_id=word_id), before=before, limit=1000)
        found.extend(page.entries)
        if page.next_before is None:
            break
        before = page.next_before
    found.reverse()
    return found

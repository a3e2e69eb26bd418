"""One word's whole story: creation, each edit (before and after), answers, schedule changes.

Built from the word's timeline entries (its own events, its answers and the
progress they caused), oldest first, so it needs no other read model and
shows deleted words too. "Oldest first" is by when each thing happened (the
event's time, then its position here): after a sync the local log holds
another device's earlier answers after this one's later ones, and in log order
the two computers told the story in two orders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from ..domain.scheduling.base import ReviewState
from .describe import describe, learner_time
from .entries import WORD_FIELDS, TimelineEntry, TimelineFilter, in_field_order
from .queries import TimelineQueries

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
    created = next((_when(e) for e in entries if e.event_type == "WordCreated"), None)
    if created is not None:
        kept = [e for e in _in_stream_order(entries, word_id) if e.event_type in ("WordDeleted", "WordRestored")]
        gone = _when(kept[-1]) if kept and kept[-1].event_type == "WordDeleted" else None  # deleted since
        switches = queries.page(TimelineFilter(event_types=("SchedulerChanged",)), limit=1000).entries
        entries = [*entries, *(e for e in switches if _when(e) > created and (gone is None or _when(e) < gone))]
    entries.sort(key=_when)
    if not any(e.event_type == "WordCreated" for e in entries):
        raise WordNotFound(f"There is no word with id {word_id}.")
    retracted = {e.payload.get("answer_event_id") for e in entries if e.event_type == "AnswerRetracted"}
    replaced, fields, deleted = _fold_the_word(entries, word_id)
    then: dict[str, Any] = {}  # the word as the rows have told it so far (a switch's row names it)
    gone_then = False
    steps: list[HistoryStep] = []
    intervals: list[IntervalPoint] = []
    for entry in entries:
        if entry.event_type not in _SHOWN:
            continue
        p = entry.payload
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        if entry.event_type == "WordCreated":
            after = {k: p.get(k) for k in WORD_FIELDS}
        elif entry.event_type == "WordUpdated":
            after = {k: v for k, v in in_field_order(p.get("changes", {})).items() if k in WORD_FIELDS}
            before = {k: replaced.get(entry.event_id, {}).get(k) for k in after}
        elif entry.event_type in ("WordDeleted", "WordRestored"):
            gone_then = entry.event_type == "WordDeleted"
        elif entry.event_type == "QuestionAnswered":
            after = {k: p.get(k) for k in ("is_correct", "response_time_ms", "attempt_number", "grade")}
        elif entry.event_type == "ProgressUpdated":
            if refold is not None and str(entry.cause_id) not in retracted:
                entry = _as_the_answers_fold_it(entry, refold)
                p = entry.payload
            after = {k: p.get(k) for k in ("repetition_count", "easiness_factor", "interval_days",
                                           "next_review_date")}
            due = p.get("next_review_date")
            intervals.append(IntervalPoint(entry.at, int(p.get("interval_days", 0)),
                                           datetime.fromisoformat(due) if isinstance(due, str) else due,
                                           learner_time(entry.at, entry.utc_offset_minutes)))
        elif entry.event_type == "SchedulerChanged":
            after = {"scheduler": p.get("scheduler")}
        if entry.event_type in ("WordCreated", "WordUpdated"):
            then.update(after)
        steps.append(HistoryStep(entry.at, entry.event_type, describe(entry, language), entry.position,
                                 before, after, str(entry.event_id) in retracted,
                                 learner_time(entry.at, entry.utc_offset_minutes)))
        if entry.event_type == "SchedulerChanged" and refold is not None and not gone_then:
            moved = _schedule_after_switch(entry, str(p.get("scheduler", "")), then, refold, language)
            if moved is not None:
                steps.append(moved)
    return WordStory(word_id, str(fields.get("text", "")), fields, deleted, steps, intervals)


def _fold_the_word(entries: list[TimelineEntry], word_id: UUID
                   ) -> tuple[dict[UUID, dict[str, Any]], dict[str, Any], bool]:
    """What each edit replaced, and the word's fields and deletion now, folded in its stream's order:
    that order decides which of two offline edits wins (the one pushed later), whatever their times,
    so the heading and each edit's "before" agree with the word list on every computer."""
    replaced: dict[UUID, dict[str, Any]] = {}
    fields: dict[str, Any] = {}
    deleted = False
    for entry in _in_stream_order(entries, word_id):
        p = entry.payload
        if entry.event_type == "WordCreated":
            fields = {k: p.get(k) for k in WORD_FIELDS}
        elif entry.event_type == "WordUpdated":
            changes = {k: v for k, v in p.get("changes", {}).items() if k in WORD_FIELDS}
            replaced[entry.event_id] = {k: fields.get(k) for k in changes}
            fields.update(changes)
        elif entry.event_type in ("WordDeleted", "WordRestored"):
            deleted = entry.event_type == "WordDeleted"
    return replaced, fields, deleted


def _when(entry: TimelineEntry) -> tuple[datetime, int]:
    return entry.at, entry.position


def _in_stream_order(entries: list[TimelineEntry], word_id: UUID) -> list[TimelineEntry]:
    return sorted((e for e in entries if e.aggregate_id == word_id), key=lambda e: e.version)


def _as_the_answers_fold_it(entry: TimelineEntry, refold: Refold) -> TimelineEntry:
    """A schedule change as the word's answers up to it fold, in answer-time order, whichever device
    gave them: each device's `ProgressUpdated` says what that device knew, and after a sync the rows
    read 1, 1, 17, 17 days where the schedule (`progress`, the chart) went 1, 6, 17, 50. Kept as
    recorded where no answer counts by then (a reset) or under a scheduler this version lacks."""
    state = refold(entry.scheduler, entry.at) if entry.scheduler else None
    if state is None or state.next_review_date is None:
        return entry
    return replace(entry, payload={**entry.payload, **_schedule(state)})


def _schedule(state: ReviewState) -> dict[str, Any]:
    return {"repetition_count": state.repetition_count, "easiness_factor": state.easiness_factor,
            "interval_days": state.interval_days,
            "next_review_date": state.next_review_date.isoformat() if state.next_review_date else None}


def _schedule_after_switch(switch: TimelineEntry, scheduler: str, fields: dict[str, Any], refold: Refold,
                           language: str) -> HistoryStep | None:
    """The word's schedule under the scheduler switched to, told as a schedule change is."""
    state = refold(scheduler, switch.at)
    if state is None or state.next_review_date is None:
        return None
    after = _schedule(state)
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

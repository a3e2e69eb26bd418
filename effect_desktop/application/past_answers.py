"""Answers given before they reached this profile (another app's review log), written as the
events studying here would have written then.

An Anki collection brings each note's reviews. A learner moving five years of them here expects
the history to come too: the schedule worked out from it (not every word new again), the
statistics and the timeline showing those years. So the reviews become what a session writes:
one session per sitting (a study day's answers, split where 30 minutes pass without one), each
review an answer stamped with its own moment and the learner's clock then, and after a word's
first attempt in a sitting its schedule from all its answers so far (ProgressUpdated, caused by
that answer), as `StudyService.answer` does. The read models count these like any answers
(an answer on an earlier day is what a sync brings, too).

No StreakUpdated is written: the streak is counted from the study days (handlers._restreak), so
the imported days count in it all the same, and a streak event per day of five years would only
fill the timeline.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from ..domain.aggregate import Aggregate, Recorded
from ..domain.events import EventMetadata, LearningMode
from ..domain.ids import new_id, progress_stream_id
from ..domain.progress import WordProgress
from ..domain.scheduling.base import Review, ReviewState, Scheduler
from ..domain.scheduling.studyday import study_day
from ..domain.session import MAX_WORDS, StudySession

SITTING_GAP = timedelta(minutes=30)  # longer without an answer: the next answer starts another session


@dataclass(frozen=True)
class PastAnswers:
    """One word's answers from elsewhere, oldest first or not (they are sorted here)."""

    word_id: UUID
    reviews: Sequence[Review]


class PastSessions:
    """The sittings the histories make; `parts` gives their events sitting by sitting, so a history
    of 200,000 reviews is appended a slice at a time instead of held whole (2 GB)."""

    def __init__(self, histories: Sequence[PastAnswers], day_start_hour: int) -> None:
        answers = sorted(((review, history.word_id) for history in histories for review in history.reviews),
                         key=lambda pair: pair[0].answered_at)
        self.answers = len(answers)
        self.sittings = _sittings(answers, day_start_hour)
        # when each word was first studied: the start of the sitting of its first answer, with the offset then
        self.first_studied: dict[UUID, tuple[datetime, int]] = {}
        for sitting in self.sittings:
            started, offset = _started(sitting), sitting[0][0].utc_offset_minutes
            for _, word_id in sitting:
                self.first_studied.setdefault(word_id, (started, offset))

    def parts(self, *, user_id: UUID, scheduler: Scheduler, correlation_id: UUID, cause: UUID,
              added: dict[UUID, dict[str, Any]],
              continued: dict[UUID, tuple[WordProgress, ReviewState]] | None = None,
              ) -> Iterator[list[dict[str, Any]]]:
        """Each sitting's sessions, answers and schedule changes, in the order studying would have
        stored them, as envelope fields (position None, as `assemble_envelope` takes them), each
        stamped (metadata and `created_at`) with its own moment: recorded then, as another device's
        events are (time travel counts an event from when it was recorded). Every stream is new: the
        sessions' ids are made here, and each word's progress stream is new with the word (the words
        are new in the same import), but for `continued` words: answered before, their reviews here are
        all later, and each goes on from its progress aggregate (as loaded) and its schedule so far.
        Each word's schedule is folded one review at a time.

        `added`: each word's WordCreated (as of its first sitting, `first_studied`), stored just
        before that sitting, so the history runs in time order: with all the words first, every
        time-travel checkpoint after them counted as of the last one's day, and each jump into the
        imported years replayed the whole history."""
        progress: dict[UUID, WordProgress] = {word_id: word for word_id, (word, _) in (continued or {}).items()}
        states: dict[UUID, ReviewState] = {word_id: state for word_id, (_, state) in (continued or {}).items()}
        initial = scheduler.initial()
        for sitting in self.sittings:
            parts: list[dict[str, Any]] = [added.pop(word_id) for word_id in dict.fromkeys(w for _, w in sitting)
                                           if word_id in added]
            envelope = _Envelopes(parts, user_id, correlation_id)
            first = sitting[0][0]
            started = _started(sitting)
            session = StudySession.start(new_id(), user_id, list(dict.fromkeys(w for _, w in sitting)),
                                         LearningMode.FLASHCARD)
            envelope.add(session.pending[-1], session, cause, started, first.utc_offset_minutes)
            for review, word_id in sitting:
                answered = session.answer(word_id, review.is_correct, review.response_time_ms, review.grade)
                envelope.add(answered, session, cause, review.answered_at, review.utc_offset_minutes)
                if answered.data.attempt_number != 1:  # type: ignore[attr-defined]
                    continue  # in-session repeats do not move the schedule (SM-2 step 7)
                state = states[word_id] = scheduler.review(states.get(word_id, initial), review)
                word = progress.get(word_id)
                if word is None:
                    word = progress[word_id] = WordProgress(progress_stream_id(user_id, word_id))
                recorded = word.record(user_id, word_id, state)
                if recorded is not None:  # stored right after its answer, as a live answer stores it
                    envelope.add(recorded, word, answered.event_id, review.answered_at, review.utc_offset_minutes)
            last = sitting[-1][0]
            done = session.complete(started, last.answered_at, [review.answered_at for review, _ in sitting],
                                    [review.response_time_ms / 1000 for review, _ in sitting])
            envelope.add(done, session, cause, last.answered_at, last.utc_offset_minutes)
            yield parts


def _started(sitting: list[tuple[Review, UUID]]) -> datetime:
    """When a sitting began: its first card was shown that long before its answer."""
    first = sitting[0][0]
    return first.answered_at - timedelta(milliseconds=first.response_time_ms)


def _sittings(answers: list[tuple[Review, UUID]], day_start_hour: int) -> list[list[tuple[Review, UUID]]]:
    """Answers in time order, cut where the study day changes, where SITTING_GAP passes without an
    answer, or where a session would hold more words than one may."""
    sittings: list[list[tuple[Review, UUID]]] = []
    current: list[tuple[Review, UUID]] = []
    words: set[UUID] = set()
    day = previous = None
    for review, word_id in answers:
        today = study_day(review.answered_at, review.utc_offset_minutes, day_start_hour)
        if current and (today != day or review.answered_at - previous > SITTING_GAP  # type: ignore[operator]
                        or (word_id not in words and len(words) >= MAX_WORDS)):
            sittings.append(current)
            current, words = [], set()
        current.append((review, word_id))
        words.add(word_id)
        day, previous = today, review.answered_at
    if current:
        sittings.append(current)
    return sittings


class _Envelopes:
    """Envelope fields with each event's own moment (the store serialises each metadata once)."""

    def __init__(self, parts: list[dict[str, Any]], user_id: UUID, correlation_id: UUID) -> None:
        self.parts = parts
        self.user_id = user_id
        self.correlation_id = correlation_id

    def add(self, recorded: Recorded, aggregate: Aggregate, cause: UUID, moment: datetime, offset: int) -> None:
        """The event `aggregate` has just recorded, taken from it (a word's progress lives across
        sittings: its events would pile up there)."""
        expected, _ = aggregate.take_pending()
        utc = moment.astimezone(UTC)
        metadata = EventMetadata(user_id=self.user_id, correlation_id=self.correlation_id, causation_id=cause,
                                 timestamp=utc, utc_offset_minutes=offset)
        self.parts.append({"event_id": recorded.event_id, "aggregate_id": aggregate.id,
                           "aggregate_type": aggregate.aggregate_type, "event_type": recorded.data.event_type,
                           "event_data": recorded.data, "metadata": metadata, "created_at": utc,
                           "version": expected + 1, "position": None})

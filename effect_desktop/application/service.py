"""The application service: the only way state changes.

Each public method is one command. It runs inside one store transaction (on
SQLite a BEGIN IMMEDIATE, so nobody writes between our read and our append):
load the aggregates, let them decide, append their events with the expected
versions, update the read models, commit. A refused command raises a
`DomainError` before anything is written.

Every event of one command shares a correlation id; the events the command
causes directly name the command as their cause, and derived events (the
`ProgressUpdated` and `StreakUpdated` after an answer) name the answer's
event id.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, TypeVar
from uuid import UUID

from ..domain.aggregate import Aggregate, Recorded
from ..domain.errors import NotFound, RuleViolated, ValidationFailed
from ..domain.events import (
    WORD,
    DomainEvent,
    EventData,
    EventMetadata,
    Grade,
    LearningMode,
    ProgressUpdated,
    assemble_envelope,
)
from ..domain.ids import new_id, progress_stream_id, streak_stream_id
from ..domain.progress import WordProgress, review_from_answer
from ..domain.scheduling.base import Review, ReviewState, Scheduler, replay
from ..domain.scheduling.studyday import offset_minutes, study_day
from ..domain.session import StudySession, active_seconds
from ..domain.streak import Streak
from ..domain.word import CheckedFields, Word, new_word_event
from ..gc_pause import without_gc
from ..persistence.bulk_append import append_new_envelopes
from ..projections.queries import Queries
from ..projections.views import AnswerView, WordFilter
from .past_answers import PastAnswers, PastSessions
from .ports import Clock, ReadModelUpdater, TransactionalStore
from .preview import days_until_due, first_attempt_reviews
from .repository import Repository

_T = TypeVar("_T")

# An imported history of more events than this (and than an eighth of the log) is projected by one
# rebuild after it is stored, not event by event; it is stored in slices of APPEND_SLICE events.
REBUILD_AFTER = 10_000
APPEND_SLICE = 20_000

@dataclass
class _Command:
    """One user action: its id (the cause of its direct events) and its clock reading."""

    command_id: UUID
    correlation_id: UUID
    now: datetime
    causes: dict[UUID, UUID] = field(default_factory=dict)  # event id -> causation id
    metadata: dict[UUID, EventMetadata] | None = None  # causation id -> the events' shared metadata
    utc_now: datetime | None = None  # `now` in UTC, one object for all the command's envelopes

    def cause(self, recorded: Recorded | None, causation_id: UUID | None = None) -> None:
        if recorded is not None:
            self.causes[recorded.event_id] = causation_id or self.command_id


def _grade(grade: Grade | str | None) -> Grade | None:
    """The learner's grade, refused with a clear message (not a ValueError) when unknown."""
    if not grade:
        return None
    try:
        return Grade(grade)
    except ValueError:
        raise ValidationFailed(
            {"grade": f"Unknown grade {grade!r}; use again, hard, good or easy."}) from None


def _response_ms(response_time_ms: int | str) -> int:
    try:
        return int(response_time_ms)
    except (TypeError, ValueError):
        raise ValidationFailed(
            {"response_time_ms": "Response time must be a whole number of milliseconds."}) from None


@dataclass(frozen=True)
class AnswerOutcome:
    answer_event_id: UUID
    attempt_number: int
    progress: ProgressUpdated | None
    streak_days: int | None


@dataclass(frozen=True)
class ImportedWords:
    correlation_id: UUID
    created: list[UUID]
    updated: list[UUID]
    events: int
    # what an undo of the import needs: each new word with its WordCreated's id, and each changed word
    # with its values before and after the change and the change's event id
    created_events: list[tuple[UUID, UUID]] = field(default_factory=list)
    changes: list[tuple[UUID, dict[str, Any], dict[str, Any], UUID]] = field(default_factory=list)
    answers: int = 0  # answers given elsewhere that came with the new words (an Anki collection's reviews)


class StudyService:
    def __init__(self, store: TransactionalStore, read_models: ReadModelUpdater, queries: Queries,
                 user_id: UUID, scheduler: Scheduler, clock: Clock, day_start_hour: int,
                 snapshot_every: int = 100) -> None:
        self.store = store
        self.read_models = read_models
        self.queries = queries
        self.user_id = user_id
        self.scheduler = scheduler
        self.clock = clock
        self.day_start_hour = day_start_hour
        self.repository = Repository(store, snapshot_every)

    # --- words -----------------------------------------------------------------------------------------
    def create_word(self, text: str, meaning: str, category: str = "", tags: list[str] | str | None = None,
                    difficulty: int | str = 1) -> UUID:
        return self.create_words([dict(text=text, meaning=meaning, category=category, tags=tags or [],
                                       difficulty=difficulty)])[0]

    @without_gc  # the starter deck, or a script's batch: many objects alive at once (see gc_pause.py)
    def create_words(self, entries: list[dict[str, Any]]) -> list[UUID]:
        """Many words as one command (an import, the starter deck): all or none."""
        command = self._command()
        words = []
        for entry in entries:
            word = Word.create(new_id(), **entry)
            command.cause(word.pending[0])
            words.append(word)
        self._commit(command, words)
        return [w.id for w in words]

    @without_gc  # tens of thousands of words, events and rows alive at once (see gc_pause.py)
    def import_words(self, entries: list[dict[str, Any]],
                     updates: list[tuple[UUID, dict[str, Any]]] | None = None,
                     histories: Sequence[Sequence[Review]] | None = None,
                     answered_elsewhere: Sequence[tuple[UUID, Sequence[Review]]] = (),
                     later: Sequence[tuple[UUID, Sequence[Review]]] = (),
                     correlation_id: UUID | None = None) -> ImportedWords:
        """An import as one command: new words and changes to existing ones, all or none.

        Every event shares one correlation id, so the timeline shows the import
        as one action. The new words' streams are appended in one batch (no
        version query per stream), which is what makes a 50,000-row file quick.
        `histories`, beside `entries`: each new word's answers given elsewhere (an Anki
        collection's reviews), stored as the sessions that gave them (past_answers.py);
        `answered_elsewhere`: the same for words already here and never answered here (a deck
        imported before without its history), each taken only if its schedule's stream is new;
        `later`: for words answered before, answers given elsewhere after all of theirs (Anki used
        on the way, then its package exported again), their schedules going on from where they are.
        `correlation_id`: the action the import is part of (the scheduler switch made with it)."""
        command = self._command(correlation_id)
        later = [(word_id, reviews) for word_id, reviews in later if reviews]
        with self.store.transaction() as transaction:
            if histories or later:
                self.read_models.take_up_switch(transaction)  # the schedules fold under the profile's scheduler
            changed: list[Word] = []
            replaced: list[tuple[UUID, dict[str, Any], dict[str, Any], UUID]] = []
            for word_id, changes in updates or []:
                word = self._load_word(word_id)
                before = word.update(**changes)
                if word.pending:
                    command.cause(word.pending[0])
                    changed.append(word)
                    replaced.append((word_id, before, {k: word.fields.get(k) for k in before},
                                     word.pending[0].event_id))
            created: list[tuple[UUID, UUID, EventData]] = []  # (word id, event id, WordCreated)
            for entry in entries:
                if type(entry) is CheckedFields:  # checked row by row already, by the import's plan
                    word_id = new_id()
                    created.append((word_id, new_id(), new_word_event(word_id, entry)))
                else:
                    word = Word.create(new_id(), **entry)
                    created.append((word.id, word.pending[0].event_id, word.pending[0].data))
            stored = self._commit(command, changed) if changed else []
            parts = self._first_events(command, WORD, created)  # type: ignore[arg-type]
            past = [PastAnswers(word_id, reviews)
                    for (word_id, _, _), reviews in zip(created, histories or (), strict=False) if reviews]
            past += [PastAnswers(word_id, reviews) for word_id, reviews in answered_elsewhere
                     if reviews and not self.store.get_events(progress_stream_id(self.user_id, word_id))]
            continued = {word_id: (self.repository.load(WordProgress, progress_stream_id(self.user_id, word_id)),
                                   replay(self.scheduler, self._reviews(word_id))) for word_id, _ in later}
            past += [PastAnswers(word_id, reviews) for word_id, reviews in later]
            if past:
                written = self._append_history(transaction, command, parts, PastSessions(past, self.day_start_hour),
                                               continued)
            else:
                fresh = append_new_envelopes(self.store, parts)  # type: ignore[arg-type]
                self.read_models.apply(transaction, fresh)
                written = len(fresh)
        return ImportedWords(command.correlation_id, [word_id for word_id, _, _ in created],
                             [w.id for w in changed], len(stored) + written,
                             [(word_id, event_id) for word_id, event_id, _ in created], replaced,
                             answers=sum(len(p.reviews) for p in past))

    def _append_history(self, transaction: Any, command: _Command, word_parts: list[dict[str, Any]],
                        sessions: PastSessions,
                        continued: dict[UUID, tuple[WordProgress, ReviewState]] | None = None) -> int:
        """The sessions the histories make (past_answers.py), each word added just before its first,
        then the words without a history; how many events. A long history is appended a slice at a
        time and the read models rebuilt once after it: through the handlers, 200,000 reviews took a
        minute and 2 GB."""
        added = {part["aggregate_id"]: self._added_then(part, command, sessions.first_studied[part["aggregate_id"]])
                 for part in word_parts if part["aggregate_id"] in sessions.first_studied}
        plain = [part for part in word_parts if part["aggregate_id"] not in added]
        slices = itertools.chain(sessions.parts(user_id=self.user_id, scheduler=self.scheduler,
                                                correlation_id=command.correlation_id, cause=command.command_id,
                                                added=added, continued=continued), [plain])
        # the new streams' next versions, from slice to slice; a schedule that goes on, from its own
        versions: dict[UUID, int] = {word.id: word.version + 1 for word, _ in (continued or {}).values()}
        if 2 * sessions.answers < max(REBUILD_AFTER, self.store.last_position() // 8):
            fresh = append_new_envelopes(self.store, [part for parts in slices for part in parts],  # type: ignore[arg-type]
                                         versions)
            self.read_models.apply(transaction, fresh)
            return len(fresh)
        written = 0
        batch: list[dict[str, Any]] = []
        for parts in slices:
            batch += parts
            if len(batch) >= APPEND_SLICE:
                written += len(append_new_envelopes(self.store, batch, versions))  # type: ignore[arg-type]
                batch = []
        written += len(append_new_envelopes(self.store, batch, versions))  # type: ignore[arg-type]
        self.read_models.rebuild()
        return written

    def _added_then(self, part: dict[str, Any], command: _Command, first: tuple[datetime, int]) -> dict[str, Any]:
        """A word studied elsewhere before it came here is added as of its first sitting there: its
        history then starts with it, the day's "words added" counts it, and the collection as it was
        at a past moment holds the word its answers then name."""
        moment, offset = first
        utc = moment.astimezone(UTC)
        metadata = EventMetadata(user_id=self.user_id, correlation_id=command.correlation_id,
                                 causation_id=command.command_id, timestamp=utc, utc_offset_minutes=offset)
        return {**part, "metadata": metadata, "created_at": utc}

    def update_word(self, word_id: UUID, undoes: UUID | None = None, expect: dict[str, Any] | None = None,
                    **changes: Any) -> dict[str, Any]:
        """Record the changed fields; returns their previous values (for undo). `expect`: an undo's
        guard, the values the undone edit set; a field changed again since (by the CLI, another
        window, a sync) keeps its newer value instead of being put back over it."""
        command = self._command()
        with self.store.transaction():
            word = self._load_word(word_id)
            if expect is not None and undoes is not None:
                changes = self._as_it_was_before(word_id, undoes, changes)
            wanted = _still(word, changes, expect)
            if expect is not None and not wanted:  # an undo with nothing left to take back
                return {}
            before = word.update(**wanted)
            if word.pending:
                command.cause(word.pending[0], undoes)
                self._commit(command, [word])
        return before

    def update_words(self, changes: list[tuple[UUID, dict[str, Any]]],
                     undoes: dict[UUID, UUID] | None = None,
                     expect: dict[UUID, dict[str, Any]] | None = None) -> list[tuple[UUID, dict[str, Any], UUID]]:
        """Several words changed as one action (one correlation id; all or none): a category set or
        a tag added to a selection. Returns (word, its previous values, the change's event id) for
        each word that changed; `undoes` names, per word, the change an undo takes back, and `expect`
        what it set (see `update_word`)."""
        command = self._command()
        done: list[tuple[UUID, dict[str, Any], UUID]] = []
        with self.store.transaction():
            words: list[Word] = []
            merged: dict[UUID, dict[str, Any]] = {}  # a word named twice: one change (else a version clash)
            for word_id, fields in changes:
                merged.setdefault(word_id, {}).update(fields)
            for word_id, fields in merged.items():
                word = self._load_word(word_id)
                guard = (expect or {}).get(word_id)
                undone = (undoes or {}).get(word_id)
                if guard is not None and undone is not None:
                    fields = self._as_it_was_before(word_id, undone, fields)
                wanted = _still(word, fields, guard)
                if guard is not None and not wanted:  # an undo with nothing left to take back here
                    continue
                before = word.update(**wanted)
                if word.pending:
                    command.cause(word.pending[0], (undoes or {}).get(word_id))
                    words.append(word)
                    done.append((word_id, before, word.pending[0].event_id))
            if words:
                self._commit(command, words)
        return done

    def all_or_none(self, work: Callable[[], _T]) -> _T:
        """Several commands in one transaction: all of them or none. An import's undo deletes the
        words it added and puts back the ones it changed; a busy profile between the two left the
        deletions done, and the retry then knew nothing of them."""
        with self.store.transaction():
            return work()

    def fields_before(self, word_id: UUID, event_id: UUID, changes: dict[str, Any]) -> dict[str, Any]:
        """`_as_it_was_before`, for an undo that decides its values itself (Organize's)."""
        return self._as_it_was_before(word_id, event_id, changes)

    def _as_it_was_before(self, word_id: UUID, event_id: UUID, changes: dict[str, Any]) -> dict[str, Any]:
        """An undo's values: each field as the word's stream held it just before the undone event.
        The window remembers what the edit replaced here, but a sync may have put another device's
        edit of the field before it since: the undo then brought back a value that edit had
        replaced, and it was gone from every device without a word. (The event not in the stream:
        the remembered values.)"""
        stored = self.store.stream_stored(word_id)  # as stored: an import's undo asks this of 20,000 words
        undone = event_id.bytes
        for index, entry in enumerate(stored):
            if bytes(entry[1]) == undone:
                word = Word(word_id).replay_stored(stored[:index], self.store.registry)
                return {name: word.fields.get(name, value) for name, value in changes.items()}
        return changes

    def word_fields(self, word_id: UUID, names: Iterable[str]) -> dict[str, Any]:
        """The word's current values of these fields (what an edit just set: its undo's guard)."""
        fields = self._load_word(word_id).fields
        return {name: fields.get(name) for name in names}

    def change_words(self, word_ids: list[UUID], change: Callable[[UUID, dict[str, Any]], dict[str, Any] | None],
                     undoes: dict[UUID, UUID] | None = None) -> list[tuple[UUID, dict[str, Any], UUID]]:
        """`change` applied to each word's fields as they are now, as one action (`update_words`):
        a tag added to a selection keeps a tag the CLI or a sync added meanwhile, which a list
        computed from what the window last showed wrote over."""
        with self.store.transaction():
            changes = []
            for word_id in dict.fromkeys(word_ids):
                word = self._load_word(word_id)
                if word.deleted:  # deleted meanwhile by another program: passed over, not an error for all
                    continue
                fields = change(word_id, dict(word.fields))
                if fields:
                    changes.append((word_id, fields))
            return self.update_words(changes, undoes) if changes else []

    def delete_word(self, word_id: UUID, undoes: UUID | None = None) -> UUID:
        """The deletion's event id (what an undo names); `undoes`: the restore it takes back."""
        command = self._command()
        with self.store.transaction():
            word = self._load_word(word_id)
            word.delete()
            event_id = word.pending[0].event_id
            command.cause(word.pending[0], undoes)
            self._commit(command, [word])
        return event_id

    def restore_word(self, word_id: UUID, undoes: UUID | None = None) -> UUID:
        """The restore's event id; `undoes`: the deletion it takes back."""
        command = self._command()
        with self.store.transaction():
            word = self.repository.load(Word, word_id)
            word.restore_deleted()
            event_id = word.pending[0].event_id
            command.cause(word.pending[0], undoes)
            self._commit(command, [word])
        return event_id

    def delete_words(self, word_ids: list[UUID], undoes: dict[UUID, UUID] | None = None,
                     skip_done: bool = False) -> list[tuple[UUID, UUID]]:
        """Several words deleted as one action (one transaction, one correlation id: all or none, and
        one group on the timeline); (word, the deletion's event id) for each. `undoes` names, per
        word, the restore an undo takes back; with `skip_done` a word already deleted (by another
        program meanwhile) is passed over instead of refusing the whole action."""
        return self._each_word(word_ids, Word.delete, undoes, skip_done, lambda word: word.deleted)

    def restore_words(self, word_ids: list[UUID], undoes: dict[UUID, UUID] | None = None,
                      skip_done: bool = False) -> list[tuple[UUID, UUID]]:
        """`delete_words`' counterpart: several deleted words brought back as one action."""
        return self._each_word(word_ids, Word.restore_deleted, undoes, skip_done,
                               lambda word: word.exists and not word.deleted)

    def _each_word(self, word_ids: list[UUID], change: Callable[[Word], object], undoes: dict[UUID, UUID] | None,
                   skip_done: bool, done_already: Callable[[Word], bool]) -> list[tuple[UUID, UUID]]:
        command = self._command()
        done: list[tuple[UUID, UUID]] = []
        with self.store.transaction():
            words: list[Word] = []
            for word_id in dict.fromkeys(word_ids):  # a word named twice is one change (else: a version clash)
                word = self.repository.load(Word, word_id)
                if skip_done and done_already(word):
                    continue
                change(word)
                command.cause(word.pending[0], (undoes or {}).get(word_id))
                words.append(word)
                done.append((word_id, word.pending[0].event_id))
            if words:
                self._commit(command, words)
        return done

    def last_word_event(self, word_id: UUID) -> DomainEvent | None:
        events = self.store.get_events(word_id)
        return events[-1] if events else None

    def _load_word(self, word_id: UUID) -> Word:
        word = self.repository.load(Word, word_id)
        if not word.exists:
            raise NotFound(f"There is no word with id {word_id}.")
        return word

    # --- sessions --------------------------------------------------------------------------------------
    def start_session(self, mode: LearningMode | str, word_ids: list[UUID]) -> UUID:
        try:
            mode = LearningMode(mode)
        except ValueError:
            raise ValidationFailed(
                {"mode": f"Unknown mode {mode!r}; use flashcard, multiple_choice or typing."}) from None
        command = self._command()
        with self.store.transaction():
            live = {w.word_id for w in self.queries.words_by_ids(word_ids)}
            missing = [w for w in word_ids if w not in live]
            if missing:
                deleted = {w.word_id for w in self.queries.words(WordFilter(word_ids=missing, deleted_only=True))}
                absent = list(dict.fromkeys(w for w in missing if w not in deleted))
                if not absent:
                    one = len(deleted) == 1
                    raise NotFound(f"{len(deleted):,} of the words {'is' if one else 'are'} deleted (first: "
                                   f"{missing[0]}); restore {'it' if one else 'them'} first (`words restore ID`, "
                                   "or Restore on the Words page).")
                raise NotFound(f"{len(absent):,} of the words {'does' if len(absent) == 1 else 'do'} not exist "
                               f"(first: {absent[0]}).")
            session = StudySession.start(new_id(), self.user_id, word_ids, mode)
            command.cause(session.pending[0])
            self._commit(command, [session])
        return session.id

    def answer(self, session_id: UUID, word_id: UUID, is_correct: bool, response_time_ms: int,
               grade: Grade | str | None = None) -> AnswerOutcome:
        command = self._command()
        with self.store.transaction() as transaction:
            self.read_models.take_up_switch(transaction)
            session = self._load_session(session_id)
            word = self.repository.load(Word, word_id)
            answered = session.answer(word_id, is_correct, _response_ms(response_time_ms),
                                      _grade(grade), word_deleted=word.deleted)
            command.cause(answered)
            aggregates: list[Aggregate] = [session]
            attempt = answered.data.attempt_number  # type: ignore[attr-defined]
            progress_event = None
            if attempt == 1:  # SM-2 step 7: in-session repeats do not move the schedule
                reviews = self._reviews(word_id) + [
                    review_from_answer(command.now, is_correct, int(response_time_ms), grade,
                                       offset_minutes(command.now))]
                progress, progress_event = self._reschedule(command, word_id, reviews, answered.event_id)
                aggregates.append(progress)
            streak = self.repository.load(Streak, streak_stream_id(self.user_id))
            day = study_day(command.now, offset_minutes(command.now), self.day_start_hour)
            counted = self.queries.streak(self.user_id, day, command.now)
            streak_event = streak.studied(self.user_id, day, (counted.consecutive_days, counted.last_study_day))
            command.cause(streak_event, answered.event_id)
            aggregates.append(streak)
            self._commit(command, aggregates)
        return AnswerOutcome(answered.event_id, attempt,
                             progress_event.data if progress_event else None,  # type: ignore[arg-type]
                             streak.consecutive_days if streak_event else None)

    def retract_answer(self, session_id: UUID, answer_event_id: UUID) -> None:
        """Undo an answer with a compensating event; the schedule is recomputed without it."""
        command = self._command()
        with self.store.transaction() as transaction:
            self.read_models.take_up_switch(transaction)
            session = self._load_session(session_id)
            retracted = session.retract(answer_event_id)
            command.cause(retracted, answer_event_id)
            word_id = retracted.data.word_id  # type: ignore[attr-defined]
            reviews = self._reviews(word_id, excluding=answer_event_id)
            progress, _ = self._reschedule(command, word_id, reviews, retracted.event_id)
            self._commit(command, [session, progress])

    def complete_session(self, session_id: UUID, ended_at: datetime | None = None) -> UUID:
        """`ended_at`: when the studying ended, if before now (the window completes a session when its
        summary is left, and the minutes on the summary are not study time)."""
        command = self._command()
        with self.store.transaction():
            session = self._load_session(session_id)
            view = self.queries.session(session_id)
            started_at = view.started_at if view else command.now
            answers = self.queries.answers_in_session(session_id)
            if ended_at is not None and ended_at < command.now:
                # stamped when the studying ended, on the learner's clock then: a summary left on screen
                # overnight (a laptop asleep) booked the session and its minutes on the next day
                last = max(answers, key=lambda a: a.answered_at, default=None)
                if last is not None and last.answered_at == ended_at:
                    offset = last.utc_offset_minutes
                elif view is not None and view.started_at == ended_at:  # a session closed as it began
                    offset = view.utc_offset_minutes  # (its day, not today's clock after a move)
                else:
                    offset = offset_minutes(command.now)
                command.now = ended_at.astimezone(timezone(timedelta(minutes=offset)))
            in_order = _standing(session, answers)
            done = session.complete(started_at, min(ended_at or command.now, command.now),
                                    [a.answered_at for a in in_order], [a.response_time_ms / 1000 for a in in_order])
            command.cause(done)
            self._commit(command, [session])
        return done.event_id

    def studied_seconds(self, session_id: UUID, until: datetime | None = None) -> int:
        """What completing the session when its studying ended at `until` (its last answer, by default)
        would count: the summary on screen says what the completion then records."""
        session = self._load_session(session_id)
        view = self.queries.session(session_id)
        if view is None:
            return 0
        in_order = _standing(session, self.queries.answers_in_session(session_id))
        end = until or max((a.answered_at for a in in_order), default=view.started_at)
        return active_seconds([view.started_at, *(a.answered_at for a in in_order), end],
                              [a.response_time_ms / 1000 for a in in_order])

    def _load_session(self, session_id: UUID) -> StudySession:
        session = self.repository.load(StudySession, session_id)
        if not session.started:
            raise NotFound(f"There is no session with id {session_id}.")
        return session

    def _reviews(self, word_id: UUID, excluding: UUID | None = None) -> list[Review]:
        return first_attempt_reviews(self.queries, word_id, excluding)

    def schedule_preview(self, word_id: UUID) -> dict[Grade, int]:
        """Days until the word is due again after each flashcard grade, answered now (preview.py)."""
        return days_until_due(self.queries, self.scheduler, word_id, self.clock(), self.day_start_hour)

    def _reschedule(self, command: _Command, word_id: UUID, reviews: list[Review],
                    cause: UUID) -> tuple[WordProgress, Recorded | None]:
        progress = self.repository.load(WordProgress, progress_stream_id(self.user_id, word_id))
        recorded = progress.schedule(self.scheduler, self.user_id, word_id, reviews)
        command.cause(recorded, cause)
        return progress, recorded

    # --- plumbing -----------------------------------------------------------------------------------------
    def _command(self, correlation_id: UUID | None = None) -> _Command:
        """`correlation_id`: the action this command is part of (an import's scheduler switch, made
        first), by default its own."""
        now = self.clock()
        if now.tzinfo is None:
            raise RuleViolated("the clock must give aware datetimes")
        command_id = new_id()
        return _Command(command_id, correlation_id or command_id, now)

    def _commit(self, command: _Command, aggregates: Sequence[Aggregate]) -> list[DomainEvent]:
        """Append every aggregate's pending events and update the read models, atomically."""
        stored: list[DomainEvent] = []
        with self.store.transaction() as transaction:
            for aggregate in aggregates:
                expected, pending = aggregate.take_pending()
                if not pending:
                    continue
                envelopes = self._envelopes(command, aggregate, expected, pending)
                stored.extend(self.store.append_events(aggregate.id, envelopes, expected))
                self.repository.snapshot_if_due(aggregate, expected)
                self.repository.keep(aggregate, envelopes[-1].event_id)
            self.read_models.apply(transaction, stored)
        return stored

    def _envelopes(self, command: _Command, aggregate: Aggregate, expected: int,
                   pending: list[Recorded]) -> list[DomainEvent]:
        """The stored form of a command's events. Every field comes from an already validated
        value (a payload model, our ids, the command's aware clock), so the envelope is assembled
        without validating it again: an import of 50,000 words built 100,000 models for nothing."""
        return [assemble_envelope(fields) for fields in self._envelope_parts(command, aggregate, expected, pending)]

    def _envelope_parts(self, command: _Command, aggregate: Aggregate, expected: int,
                        pending: list[Recorded]) -> list[dict[str, Any]]:
        """The fields of the envelopes (position None)."""
        parts: list[dict[str, Any]] = []
        for index, recorded in enumerate(pending, start=1):
            utc_now, shared = self._shared(command, command.causes.get(recorded.event_id, command.command_id))
            parts.append({
                "event_id": recorded.event_id, "aggregate_id": aggregate.id,
                "aggregate_type": aggregate.aggregate_type, "event_type": recorded.data.event_type,
                "event_data": recorded.data, "metadata": shared, "created_at": utc_now,
                "version": expected + index, "position": None})
        return parts

    def _first_events(self, command: _Command, aggregate_type: str,
                      events: list[tuple[UUID, UUID, EventData]]) -> list[dict[str, Any]]:
        """Envelope fields of new streams' first events, (stream id, event id, payload) each,
        caused by the command itself: an import's new words, without an aggregate object apiece."""
        utc_now, shared = self._shared(command, command.command_id)
        return [{"event_id": event_id, "aggregate_id": aggregate_id, "aggregate_type": aggregate_type,
                 "event_type": data.event_type, "event_data": data, "metadata": shared, "created_at": utc_now,
                 "version": 1, "position": None} for aggregate_id, event_id, data in events]

    def _shared(self, command: _Command, cause: UUID) -> tuple[datetime, EventMetadata]:
        """The command's time in UTC and the metadata of its events with this cause, each made
        once per command: one object each, so the store serialises and converts them once."""
        utc_now = command.utc_now
        if utc_now is None:
            utc_now = command.utc_now = command.now.astimezone(UTC)
        metadata = command.metadata
        if metadata is None:
            metadata = command.metadata = {}
        shared = metadata.get(cause)
        if shared is None:
            shared = metadata[cause] = EventMetadata(
                user_id=self.user_id, correlation_id=command.correlation_id, causation_id=cause,
                timestamp=utc_now, utc_offset_minutes=offset_minutes(command.now))
        return utc_now, shared


def _still(word: Word, changes: dict[str, Any], expect: dict[str, Any] | None) -> dict[str, Any]:
    """The changes, less those an undo must not make: fields no longer holding what the undone edit set
    (and all of them for a word deleted since: another program's delete stands)."""
    if expect is None:
        return changes
    if word.deleted:
        return {}
    return {name: value for name, value in changes.items() if word.fields.get(name) == expect.get(name)}


def _standing(session: StudySession, answers: list[AnswerView]) -> list[AnswerView]:
    """The session's answers that stand (not undone), in the order given, not by clock (a clock set back
    during the session would otherwise turn a step back into time studied)."""
    given = {a.event_id.bytes: a for a in answers}
    return [given[key] for key in session.answers if key in given]

"""The StudySession aggregate: which words, which answers, and when it ended."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, ClassVar
from uuid import UUID

from .aggregate import Aggregate, JsonApplier, Recorded, id_from_bytes
from .errors import RuleViolated, ValidationFailed
from .events import (
    STUDY_SESSION,
    AnswerRetracted,
    EventData,
    Grade,
    LearningMode,
    QuestionAnswered,
    SessionCompleted,
    SessionStarted,
)
from .ids import parse_id

MAX_WORDS = 1000
MAX_RESPONSE_MS = 3_600_000


class StudySession(Aggregate):
    aggregate_type: ClassVar[str] = STUDY_SESSION

    def __init__(self, aggregate_id: UUID) -> None:
        super().__init__(aggregate_id)
        self.started = False
        self.completed = False
        self.word_ids: list[UUID] = []
        self._members: frozenset[UUID] = frozenset()  # word_ids, for the check every answer makes
        self.mode: LearningMode | None = None
        # Ids of words and answers are kept in the form a load reads them, not as UUIDs: a long
        # session's load would otherwise make two UUIDs per answer that are rarely looked at again.
        # str(word_id) -> attempts so far
        self.attempts: dict[str, int] = {}
        # answer event id's 16 bytes -> (str(word_id), is_correct); retracted answers are removed
        self.answers: dict[bytes, tuple[str, bool]] = {}

    @classmethod
    def start(cls, session_id: UUID, user_id: UUID, word_ids: list[UUID], mode: LearningMode) -> StudySession:
        unique = list(dict.fromkeys(word_ids))
        if not unique:
            raise ValidationFailed({"word_ids": "A session needs at least one word."})
        if len(unique) > MAX_WORDS:
            raise ValidationFailed({"word_ids": f"A session holds at most {MAX_WORDS} words."})
        session = cls(session_id)
        session._record(SessionStarted(session_id=session_id, user_id=user_id, word_ids=unique,
                                       mode=LearningMode(mode)))
        return session

    def answer(self, word_id: UUID, is_correct: bool, response_time_ms: int,
               grade: Grade | None = None, *, word_deleted: bool = False) -> Recorded:
        """`word_deleted`: the word was deleted since the session began. A learner's answer to it is
        refused (`session answer` moved a deleted word's schedule); an answer another device gave before
        the deletion reached it is a fact a pull stores, and never passes through here."""
        self._require_open()
        if word_id not in self._members:
            raise RuleViolated("This word is not part of the session.")
        if word_deleted:
            raise RuleViolated(f"The word {word_id} is deleted; restore it first (`words restore {word_id}`, "
                               "or Restore on the Words page), then answer it.")
        if not 0 <= response_time_ms <= MAX_RESPONSE_MS:
            raise ValidationFailed({"response_time_ms": "Response time must be between 0 ms and one hour."})
        if grade is not None and (grade == Grade.AGAIN) == is_correct:
            raise ValidationFailed({"grade": "'Again' means a wrong answer; the other grades mean a right one."})
        answered = QuestionAnswered(session_id=self.id, word_id=word_id, is_correct=is_correct,
                                    response_time_ms=int(response_time_ms),
                                    attempt_number=self.attempts.get(str(word_id), 0) + 1, grade=grade)
        return self._record(answered)

    def retract(self, answer_event_id: UUID) -> Recorded:
        self._require_open()
        answer = self.answers.get(answer_event_id.bytes)
        if answer is None:
            raise RuleViolated("That answer is not in this session (or was already undone).")
        retracted = AnswerRetracted(session_id=self.id, word_id=parse_id(answer[0]),
                                    answer_event_id=answer_event_id)
        return self._record(retracted)

    def complete(self, started_at: datetime, now: datetime, answered: Sequence[datetime] = (),
                 took: Sequence[float] = ()) -> Recorded:
        """`answered`: when the session's answers were given, and `took` how long each took (seconds), so
        a pause (a laptop asleep for three days with the session open) is not counted as study time."""
        self._require_open()
        total = len(self.answers)
        correct = sum(1 for _, ok in self.answers.values() if ok)
        duration = active_seconds([started_at, *answered, now], took)
        done = SessionCompleted(session_id=self.id, total_questions=total, correct_answers=correct,
                                duration_seconds=duration)
        return self._record(done)

    def _require_open(self) -> None:
        if not self.started:
            raise RuleViolated("This session was never started.")
        if self.completed:
            raise RuleViolated("This session is already completed; start a new one.")

    # --- state ---------------------------------------------------------------------------
    def apply(self, event_id: UUID, data: EventData) -> None:
        if isinstance(data, SessionStarted):
            self.started = True
            self.word_ids = list(data.word_ids)
            self._members = frozenset(self.word_ids)
            self.mode = data.mode
        elif isinstance(data, QuestionAnswered):
            word = str(data.word_id)
            self.attempts[word] = data.attempt_number
            self.answers[event_id.bytes] = (word, data.is_correct)
        elif isinstance(data, AnswerRetracted):
            word = str(data.word_id)
            self.answers.pop(data.answer_event_id.bytes, None)
            self.attempts[word] = max(0, self.attempts.get(word, 0) - 1)
        elif isinstance(data, SessionCompleted):
            self.completed = True

    def _answered_from_json(self, event_id: bytes, payload: dict[str, Any]) -> bool:
        """`apply` of a stored QuestionAnswered from its decoded JSON (see aggregate.py): nearly
        every event of a session is one. Values in another form than validation would give (a word
        id in capitals, say, from an imported file) are left to it.

        A word id the store wrote is `str(UUID)`: 36 characters in lower case. Of the forms
        validation accepts, that length leaves only the hyphenated one, so lower case makes it
        canonical (`islower` also wants one letter: the one id in millions with none is validated)."""
        word, attempt, ok = payload["word_id"], payload["attempt_number"], payload["is_correct"]
        if (type(attempt) is not int or type(ok) is not bool or type(word) is not str
                or len(word) != 36 or not word.islower()):
            return False
        self.attempts[word] = attempt
        self.answers[event_id] = (word, ok)
        return True

    json_appliers: ClassVar[dict[type[EventData], JsonApplier]] = {
        QuestionAnswered: _answered_from_json,
    }

    def snapshot_state(self) -> dict[str, Any]:
        return {
            "started": self.started,
            "completed": self.completed,
            "word_ids": [str(w) for w in self.word_ids],
            "mode": self.mode.value if self.mode else None,
            "attempts": dict(self.attempts),
            "answers": {str(id_from_bytes(k)): [w, ok] for k, (w, ok) in self.answers.items()},
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.started = state["started"]
        self.completed = state["completed"]
        self.word_ids = [parse_id(w) for w in state["word_ids"]]
        self._members = frozenset(self.word_ids)
        self.mode = LearningMode(state["mode"]) if state["mode"] else None
        self.attempts = {_canonical(k): v for k, v in state["attempts"].items()}
        self.answers = {parse_id(k).bytes: (_canonical(w), ok) for k, (w, ok) in state["answers"].items()}


def _canonical(word_id: str) -> str:
    """A word id as `str(UUID)` writes it (a snapshot holds that form already)."""
    return word_id if len(word_id) == 36 and word_id.islower() else str(parse_id(word_id))


IDLE_AFTER = timedelta(minutes=10)  # the most one gap between answers counts
SETTLING = timedelta(minutes=1)  # beside an answer's own time: the last card's feedback read, the next shown


def active_seconds(moments: Sequence[datetime], took: Sequence[float | None] = ()) -> int:
    """The time studied across `moments` (the start, each answer, the end). Each gap counts what the
    answer that ends it took (`took[i]`, in seconds, for `moments[i + 1]`; nothing for the end) and up to
    SETTLING more, IDLE_AFTER at most: the rest of a gap is time away (the app closed, the session left
    and resumed, a night asleep). Every gap counted up to ten minutes: a session left one evening and
    finished the next morning said 10:09 for a minute of answers. A gap that goes backwards (a clock
    set back) counts nothing. The count never falls as a gap grows (a cut at ten minutes made 10:01 of
    gap count less than 9:59)."""
    total = 0.0
    for index, (earlier, later) in enumerate(zip(moments, moments[1:], strict=False)):
        gap = (later - earlier).total_seconds()
        if gap <= 0:
            continue
        spent = (took[index] if index < len(took) else None) or 0.0
        total += min(gap, spent + SETTLING.total_seconds(), IDLE_AFTER.total_seconds())
    return int(total)

"""The StudySession aggregate: which words, which answers, and when it ended."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from .aggregate import Aggregate, Recorded
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
        self.mode: LearningMode | None = None
        self.attempts: dict[UUID, int] = {}
        # answer event id -> (word_id, is_correct); retracted answers are removed
        self.answers: dict[UUID, tuple[UUID, bool]] = {}

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
               grade: Grade | None = None) -> Recorded:
        self._require_open()
        if word_id not in self.word_ids:
            raise RuleViolated("This word is not part of the session.")
        if not 0 <= response_time_ms <= MAX_RESPONSE_MS:
            raise ValidationFailed({"response_time_ms": "Response time must be between 0 ms and one hour."})
        if grade is not None and (grade == Grade.AGAIN) == is_correct:
            raise ValidationFailed({"grade": "'Again' means a wrong answer; the other grades mean a right one."})
        answered = QuestionAnswered(session_id=self.id, word_id=word_id, is_correct=is_correct,
                                    response_time_ms=int(response_time_ms),
                                    attempt_number=self.attempts.get(word_id, 0) + 1, grade=grade)
        return self._record(answered)

    def retract(self, answer_event_id: UUID) -> Recorded:
        self._require_open()
        if answer_event_id not in self.answers:
            raise RuleViolated("That answer is not in this session (or was already undone).")
        word_id, _ = self.answers[answer_event_id]
        retracted = AnswerRetracted(session_id=self.id, word_id=word_id, answer_event_id=answer_event_id)
        return self._record(retracted)

    def complete(self, started_at: datetime, now: datetime) -> Recorded:
        self._require_open()
        total = len(self.answers)
        correct = sum(1 for _, ok in self.answers.values() if ok)
        duration = max(0, int((now - started_at).total_seconds()))
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
            self.mode = data.mode
        elif isinstance(data, QuestionAnswered):
            self.attempts[data.word_id] = data.attempt_number
            self.answers[event_id] = (data.word_id, data.is_correct)
        elif isinstance(data, AnswerRetracted):
            self.answers.pop(data.answer_event_id, None)
            self.attempts[data.word_id] = max(0, self.attempts.get(data.word_id, 0) - 1)
        elif isinstance(data, SessionCompleted):
            self.completed = True

    def snapshot_state(self) -> dict[str, Any]:
        return {
            "started": self.started,
            "completed": self.completed,
            "word_ids": [str(w) for w in self.word_ids],
            "mode": self.mode.value if self.mode else None,
            "attempts": {str(k): v for k, v in self.attempts.items()},
            "answers": {str(k): [str(w), ok] for k, (w, ok) in self.answers.items()},
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.started = state["started"]
        self.completed = state["completed"]
        self.word_ids = [parse_id(w) for w in state["word_ids"]]
        self.mode = LearningMode(state["mode"]) if state["mode"] else None
        self.attempts = {parse_id(k): v for k, v in state["attempts"].items()}
        self.answers = {parse_id(k): (parse_id(w), ok) for k, (w, ok) in state["answers"].items()}

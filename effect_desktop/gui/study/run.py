"""The course of one study session on screen: what to ask next, and the summary.

Plain Python (no Qt), so the rules are easy to read and test: words are asked
in order; a word answered wrongly goes back into the queue a few cards later
(attempt 2, 3 — SM-2 step 7: repeats do not move the schedule, the core sees
to that); each answer can be undone, which puts the queue back as it was.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from uuid import UUID

from ...domain.text_fold import as_shown, without_marks, word_fold
from ...projections.views import AnswerView, WordView

MAX_ATTEMPTS = 3  # a word missed three times waits for the next session
REQUEUE_GAP = 3  # a missed word comes back after this many other cards


# A phrase's punctuation at its ends: not what the learner is asked to recall. "Guten Morgen" for "Guten
# Morgen!", "Que tal" for "¿Qué tal?", "Bonjour !" for "« Bonjour ! »" were misses, some "one letter off".
_EDGES = " .,;:!?¿¡…\"'«»‹›「」『』。、！？"


def normalise_typed(text: str) -> str:
    """Full-width/half-width, case, spaces around and between words (one or several), punctuation at the
    ends (`_EDGES`), and what `word_fold` ignores (curly or straight quotes, a soft hyphen in
    "co\u00adoperate", the emoji style of ❤️ against ❤ from another picker, the dot of İ in "istanbul") do
    not matter."""
    folded = " ".join(word_fold(text).split())
    return folded.strip(_EDGES) or folded  # an answer of punctuation alone ("?") is compared whole


# Letters a keyboard may lack, typed as their usual stand-ins: Russian writes е for ё in all but
# dictionaries, and French and Latin œ, æ are typed oe, ae where the keyboard has no key for them.
_STAND_INS = str.maketrans({"ё": "е", "œ": "oe", "æ": "ae"})


def typed_matches(typed: str, expected: str) -> bool:
    """Right, exactly (as `normalise_typed` compares, a letter's stand-in as the letter: е for ё, oe for œ)
    or but for the accents (`accents_only`)."""
    a, b = normalise_typed(typed), normalise_typed(expected)
    return bool(a) and (a.translate(_STAND_INS) == b.translate(_STAND_INS) or accents_only(typed, expected))


def accents_only(typed: str, expected: str) -> bool:
    """The answer right but for its accents ("cafe" for "café"): counted right, as a keyboard without é
    cannot type it, and said, so the learner sees the spelling (it was "one letter off", wrong, and two
    accents gave no hint at all). A letter's stand-in alone ("елка" for "ёлка", "soeur" for "sœur", either
    way round) is as written: nothing to say."""
    a, b = normalise_typed(typed), normalise_typed(expected)
    return bool(a) and a.translate(_STAND_INS) != b.translate(_STAND_INS) and _plain(a) == _plain(b)


# Letters of their own that are written as another with a mark: Russian й is not и, Belarusian ў not у
# ("мои" for "мой" is another word); kept through `without_marks`.
_OWN_LETTERS = str.maketrans({"й": "\ue000", "ў": "\ue001"})


def _plain(text: str) -> str:
    return without_marks(text.translate(_STAND_INS).translate(_OWN_LETTERS))


def spelled_otherwise(typed: str, expected: str) -> bool:
    """Right as compared (`typed_matches`), yet missing what the word's spelling holds beyond its letters:
    a capital past the first letter ("das haus" for "das Haus") or ß ("Masse" for "Maße"). Counted right,
    and said, as German nouns and ß are part of the spelling (both passed without a word). Capitals typed
    where the word has none ("APPLE"), the first letter's case, or a phrase whose every word has a capital
    (a list in Title Case) are nothing to say."""
    a, b = _as_written(typed), _as_written(expected)
    if "ß" in b.lower() and "ß" not in a.lower():
        return True
    if len(a) != len(b) or _title_case(b):  # "Good Morning", "New York": a list's style, not a spelling
        return False
    return any(w.isupper() and not t.isupper() for t, w in zip(a[1:], b[1:], strict=True))


def _title_case(text: str) -> bool:
    words = [word for word in text.split() if word[:1].isalpha()]
    return len(words) > 1 and all(word[0].isupper() for word in words)


def _as_written(text: str) -> str:
    """`normalise_typed` but for case and ß: width, spaces, quotes and edge punctuation still aside."""
    folded = " ".join(as_shown(text).split())
    return folded.strip(_EDGES) or folded


# kana, CJK ideographs and Hangul: a character says as much as a few letters, so three make a word whose
# slip is a typo (図書舘 for 図書館, a wrong pick in the input method); at two, one more is another word
_DENSE_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def one_slip_away(typed: str, expected: str) -> bool:
    """A typo, not another word: one letter left out, added, changed, or two neighbours swapped, in an
    answer of four letters or more, or three in Japanese, Chinese or Korean (still wrong: the feedback
    says how close it came)."""
    a, b = normalise_typed(typed), normalise_typed(expected)
    shortest = 3 if _DENSE_SCRIPT.search(b) else 4
    if a == b or min(len(a), len(b)) < shortest or abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):  # one left out or added
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[start + 1:] == shorter[start:]
    return a[start + 1:] == b[start + 1:] or (a[start:start + 2] == b[start:start + 2][::-1]
                                               and a[start + 2:] == b[start + 2:])


def choices_for(word: WordView, others: list[WordView], rng: random.Random, count: int = 4) -> list[str]:
    """The right meaning plus distractors from other words, same category first, shuffled."""
    right = word.meaning
    seen = {normalise_typed(right)}
    same = [w.meaning for w in others if w.category == word.category and w.word_id != word.word_id]
    rest = [w.meaning for w in others if w.category != word.category]
    rng.shuffle(same)
    rng.shuffle(rest)
    picked: list[str] = []
    for meaning in same + rest:
        key = normalise_typed(meaning)
        if key not in seen:
            seen.add(key)
            picked.append(meaning)
        if len(picked) == count - 1:
            break
    options = picked + [right]
    rng.shuffle(options)
    return options


@dataclass
class Result:
    word_id: UUID
    is_correct: bool
    response_time_ms: int
    answer_event_id: UUID | None = None


@dataclass
class Summary:
    answers: int
    correct: int
    seconds: float
    review_again: list[WordView] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0


class StudyRun:
    def __init__(self, session_id: UUID, mode: str, words: list[WordView],
                 earlier: list[AnswerView] | None = None) -> None:
        self.session_id = session_id
        self.mode = mode
        self.words = {w.word_id: w for w in words}
        self.results: list[Result] = []
        self.attempts: dict[UUID, int] = {}
        done: set[UUID] = set()
        for answer in earlier or []:
            if answer.retracted:
                continue
            self.results.append(Result(answer.word_id, answer.is_correct, answer.response_time_ms,
                                       answer.event_id))
            self.attempts[answer.word_id] = answer.attempt_number
            if answer.is_correct or answer.attempt_number >= MAX_ATTEMPTS:
                done.add(answer.word_id)
        self.queue = [w.word_id for w in words if w.word_id not in done]
        self.total_words = len(words)
        self._undo: list[tuple[UUID | None, list[UUID], dict[UUID, int], int]] = []
        self.left_out: set[UUID] = set()  # words deleted meanwhile: never asked again, an undo or not

    @property
    def finished(self) -> bool:
        return not self.queue

    def current(self) -> WordView | None:
        return self.words[self.queue[0]] if self.queue else None

    def attempt_of_current(self) -> int:
        return self.attempts.get(self.queue[0], 0) + 1 if self.queue else 0

    def comes_back_if_missed(self) -> bool:
        """Whether a miss (Again) on the current word puts it back into this session (see `record`)."""
        return bool(self.queue) and self.attempt_of_current() < MAX_ATTEMPTS

    def words_done(self) -> int:
        """Words that need no more asking (for the progress bar)."""
        return self.total_words - len(set(self.queue))

    def record(self, is_correct: bool, response_time_ms: int, answer_event_id: UUID | None) -> None:
        word_id = self.queue[0]
        self._undo.append((answer_event_id, list(self.queue), dict(self.attempts), len(self.results)))
        self.queue.pop(0)
        self.attempts[word_id] = self.attempts.get(word_id, 0) + 1
        self.results.append(Result(word_id, is_correct, response_time_ms, answer_event_id))
        if not is_correct and self.attempts[word_id] < MAX_ATTEMPTS:
            self.queue.insert(min(REQUEUE_GAP, len(self.queue)), word_id)

    def confirm_last(self, answer_event_id: UUID) -> None:
        """The core stored the latest answer: keep its event id, so it can be undone."""
        _, queue, attempts, result_count = self._undo[-1]
        self._undo[-1] = (answer_event_id, queue, attempts, result_count)
        self.results[-1].answer_event_id = answer_event_id

    def drop_last(self) -> None:
        """The core refused the latest answer: the queue goes back as it was before it."""
        _, queue, attempts, result_count = self._undo.pop()
        self.queue, self.attempts = [w for w in queue if w not in self.left_out], attempts
        del self.results[result_count:]

    def leave_out(self, word_ids: set[UUID]) -> bool:
        """These words were deleted (by a sync, another program, the Words page): their cards still to
        come are not asked. True if the card on screen was one of them."""
        current = self.queue[0] if self.queue else None
        dropped = set(self.queue) & word_ids
        self.left_out |= dropped
        self.queue = [w for w in self.queue if w not in dropped]
        self.total_words -= len(dropped)
        return current in dropped

    def undo(self, answer_event_id: UUID) -> bool:
        """Put the queue back as it was before this answer (only the latest one can be undone)."""
        if not self._undo or self._undo[-1][0] != answer_event_id:
            return False
        _, queue, attempts, result_count = self._undo.pop()
        self.queue, self.attempts = [w for w in queue if w not in self.left_out], attempts
        del self.results[result_count:]
        return True

    def summary(self, seconds: float) -> Summary:
        missed = list(dict.fromkeys(r.word_id for r in self.results if not r.is_correct))
        return Summary(len(self.results), sum(1 for r in self.results if r.is_correct), seconds,
                       [self.words[w] for w in missed if w in self.words])

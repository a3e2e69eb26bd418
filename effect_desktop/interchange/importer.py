"""Turning checked candidates into one import command: duplicates, bad rows, all or none.

A duplicate is a word with the same text and meaning (compared the way the
word list searches: width- and case-insensitive). The user chooses to skip
duplicates or to update them with the file's other fields. Rows that failed
the checks stop the import unless the user chose to leave them out; either
way the profile changes in one command (one transaction, one correlation id)
or not at all. Anki's notes that cannot become words (in a deck or its text
export) are left out and listed without asking: the learner cannot fix them
in the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from ..application.service import ImportedWords, StudyService
from ..backup.backups import Backup
from ..domain.scheduling.base import Review
from ..domain.text_fold import word_fold
from ..gc_pause import without_gc
from ..persistence.errors import DiskFull
from ..projections.queries import Queries
from ..projections.views import WordFilter, WordView
from ..wording import counted
from .candidates import Candidate, Parsed, RowProblem
from .errors import InterchangeError

MAX_PROBLEMS_SHOWN = 10
SCHEDULER_NAMES = {"sm2": "SM-2", "fsrs": "FSRS"}


class OnDuplicate(StrEnum):
    SKIP = "skip"
    UPDATE = "update"
    # and a new meaning for the only word of its text (an edited copy of the list imported again): asked
    # for, never assumed, since a second deck's "bank" would replace the first's meaning (found in review)
    UPDATE_MEANING = "update-meaning"


def word_key(text: str, meaning: str) -> tuple[str, str]:
    """A word's text and meaning as compared for duplicates: as `word_fold` compares them (a word added with a
    zero-width space the import drops is the same word)."""
    return word_fold(text).strip(), word_fold(meaning).strip()


@dataclass
class ImportPlan:
    creates: list[Candidate] = field(default_factory=list)
    updates: list[tuple[UUID, Candidate]] = field(default_factory=list)
    # Rows giving another meaning for a word of the list, the only one of its text in the list and in the
    # file: its meaning updated under "update-meaning"; otherwise added as another word, and counted here
    # to be said (an edited sheet imported again with "update" made a second 食べる beside the first).
    new_meanings: list[Candidate] = field(default_factory=list)
    meanings_replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (word, meaning before, after)
    duplicates: list[RowProblem] = field(default_factory=list)  # skipped, with the reason
    repeated: int = 0  # of the duplicates, those repeating a line of the file itself (not in the word list)
    # Anki reviews of notes that are words already in the list, or deleted from it: that word's history
    # is its own, and the same package imported again must not answer everything twice
    reviews_left_out: int = 0
    # Anki reviews of words already in the list that were never answered here (imported before, without
    # their history): they take it now, by word id
    histories: dict[UUID, list[Review]] = field(default_factory=dict)
    # Anki reviews of words answered here (or by an earlier import) given after the word's latest answer:
    # Anki used on the way, its package exported again; they go on from the word's schedule, by word id
    later: dict[UUID, list[Review]] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)  # rows that cannot be imported
    seen_position: int | None = None  # the log's last position when the word list was read for the plan

    @property
    def changes(self) -> int:
        return len(self.creates) + len(self.updates) + len(self.histories) + len(self.later)

    @property
    def reviews(self) -> int:
        """Answers given in Anki that come with the new words, to words never answered here, and to
        words answered here after their latest answer."""
        return (sum(len(c.history) for c in self.creates) + sum(len(h) for h in self.histories.values())
                + sum(len(h) for h in self.later.values()))

    @property
    def bad_rows(self) -> list[RowProblem]:
        """The problems that stop the import unless the user leaves them out (typos to fix)."""
        return [p for p in self.problems if not p.left_out]

    @property
    def left_out(self) -> list[RowProblem]:
        """Anki's notes that cannot become words: left out without asking."""
        return [p for p in self.problems if p.left_out]


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    skipped_duplicates: int
    skipped_problems: int  # bad rows the user chose to leave out
    events: int
    correlation_id: UUID | None
    left_out_notes: int = 0  # Anki's notes that cannot become words
    words: ImportedWords | None = None  # what was written, for the window's undo of the import
    answers: int = 0  # Anki reviews taken in as answers to the new words
    reviews_left_out: int = 0  # Anki reviews of words already in the list (or deleted from it)
    scheduler: str | None = None  # the scheduler switched to after the import (see schedule_after)


    def summary(self) -> str:
        parts = [f"{counted(self.created, 'word')} added", f"{self.updated:,} updated"]
        if self.skipped_duplicates:
            parts.append(f"{counted(self.skipped_duplicates, 'duplicate')} skipped")
        if self.skipped_problems:
            parts.append(f"{counted(self.skipped_problems, 'bad row')} left out")
        if self.left_out_notes:
            parts.append(f"{counted(self.left_out_notes, 'note')} left out")
        if self.answers:
            parts.append(f"{counted(self.answers, 'review')} from Anki kept as answers")
        if self.reviews_left_out:
            parts.append(f"{counted(self.reviews_left_out, 'review')} of words you already have (or had) left out")
        if self.scheduler:
            parts.append(f"scheduled by {SCHEDULER_NAMES.get(self.scheduler, self.scheduler)} from now on")
        return ", ".join(parts)


@without_gc  # a key per word of the profile and of the file, all alive until the end (see gc_pause.py)
def plan_import(queries: Queries, parsed: Parsed, on_duplicate: OnDuplicate | str = OnDuplicate.SKIP, *,
                history: bool = True) -> ImportPlan:
    """`history`: an Anki collection's reviews come with the new words, as answers (False: the words
    alone, for a fresh start)."""
    policy = OnDuplicate(on_duplicate)
    position = queries.store.last_position()
    listed = queries.words(WordFilter())
    existing = {word_key(w.text, w.meaning): w for w in listed}
    by_text: dict[str, list[WordView]] = {}
    for w in listed:
        by_text.setdefault(word_key(w.text, "")[0], []).append(w)
    in_file = Counter(word_key(c.fields["text"], "")[0] for c in parsed.candidates)
    plan = ImportPlan(problems=list(parsed.problems), seen_position=position)
    seen: dict[tuple[str, str], Candidate] = {}
    also: dict[int, list[Review]] = {}  # a new word's reviews from the file's later notes of it
    held: dict[UUID, list[Review]] = {}  # reviews of words already in the list
    for candidate in parsed.candidates:
        key = word_key(candidate.fields["text"], candidate.fields["meaning"])
        first = seen.get(key)
        if first is not None:
            plan.duplicates.append(RowProblem(candidate.line, f"same word and meaning as line {first.line}"))
            plan.repeated += 1
            if existing.get(key) is None:  # two Anki notes of one new word: one word, answered in both
                also[first.line] = [*also.get(first.line, []), *candidate.history]
            elif candidate.history:
                held.setdefault(existing[key].word_id, []).extend(candidate.history)
            continue
        seen[key] = candidate
        word = existing.get(key)
        if word is None:
            namesakes = by_text.get(key[0], [])
            if len(namesakes) == 1 and in_file[key[0]] == 1:  # the word, its meaning changed in the file
                plan.new_meanings.append(candidate)
                if policy is OnDuplicate.UPDATE_MEANING:
                    plan.updates.append((namesakes[0].word_id, candidate))
                    plan.meanings_replaced.append((namesakes[0].text, namesakes[0].meaning,
                                                   candidate.fields["meaning"]))
                    if candidate.history:
                        held.setdefault(namesakes[0].word_id, []).extend(candidate.history)
                    continue
            plan.creates.append(candidate)
            continue
        if candidate.history:
            held.setdefault(word.word_id, []).extend(candidate.history)
        if policy is not OnDuplicate.SKIP and _changes(word, candidate.fields):
            plan.updates.append((word.word_id, candidate))
        else:  # an update that changes nothing was counted "to update" (2,000 for the same file again)
            plan.duplicates.append(RowProblem(candidate.line, "already in your word list"))
    if not history:
        plan.creates = [replace(c, history=[]) if c.history else c for c in plan.creates]
        return plan
    _share_out_held(queries, plan, held)
    _leave_out_reviews_held(queries, plan, listed)
    if any(also.values()):  # copies: the parsed file is planned again whenever a choice changes
        plan.creates = [replace(c, history=[*c.history, *also[c.line]]) if also.get(c.line) else c
                        for c in plan.creates]
    if any(c.history for c in plan.creates):
        _leave_out_deleted_words_history(queries, plan)
    return plan


def _share_out_held(queries: Queries, plan: ImportPlan, held: dict[UUID, list[Review]]) -> None:
    """Reviews of words already in the list: a word never answered here takes them (a deck imported
    before, without its history, imported again to bring it); a word with answers of its own keeps its
    history as it is and takes only the reviews after its latest answer, the others left out: the same
    package again answers nothing twice, and one exported again after a month more of Anki on the way
    to work brings that month (its reviews were all left out, and the words stayed due)."""
    latest = queries.latest_answers(list(held))
    for word_id, reviews in held.items():
        last = latest.get(word_id)
        if last is None:
            plan.histories[word_id] = reviews
            continue
        later = [review for review in reviews if review.answered_at > last]
        plan.reviews_left_out += len(reviews) - len(later)
        if later:
            plan.later[word_id] = later


def _leave_out_reviews_held(queries: Queries, plan: ImportPlan, listed: list[WordView]) -> None:
    """Reviews a word of the same text already holds, at the same moment, are left out wherever they would
    go: they are the same reviews, of the same Anki note, whose meaning was edited there (the deck
    exported again gives another word of that text, under "skip" a second word beside the first). The new
    word took all of them, the statistics counting each twice; given to neither, those since were lost."""
    wanted = {word_key(c.fields["text"], "")[0] for c in plan.creates if c.history}
    wanted |= {word_key(w.text, "")[0] for w in listed if w.word_id in plan.histories or w.word_id in plan.later}
    namesakes = [w for w in [*listed, *queries.words(WordFilter(deleted_only=True))]
                 if word_key(w.text, "")[0] in wanted]
    if not namesakes:
        return
    times = queries.answer_times([w.word_id for w in namesakes])
    held: dict[str, set[datetime]] = {}
    for word in namesakes:
        held.setdefault(word_key(word.text, "")[0], set()).update(times.get(word.word_id, ()))

    def new(text: str, reviews: list[Review]) -> list[Review]:
        taken = held.get(word_key(text, "")[0], set())
        fresh = [review for review in reviews if review.answered_at not in taken]
        plan.reviews_left_out += len(reviews) - len(fresh)
        return fresh

    plan.creates = [replace(c, history=new(c.fields["text"], c.history)) if c.history else c for c in plan.creates]
    texts = {w.word_id: w.text for w in listed}
    for reviews_of in (plan.histories, plan.later):
        for word_id in list(reviews_of):
            reviews_of[word_id] = new(texts.get(word_id, ""), reviews_of[word_id])
            if not reviews_of[word_id]:
                del reviews_of[word_id]


def _leave_out_deleted_words_history(queries: Queries, plan: ImportPlan) -> None:
    """A new word that is also a deleted one (its import undone, or deleted by hand) comes without its
    reviews: the deleted word keeps the answers they gave, and importing the package again after
    Ctrl+Z counted every one twice in the statistics."""
    gone = queries.words(WordFilter(deleted_only=True))
    answered = queries.answered_words([w.word_id for w in gone]) if gone else set()
    deleted = {word_key(w.text, w.meaning) for w in gone if w.word_id in answered}  # one never answered holds none
    if not deleted:
        return
    kept = []
    for candidate in plan.creates:
        if candidate.history and word_key(candidate.fields["text"], candidate.fields["meaning"]) in deleted:
            plan.reviews_left_out += len(candidate.history)
            candidate = replace(candidate, history=[])
        kept.append(candidate)
    plan.creates = kept


def _changes(word: WordView, fields: dict[str, Any]) -> bool:
    """Whether the row would change the word (its fields checked as the word's own are)."""
    return any(fields[name] != getattr(word, name) for name in ("category", "tags", "difficulty") if name in fields)


def problems_message(problems: list[RowProblem]) -> str:
    shown = "; ".join(str(p).rstrip(".") for p in problems[:MAX_PROBLEMS_SHOWN])
    more = f" (and {len(problems) - MAX_PROBLEMS_SHOWN} more)" if len(problems) > MAX_PROBLEMS_SHOWN else ""
    return (f"{counted(len(problems), 'row')} cannot be imported: {shown}{more}. Fix them, or import the other rows "
            "(--skip-bad-rows); nothing was changed.")


@without_gc  # the plan's candidates and the command's words, all alive until the end (see gc_pause.py)
def apply_import(service: StudyService, plan: ImportPlan, *, skip_bad_rows: bool = False,
                 before_write: Callable[[int], object] | None = None,
                 first: Callable[[], object] | None = None, correlation_id: UUID | None = None) -> ImportReport:
    """Write the plan as one command; `before_write(n)` runs first (the automatic backup), and `first`
    (if anything is written) in the import's own transaction before its words (a scheduler switch,
    made as part of the import's action: `correlation_id`)."""
    bad_rows, left_out = plan.bad_rows, len(plan.left_out)
    if bad_rows and not skip_bad_rows:
        raise InterchangeError(problems_message(bad_rows))
    if not plan.changes:
        return ImportReport(0, 0, len(plan.duplicates), len(bad_rows), 0, None, left_out,
                            reviews_left_out=plan.reviews_left_out)
    made = None
    if before_write is not None:  # a few words may bring thousands of answers: counted as events
        made = before_write(plan.changes + plan.reviews)
    new_meaning = {id(c) for c in plan.new_meanings} if plan.meanings_replaced else set()
    updates = [(word_id, {k: v for k, v in c.fields.items()
                          if k != "text" and (k != "meaning" or id(c) in new_meaning)}) for word_id, c in plan.updates]

    def write() -> tuple[ImportedWords, int]:
        if first is not None:
            first()
        creates = _still_new(service, plan)
        live = _still_live(service, plan)  # a word deleted meanwhile refused the whole import
        result = service.import_words([c.fields for c in creates],  # checked once, by check_row
                                      [(word_id, changes) for word_id, changes in updates
                                       if changes and word_id in live],
                                      [c.history for c in creates],
                                      [(word_id, reviews) for word_id, reviews in plan.histories.items()
                                       if word_id in live],
                                      [(word_id, reviews) for word_id, reviews in _still_later(service, plan).items()
                                       if word_id in live], correlation_id)
        return result, len(plan.creates) - len(creates)

    try:
        result, added_meanwhile = service.all_or_none(write)
    except DiskFull:
        # Nothing was written: the backup just made is the profile as it still is, and it took the room
        # that "free some space and try again" needs (the retry then failed at its backup).
        if isinstance(made, Backup):
            with suppress(OSError):
                made.path.unlink(missing_ok=True)
        raise
    return ImportReport(len(result.created), len(result.updated), len(plan.duplicates) + added_meanwhile,
                        len(bad_rows), result.events, result.correlation_id, left_out, result, result.answers,
                        plan.reviews_left_out + plan.reviews - result.answers)


def _still_live(service: StudyService, plan: ImportPlan) -> set[UUID]:
    """The words the plan updates (or gives a history) that are not deleted now (read again only if the
    log has grown):
    one another program deleted since the plan refused the whole import ("This word has been
    deleted; restore it before changing it", naming no word)."""
    wanted = [word_id for word_id, _ in plan.updates] + list(plan.histories) + list(plan.later)
    if not wanted or plan.seen_position is None or service.store.last_position() == plan.seen_position:
        return set(wanted)
    return {w.word_id for w in service.queries.words_by_ids(wanted) if not w.deleted}


def _still_later(service: StudyService, plan: ImportPlan) -> dict[UUID, list[Review]]:
    """The plan's reviews after each word's latest answer, less those another program's answer since has
    passed (read again only if the log has grown): folded after it, they stored schedule changes out of
    their time order."""
    if not plan.later or plan.seen_position is None or service.store.last_position() == plan.seen_position:
        return plan.later
    latest = service.queries.latest_answers(list(plan.later))
    return {word_id: later for word_id, reviews in plan.later.items()
            if (later := [r for r in reviews if word_id not in latest or r.answered_at > latest[word_id]])}


def _still_new(service: StudyService, plan: ImportPlan) -> list[Candidate]:
    """The plan's new words less those another program added since the plan was made (in the write's
    transaction, which no other writer can enter: two imports of one file at once each added every
    row, 100,001 words). The list is read again only if the log has grown since."""
    if plan.seen_position is None or service.store.last_position() == plan.seen_position:
        return plan.creates
    existing = {word_key(w.text, w.meaning) for w in service.queries.words(WordFilter())}
    return [c for c in plan.creates if word_key(c.fields["text"], c.fields["meaning"]) not in existing]

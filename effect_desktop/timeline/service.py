"""The history features behind one object, for the GUI and the CLI.

`Timeline(profile)` bundles the timeline queries, time travel, per-word
stories and the scheduler replay over one opened profile. It builds nothing
of its own beyond query objects over the profile's store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from ..domain.events import Grade
from ..domain.scheduling.base import Review, ReviewState
from ..domain.text_fold import search_fold, word_fold
from ..projections.views import WordFilter
from .checkpoints import Progress
from .describe import learner_time
from .entries import TimelineFilter, TimelinePage
from .queries import TimelineQueries
from .scheduler_choice import UnknownScheduler, scheduler_named
from .travel import Comparison, PastState, TimeTravel
from .word_history import IntervalPoint, WordNotFound, WordStory, word_story

if TYPE_CHECKING:
    from ..bootstrap import Profile


class Timeline:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.queries = TimelineQueries(profile.store)
        self.travel = TimeTravel(profile.store, profile.user_id, profile.projector.day_start_hour)

    # --- readiness ------------------------------------------------------------------------------
    def needs_rebuild(self) -> bool:
        """True for a profile written before the timeline existed (its rows are missing)."""
        return self.queries.count() < self.profile.store.count()

    def prepare(self, progress: Progress | None = None) -> int:
        """Fill a missing timeline (one rebuild) and write the missing time-travel checkpoints."""
        if self.needs_rebuild():
            self.profile.projector.rebuild(progress)
        self.travel.checkpoints.drop_stale()
        return self.travel.checkpoints.extend(progress)

    # --- the timeline ---------------------------------------------------------------------------
    def page(self, timeline_filter: TimelineFilter | None = None, before: int | None = None,
             limit: int = 200) -> TimelinePage:
        return self.queries.page(timeline_filter, before, limit)

    # --- time travel ------------------------------------------------------------------------------
    def state_at(self, moment: datetime) -> PastState:
        return self.travel.state_at(moment)

    def compare_with_now(self, past: PastState) -> Comparison:
        now = self.profile.queries.words(WordFilter(include_deleted=True))
        return self.travel.compare(past, now)

    # --- one word ----------------------------------------------------------------------------------
    def word_story(self, word_id: UUID, language: str = "en") -> WordStory:
        """The word's events, and its schedule after each answer as the read models fold it.

        Each `ProgressUpdated` tells what the device that answered knew then; after a sync brought
        another device's answers in between, the schedule is the fold of all of them in answer-time
        order (handlers._reschedule), and the chart, "interval now" and the schedule rows (refolded
        at each, word_history._as_the_answers_fold_it) must say that, not the last device's guess
        (they said "1 day" where the schedule was 6)."""
        story = word_story(self.queries, word_id, language, refold=lambda name, at: self._refold(word_id, name, at))
        return replace(story, intervals=self._schedule_after_each_answer(word_id),
                       scheduler=self.profile.projector.scheduler.name)

    def _refold(self, word_id: UUID, scheduler_name: str, moment: datetime) -> ReviewState | None:
        """The word's schedule under `scheduler_name` over its answers up to `moment`, as a switch then
        refolded it (None: none answered by then, or a scheduler this version does not know)."""
        try:
            scheduler = scheduler_named(scheduler_name, self.profile.projector.day_start_hour)
        except UnknownScheduler:
            return None
        state, answered = scheduler.initial(), False
        for _event_id, at, correct, ms, grade, offset in self.profile.queries.first_attempts(word_id):
            if at > moment:
                break
            state = scheduler.review(state, Review(at, bool(correct), ms, Grade(grade) if grade else None, offset))
            answered = True
        return state if answered else None

    def _schedule_after_each_answer(self, word_id: UUID) -> list[IntervalPoint]:
        scheduler = self.profile.projector.scheduler
        state = scheduler.initial()
        points = []
        for _event_id, at, correct, ms, grade, offset in self.profile.queries.first_attempts(word_id):
            state = scheduler.review(state, Review(at, bool(correct), ms, Grade(grade) if grade else None, offset))
            points.append(IntervalPoint(at, state.interval_days, state.next_review_date, learner_time(at, offset)))
        return points

    def find_word(self, word: str) -> UUID:
        """A word by id or by its text, case and width ignored, and hiragana and katakana alike where
        no word is written exactly so (as the word list's search reads them: `history りんご` did not
        find リンゴ that `words list --search りんご` found); deleted words too: their history remains."""
        text = word.strip()
        try:
            return UUID(text)
        except ValueError:
            pass
        found = self.profile.queries.words(WordFilter(search=text, include_deleted=True))
        matches = ([w for w in found if word_fold(w.text) == word_fold(text)]
                   or [w for w in found if search_fold(w.text) == search_fold(text)])
        if not matches:
            raise WordNotFound(f"There is no word written {text!r} (case and width aside); give the word's "
                               "text, not its meaning, or its id (see `effect-desktop words list --search TEXT`).")
        live = [w for w in matches if not w.deleted] or matches
        if len(live) > 1:
            ids = ", ".join(str(w.word_id) for w in live)
            raise WordNotFound(f"{len(live)} words are written {text!r}; give one id: {ids}")
        return live[0].word_id

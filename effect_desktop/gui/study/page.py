"""The Study page: start (or resume) a session, answer card after card, see the summary.

Every answer is a core command sent the moment the key is pressed, so a
closed window or a killed process loses nothing: the session stays open and
is offered again (resume or finish) on the next start.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...application.planning import EVERY_WORD, Focus
from ...application.resuming import ResumePlan, plan_resume, worth_offering
from ...domain.events import LearningMode
from ...domain.session import MAX_RESPONSE_MS
from ...projections.views import SessionView, WordView
from ..context import AppContext, Page
from ..preferences import Preferences
from ..undo import UndoEntry, Undone
from . import queue
from .cards import Card, FlashcardCard
from .edit_current import CurrentWordEditor
from .panels import SessionPanel, StartPanel, mode_names
from .run import StudyRun, accents_only, spelled_otherwise
from .summary import SummaryPanel

POOL_EXTRA = 50  # distractor candidates fetched beside a small session's own words
SUMMARY_UNDO_MS = 120_000  # how long a summary can still take back the last answer before its session completes


@dataclass(frozen=True)
class StartState:
    """What the start panel shows, read off the GUI thread."""

    counts: queue.QueueCounts
    open_sessions: list[SessionView]
    words_answered: dict[UUID, int]  # of the first offered sessions: as the start-up question counts them
    focus: Focus
    categories: list[str]
    tags: list[str]


class StudyPage(Page):
    start_refreshed = Signal()  # the start panel shows the latest counts
    session_ended = Signal()  # completed or left: what waited for it (a recount) may go on

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 rng: random.Random | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("studyPage")
        self.run: StudyRun | None = None
        self.shown_at = 0.0
        self.open_session: SessionView | None = None
        self._said_on_start = ""  # kept through the counts the start panel reads next (see _ended_elsewhere)
        self._completing = False
        # a finished run whose summary is shown, its completion not yet written: until the summary is
        # left, undo can still take back its last answer (completing it at once made that answer final)
        self._ending: StudyRun | None = None
        # ... for a moment only: a summary left open overnight booked its session on the next day
        self._settle_soon = QTimer(self)
        self._settle_soon.setSingleShot(True)
        self._settle_soon.setInterval(SUMMARY_UNDO_MS)
        self._settle_soon.timeout.connect(self.settle)
        self.start_panel = StartPanel()
        self.session_panel = SessionPanel(rng or random.Random())
        self.summary_panel = SummaryPanel()
        self.stack = QStackedWidget()
        for panel in (self.start_panel, self.session_panel, self.summary_panel):
            self.stack.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.start_panel.start.clicked.connect(lambda: self.start_session(self.start_panel.selected_mode()))
        self.start_panel.focus.currentIndexChanged.connect(self._focus_chosen)
        self.start_panel.resume_button.clicked.connect(self._resume_open)
        self.start_panel.finish_button.clicked.connect(self._finish_open)
        self.summary_panel.done.connect(self.show_start)
        self.session_panel.leave.clicked.connect(self.leave_session)
        for card in (self.session_panel.flashcard, self.session_panel.choice, self.session_panel.typing):
            card.answered.connect(self._answered)
            card.proceed.connect(self._next_card)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.session_panel, self.leave_session)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editor = CurrentWordEditor(self)  # Ctrl+E: mend the word on the card
        self.session_panel.header.insertWidget(self.session_panel.header.count() - 1, self.editor.button)

    # --- start panel ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the counts and any unfinished session off the GUI thread (slow on long histories)."""
        if self.run is not None and not self._completing and self._completed_elsewhere(self.run.session_id):
            self._ended_elsewhere()  # a sync brought its completion from another computer
        elif self.run is not None and not self._completing:
            self._leave_out_deleted(self.run)
        if self.stack.currentWidget() is not self.start_panel:
            return
        profile = self.profile

        def read() -> StartState:
            now = profile.service.clock()
            focus = Preferences(profile.settings).study_focus
            offered = worth_offering(profile.queries.open_sessions(), now, profile.service.day_start_hour)
            answered = {s.session_id: len({a.word_id for a in profile.queries.answers_in_session(s.session_id)
                                           if not a.retracted}) for s in offered[:2]}  # (one may be running)
            return StartState(queue.counts(profile, now, focus), offered, answered, focus,
                              profile.queries.categories(with_none=True), profile.queries.tags(with_parents=True))

        self.context.operations.read(f"study-start-{id(self)}", read, self._show_start_state)

    def _focus_chosen(self) -> None:
        focus = self.start_panel.selected_focus()
        preferences = Preferences(self.profile.settings)
        ok, _ = self.context.operations.perform(lambda: setattr(preferences, "study_focus", focus), changes=False)
        if ok:
            self.start_panel.message.setText("")
            self.refresh_now()

    def _show_start_state(self, state: StartState) -> None:
        counts, open_sessions = state.counts, state.open_sessions
        self.start_panel.show_focuses(state.categories, state.tags, state.focus)
        if counts.due_available < counts.due:
            due = self.tr("%Ln review(s) today ({0} due in all)", "", counts.due_available).format(
                QLocale().toString(counts.due))
        else:
            due = self.tr("{0} due for review").format(QLocale().toString(counts.due))
        text = due + " · " + self.tr("%Ln new word(s) today", "", counts.new_available)
        if text != self.start_panel.counts.text():  # "Nothing to study…" beside "1 new word today"
            self.start_panel.message.setText(self._said_on_start)
        self._said_on_start = ""
        self.start_panel.counts.setText(text)
        open_sessions = [s for s in open_sessions if self.run is None or s.session_id != self.run.session_id]
        self.open_session = open_sessions[0] if open_sessions else None
        box = self.start_panel
        box.resume_box.setVisible(self.open_session is not None)
        if self.open_session is not None:
            names = mode_names(self)
            answered = state.words_answered.get(self.open_session.session_id, self.open_session.answered)
            if answered:  # words, as the start-up question counts them ("5 answers" beside "2 of 10 words")
                said = self.tr("An unfinished {0} session from {1} ({2} of %Ln word(s) answered).", "",
                               len(self.open_session.word_ids))
            else:  # "(0 answers so far)"
                said = self.tr("A {0} session from {1} was started; no word is answered yet.")
            box.resume_label.setText(said.format(names.get(self.open_session.mode, self.open_session.mode),
                                                 self.open_session.started_local.strftime("%Y-%m-%d %H:%M"),
                                                 QLocale().toString(min(answered, len(self.open_session.word_ids)))))
        self.start_refreshed.emit()

    def show_start(self) -> None:
        self.settle()
        self.stack.setCurrentWidget(self.start_panel)
        self.start_panel.message.setText("")
        self.refresh_now()
        self.start_panel.start.setFocus()

    def start_session(self, mode: str) -> bool:
        now = self.profile.service.clock()
        focus = self.start_panel.selected_focus()
        words = queue.session_words(self.profile, now, focus)
        if not words and focus != EVERY_WORD:
            self.start_panel.message.setText(self.tr(
                "Nothing to study in “{0}” right now: none of its words are due, or today's reviews and "
                "new words are done. Choose All words or another category or tag.").format(
                self.start_panel.focus.currentText()))
            return False
        if not words and not self.profile.queries.word_count():  # a new profile: limits are not the news
            self.start_panel.message.setText(self.tr(
                "There are no words yet. Add some on the Words page, or bring a list in with "
                "File → Import words…"))
            return False
        if not words:
            self.start_panel.message.setText(self.tr(
                "Nothing to study right now: no words are due, or today's reviews and new words "
                "are done. Add words on the Words page or raise the daily limits in Settings."))
            return False
        ok, session_id = self.context.operations.perform(
            lambda: self.profile.service.start_session(mode, [w.word_id for w in words]))
        if not ok or session_id is None:
            return False
        self._begin(StudyRun(session_id, mode, words))
        return True

    def resume(self, session: SessionView) -> None:
        """Continue with the words not yet answered correctly that are still to study now (answers so far
        are kept). Resumed days later, a session asked the words planned then as first attempts, though
        most were reviewed since and not due: each was reviewed early and put off further
        (application.resuming). Those are left out and the learner told; with none left, the session
        is finished with what it had."""
        profile = self.profile
        by_id = {w.word_id: w for w in profile.queries.words_by_ids(session.word_ids)}
        words = [by_id[w] for w in session.word_ids if w in by_id]
        earlier = profile.queries.answers_in_session(session.session_id)
        run = StudyRun(session.session_id, session.mode, words, earlier)
        plan = plan_resume(profile.queries, session, run.queue, profile.service.clock(),
                           profile.service.day_start_hour, queue.limits(profile))
        if not plan.left_out:
            self._begin(run)
            return
        run.leave_out(plan.left_out)
        if not run.finished:
            self._begin(run)
            self.session_panel.show_result(self.tr(
                "%Ln word(s) of this session left out: {0}.", "", len(plan.left_out)).format(self._why(plan)))
            return
        self._close_resumed(session, run, plan)

    def _why(self, plan: ResumePlan) -> str:
        """Why words were left out, with how many for each reason ("2 reviewed since it began, 1 not due")."""
        reasons = [self.tr("%Ln reviewed since it began", "", len(plan.reviewed_since)) if plan.reviewed_since else "",
                   self.tr("%Ln missed on an earlier day, asked again when due", "", len(plan.missed_then))
                   if plan.missed_then else "",
                   self.tr("%Ln not due yet", "", len(plan.not_due)) if plan.not_due else "",
                   self.tr("%Ln over today's limits", "", len(plan.over_limits)) if plan.over_limits else ""]
        return self.tr(", ", "between the reasons").join(r for r in reasons if r)

    def _close_resumed(self, session: SessionView, run: StudyRun, plan: ResumePlan) -> None:
        """Nothing of a resumed session is left to study now: it is completed with its answers (dated at
        its last one, or at its start if it has none: not booked on today) rather than asking nothing."""
        self.settle()
        ended = self._last_answer_at(session.session_id) or session.started_at
        ok, _ = self.context.operations.perform(
            lambda: self.profile.service.complete_session(session.session_id, ended))
        self.context.undo.discard(lambda e: e.owner == session.session_id)
        when = (mode_names(self).get(session.mode, session.mode), session.started_local.strftime("%Y-%m-%d %H:%M"))
        if run.results:
            said = self.tr("Nothing in the {0} session from {1} is left to study now ({2}); it was finished "
                           "with the %Ln answer(s) it had.", "", len(run.results))
        else:
            said = self.tr("Nothing in the {0} session from {1} is left to study now ({2}); it was closed.")
        self._said_on_start = said.format(*when, self._why(plan)) if ok else ""
        self.show_start()
        self.start_panel.message.setText(self._said_on_start)

    def finish(self, session: SessionView) -> None:
        """Complete an interrupted session with what was answered (its time up to its last answer)."""
        self.settle()
        ended = self._last_answer_at(session.session_id)
        self.context.operations.perform(lambda: self.profile.service.complete_session(session.session_id, ended))
        self.context.undo.discard(lambda e: e.owner == session.session_id)
        self.show_start()

    def _resume_open(self) -> None:
        if self.open_session is not None:
            self.resume(self.open_session)

    def _finish_open(self) -> None:
        if self.open_session is not None:
            self.finish(self.open_session)

    # --- the session ----------------------------------------------------------------------------
    def _begin(self, run: StudyRun) -> None:
        self.settle()
        self.run = run
        self.sitting_started = time.monotonic()
        panel = self.session_panel
        panel.mode_label.setText(mode_names(self).get(run.mode, run.mode))
        panel.show_result("")
        if run.mode == LearningMode.MULTIPLE_CHOICE.value:
            pool = list(run.words.values())
            if len(pool) < POOL_EXTRA:
                later = self.profile.service.clock() + timedelta(days=3650)
                pool += self.profile.queries.new_words(POOL_EXTRA)
                pool += self.profile.queries.due_words(later, self.profile.service.day_start_hour, POOL_EXTRA)
            panel.choice.pool = list({w.word_id: w for w in pool}.values())
        self.stack.setCurrentWidget(panel)
        if run.finished:
            self._complete()
        else:
            self.show_card()

    def current_card(self) -> Card:
        assert self.run is not None
        return self.session_panel.card_for(self.run.mode)

    def show_card(self) -> None:
        assert self.run is not None
        word = self.run.current()
        assert word is not None
        panel = self.session_panel
        card = self.current_card()
        panel.cards.setCurrentWidget(card)
        self._show_progress()
        card.ask(word)
        card.setFocus()
        self.shown_at = time.monotonic()
        if isinstance(card, FlashcardCard) and self.run.attempt_of_current() == 1:  # a repeat moves nothing
            service = self.profile.service
            back = self.run.comes_back_if_missed()
            self.context.operations.read(f"study-due-{id(self)}", lambda: service.schedule_preview(word.word_id),
                                         lambda days: card.show_due(word, days, back), owner=card)

    def _show_progress(self) -> None:
        assert self.run is not None
        panel = self.session_panel
        panel.progress.setMaximum(max(self.run.total_words, 1))
        panel.progress.setValue(self.run.words_done())
        panel.position.setText(self.tr("{0} / {1}").format(self.run.words_done(), self.run.total_words))

    def _answered(self, is_correct: bool, grade: str) -> None:
        """Show what comes next, then record the answer through the core.

        On a long history the command takes tens of milliseconds (loading the
        session, projecting, the fsync), so the next card (or the correction) is
        painted first and the answer written right after, before any other key
        is handled. If the core refuses it, the card is asked again."""
        run = self.run
        if run is None or run.current() is None:
            return
        word = run.current()
        assert word is not None
        typed = self.session_panel.typing.entry.text() if run.mode == LearningMode.TYPING.value else ""
        accents = is_correct and bool(typed) and accents_only(typed, word.text)
        spelled = is_correct and bool(typed) and not accents and spelled_otherwise(typed, word.text)
        elapsed = min(MAX_RESPONSE_MS, int((time.monotonic() - self.shown_at) * 1000))
        session_id = run.session_id
        if self._completed_elsewhere(session_id):
            self._ended_elsewhere()
            return
        if self._deleted_meanwhile(word.word_id):  # the core refuses its answer: left out, not an error box
            self._leave_out_deleted(run)
            return
        run.record(is_correct, elapsed, None)
        # a right answer written otherwise waits on its card, its spelling shown, as a mistake does
        advance = (is_correct and not (accents or spelled)) or run.mode == LearningMode.FLASHCARD.value
        shown_early = not (advance and run.finished)  # the summary waits for the stored answer
        if shown_early:
            self._show_result(word, is_correct, accents, spelled)
            if advance:
                self.show_card()
            elif is_correct:  # (the word is done: the progress says so while its spelling waits)
                self._show_progress()
                self.session_panel.typing.show_spelling(self._spelling_note(word, accents))
            else:
                self.current_card().show_mistake()
            self.session_panel.repaint()
        ok, outcome = self.context.operations.perform(lambda: self.profile.service.answer(
            session_id, word.word_id, is_correct, elapsed, grade or None))
        if not ok or outcome is None:
            if self.run is run:
                run.drop_last()
                self.session_panel.show_result("")
                self.show_card()
                self._leave_out_deleted(run)  # refused as deleted meanwhile: not asked again and again
            return
        run.confirm_last(outcome.answer_event_id)
        event_id = outcome.answer_event_id
        self.context.undo.push(UndoEntry(self.tr("answer to “{0}”").format(word.text),
                                         lambda: self.retract(session_id, event_id),
                                         kind="answer", owner=session_id))
        if not shown_early:
            self._show_result(word, is_correct, accents, spelled)
            self._next_card()

    def _show_result(self, word: WordView, is_correct: bool, accents: bool = False, spelled: bool = False) -> None:
        """`accents`: typed right but for its accents (run.accents_only), said with the spelling; `spelled`:
        right but written otherwise, its capitals or ß (run.spelled_otherwise), said so too."""
        # read out when right; a miss is said by the card itself, with the right answer
        spoken = self.tr("Right: {0} — {1}").format(word.text, word.meaning) if is_correct else ""
        shown = f"{'✓' if is_correct else '✗'}  {word.text} — {word.meaning}"
        if accents or spelled:
            note = self._spelling_note(word, accents)
            shown, spoken = f"{shown}  ({note})", f"{spoken} ({note})"
        self.session_panel.show_result(shown, is_correct, spoken)

    def _spelling_note(self, word: WordView, accents: bool) -> str:
        return (self.tr("mind the accents: “{0}”") if accents else self.tr("written “{0}”")).format(word.text)

    def _next_card(self) -> None:
        if self.run is None:
            return
        if self.run.finished:
            self._complete()
        else:
            self.show_card()

    def _completed_elsewhere(self, session_id: UUID) -> bool:
        """Whether the session was completed by another computer (through a sync) or program: every
        answer was then refused with "already completed", over the same card, until the learner left."""
        view = self.profile.queries.session(session_id)
        return view is not None and view.completed

    def _deleted_meanwhile(self, word_id: UUID) -> bool:
        """Whether the word on the card was deleted by another program the window has not heard from yet."""
        view = self.profile.queries.word(word_id)
        return view is not None and view.deleted

    def _leave_out_deleted(self, run: StudyRun) -> None:
        """Cards of words deleted since the session began (a sync bringing another computer's deletions,
        an import undone there, the CLI) are left out: they were asked to the end, each answer stored
        against a deleted word, and Ctrl+E on one said to restore it first."""
        waiting = list(dict.fromkeys(run.queue))
        if not waiting:
            return
        live = {w.word_id for w in self.profile.queries.words_by_ids(waiting) if not w.deleted}
        deleted = set(waiting) - live
        if not deleted:
            return
        on_screen = run.leave_out(deleted)
        said = self.tr("%Ln word(s) of this session were deleted meanwhile; their cards are left out.", "",
                       len(deleted))
        if run.finished:
            if run.results:
                self._complete()
                window = self.window()
                if isinstance(window, QMainWindow):
                    window.statusBar().showMessage(said, 10_000)
            else:
                self.leave_session()
                self.start_panel.message.setText(said)
            return
        self.session_panel.show_result(said)
        if on_screen and not self.current_card().waiting_to_proceed:  # (a card waiting for Enter shows
            self.show_card()  # the word before: the next is asked after it, as it comes then)
        else:
            self._show_progress()

    def _ended_elsewhere(self) -> None:
        run = self.run
        if run is None:
            return
        self.context.undo.discard(lambda e: e.owner == run.session_id)
        self.run = None
        self._said_on_start = self.tr(
            "This session was finished elsewhere (in another window, at the command line or on another "
            "computer); its answers are kept. Start a new one to go on.")
        self.show_start()
        self.start_panel.message.setText(self._said_on_start)
        self.session_ended.emit()

    def _complete(self) -> None:
        """The summary; the completion is written when it is left (`settle`), so that undo can still
        take back the last answer meanwhile."""
        run = self.run
        assert run is not None
        self.run = None
        view = self.profile.queries.session(run.session_id)
        if view is not None and view.completed:  # completed elsewhere: its end is already recorded
            self.context.undo.discard(lambda e: e.owner == run.session_id)
        else:
            self._ending = run
            self._settle_soon.start()
        seconds = float(view.duration_seconds) if view and view.duration_seconds is not None \
            else self._studied_seconds(run)
        now = self.profile.service.clock()
        streak = self.profile.queries.streak(self.profile.user_id, queue.today(self.profile, now), now)
        self.summary_panel.show_summary(run.summary(seconds), streak.current)
        self.stack.setCurrentWidget(self.summary_panel)
        self.session_ended.emit()

    def settle(self) -> None:
        """Write the completion of the session whose summary is shown, if any: the summary is left (for
        the start, another page, another session), or the window closes or hands its profile over."""
        self._settle_soon.stop()
        run, self._ending = self._ending, None
        if run is None:
            return
        self.context.undo.discard(lambda e: e.owner == run.session_id)
        if self._completed_elsewhere(run.session_id):
            return
        ended = self._last_answer_at(run.session_id)  # the minutes on the summary are not study time
        self._completing = True  # the pages refresh as it is stored: this completion is no one else's
        try:
            self.context.operations.perform(lambda: self.profile.service.complete_session(run.session_id, ended))
        finally:
            self._completing = False

    def _last_answer_at(self, session_id: UUID) -> datetime | None:
        """When the studying ended: the last answer that stands (an undone one's minute was not study)."""
        return max((a.answered_at for a in self.profile.queries.answers_in_session(session_id) if not a.retracted),
                   default=None)

    def _studied_seconds(self, run: StudyRun) -> float:
        """What the completion will record (the service counts it the same way, up to the last answer)."""
        if self.profile.queries.session(run.session_id) is None:
            return time.monotonic() - self.sitting_started
        return float(self.profile.service.studied_seconds(run.session_id))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        if not event.spontaneous():  # another page, not the window minimised: the session counts there
            self.settle()
        super().hideEvent(event)

    def retract(self, session_id: UUID, answer_event_id: UUID) -> Undone:
        """Undo an answer: a compensating event, then the card is asked again (from the summary too,
        before it is left: the session goes on). A session another program or computer completed
        meanwhile keeps its answers: the window says so (it showed "This session is already
        completed" in an error box)."""
        if self._completed_elsewhere(session_id):
            self.context.undo.discard(lambda e: e.owner == session_id)
            if self._ending is not None and self._ending.session_id == session_id:
                self._settle_soon.stop()
                self._ending = None
            elif self.run is not None and self.run.session_id == session_id:
                self._ended_elsewhere()
            return Undone.SESSION_ENDED
        self.profile.service.retract_answer(session_id, answer_event_id)
        ending = self._ending
        if self.run is None and ending is not None and ending.session_id == session_id:
            self._settle_soon.stop()
            self.run, self._ending = ending, None
        run = self.run
        if run is not None and run.session_id == session_id and run.undo(answer_event_id):
            self.session_panel.show_result(self.tr("Answer undone."))
            self.stack.setCurrentWidget(self.session_panel)
            self.show_card()
        return Undone.ALL

    def leave_session(self) -> None:
        """Esc: stop for now; the session stays open and can be resumed or finished later. Every word
        answered (the last card waiting for Enter, its spelling or correction shown): finished, as Enter
        would (it was left open, "2 of 2 words answered", to resume into its summary)."""
        run = self.run
        if run is None:
            return
        if run.finished and run.results:
            self._next_card()
            return
        self.context.undo.discard(lambda e: e.owner == run.session_id)
        self.run = None
        if not run.results:  # nothing answered: nothing to resume, so close it quietly
            self.context.operations.perform(lambda: self.profile.service.complete_session(run.session_id))
        self.show_start()
        self.session_ended.emit()

    @property
    def in_session(self) -> bool:
        return self.run is not None

"""What an unfinished session still asks when it is resumed, and which ones are not offered at all.

A session is planned for its moment: the words due then, the new words that
day's allowance gave. Resumed days later, its plan is stale: most of its words
were reviewed since in other sessions, and answering one again as a first
attempt reviews it early and moves its schedule (a word due in a week was put
off two weeks more). So a resumed session asks only what a session planned now
could: a word not reviewed since the session began that is due now, within
today's review allowance, or still new, within today's new-word allowance.

A session resumed on the study day it was started keeps its words: it was
planned today (words the learner chose to practise, at a terminal, are not due,
and were all left out).

A session started and never answered on an earlier study day (`session start`
at a terminal just to see what is due) is not offered: the window asked about
it at every start, for days. It is not closed either: "never answered" is this
computer's view (another device may be answering it offline), and a terminal
may still be answering one started just before the day-start hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from ..domain.scheduling.studyday import offset_minutes, study_day
from ..projections.queries import Queries
from ..projections.views import SessionView
from .planning import DailyLimits, allowance_today


@dataclass(frozen=True)
class ResumePlan:
    """The session's waiting words sorted: asked now, or left out and why (each in the session's order)."""

    ask: list[UUID] = field(default_factory=list)
    reviewed_since: list[UUID] = field(default_factory=list)  # in another session since this one began
    # missed in this session on an earlier study day: its repeat belonged to that day (a repeat moves no
    # schedule), and the miss set the word's next review, when a session asks it again. One missed today
    # (in a sitting of this session resumed today) is asked again, as in any session.
    missed_then: list[UUID] = field(default_factory=list)
    not_due: list[UUID] = field(default_factory=list)  # reviewed before the session, due again later
    over_limits: list[UUID] = field(default_factory=list)  # today's reviews or new words are used up

    @property
    def left_out(self) -> set[UUID]:
        return {*self.reviewed_since, *self.missed_then, *self.not_due, *self.over_limits}


def today(now: datetime, day_start_hour: int) -> date:
    return study_day(now, offset_minutes(now), day_start_hour)


def started_on(session: SessionView, day_start_hour: int) -> date:
    """The study day the session was started on, on the learner's clock then."""
    return study_day(session.started_at, session.utc_offset_minutes, day_start_hour)


def plan_resume(queries: Queries, session: SessionView, waiting: Sequence[UUID], now: datetime,
                day_start_hour: int, limits: DailyLimits) -> ResumePlan:
    """Sort `waiting` (the session's words still to ask, as the run left them: its missed words' repeats
    too). The allowance is today's, as for a new session."""
    if started_on(session, day_start_hour) == today(now, day_start_hour):
        return ResumePlan(ask=list(waiting))
    this_day = today(now, day_start_hour)
    answered_on: dict[UUID, date] = {}  # each word's last answer in the session, on its study day
    for answer in queries.answers_in_session(session.session_id):
        if not answer.retracted:
            answered_on[answer.word_id] = max(answered_on.get(answer.word_id, answer.study_day), answer.study_day)
    words = {w.word_id: w for w in queries.words_by_ids(list(dict.fromkeys(waiting)))}
    due = queries.due_word_ids(now, day_start_hour)
    left = allowance_today(queries, now, day_start_hour, limits)
    reviews_left, new_left = left.reviews_left, left.new_left
    plan = ResumePlan()
    for word_id in dict.fromkeys(waiting):
        word = words.get(word_id)
        if word is None:  # deleted: the page leaves it out as it does during a session
            plan.ask.append(word_id)
        elif word_id in answered_on:  # a repeat: it moves no schedule, but belongs to the day of the miss
            (plan.ask if answered_on[word_id] == this_day else plan.missed_then).append(word_id)
        elif word.progress is None:  # still new
            if new_left > 0:
                plan.ask.append(word_id)
                new_left -= 1
            else:
                plan.over_limits.append(word_id)
        elif word.progress.last_answered_at is not None and word.progress.last_answered_at > session.started_at:
            plan.reviewed_since.append(word_id)
        elif word_id not in due:
            plan.not_due.append(word_id)
        elif reviews_left > 0:
            plan.ask.append(word_id)
            reviews_left -= 1
        else:
            plan.over_limits.append(word_id)
    return plan


def stale_and_empty(session: SessionView, now: datetime, day_start_hour: int) -> bool:
    """Open, never answered, and started on an earlier study day: nothing to resume or finish."""
    return (not session.completed and session.answered == 0
            and started_on(session, day_start_hour) < today(now, day_start_hour))


def worth_offering(sessions: Sequence[SessionView], now: datetime, day_start_hour: int) -> list[SessionView]:
    """The unfinished sessions to offer (resume or finish), newest first as given."""
    return [s for s in sessions if not stale_and_empty(s, now, day_start_hour)]

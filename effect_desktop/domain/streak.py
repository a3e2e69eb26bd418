"""The Streak aggregate: consecutive local study days for one learner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from .aggregate import Aggregate, Recorded
from .events import STREAK, EventData, StreakUpdated
from .scheduling.studyday import day_as_datetime


def streak_after(consecutive: int, last_day: date | None, day: date) -> int | None:
    """The streak after studying on `day`, or None when it does not change."""
    if last_day is None:
        return 1
    gap = (day - last_day).days
    if gap <= 0:
        return None  # same day, or an earlier day after a move west: nothing new
    return consecutive + 1 if gap == 1 else 1


RUN_LOOKBACK_DAYS = 1000  # how far back a run is counted again from the days studied
LEARNER_AHEAD_DAYS = 2  # a learner's day may run ahead of a computer's (UTC+14 against UTC-12, the day's start)


def latest_run(days_newest_first: Sequence[date]) -> tuple[date | None, int]:
    """(the newest study day, the run of consecutive days ending on it), from study days given newest
    first: the streak counted up to a day, when the stored one runs past it (a clock that was ahead)."""
    if not days_newest_first:
        return None, 0
    run = 1
    while run < len(days_newest_first) and (days_newest_first[run - 1] - days_newest_first[run]).days == 1:
        run += 1
    return days_newest_first[0], run


def current_streak(consecutive: int, last_day: date | None, today: date) -> int:
    """What to show today: the streak survives until a whole study day is missed."""
    if last_day is None or (today - last_day).days > 1:
        return 0
    return consecutive


class Streak(Aggregate):
    aggregate_type: ClassVar[str] = STREAK

    def __init__(self, aggregate_id: UUID) -> None:
        super().__init__(aggregate_id)
        self.consecutive_days = 0
        self.last_study_day: date | None = None

    def studied(self, user_id: UUID, day: date, counted: tuple[int, date | None] | None = None) -> Recorded | None:
        """The streak after studying on `day`, from this stream's last event, or from `counted`, the
        (run, last day) counted from the days studied as they stand now. Those are the truth: an answer
        undone empties its day without a streak event, and another device's days merge at a sync; from
        the stream alone, a day whose only answer was undone still extended the run."""
        run, last_day = counted if counted is not None else (self.consecutive_days, self.last_study_day)
        consecutive = streak_after(run, last_day, day)
        if consecutive is None:
            return None
        return self._record(StreakUpdated(user_id=user_id, consecutive_days=consecutive,
                                          last_study_date=day_as_datetime(day)))

    def apply(self, event_id: UUID, data: EventData) -> None:
        if isinstance(data, StreakUpdated):
            self.consecutive_days = data.consecutive_days
            self.last_study_day = data.last_study_date.date()

    def snapshot_state(self) -> dict[str, Any]:
        return {"consecutive_days": self.consecutive_days,
                "last_study_day": self.last_study_day.isoformat() if self.last_study_day else None}

    def restore(self, state: dict[str, Any]) -> None:
        self.consecutive_days = state["consecutive_days"]
        last = state["last_study_day"]
        self.last_study_day = datetime.fromisoformat(last).date() if last else None

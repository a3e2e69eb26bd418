"""Which words a new session asks: due words first, then new ones, within today's limits.

Both limits are per study day (every session of the day counts against them),
through `application.planning`; the session size caps one session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...application.planning import EVERY_WORD, DailyLimits, Focus, allowance_today, plan_session
from ...bootstrap import Profile
from ...domain.scheduling.studyday import offset_minutes, study_day
from ...projections.views import WordView
from ..preferences import Preferences


@dataclass(frozen=True)
class QueueCounts:
    due: int
    new_available: int  # new words that today's limit still allows
    reviews_left_today: int

    @property
    def due_available(self) -> int:
        """Due words that today's review limit still allows."""
        return min(self.due, self.reviews_left_today)


def today(profile: Profile, now: datetime) -> date:
    return study_day(now, offset_minutes(now), profile.service.day_start_hour)


def limits(profile: Profile) -> DailyLimits:
    preferences = Preferences(profile.settings)
    return DailyLimits(max_reviews=preferences.reviews_per_day, max_new=preferences.new_per_day)


def counts(profile: Profile, now: datetime, focus: Focus = EVERY_WORD) -> QueueCounts:
    left = allowance_today(profile.queries, now, profile.service.day_start_hour, limits(profile))
    queries = profile.queries
    return QueueCounts(queries.due_count(now, profile.service.day_start_hour, focus.category, focus.tag),
                       min(left.new_left, queries.new_count(focus.category, focus.tag)), left.reviews_left)


def session_words(profile: Profile, now: datetime, focus: Focus = EVERY_WORD) -> list[WordView]:
    return plan_session(profile.queries, now, profile.service.day_start_hour, limits(profile),
                        Preferences(profile.settings).session_size, focus)

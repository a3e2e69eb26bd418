"""Which words a new session asks: due words first, then new ones within today's limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...bootstrap import Profile
from ...domain.scheduling.studyday import offset_minutes, study_day
from ...projections.views import WordView
from ..preferences import Preferences


@dataclass(frozen=True)
class QueueCounts:
    due: int
    new_available: int  # new words that today's limit still allows
    new_left_today: int


def today(profile: Profile, now: datetime) -> date:
    return study_day(now, offset_minutes(now), profile.service.day_start_hour)


def counts(profile: Profile, now: datetime) -> QueueCounts:
    left = max(0, Preferences(profile.settings).new_per_day
               - profile.queries.new_words_studied_on(today(profile, now)))
    return QueueCounts(profile.queries.due_count(now), min(left, profile.queries.new_count()), left)


def session_words(profile: Profile, now: datetime) -> list[WordView]:
    size = Preferences(profile.settings).session_size
    due = profile.queries.due_words(now, size)
    room = size - len(due)
    left = counts(profile, now).new_left_today
    new = profile.queries.new_words(min(room, left)) if room > 0 and left > 0 else []
    return due + new

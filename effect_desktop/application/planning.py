"""Which words a new session asks: the due queue first, then new words.

Limits are per study day, like Anki's: at most `max_reviews` due words and
`max_new` words never seen before, less the new words already started today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from ..domain.scheduling.studyday import offset_minutes, study_day
from ..projections.queries import Queries

DEFAULT_MAX_REVIEWS = 100
DEFAULT_MAX_NEW = 20


@dataclass(frozen=True)
class DailyLimits:
    max_reviews: int = DEFAULT_MAX_REVIEWS
    max_new: int = DEFAULT_MAX_NEW


def session_words(queries: Queries, now: datetime, day_start_hour: int,
                  limits: DailyLimits = DailyLimits()) -> list[UUID]:
    due = queries.due_words(now, max(0, limits.max_reviews))
    today = study_day(now, offset_minutes(now), day_start_hour)
    new_allowance = max(0, limits.max_new - queries.new_words_studied_on(today))
    new = queries.new_words(new_allowance) if new_allowance else []
    return [w.word_id for w in due] + [w.word_id for w in new]


@dataclass(frozen=True)
class Allowance:
    """What today's limits still allow: due words to review and new words to start."""

    reviews_left: int
    new_left: int


def allowance_today(queries: Queries, now: datetime, day_start_hour: int,
                    limits: DailyLimits = DailyLimits()) -> Allowance:
    """Both limits less what was already studied this study day (every session counts)."""
    today = study_day(now, offset_minutes(now), day_start_hour)
    new_done, reviewed = queries.studied_on(today)
    return Allowance(max(0, limits.max_reviews - reviewed), max(0, limits.max_new - new_done))

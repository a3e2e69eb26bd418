"""Which words a new session asks: the due queue first, then new words.

Limits are per study day, like Anki's: at most `max_reviews` due words and
`max_new` words never seen before, less what every earlier session of the
same study day already took. The GUI and the CLI plan sessions here, from the
same settings, so `session start` and the Study page pick the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ..domain.scheduling.studyday import offset_minutes, study_day
from ..projections.queries import Queries
from ..projections.views import WordView

# Profile settings (profile_info), shared by the GUI's Settings page and the CLI.
NEW_PER_DAY = "study.new_per_day"
REVIEWS_PER_DAY = "study.reviews_per_day"
SESSION_SIZE = "study.session_size"
FOCUS = "study.focus"  # the Study page's last focus ("", "c:<category>", "t:<tag>")

DEFAULT_MAX_REVIEWS = 100
DEFAULT_MAX_NEW = 10
DEFAULT_SESSION_SIZE = 20


class IntSettings(Protocol):
    def get_int(self, key: str, default: int) -> int: ...


@dataclass(frozen=True)
class DailyLimits:
    max_reviews: int = DEFAULT_MAX_REVIEWS
    max_new: int = DEFAULT_MAX_NEW


def limits_from(settings: IntSettings) -> DailyLimits:
    return DailyLimits(max(0, settings.get_int(REVIEWS_PER_DAY, DEFAULT_MAX_REVIEWS)),
                       max(0, settings.get_int(NEW_PER_DAY, DEFAULT_MAX_NEW)))


def session_size_from(settings: IntSettings) -> int:
    return max(1, settings.get_int(SESSION_SIZE, DEFAULT_SESSION_SIZE))


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


@dataclass(frozen=True)
class Focus:
    """Which words a session draws from: all of them, one category, or one tag. The daily limits
    stay the day's, whatever the focus (studying "food" first does not add to the day)."""

    category: str | None = None
    tag: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> Focus:
        """"c:<category>", "t:<tag>", anything else every word (as the Statistics screen's scope)."""
        if text and text.startswith("c:"):
            return cls(category=text[2:])
        if text and text.startswith("t:") and text[2:]:
            return cls(tag=text[2:])
        return cls()

    def key(self) -> str:
        return f"c:{self.category}" if self.category is not None else f"t:{self.tag}" if self.tag else ""


EVERY_WORD = Focus()


def plan_session(queries: Queries, now: datetime, day_start_hour: int, limits: DailyLimits,
                 size: int, focus: Focus = EVERY_WORD) -> list[WordView]:
    """Up to `size` words of the focus: due ones first (oldest due first), then new ones, within
    today's limits."""
    left = allowance_today(queries, now, day_start_hour, limits)
    review_room = min(size, left.reviews_left)
    due = (queries.due_words(now, day_start_hour, review_room, focus.category, focus.tag)
           if review_room > 0 else [])
    room = size - len(due)
    new = (queries.new_words(min(room, left.new_left), focus.category, focus.tag)
           if room > 0 and left.new_left > 0 else [])
    return due + new

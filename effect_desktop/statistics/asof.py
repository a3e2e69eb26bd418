"""The read models as they were at a past moment, for figures "as of then".

The timeline's time travel keeps a `ReadModelCache` replayed up to a moment;
`materialize` turns such a cache into queries. When no cache is given the
events are replayed here, up to the last one recorded at or before the moment
(as costly as a rebuild: for the command line, or before the timeline lands).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..projections.cache import ReadModelCache
from ..projections.materialize import materialize, replay_until
from ..projections.queries import Queries
from ..projections.statistics_queries import StatisticsQueries
from ..projections.tables import READ_MODELS, timeline, timeline_days

if TYPE_CHECKING:
    from ..bootstrap import Profile

FIGURE_TABLES = tuple(table for table in READ_MODELS if table not in (timeline, timeline_days))
"""What a replay for the figures keeps: everything but the timeline's one row per event."""


def queries_as_of(profile: Profile, moment: datetime, cache: ReadModelCache | None = None,
                  stop: Callable[[], bool] | None = None) -> Queries:
    """`stop`: asked between pages of a replay from the start (materialize.ReplayStopped)."""
    if moment.tzinfo is None:
        raise ValueError("an as-of moment needs a time zone")
    if cache is None or not covers_statistics(cache):
        cache = _from_checkpoints(profile, moment) or replay_until(profile.projector, moment, FIGURE_TABLES, stop)
    if hasattr(cache, "position") and "rm_answers" in cache.tables:  # from a checkpoint: answers are missing
        _with_last_reviews(profile, cache, moment)
    return materialize(cache, profile.store.registry)


def _with_last_reviews(profile: Profile, cache: ReadModelCache, moment: datetime) -> None:
    """A state rebuilt from a checkpoint holds only the answers after it; each schedule's due day is
    read at the offset of its last answer (queries.due_day), so that answer is put in too. Without
    it, a word last answered in Tokyo fell due a day early in figures asked from London. Each
    schedule names its last answer's time, which finds it at once (see `Queries.reviews_at`)."""
    answers = cache["rm_answers"]
    if "rm_progress" in cache.tables:
        last = [(key[0], row.get("last_answered_at")) for key, row in cache["rm_progress"].rows.items() if row]
        found = profile.queries.reviews_at(last)
    else:  # a state without the schedules: by position, walking back (slower, the same answers)
        found = profile.queries.last_reviews(StatisticsQueries(profile.store).last_position_at(moment))
    for row in found:
        key = (row["event_id"],)
        if key not in answers.rows:
            answers.rows[key] = row


def _from_checkpoints(profile: Profile, moment: datetime) -> ReadModelCache | None:
    """The timeline's checkpoint before `moment` plus the events after it (a few hundred), when the
    timeline has made its checkpoints; replaying a million events from the first took a minute."""
    from ..timeline.asof_cache import AsOfCache  # noqa: PLC0415  (optional: the timeline's)
    from ..timeline.travel import TimeTravel  # noqa: PLC0415

    if not covers_statistics(AsOfCache(0)):
        return None
    return TimeTravel(profile.store, profile.user_id, profile.projector.day_start_hour).cache_at(moment)


STATISTICS_TABLES = ("rm_word_stats", "rm_daily_facets")


def covers_statistics(cache: ReadModelCache) -> bool:
    """Whether the cache holds the statistics read models in full.

    A full replay does. The timeline's as-of cache restores only the tables
    its checkpoints keep (`TRAVEL_TABLES`) and replays the rest from the
    checkpoint on, so its statistics tables would hold only that tail; it
    serves the figures once the checkpoints keep them too."""
    from ..timeline.asof_cache import TRAVEL_TABLES, AsOfCache  # noqa: PLC0415  (optional: the timeline's)

    return not isinstance(cache, AsOfCache) or all(name in TRAVEL_TABLES for name in STATISTICS_TABLES)


def scheduler_at(profile: Profile, moment: datetime) -> str:
    """The scheduler in force at `moment` (the figures as of then are that scheduler's)."""
    from ..timeline.scheduler_choice import DEFAULT_SCHEDULER, greatest_choice  # noqa: PLC0415  (as above)

    found = greatest_choice(profile.store, StatisticsQueries(profile.store).last_position_at(moment))
    return found[0] if found is not None else DEFAULT_SCHEDULER


def has_easiness(scheduler: str) -> bool:
    """Whether `scheduler` keeps an easiness factor: SM-2 does; FSRS keeps difficulty and stability,
    and its schedules carry SM-2's starting 2.5, which read as an easiness of 2.5 for every word."""
    return scheduler != "fsrs"

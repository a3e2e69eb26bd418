"""The read models as they were at a past moment, for figures "as of then".

The timeline's time travel keeps a `ReadModelCache` replayed up to a moment;
`materialize` turns such a cache into queries. When no cache is given the
events are replayed here, up to the last one recorded at or before the moment
(as costly as a rebuild: for the command line, or before the timeline lands).
"""

from __future__ import annotations

from datetime import datetime

from ..bootstrap import Profile
from ..projections.cache import ReadModelCache
from ..projections.materialize import materialize, replay_until
from ..projections.queries import Queries
from ..projections.tables import READ_MODELS, timeline, timeline_days

FIGURE_TABLES = tuple(table for table in READ_MODELS if table not in (timeline, timeline_days))
"""What a replay for the figures keeps: everything but the timeline's one row per event."""


def queries_as_of(profile: Profile, moment: datetime, cache: ReadModelCache | None = None) -> Queries:
    if moment.tzinfo is None:
        raise ValueError("an as-of moment needs a time zone")
    if cache is None:
        cache = replay_until(profile.projector, moment, FIGURE_TABLES)
    return materialize(cache, profile.store.registry)

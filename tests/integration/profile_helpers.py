"""Helpers shared by the integration tests: a settable clock and read-model dumps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from effect_desktop.bootstrap import Profile
from effect_desktop.projections.tables import READ_MODELS


class SettableClock:
    """An aware local clock a test moves by hand (the service's `clock`)."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the clock must be aware")
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now

    def advance(self, **delta: float) -> None:
        """Move on in real (UTC) time, keeping the zone: the wall clock follows DST."""
        zone = self.now.tzinfo
        self.now = (self.now.astimezone(UTC) + timedelta(**delta)).astimezone(zone)


def dump_read_models(profile: Profile) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every read model, ordered by primary key, for exact comparison."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with profile.store.reading() as connection:
        for table in READ_MODELS:
            query = sa.select(table).order_by(*table.primary_key.columns)
            dump[table.name] = [tuple(row) for row in connection.execute(query)]
    return dump

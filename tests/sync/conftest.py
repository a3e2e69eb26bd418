"""Fixtures for the sync tests: a prepared server database and devices (profiles) with their own clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.sync.admin import add_user, init_server
from tests.integration.profile_helpers import SettableClock


@pytest.fixture
def server(pg_database: str) -> str:
    """Admin URL of a fresh database prepared with `server init`."""
    init_server(pg_database)
    return pg_database


@pytest.fixture
def alice(server: str) -> str:
    """Connection URL of a learner account on the server."""
    return add_user(server, "alice", "alice-secret")


@pytest.fixture
def device(tmp_path: Path) -> Iterator[Callable[[str], Profile]]:
    """Open a device's profile by name (each its own file and clock)."""
    opened: list[Profile] = []

    def opener(name: str, clock: SettableClock | None = None) -> Profile:
        clock = clock or SettableClock(datetime(2026, 5, 4, 9, 0, tzinfo=UTC))
        profile = open_profile(tmp_path / f"{name}.effect.sqlite3", clock=clock)
        opened.append(profile)
        return profile

    yield opener
    for profile in opened:
        profile.close()

"""Fixtures for integration tests: a real profile file with a clock the test controls."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from effect_desktop.bootstrap import Profile, open_profile

from .profile_helpers import SettableClock


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(datetime(2026, 3, 27, 20, 0, tzinfo=ZoneInfo("Europe/Berlin")))


@pytest.fixture
def open_test_profile(tmp_path: Path, clock: SettableClock) -> Iterator[Callable[..., Profile]]:
    """Open (or reopen) the test's profile file; every profile opened is closed afterwards."""
    opened: list[Profile] = []

    def opener(**options: object) -> Profile:
        profile = open_profile(tmp_path / "learner.effect.sqlite3", clock=clock, **options)  # type: ignore[arg-type]
        opened.append(profile)
        return profile

    yield opener
    for profile in opened:
        profile.close()


@pytest.fixture
def profile(open_test_profile: Callable[..., Profile]) -> Profile:
    return open_test_profile()

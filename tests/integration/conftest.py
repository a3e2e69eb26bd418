"""Fixtures for integration tests: a real profile file with a clock the test controls."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
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


_HEX = frozenset("0123456789abcdefABCDEF")


def _unhex_as_sqlite_does(text: object, ignored: object) -> bytes | None:
    """SQLite 3.41's unhex(X, Y), for an older SQLite: NULL for anything but pairs of hex digits,
    with the characters of Y allowed between pairs (https://sqlite.org/lang_corefunc.html#unhex)."""
    if text is None or ignored is None:
        return None
    s = text.decode() if isinstance(text, bytes) else str(text)
    out, i = bytearray(), 0
    while i < len(s):
        if s[i] in _HEX:
            if i + 1 < len(s) and s[i + 1] in _HEX:
                out.append(int(s[i:i + 2], 16))
                i += 2
                continue
            return None
        if s[i] not in str(ignored):
            return None
        i += 1
    return bytes(out)


STAND_IN_CALLS = [0]  # how often the stand-in for unhex() ran: a test can tell the native SQL really did


@pytest.fixture(params=["callbacks", "native"])
def id_conversion(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a rebuild test both ways the rebuild turns JSON ids into keys: through Python callbacks
    (SQLite before 3.41, as Debian 12 has) and with SQLite's own unhex() (3.41 on; on an older
    SQLite, a stand-in with its documented behaviour takes its place on the rebuild's connection,
    whichever fixture opened the profile first)."""
    import sqlite3

    from effect_desktop.projections import sqlite_rebuild

    native = request.param == "native"
    monkeypatch.setattr(sqlite_rebuild, "NATIVE_UNHEX", native)
    if native and sqlite3.sqlite_version_info < (3, 41, 0):
        run = sqlite_rebuild.SqliteRebuild.run

        def counted(text: object, ignored: object) -> bytes | None:
            STAND_IN_CALLS[0] += 1
            return _unhex_as_sqlite_does(text, ignored)

        def with_stand_in(self: sqlite_rebuild.SqliteRebuild, *args: Any, **kwargs: Any) -> None:
            self.driver.create_function("unhex", 2, counted, deterministic=True)
            run(self, *args, **kwargs)

        monkeypatch.setattr(sqlite_rebuild.SqliteRebuild, "run", with_stand_in)
    return request.param

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


@pytest.fixture(params=["callbacks", "native"])
def id_conversion(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Runs a rebuild test both ways the rebuild turns JSON ids into keys: through Python callbacks
    (SQLite before 3.41, as Debian 12 has) and with SQLite's own unhex() (3.41 on; on an older
    SQLite, a stand-in with its documented behaviour takes its place)."""
    import sqlite3

    import sqlalchemy as sa

    from effect_desktop.projections import sqlite_rebuild

    native = request.param == "native"
    monkeypatch.setattr(sqlite_rebuild, "NATIVE_UNHEX", native)
    stand_in = native and sqlite3.sqlite_version_info < (3, 41, 0)

    def register(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.create_function("unhex", 2, _unhex_as_sqlite_does, deterministic=True)

    if stand_in:
        sa.event.listen(sa.Engine, "connect", register)
    yield request.param
    if stand_in:
        sa.event.remove(sa.Engine, "connect", register)

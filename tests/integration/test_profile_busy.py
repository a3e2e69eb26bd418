"""Another program holding the profile's write lock: a command waits, then says so and writes nothing.

The lock is held by a second real SQLite connection to the same file (as another window, a CLI
import or a sync would hold it); the wait is shortened from ten seconds for the test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from effect_desktop.bootstrap import Profile, open_profile
from effect_desktop.persistence import sqlite as sqlite_engine
from effect_desktop.persistence.errors import ProfileLocked


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Profile]:
    monkeypatch.setattr(sqlite_engine, "BUSY_TIMEOUT_MS", 200)
    opened = open_profile(tmp_path / "busy.effect.sqlite3")
    yield opened
    opened.close()


def test_a_command_on_a_profile_another_program_is_writing_says_so_and_writes_nothing(profile: Profile) -> None:
    [apple] = profile.service.create_words([{"text": "apple", "meaning": "りんご"}])
    before = profile.store.count()
    other = sqlite3.connect(profile.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's write transaction, left open
    try:
        with pytest.raises(ProfileLocked, match="busy in another program.*try again in a moment"):
            profile.service.create_words([{"text": "pear", "meaning": "梨"}])
        session = None
        with pytest.raises(ProfileLocked):
            session = profile.service.start_session("flashcard", [apple])
        assert session is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert profile.store.count() == before, "nothing half-written while it waited"
    assert [w.text for w in profile.queries.words()] == ["apple"]
    profile.service.create_words([{"text": "pear", "meaning": "梨"}])  # the lock gone, it works again
    assert sorted(w.text for w in profile.queries.words()) == ["apple", "pear"]


def test_opening_a_profile_another_program_holds_says_it_is_busy_not_damaged(profile: Profile) -> None:
    """A busy profile was reported as "database is locked … may be damaged; restore a backup", and the
    window offered the restore, with Restore as the default button."""
    from effect_desktop.persistence.errors import ProfileUnreadable

    profile.service.create_word("apple", "りんご")
    path = profile.path
    profile.close()
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")  # a program that keeps the file to itself meanwhile
    other.execute("BEGIN EXCLUSIVE")
    other.execute("SELECT count(*) FROM events").fetchone()
    try:
        with pytest.raises(ProfileLocked, match="busy in another program.*import or rebuild still") as refused:
            open_profile(path).close()
        assert not isinstance(refused.value, ProfileUnreadable)
    finally:
        other.execute("ROLLBACK")
        other.close()
    open_profile(path).close()  # and once it is done, the profile opens as it was


def test_opening_a_profile_during_another_programs_write_says_it_is_busy(profile: Profile) -> None:
    """An import's write transaction (BEGIN IMMEDIATE, in WAL mode) lets the read-only look through;
    opening then waited on the write lock and called the profile "may be damaged", offering a restore."""
    from effect_desktop.persistence.errors import ProfileUnreadable

    profile.service.create_word("apple", "りんご")
    path = profile.path
    profile.close()
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        opened = open_profile(path)  # ready as it is: opened past the writer, for reading
        assert [w.text for w in opened.queries.words()] == ["apple"]
        opened.close()
    finally:
        other.execute("ROLLBACK")
    # one that must be upgraded first (an older build's) waits for the lock, and then says busy
    other.execute("UPDATE profile_info SET value = '5' WHERE key = 'projection_version'")
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ProfileLocked, match="busy in another program") as refused:
            open_profile(path).close()
        assert not isinstance(refused.value, ProfileUnreadable)
    finally:
        other.execute("ROLLBACK")
        other.close()
    open_profile(path).close()


def test_another_program_writes_while_verify_reads(profile: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    """`verify` held a write transaction for its whole run (minutes on a large profile): an answer in the
    window waited, then failed as "busy". It now reads one consistent view, and writers go on."""
    import threading

    from effect_desktop.projections import verify as verifying
    from effect_desktop.projections.verify import verify

    profile.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(30)])
    inside, proceed = threading.Event(), threading.Event()
    compare = verifying.compare_twins

    def paused(*args):  # type: ignore[no-untyped-def]
        inside.set()
        proceed.wait(10)  # verify is mid-run (its fresh read models made, none compared): hold it there
        return compare(*args)

    monkeypatch.setattr(verifying, "compare_twins", paused)
    result: list[object] = []
    checking = threading.Thread(target=lambda: result.append(verify(profile.projector)))
    checking.start()
    try:
        assert inside.wait(10)
        other = sqlite3.connect(profile.path, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")  # refused at once while verify held the write lock
            other.execute("INSERT INTO profile_info (key, value) VALUES ('note', 'written meanwhile')")
            other.execute("COMMIT")
        finally:
            other.close()
    finally:
        proceed.set()
        checking.join(30)
    assert result and result[0].ok  # type: ignore[attr-defined]  # the view verify read stayed consistent

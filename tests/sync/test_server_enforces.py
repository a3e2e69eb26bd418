"""The server, not the client, enforces who may read and write what.

Each test logs in as a learner's own role with plain psycopg, as a modified
client could, and checks what PostgreSQL itself allows.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import psycopg
import pytest
from psycopg import sql

from effect_desktop.bootstrap import Profile
from effect_desktop.domain.ids import new_id
from effect_desktop.sync import SyncClient, SyncResult
from effect_desktop.sync.admin import add_user
from effect_desktop.sync.server_schema import PUSH_LOCK_CLASS
from effect_desktop.sync.urls import ServerURL

pytestmark = pytest.mark.postgres


def login(url: str) -> psycopg.Connection:
    return psycopg.connect(ServerURL.parse(url).libpq, autocommit=True)


@pytest.fixture
def bob(server: str) -> str:
    return add_user(server, "bob", "bob-secret")


@pytest.fixture
def alice_synced(alice: str, device: Callable[[str], Profile]) -> Profile:
    laptop = device("alice-laptop")
    laptop.service.create_word("海", "sea")
    SyncClient(laptop, alice).sync()
    return laptop


def test_another_user_cannot_read_alices_events(alice_synced: Profile, alice: str, bob: str) -> None:
    with login(alice) as own:
        assert own.execute("SELECT count(*) FROM events").fetchone() == (1,)
    with login(bob) as other:
        assert other.execute("SELECT count(*) FROM events").fetchone() == (0,)
        assert other.execute("SELECT count(*) FROM sync_user_ids").fetchone() == (0,)


def test_another_user_cannot_write_events_naming_alice(alice_synced: Profile, bob: str) -> None:
    with login(bob) as other:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            other.execute(
                "INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                "metadata, created_at, version) VALUES (%s, %s, 'Word', 'WordDeleted', %s, %s, now(), 2)",
                (new_id(), new_id(), '{"word_id": "00000000-0000-0000-0000-000000000000"}',
                 f'{{"user_id": "{alice_synced.user_id}"}}'))
        bobs_id = new_id()
        other.execute("INSERT INTO sync_user_ids (user_id) VALUES (%s)", (bobs_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # an event filed under alice's account
            other.execute(
                "INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                "metadata, created_at, version, owner) VALUES (%s, %s, 'Word', 'WordDeleted', '{}', %s, "
                "now(), 1, 'alice')", (new_id(), new_id(), f'{{"user_id": "{bobs_id}"}}'))


def test_nobody_can_claim_alices_learner_id(alice_synced: Profile, bob: str) -> None:
    with login(bob) as other, pytest.raises(psycopg.errors.UniqueViolation):
        other.execute("INSERT INTO sync_user_ids (user_id) VALUES (%s)", (alice_synced.user_id,))


def test_a_user_can_neither_update_nor_delete_even_their_own_events(alice_synced: Profile, alice: str) -> None:
    with login(alice) as own:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            own.execute("UPDATE events SET event_data = '{}'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            own.execute("DELETE FROM events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            own.execute("TRUNCATE events")
        assert own.execute("SELECT count(*) FROM events").fetchone() == (1,)


def test_a_retried_push_never_duplicates(alice: str, device: Callable[[str], Profile]) -> None:
    """The reply of a push is lost (here: we forget it was acknowledged); the retry adds nothing."""
    from effect_desktop.sync import local_state

    laptop = device("laptop")
    word = laptop.service.create_word("空", "sky")
    SyncClient(laptop, alice).sync()
    with laptop.store.transaction() as connection:
        connection.execute(local_state.sync_known.delete())  # as if the acknowledgement never arrived
        local_state.put(connection, local_state.ALL_KNOWN_UPTO, "0")
    laptop.service.update_word(word, meaning="the sky")

    retry = SyncClient(laptop, alice).sync()
    assert retry.pending == 0
    with login(alice) as own:
        rows = own.execute("SELECT event_id, version FROM events ORDER BY position").fetchall()
    assert [r[0] for r in rows] == [e.event_id for e in laptop.store.get_events(word)]
    assert [r[1] for r in rows] == [1, 2]
    other = device("desktop")
    SyncClient(other, alice).sync()
    assert [e.event_id for e in other.store.get_events(word)] == [r[0] for r in rows]


def test_events_of_an_unregistered_learner_are_refused(alice: str, server: str) -> None:
    with login(alice) as own, pytest.raises(psycopg.errors.InsufficientPrivilege):
        own.execute("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                    "metadata, created_at, version) VALUES (%s, %s, 'Word', 'WordDeleted', '{}', %s, now(), 1)",
                    (new_id(), new_id(), f'{{"user_id": "{UUID(int=7)}"}}'))


def test_another_user_holding_every_lock_he_can_does_not_delay_alices_push(
        alice_synced: Profile, alice: str, bob: str, server: str) -> None:
    """Any role may take any advisory lock: bob holding the one alice's pushes took (version 1's push
    lock) stopped her syncs for as long as he liked, with no word. Her push lock is now a row only she
    (and the administrator) can see and lock."""
    alice_synced.service.create_word("空", "sky")
    with login(bob) as other:
        other.execute("SELECT pg_advisory_lock(%s, hashtext('alice'))", (PUSH_LOCK_CLASS,))
        other.execute("BEGIN")
        other.execute("SELECT owner FROM sync_push_locks FOR UPDATE")  # all the rows bob can lock
        outcome: list[object] = []
        pushing = threading.Thread(target=lambda: outcome.append(SyncClient(alice_synced, alice).sync()))
        pushing.start()
        pushing.join(timeout=15)
        delayed = pushing.is_alive()
        other.execute("ROLLBACK")
        other.execute("SELECT pg_advisory_unlock_all()")
    pushing.join()
    assert not delayed, "alice's push waited for a lock bob held"
    assert len(outcome) == 1 and isinstance(outcome[0], SyncResult) and outcome[0].pushed == 1


def test_another_user_can_neither_make_nor_lock_alices_push_lock(alice_synced: Profile, alice: str, bob: str) -> None:
    with login(alice) as own:
        assert own.execute("SELECT owner FROM sync_push_locks").fetchall() == [("alice",)]  # made by her push
    with login(bob) as other:
        assert other.execute("SELECT owner FROM sync_push_locks").fetchall() == []
        with pytest.raises(psycopg.errors.InsufficientPrivilege), other.transaction():
            other.execute("INSERT INTO sync_push_locks (owner) VALUES ('alice')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege), other.transaction():
            other.execute("LOCK TABLE sync_push_locks IN EXCLUSIVE MODE")  # the whole table, hers too
        with pytest.raises(psycopg.errors.InsufficientPrivilege), other.transaction():
            other.execute("LOCK TABLE events IN SHARE MODE")
        assert other.execute("UPDATE sync_push_locks SET owner = 'alice'").rowcount == 0


def server_log(admin: psycopg.Connection) -> Path | None:
    """The server's log file, if this test can read it (pgserver's `pg_ctl -l DATA/log`, or the
    logging collector's current file)."""
    current = admin.execute("SELECT pg_current_logfile()").fetchone()
    data = Path(str(admin.execute("SHOW data_directory").fetchone()[0]))  # type: ignore[index]
    for candidate in ([data / str(current[0])] if current and current[0] else []) + [data / "log"]:
        if candidate.is_file() and os.access(candidate, os.R_OK):
            return candidate
    return None


def test_add_user_never_sends_the_password_itself(server: str) -> None:
    """With log_statement = 'ddl' (a common audit setting) the server's log held
    `CREATE ROLE "carol" LOGIN PASSWORD 'Carol-S3cret!'`: add-user now sends the SCRAM verifier."""
    database = ServerURL.parse(server).database
    with login(server) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} SET log_statement = 'all'").format(sql.Identifier(database)))
        log = server_log(admin)
    if log is None:
        pytest.skip("the server's log cannot be read here")
    start = log.stat().st_size
    carol = add_user(server, "carol", "Carol-S3cret!")
    logged = log.read_bytes()[start:].decode(errors="replace")
    assert 'CREATE ROLE "carol"' in logged  # the statement was logged, as received
    assert "Carol-S3cret!" not in logged
    with login(server) as admin:
        stored = admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'carol'").fetchone()
    assert stored is not None and str(stored[0]).startswith("SCRAM-SHA-256$4096:")
    with login(carol) as own:  # and the password works
        assert own.execute("SELECT current_user").fetchone() == ("carol",)

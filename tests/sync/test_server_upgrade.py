"""A server prepared by an earlier Effect Desktop is brought up to date by `server init`, data and logins kept."""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import sql

from effect_desktop.bootstrap import Profile
from effect_desktop.sync import SchemaMismatch, SyncClient
from effect_desktop.sync.admin import init_server
from effect_desktop.sync.server_schema import _SCHEMA_TABLE, MIGRATIONS, PUSH_LOCK_CLASS, USERS_ROLE
from effect_desktop.sync.urls import ServerURL
from tests.support.postgres import with_credentials

pytestmark = pytest.mark.postgres


def prepare_version_1(admin_url: str) -> None:
    """What `server init` of a version-1 Effect Desktop left (its push lock an advisory lock)."""
    engine = sa.create_engine(ServerURL.parse(admin_url).sqlalchemy, poolclass=sa.pool.NullPool)
    with engine.begin() as connection:
        connection.exec_driver_sql(_SCHEMA_TABLE)
        MIGRATIONS[1](connection)
        connection.exec_driver_sql("INSERT INTO sync_schema (version) VALUES (1)")
    engine.dispose()


def test_a_version_1_server_is_upgraded_and_another_learner_can_no_longer_hold_a_push(
        pg_database: str, device: Callable[[str], Profile]) -> None:
    prepare_version_1(pg_database)
    with psycopg.connect(ServerURL.parse(pg_database).libpq, autocommit=True) as admin:
        for name in ("alice", "bob"):  # as version 1's `server add-user` made them
            admin.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(f"{name}-secret"), sql.Identifier(USERS_ROLE)))
    alice = with_credentials(pg_database, "alice", "alice-secret")
    laptop = device("laptop")
    laptop.service.create_word("海", "sea")
    with pytest.raises(SchemaMismatch, match=r"version 1\) is older.*server init"):
        SyncClient(laptop, alice).sync()

    assert init_server(pg_database).describe() == "The server's sync schema went from version 1 to 2."

    with psycopg.connect(ServerURL.parse(with_credentials(pg_database, "bob", "bob-secret")).libpq,
                         autocommit=True) as bob:
        bob.execute("SELECT pg_advisory_lock(%s, hashtext('alice'))", (PUSH_LOCK_CLASS,))
        pushing = threading.Thread(target=lambda: SyncClient(laptop, alice).sync())
        pushing.start()
        pushing.join(timeout=15)
        delayed = pushing.is_alive()
        bob.execute("SELECT pg_advisory_unlock_all()")
    pushing.join()
    assert not delayed
    with psycopg.connect(ServerURL.parse(alice).libpq) as own:
        assert own.execute("SELECT count(*) FROM events").fetchone() == (1,)

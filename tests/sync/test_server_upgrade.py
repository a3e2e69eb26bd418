"""A server prepared by an earlier Effect Desktop is brought up to date by `server init`, data and logins kept."""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import sql

from effect_desktop.bootstrap import Profile
from effect_desktop.sync import SyncClient
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
    laptop.service.create_word("山", "mountain")
    # an app updated before its server's `server init` still syncs (it was refused, found in review)
    assert SyncClient(laptop, alice).sync().pushed > 0
    laptop.service.create_word("海", "sea")

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
        assert own.execute("SELECT count(*) FROM events").fetchone() == (laptop.store.count(),)


def test_an_upgrade_while_a_device_pushes_waits_for_it_so_no_pull_steps_past_its_events(
        pg_database: str, device: Callable[[str], Profile]) -> None:
    """A page inside its INSERT under version 1's lock and a push after `server init` under the new one did
    not wait for each other: a third device pulling between their commits stepped past the first page's
    lower positions and never fetched its 50 events (a review demonstrated it; docs/sync.md's gap problem)."""
    from effect_desktop.domain.ids import new_id
    from effect_desktop.sync import local_state, server_ops
    from effect_desktop.sync.outbox import read_page
    from effect_desktop.sync.push_pipeline import _Lane

    prepare_version_1(pg_database)
    with psycopg.connect(ServerURL.parse(pg_database).libpq, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE ROLE alice LOGIN PASSWORD 'alice-secret' IN ROLE {}").format(
            sql.Identifier(USERS_ROLE)))
    alice = with_credentials(pg_database, "alice", "alice-secret")
    tablet = device("tablet")
    for n in range(50):
        tablet.service.create_word(f"語{n}", f"word {n}")
    local_state.ensure_tables(tablet)
    slow = psycopg.connect(ServerURL.parse(alice).libpq, autocommit=True)
    lane = _Lane(slow)
    lane.stage(read_page(tablet.store, 5000))
    server_ops.insert_staged(slow, new_id())  # version 1's trigger has run; the page is not committed yet
    upgraded = threading.Event()
    threading.Thread(target=lambda: (init_server(pg_database), upgraded.set()), daemon=True).start()
    assert not upgraded.wait(2), "server init waits for the push under way"
    laptop = device("laptop")
    laptop.service.create_word("海", "sea")
    laptop_done = threading.Event()
    threading.Thread(target=lambda: (SyncClient(laptop, alice).sync(), laptop_done.set()), daemon=True).start()
    phone = device("phone")
    slow.execute("COMMIT")  # the tablet's page commits; the upgrade, then the laptop's push go on
    slow.close()
    assert upgraded.wait(30) and laptop_done.wait(30)
    SyncClient(phone, alice).sync()
    with psycopg.connect(ServerURL.parse(alice).libpq) as own:
        on_server = own.execute("SELECT count(*) FROM events").fetchone()[0]
    assert phone.store.count() == on_server


def test_a_learner_is_removed_from_a_version_1_server(pg_database: str, device: Callable[[str], Profile]) -> None:
    """Apps sync with a version-1 server now, and `remove-user --yes` failed there: "relation
    sync_push_locks does not exist" (found in review)."""
    from effect_desktop.sync.admin import remove_user

    prepare_version_1(pg_database)
    with psycopg.connect(ServerURL.parse(pg_database).libpq, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE ROLE carol LOGIN PASSWORD 'carol-secret' IN ROLE {}").format(
            sql.Identifier(USERS_ROLE)))
    carol = with_credentials(pg_database, "carol", "carol-secret")
    laptop = device("laptop")
    laptop.service.create_word("海", "sea")
    assert SyncClient(laptop, carol).sync().pushed > 0
    remove_user(pg_database, "carol", delete=True)
    with psycopg.connect(ServerURL.parse(pg_database).libpq) as admin:
        assert admin.execute("SELECT count(*) FROM events WHERE owner = 'carol'").fetchone() == (0,)
        assert admin.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'carol'").fetchone() == (0,)

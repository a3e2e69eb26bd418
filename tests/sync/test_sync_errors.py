"""Every way a sync can fail gives a message the learner can act on, and nothing local is lost."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest

from effect_desktop.bootstrap import Profile
from effect_desktop.projections.verify import verify
from effect_desktop.sync import (
    AccountConflict,
    AuthenticationFailed,
    BadServerURL,
    SchemaMismatch,
    ServerBusy,
    ServerNotPrepared,
    ServerUnreachable,
    SyncClient,
    SyncError,
    TLSFailure,
    pending_count,
)
from effect_desktop.sync import connection as sync_connection
from effect_desktop.sync import test_connection as check_connection
from effect_desktop.sync.admin import add_user, init_server
from effect_desktop.sync.client import show_received
from effect_desktop.sync.urls import ServerURL

pytestmark = pytest.mark.postgres


def with_option(url: str, option: str) -> str:
    return url + ("&" if "?" in url else "?") + option


@pytest.fixture
def tcp_port_to_the_server(alice: str) -> Iterator[int]:
    """A loopback TCP port relaying bytes to the test server's unix socket.

    The throwaway server listens on a unix socket only, where libpq never uses
    TLS; through this relay the real server answers the TLS request itself
    (it has no certificate, so it declines)."""
    query = parse_qs(urlsplit(alice).query)
    path = os.path.join(query["host"][0], f".s.PGSQL.{query.get('port', ['5432'])[0]}")
    listener = socket.create_server(("127.0.0.1", 0))

    def pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            target.close()

    def serve() -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect(path)
            threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()


def test_tls_required_but_the_server_has_none(qtbot, alice: str, tcp_port_to_the_server: int,  # type: ignore[no-untyped-def]
                                             device: Callable[[str], Profile]) -> None:
    parts = urlsplit(alice)
    plain = parts._replace(netloc=parts.netloc.replace("@", f"@127.0.0.1:{tcp_port_to_the_server}"),
                           query="").geturl()
    assert "as alice" in str(check_connection(plain))  # the relay works without TLS
    laptop = device("laptop")
    laptop.service.create_word("星", "star")
    with pytest.raises(TLSFailure, match="encrypted \\(TLS\\) connection") as refused:
        SyncClient(laptop, with_option(plain, "sslmode=require")).sync()
    assert pending_count(laptop) == laptop.store.count() == 1
    from effect_desktop.gui import i18n
    from effect_desktop.gui.sync.messages import describe

    i18n.install("ja")
    try:
        said = describe(refused.value)
    finally:
        i18n.install("en")
    # the English advice ("check that the server has TLS enabled") was dropped: only libpq's words were left
    assert "TLS が有効になっているか確かめる" in said.partition("（詳細: ")[0]


def test_unreachable_server(device: Callable[[str], Profile]) -> None:
    laptop = device("laptop")
    laptop.service.create_word("月", "moon")
    with pytest.raises(ServerUnreachable, match="cannot be reached.*keep studying offline"):
        SyncClient(laptop, "postgresql://alice:pw@127.0.0.1:9/effect").sync()
    assert pending_count(laptop) == 1


def test_wrong_password(alice: str) -> None:
    with pytest.raises(AuthenticationFailed, match="refused user 'alice'"):
        check_connection(alice.replace("alice-secret", "nope"))
    assert "as alice" in str(check_connection(alice))


def test_an_unprepared_server(pg_database: str) -> None:
    with pytest.raises(ServerNotPrepared, match="not prepared.*server init"):
        check_connection(pg_database)


def test_a_database_name_mistyped_is_the_urls_mistake(alice: str) -> None:
    """It was headed "the server and this version of Effect Desktop do not fit together"."""
    with pytest.raises(BadServerURL, match="has no database 'efect'; check the database name") as refused:
        check_connection(replace(ServerURL.parse(alice), database="efect"))
    assert "server init" not in str(refused.value), "a command the learner cannot run (it refuses a missing database)"


def test_the_headlines_name_what_is_wrong_in_japanese(qtbot, alice: str, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    from effect_desktop.gui import i18n
    from effect_desktop.gui.sync.messages import describe

    with pytest.raises(SyncError) as typo_error:
        check_connection(replace(ServerURL.parse(alice), database="efect"))
    with pytest.raises(SyncError) as unprepared_error:
        check_connection(pg_url)  # the maintenance database: never prepared
    errors = [typo_error.value, unprepared_error.value]
    i18n.install("ja")
    try:
        typo, unprepared = (describe(e) for e in errors)
    finally:
        i18n.install("en")
    # which part to check, as the English says: the headline was the bare "the address cannot be used",
    # the database name said only in English after it
    headline, _, detail = typo.partition("（詳細: ")
    assert "データベース名を確かめて" in headline and "対応していません" not in typo
    assert '"efect"' in detail and "check the database name" not in detail  # the server's words, not the advice again
    assert unprepared.startswith("サーバーはまだ Effect Desktop の同期用に準備されていません")


def test_a_server_newer_than_the_app(server: str, alice: str) -> None:
    with psycopg.connect(ServerURL.parse(server).libpq, autocommit=True) as admin:
        admin.execute("INSERT INTO sync_schema (version) VALUES (99)")
    with pytest.raises(SchemaMismatch, match="version 99.*newer.*update Effect Desktop"):
        check_connection(alice)
    with pytest.raises(SchemaMismatch, match="newer than this Effect Desktop knows"):
        init_server(server)


def test_a_server_older_than_the_app(server: str, alice: str) -> None:
    with psycopg.connect(ServerURL.parse(server).libpq, autocommit=True) as admin:
        admin.execute("DELETE FROM sync_schema")
        admin.execute("INSERT INTO sync_schema (version) VALUES (0)")
    with pytest.raises(SchemaMismatch, match="older than this Effect Desktop needs"):  # version 0
        check_connection(alice)


def test_a_push_kept_waiting_for_its_lock_stops_with_a_message(  # type: ignore[no-untyped-def]
        qtbot, server: str, alice: str, device: Callable[[str], Profile], monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever holds the account's push lock (here the administrator), the sync no longer waits with
    no word for as long as it is held: it stops after the lock timeout, saying so, and keeps the changes."""
    from effect_desktop.gui import i18n
    from effect_desktop.gui.sync.messages import describe
    monkeypatch.setattr(sync_connection, "LOCK_TIMEOUT_S", 1)
    laptop = device("laptop")
    laptop.service.create_word("雨", "rain")
    with psycopg.connect(ServerURL.parse(server).libpq, autocommit=True) as admin:
        admin.execute("INSERT INTO sync_push_locks (owner) VALUES ('alice')")
        admin.execute("BEGIN")
        admin.execute("SELECT 1 FROM sync_push_locks WHERE owner = 'alice' FOR UPDATE")
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                SyncClient(laptop, alice).sync()
            except BaseException as error:  # noqa: BLE001 - checked below
                outcome.append(error)

        pushing = threading.Thread(target=run)
        pushing.start()
        pushing.join(timeout=20)
        ended_while_held = not pushing.is_alive()
        admin.execute("ROLLBACK")
    pushing.join()
    assert ended_while_held, "it gave up on the lock while the lock was still held"
    assert len(outcome) == 1 and isinstance(outcome[0], ServerBusy)
    assert "waiting more than 1 s for a lock" in str(outcome[0]) and "changes are kept" in str(outcome[0])
    assert pending_count(laptop) == 1
    i18n.install("ja")
    try:
        assert describe(outcome[0]).startswith("サーバーでの待ち時間が長すぎたため")
    finally:
        i18n.install("en")
    assert SyncClient(laptop, alice).sync().pushed == 1


def test_events_from_a_newer_app_are_not_taken_in(alice: str, device: Callable[[str], Profile]) -> None:
    laptop, desktop = device("laptop"), device("desktop")
    laptop.service.create_word("風", "wind")
    SyncClient(laptop, alice).sync()
    with psycopg.connect(ServerURL.parse(alice).libpq, autocommit=True) as own:
        own.execute("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                    "metadata, created_at, version, schema_version) SELECT gen_random_uuid(), aggregate_id, "
                    "aggregate_type, 'WordUpdated', '{}', metadata, created_at, 2, 99 FROM events")
    desktop.service.create_word("火", "fire")
    with pytest.raises(SchemaMismatch, match="cannot read.*update Effect Desktop"):
        SyncClient(desktop, alice).sync()
    assert [w.text for w in desktop.queries.words()] == ["火"]  # its own word, and nothing half-taken
    assert pending_count(desktop) == 0  # its own events did reach the server


def test_a_large_pull_stops_before_a_page_it_cannot_read(alice: str, device: Callable[[str], Profile]) -> None:
    laptop, desktop = device("laptop"), device("desktop")
    laptop.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(12)])
    SyncClient(laptop, alice).sync()
    with psycopg.connect(ServerURL.parse(alice).libpq, autocommit=True) as own:
        own.execute("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                    "metadata, created_at, version, schema_version) SELECT gen_random_uuid(), gen_random_uuid(), "
                    "'Word', 'WordCreated', '{\"text\": 5}', metadata, created_at, 1, 1 FROM events LIMIT 1")
    with pytest.raises(SchemaMismatch, match="cannot read.*Field required.*update Effect Desktop"):
        SyncClient(desktop, alice, pull_page=5, defer_projection_from=1).sync()
    assert desktop.store.count() == 10  # the two whole pages before it; nothing of the third


@pytest.mark.parametrize("large", [False, True], ids=["page", "large-pull"])
def test_an_id_in_braces_from_the_server_is_refused_by_name(alice: str, device: Callable[[str], Profile],
                                                             large: bool) -> None:
    """An id pydantic reads ({...}) but the rebuild's SQL cannot: taken in, the pull failed at the
    rebuild with its SQL statement for a message."""
    laptop, desktop = device("laptop"), device("desktop")
    laptop.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(12)])
    SyncClient(laptop, alice).sync()
    with psycopg.connect(ServerURL.parse(alice).libpq, autocommit=True) as own:
        own.execute("INSERT INTO events (event_id, aggregate_id, aggregate_type, event_type, event_data, "
                    "metadata, created_at, version, schema_version) SELECT gen_random_uuid(), a.id, 'Word', "
                    "'WordCreated', jsonb_set(event_data, '{word_id}', to_jsonb('{' || a.id::text || '}')), "
                    "metadata, created_at, 1, 1 FROM events, (SELECT gen_random_uuid() AS id) AS a "
                    "WHERE event_type = 'WordCreated' LIMIT 1")
    options = {"pull_page": 5, "defer_projection_from": 1} if large else {}
    with pytest.raises(SchemaMismatch, match=r"cannot read .*word_id: '\{[0-9a-f-]{36}\}' is not an id"):
        SyncClient(desktop, alice, **options).sync()
    assert desktop.store.count() == (10 if large else 0)  # whole pages before it, nothing of its own
    if large:
        show_received(desktop)  # as the window does after a large pull cut off
    assert verify(desktop.projector).ok


def test_a_sync_refused_for_another_account_keeps_the_profiles_progress(
        server: str, alice: str, device: Callable[[str], Profile]) -> None:
    """A slip of the URL (another learner's account) is refused, and costs nothing: the next sync
    with the right account sends only what is new, not the whole history again."""
    laptop = device("laptop")
    laptop.service.create_words([{"text": f"w{i}", "meaning": "m"} for i in range(20)])
    SyncClient(laptop, alice).sync()
    bob = device("bob")
    bob.service.create_word("犬", "dog")
    bob_url = add_user(server, "bob", "bob-secret")
    SyncClient(bob, bob_url).sync()  # bob's account now has its own learner

    laptop.service.create_word("猫", "cat")
    with pytest.raises(AccountConflict):
        SyncClient(laptop, bob_url).sync()
    assert pending_count(laptop) == 1
    again = SyncClient(laptop, alice).sync()
    assert (again.pushed, again.pulled) == (1, 0)


def test_a_mistyped_url_option_is_the_urls_fault_not_the_servers(device: Callable[[str], Profile]) -> None:
    """`sslmode=requir` never reaches a server: the message points at the URL, not at the server's TLS."""
    laptop = device("laptop")
    with pytest.raises(BadServerURL) as refused:
        SyncClient(laptop, "postgresql://alice:pw@127.0.0.1:9/effect?sslmode=requir").sync()
    assert "sslmode" in str(refused.value) and "verify-full" in str(refused.value)
    assert "administrator" not in str(refused.value)


def test_a_port_where_something_else_listens_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    """A web server on the port (`python3 -m http.server`) took 10 s, then "cannot be reached
    (connection timeout expired)": the learner waited for the network when the fix was the port."""
    from effect_desktop.sync import connection

    monkeypatch.setattr(connection, "CONNECT_TIMEOUT_S", 1)  # (10 s as shipped)
    listener = socket.create_server(("127.0.0.1", 0))  # takes connections, never says a word
    port = listener.getsockname()[1]
    try:
        with pytest.raises(ServerUnreachable) as refused:  # a stuck server looks the same: try again later
            check_connection(f"postgresql://kim:pw@127.0.0.1:{port}/effect")
    finally:
        listener.close()
    message = str(refused.value)
    assert message.startswith(f"Something at 127.0.0.1:{port} accepted the connection but did not answer as a "
                              "PostgreSQL server")
    assert "Check the port" in message and "try again later" in message and "cannot be reached" not in message
    with pytest.raises(ServerUnreachable):  # now nothing listens there: unreachable, as before
        check_connection(f"postgresql://kim:pw@127.0.0.1:{port}/effect")


def test_a_port_that_closes_the_connection_at_once_is_not_a_sync_that_dropped() -> None:
    """A proxy whose database is down (or a firewall) takes the connection and closes it: that was "the
    connection dropped during the sync; everything received so far is kept", to Test connection too."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def close_each() -> None:
        while True:
            try:
                accepted, _ = listener.accept()
            except OSError:
                return
            accepted.close()

    threading.Thread(target=close_each, daemon=True).start()
    try:
        with pytest.raises(ServerUnreachable) as refused:  # try again later, as a silent port is
            check_connection(f"postgresql://kim:pw@127.0.0.1:{port}/effect")
    finally:
        listener.close()
    message = str(refused.value)
    assert message.startswith(f"Something at 127.0.0.1:{port} took the connection and closed it at once")
    assert "Check the port" in message and "dropped" not in message and "received so far" not in message

"""An account moved to another server: a computer holding the history of the account's other
computers (their learner ids) syncs into the new account whole."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator

import psycopg
import pytest
from psycopg import sql

from effect_desktop.bootstrap import Profile
from effect_desktop.sync import SyncClient, credentials, pending_count
from effect_desktop.sync.admin import add_user, init_server
from effect_desktop.sync.errors import AccountConflict
from effect_desktop.sync.urls import ServerURL
from tests.support.postgres import libpq_url, with_database


@pytest.fixture
def new_server(pg_url: str, server: str) -> Iterator[str]:
    """Admin URL of a second prepared database on the same PostgreSQL (another server, for the account)."""
    name = "effect_test_" + secrets.token_hex(6)
    with psycopg.connect(libpq_url(pg_url), autocommit=True) as admin:
        admin.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        url = with_database(pg_url, name)
        init_server(url)
        yield url
    finally:
        with psycopg.connect(libpq_url(pg_url), autocommit=True) as admin:
            admin.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))


def _study(profile: Profile, text: str) -> None:
    word = profile.service.create_word(text, text.upper())
    session = profile.service.start_session("flashcard", [word])
    profile.service.answer(session, word, True, 1500)
    profile.service.complete_session(session)


def test_a_profile_holding_another_computers_history_moves_to_a_new_account(
        alice: str, new_server: str, device: Callable[[str], Profile]) -> None:
    """Refused for good: "events that name a learner not registered to this account", while the
    computer that wrote them under its own id was gone."""
    laptop, desktop = device("laptop"), device("desktop")
    _study(laptop, "apple")  # each studied before syncing: two learner ids, one account
    _study(desktop, "bread")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    SyncClient(laptop, alice).sync()
    assert laptop.user_id != desktop.user_id and {w.text for w in laptop.queries.words()} == {"apple", "bread"}

    moved = add_user(new_server, "nia", "nia-secret")
    assert pending_count(laptop) == 0
    credentials.remember(laptop, ServerURL.parse(moved))  # saved in the settings, not synced yet
    assert pending_count(laptop) == laptop.store.count(), "the window said Synced, 0 pending"
    result = SyncClient(laptop, moved).sync()
    assert result.pushed == laptop.store.count() and pending_count(laptop) == 0
    fresh = device("fresh")
    SyncClient(fresh, moved).sync()
    assert {w.text for w in fresh.queries.words()} == {"apple", "bread"}
    SyncClient(desktop, moved).sync()  # the other computer follows later: its id is the account's already
    assert pending_count(desktop) == 0


def test_a_sync_to_a_server_given_only_for_it_counts_what_that_server_lacks(
        alice: str, new_server: str, device: Callable[[str], Profile]) -> None:
    """`sync --url NEW` saves NEW only after the sync: its result counted against the server still
    saved and said "21 still pending" when nothing was."""
    laptop = device("laptop")
    _study(laptop, "apple")
    credentials.remember(laptop, ServerURL.parse(alice))
    SyncClient(laptop, alice).sync()
    result = SyncClient(laptop, add_user(new_server, "nia", "nia-secret")).sync()
    assert result.pushed == laptop.store.count() and result.pending == 0


def test_events_of_a_learner_registered_to_another_account_are_still_refused(
        server: str, alice: str, device: Callable[[str], Profile]) -> None:
    laptop, other = device("laptop"), device("other")
    _study(laptop, "apple")
    _study(other, "bread")
    SyncClient(laptop, alice).sync()
    SyncClient(other, alice).sync()
    SyncClient(laptop, alice).sync()  # the laptop now holds the other computer's events too
    bob = add_user(server, "bob", "bob-secret")
    borrowed = device("borrowed")
    SyncClient(borrowed, bob).sync()
    laptop.settings.set("user_id", str(borrowed.user_id))  # as if the laptop had been bob's
    laptop.user_id = laptop.service.user_id = borrowed.user_id
    with pytest.raises(AccountConflict, match="registered to another account"):
        SyncClient(laptop, bob).sync()


def test_after_a_sync_through_effect_sync_url_nothing_is_said_to_be_pending(
        alice: str, new_server: str, tmp_path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain sync uses $EFFECT_SYNC_URL before the remembered server, but the pending count was
    taken against the remembered one: "3 sent", then `--status` (and the window) said 3 pending."""
    from tests.sync.test_cli_sync import cli

    monkeypatch.delenv("EFFECT_SYNC_URL", raising=False)
    data = str(tmp_path)
    cli(capsys, "--data-dir", data, "words", "add", "雨", "rain")
    assert cli(capsys, "--data-dir", data, "sync", "--url", alice, "--save-password-in-profile")[0] == 0
    monkeypatch.setenv("EFFECT_SYNC_URL", add_user(new_server, "bea", "bea-secret"))
    code, out, _ = cli(capsys, "--data-dir", data, "sync")
    assert code == 0 and "sent" in out and "pending" not in out
    code, out, _ = cli(capsys, "--data-dir", data, "sync", "--status")
    assert "pending: 0" in out

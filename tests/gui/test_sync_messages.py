"""A sync failure in Japanese: a translated headline first, the precise English detail after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from effect_desktop.gui.paths import translations_dir
from effect_desktop.gui.sync.messages import describe
from effect_desktop.sync.errors import AuthenticationFailed, ServerUnreachable, SyncError, SyncInterrupted

DETAIL = 'password authentication failed for user "alice"'


@pytest.fixture
def japanese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "sync_ja.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_in_english_the_message_is_the_sync_modules_own_sentence(qapp) -> None:  # type: ignore[no-untyped-def]
    unreachable = "could not connect to server at sync.example.org"
    assert describe(ServerUnreachable(unreachable)) == unreachable


def test_in_english_a_password_failure_points_to_the_sync_settings_first(qapp) -> None:  # type: ignore[no-untyped-def]
    """Its detail is the command line's advice ("pass the URL with its password", "run `effect-desktop
    sync --url`"): a learner in the window was told to use a terminal."""
    from effect_desktop.sync.errors import CredentialsUnavailable

    for error in (AuthenticationFailed(DETAIL), CredentialsUnavailable("No password is known for ...")):
        headline, _, detail = describe(error).partition(" (Details: ")
        assert "Sync settings" in headline
        assert detail.rstrip(")") == str(error)


@pytest.mark.parametrize(("error", "headline"), [
    (AuthenticationFailed(DETAIL), "パスワード"),
    (ServerUnreachable("could not connect to server at sync.example.org"), "接続できません"),
    (SyncInterrupted("the connection was closed"), "もう一度同期"),
    (SyncError("something new"), "同期に失敗しました"),
])
def test_in_japanese_a_translated_headline_comes_first(japanese, error: SyncError, headline: str) -> None:  # type: ignore[no-untyped-def]
    message = describe(error)
    assert headline in message.split("（詳細")[0]
    assert message.endswith(f"（詳細: {str(error)}）")


@pytest.mark.parametrize(("driver_error", "headline"), [
    ('connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused', "接続できません"),
    ('password authentication failed for user "alice"', "パスワード"),
    ("server closed the connection unexpectedly", "もう一度同期"),
])
def test_the_detail_is_the_bare_fact_not_the_message_again(japanese, driver_error: str, headline: str) -> None:  # type: ignore[no-untyped-def]
    """The detail repeated the whole English message, its advice included ("you can keep studying
    offline, ...", "run `effect-desktop sync --url`"), after a headline that had said it."""
    import psycopg

    from effect_desktop.sync.connection import explain
    from effect_desktop.sync.urls import ServerURL

    url = ServerURL.parse("postgresql://alice:secret@sync.example.org/effect")
    message = describe(explain(psycopg.OperationalError(driver_error), url))
    before, _, detail = message.partition("（詳細: ")
    assert headline in before and "sync.example.org" in detail
    assert "studying" not in detail and "effect-desktop" not in detail and "secret" not in message


def test_in_japanese_a_port_that_never_answers_is_not_called_unreachable(japanese) -> None:  # type: ignore[no-untyped-def]
    """The window said 「同期サーバーに接続できません」 for a port where another program listens, the
    check of the port said only in English (found by a Japanese learner)."""
    from effect_desktop.sync.errors import ServerSilent

    error = ServerSilent("Something at 127.0.0.1:8080 accepted the connection but did not answer as a PostgreSQL "
                         "server within 10 s. Check the port…", detail="postgresql://alice@127.0.0.1:8080/effect: "
                         "connection timeout expired")
    said = describe(error)
    assert said.startswith("サーバーのアドレスで何かが接続を受け付けましたが") and "5432" in said
    assert "接続できません" not in said

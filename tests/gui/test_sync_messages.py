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

"""A profile that went back in time (a restored backup) or was copied to a second computer still
converges: nothing its other copy sent to the server is left behind, and nothing is doubled."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from effect_desktop.backup.backups import create_backup, restore_backup
from effect_desktop.bootstrap import Profile
from effect_desktop.sync import SyncClient
from tests.sync.helpers import assert_same_as_a_rebuild, comparable_read_models

pytestmark = pytest.mark.postgres


def _texts(profile: Profile) -> list[str]:
    return sorted(word.text for word in profile.queries.words())


def test_a_restored_backup_gets_back_what_reached_the_server_after_it(
        alice: str, device: Callable[[str], Profile]) -> None:
    laptop = device("laptop")
    word = laptop.service.create_word("猫", "cat")
    SyncClient(laptop, alice).sync()
    backup = create_backup(laptop.path)
    laptop.service.create_word("インク", "ink")
    session = laptop.service.start_session("flashcard", [word])
    laptop.service.answer(session, word, True, 1500)
    SyncClient(laptop, alice).sync()
    after_backup = laptop.store.count()
    laptop.close()

    restore_backup(laptop.path, backup.path)
    restored = device("laptop")
    assert "インク" not in _texts(restored)
    SyncClient(restored, alice).sync()

    assert restored.store.count() == after_backup
    assert _texts(restored) == ["インク", "猫"]
    assert len(restored.queries.answers_for_word(word)) == 1
    assert SyncClient(restored, alice).sync().pulled == 0


def test_a_copied_profile_and_its_original_end_with_each_others_work(
        alice: str, device: Callable[[str], Profile], tmp_path: Path) -> None:
    laptop = device("laptop")
    word = laptop.service.create_word("りんご", "apple")
    SyncClient(laptop, alice).sync()
    laptop.close()
    shutil.copy(tmp_path / "laptop.effect.sqlite3", tmp_path / "copy.effect.sqlite3")
    laptop, copy = device("laptop"), device("copy")

    laptop.service.create_word("蜂蜜", "honey")
    laptop.service.update_word(word, difficulty=5)
    copy.service.create_word("ぶどう", "grape")
    copy.service.update_word(word, difficulty=3)
    SyncClient(laptop, alice).sync()
    moved = SyncClient(copy, alice).sync()  # its edit of the same word goes after the laptop's
    SyncClient(laptop, alice).sync()

    assert moved.resequenced == 1
    for profile in (laptop, copy):
        assert _texts(profile) == ["ぶどう", "りんご", "蜂蜜"]
        assert profile.queries.word(word).difficulty == 3
    assert comparable_read_models(laptop) == comparable_read_models(copy)


def test_a_copy_holding_an_event_its_original_resequenced_still_converges(
        alice: str, device: Callable[[str], Profile], tmp_path: Path) -> None:
    """The copy still holds an answer at the stream version the original gave up when a sync moved it
    after the other computer's answer: the copy's pull then met the other answer at that version, and
    every sync after failed on a UNIQUE constraint (it sent, and never received again)."""
    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("犬", "dog")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    session = laptop.service.start_session("flashcard", [word])
    laptop.service.answer(session, word, True, 1500)  # offline: the word's progress stream, version 2
    other = desktop.service.start_session("flashcard", [word])
    desktop.service.answer(other, word, False, 2500)  # also version 2 of that stream
    SyncClient(desktop, alice).sync()
    laptop.close()
    shutil.copy(tmp_path / "laptop.effect.sqlite3", tmp_path / "copy.effect.sqlite3")
    laptop, copy = device("laptop"), device("copy")
    assert SyncClient(laptop, alice).sync().resequenced > 0  # the laptop's answer goes after the desktop's

    seen: list[int] = []
    again = SyncClient(copy, alice, pull_page=1).sync(
        lambda phase, done, total: seen.append(done) if phase == "pull" else None)
    assert again.pushed == 0  # what it held was on the server already: nothing new was sent
    assert len(seen) > 2 and seen == list(range(1, len(seen) + 1))  # one a page: events it held count too
    copy.service.create_word("猫", "cat")
    SyncClient(copy, alice).sync()
    for profile in (laptop, desktop):
        SyncClient(profile, alice).sync()
    first = comparable_read_models(laptop)
    for profile in (desktop, copy):
        assert comparable_read_models(profile) == first
    for profile in (laptop, desktop, copy):
        assert sorted(w.text for w in profile.queries.words()) == ["犬", "猫"]
        assert len(profile.queries.answers_for_word(word)) == 2
        assert SyncClient(profile, alice).sync().pending == 0
        assert_same_as_a_rebuild(profile)


def test_a_backup_taken_before_a_resequencing_sync_restores_and_catches_up(
        alice: str, device: Callable[[str], Profile]) -> None:
    """Both computers edit one word offline; the laptop backs up, syncs (its edit moves after the
    desktop's), then restores the backup: its edit is back at the old version, and the next sync must
    put it where the server has it, not stop one event behind for good."""
    laptop, desktop = device("laptop"), device("desktop")
    word = laptop.service.create_word("走る", "to run")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    laptop.service.update_word(word, meaning="run (laptop)")
    desktop.service.update_word(word, meaning="run (desktop)")
    SyncClient(desktop, alice).sync()
    backup = create_backup(laptop.path)
    SyncClient(laptop, alice).sync()
    laptop.close()
    restore_backup(laptop.path, backup.path)
    laptop = device("laptop")

    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    for profile in (laptop, desktop):
        assert profile.queries.word(word).meaning == "run (laptop)"  # pushed later, so it wins
        assert [e.event_data.changes["meaning"] for e in profile.store.get_events(word)[1:]] == [
            "run (desktop)", "run (laptop)"]
        assert_same_as_a_rebuild(profile)
    assert comparable_read_models(laptop) == comparable_read_models(desktop)
    assert SyncClient(laptop, alice).sync().pending == 0


def test_an_account_emptied_and_made_again_gets_every_computers_history_back(
        server: str, alice: str, device: Callable[[str], Profile]) -> None:
    """`server remove-user alice --yes` then `add-user alice`: each computer remembered its events as
    sent, so every sync said "Synced" while the account stayed empty, and a new computer got nothing."""
    from effect_desktop.sync.admin import add_user, remove_user

    laptop, desktop = device("laptop"), device("desktop")
    laptop.service.create_word("猫", "cat")
    SyncClient(laptop, alice).sync()
    SyncClient(desktop, alice).sync()
    laptop.service.create_word("犬", "dog")
    SyncClient(laptop, alice).sync()
    desktop.service.create_word("鳥", "bird")
    SyncClient(desktop, alice).sync()
    laptop.service.create_word("魚", "fish")  # sent by the laptop alone: the desktop never pulls it
    SyncClient(laptop, alice).sync()

    remove_user(server, "alice", delete=True)
    again = add_user(server, "alice", "alice-secret")
    assert SyncClient(desktop, again).sync().pushed > 0
    assert SyncClient(laptop, again).sync().pushed > 0, "the laptop's own word was not on the server"
    tablet = device("tablet")
    SyncClient(tablet, again).sync()
    assert _texts(tablet) == _texts(laptop) == sorted(["犬", "猫", "鳥", "魚"])
    assert tablet.store.count() == laptop.store.count()
    assert SyncClient(laptop, again).sync().pushed == 0

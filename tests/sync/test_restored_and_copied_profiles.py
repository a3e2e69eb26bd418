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
from tests.sync.helpers import comparable_read_models

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

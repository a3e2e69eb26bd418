"""Ctrl+Z right after an import takes the import back (it undid the edit made before it, said "Undone:
edit of …" and left every imported word in place)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from effect_desktop.gui import features
from effect_desktop.gui.import_dialog import ImportDialog
from effect_desktop.gui.words.edit import edit_with_undo

from .conftest import events, redo_key, undo_key


def _import_through_the_dialog(qtbot, window, path: Path, update: bool = False) -> None:  # type: ignore[no-untyped-def]
    """File ▸ Import words…: the file read, the duplicate choice made, Import pressed."""
    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(10, drive)
            return
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            dialog.load_file(path)
        dialog.update_radio.setChecked(update)
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
        dialog.import_button.click()

    QTimer.singleShot(10, drive)
    features.import_words(window)


def _live(profile) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {w.text: (w.meaning, w.category) for w in profile.queries.words() if not w.deleted}


def test_ctrl_z_after_an_import_takes_the_import_back_and_redo_brings_it_again(
        qtbot, window, profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    apple = profile.service.create_word("apple", "りんご", category="fruit")
    pear = profile.service.create_word("pear", "なし")
    edit_with_undo(profile.service, window.undo, pear, {"meaning": "梨"}, "edit of “pear”")
    path = tmp_path / "words.csv"
    path.write_text("word,meaning,category\napple,りんご,food\ncat,猫,animal\ndog,犬,animal\n", encoding="utf-8")

    _import_through_the_dialog(qtbot, window, path, update=True)
    assert _live(profile) == {"apple": ("りんご", "food"), "pear": ("梨", ""), "cat": ("猫", "animal"),
                              "dog": ("犬", "animal")}
    assert window.undo_action.text() == "&Undo import of 3 words"

    undo_key(qtbot, window)
    assert _live(profile) == {"apple": ("りんご", "fruit"), "pear": ("梨", "")}, "the edit before stays"
    assert window.statusBar().currentMessage() == "Undone: import of 3 words"
    assert len(events(profile, "WordDeleted")) == 2  # history is kept: the words are deleted, not erased

    redo_key(qtbot, window)
    assert _live(profile)["cat"] == ("猫", "animal") and _live(profile)["apple"] == ("りんご", "food")
    undo_key(qtbot, window)
    assert set(_live(profile)) == {"apple", "pear"} and _live(profile)["apple"] == ("りんご", "fruit")
    undo_key(qtbot, window)  # and then the edit made before the import
    assert _live(profile)["pear"] == ("なし", "")
    assert apple in {w.word_id for w in profile.queries.words()}


def test_an_import_undone_after_one_of_its_words_was_edited_keeps_that_edit(
        qtbot, window, profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A word the learner changed since the import is deleted all the same (it came with the import),
    but a changed field of an updated word keeps the learner's value."""
    apple = profile.service.create_word("apple", "りんご", category="fruit", tags=["red"])
    path = tmp_path / "words.csv"
    path.write_text("word,meaning,category,tags\napple,りんご,food,red\ncat,猫,animal,\n", encoding="utf-8")
    _import_through_the_dialog(qtbot, window, path, update=True)
    profile.service.update_word(apple, category="snack")  # another program (the CLI) meanwhile
    undo_key(qtbot, window)
    assert _live(profile) == {"apple": ("りんご", "snack")}
    assert window.statusBar().currentMessage().startswith("Undone in part: import of 2 words")

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


def _answer_the_question(qtbot, button_text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click `button_text` in the question the next Ctrl+Z asks (shown with exec())."""
    from PySide6.QtWidgets import QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(f"{box.text()} | {box.informativeText()}")
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(10, click)


def test_undoing_an_import_whose_words_were_studied_since_asks_first(
        qtbot, window, profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A Ctrl+Z meant for the last answer, once the summary was left, deleted the 300 words just studied."""
    path = tmp_path / "words.csv"
    path.write_text("word,meaning\ncat,猫\ndog,犬\nbird,鳥\n", encoding="utf-8")
    _import_through_the_dialog(qtbot, window, path)
    cat = next(w.word_id for w in profile.queries.words() if w.text == "cat")
    session = profile.service.start_session("flashcard", [cat])
    profile.service.answer(session, cat, True, 1500)
    profile.service.complete_session(session)

    seen: list[str] = []
    _answer_the_question(qtbot, "Cancel", seen)
    undo_key(qtbot, window)
    assert seen == ["Undo the import of 3 words? | 1 studied word among them: undoing the import deletes every "
                    "word it added, these too. The answers stay in the history, and Redo brings the words back."]
    assert len(_live(profile)) == 3 and window.undo_action.text() == "&Undo import of 3 words"
    _answer_the_question(qtbot, "Undo the import", seen)
    undo_key(qtbot, window)
    assert _live(profile) == {} and len(events(profile, "QuestionAnswered")) == 1


def test_an_import_undo_that_fails_half_way_changes_nothing_and_can_be_tried_again(
        qtbot, window, profile, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The deletions were written, then the profile was busy for the put-back: 22 words were gone, the
    retry said "Undone in part" and Redo said "Redone" with the words still deleted."""
    from effect_desktop.persistence.errors import StoreError

    profile.service.create_word("apple", "りんご", category="fruit")
    path = tmp_path / "words.csv"
    path.write_text("word,meaning,category\napple,りんご,food\ncat,猫,animal\ndog,犬,animal\n", encoding="utf-8")
    _import_through_the_dialog(qtbot, window, path, update=True)
    real = profile.service.update_words
    failures = [StoreError("The profile is busy (a backup is being written); try again in a moment.")]

    def busy_once(*args, **kwargs):  # type: ignore[no-untyped-def]
        if failures:
            raise failures.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(profile.service, "update_words", busy_once)
    undo_key(qtbot, window)
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "errorDialog"]
    assert len(shown) == 1 and "busy" in shown[0].text()
    shown[0].accept()
    assert _live(profile) == {"apple": ("りんご", "food"), "cat": ("猫", "animal"), "dog": ("犬", "animal")}
    assert window.undo_action.text() == "&Undo import of 3 words"  # kept for a retry
    undo_key(qtbot, window)
    assert _live(profile) == {"apple": ("りんご", "fruit")}
    assert window.statusBar().currentMessage() == "Undone: import of 3 words"
    redo_key(qtbot, window)
    assert len(_live(profile)) == 3 and window.statusBar().currentMessage() == "Redone: import of 3 words"


def test_a_large_import_is_undone_and_redone_off_the_gui_thread(qtbot, window, profile, tmp_path: Path,
                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Undoing an import of 86,137 words held the window 8 s with only a wait cursor: from
    BACKGROUND_FROM words the undo (and its redo) runs in the pool, the window painting meanwhile."""
    import threading

    from effect_desktop.gui import undo as undo_module

    monkeypatch.setattr(undo_module, "BACKGROUND_FROM", 3)  # a large import, as the window treats one
    pear = profile.service.create_word("pear", "なし")
    edit_with_undo(profile.service, window.undo, pear, {"meaning": "梨"}, "edit of “pear”")
    asked: list[str] = []  # as an import's undo asks when its words were studied since
    window.undo.top().ask = lambda _window: asked.append("the edit before") or True
    path = tmp_path / "words.csv"
    path.write_text("word,meaning\ncat,猫\ndog,犬\nfox,狐\n", encoding="utf-8")
    _import_through_the_dialog(qtbot, window, path)
    assert set(_live(profile)) == {"cat", "dog", "fox", "pear"}
    threads: list[str] = []
    entry = window.undo.top()
    undo, redo = entry.undo, entry.redo
    going_on = threading.Event()

    def slow_undo() -> object:
        threads.append(threading.current_thread().name)
        going_on.wait(10)  # still undoing while the learner presses Ctrl+Z again
        return undo()

    entry.undo = slow_undo
    entry.redo = lambda: threads.append(threading.current_thread().name) or redo()

    undo_key(qtbot, window)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled(), "greyed while it runs"
    undo_key(qtbot, window)  # a second Ctrl+Z meanwhile: not the edit before the import, nor its question
    going_on.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Undone: import of 3 words", timeout=10_000)
    assert _live(profile) == {"pear": ("梨", "")}, "the import undone, the edit before it kept"
    assert asked == [], "the second Ctrl+Z asked the question of the entry before the running undo"
    assert threads and threads[-1] != threading.main_thread().name
    assert window.redo_action.text() == "&Redo import of 3 words"
    redo_key(qtbot, window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Redone: import of 3 words", timeout=10_000)
    assert set(_live(profile)) == {"cat", "dog", "fox", "pear"} and threads[-1] != threading.main_thread().name


def test_an_action_taken_while_a_large_undo_runs_is_not_passed_over_by_its_redo(qtbot, window,
                                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The window takes input for a moment before the undo's progress dialog shows: a new action then
    cleared the redos, and the running undo put its own back, so Redo led back past the new action."""
    import threading

    from effect_desktop.gui import undo as undo_module
    from effect_desktop.gui.undo import UndoEntry, Undone

    monkeypatch.setattr(undo_module, "BACKGROUND_FROM", 3)
    going_on = threading.Event()
    window.undo.push(UndoEntry("import of 3 words", lambda: going_on.wait(10) and Undone.ALL,
                               redo=lambda: (Undone.ALL, None), size=3))
    assert window.undo.undo_last()
    window.undo.push(UndoEntry("edit of “pear”", lambda: Undone.ALL))  # meanwhile
    going_on.set()
    qtbot.waitUntil(lambda: not window.undo.running, timeout=10_000)
    assert window.undo.redo_top() is None, "no redo back past the edit made meanwhile"
    assert window.undo.top() is not None and window.undo.top().label == "edit of “pear”"


def test_a_large_redo_puts_its_undo_below_an_action_taken_meanwhile(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The redo's own undo went on top of an edit made before its progress dialog showed: the next
    Ctrl+Z undid the import again instead of the newer edit (found in review)."""
    import threading

    from effect_desktop.gui import undo as undo_module
    from effect_desktop.gui.undo import UndoEntry, Undone

    monkeypatch.setattr(undo_module, "BACKGROUND_FROM", 3)
    going_on = threading.Event()
    again = UndoEntry("import of 3 words", lambda: Undone.ALL, size=3)
    window.undo.push(UndoEntry("import of 3 words", lambda: Undone.ALL,
                               redo=lambda: (going_on.wait(10) and Undone.ALL, again), size=3))
    assert window.undo.undo_last()
    qtbot.waitUntil(lambda: not window.undo.running, timeout=10_000)
    assert window.undo.redo_last()
    window.undo.push(UndoEntry("edit of “pear”", lambda: Undone.ALL))  # meanwhile
    going_on.set()
    qtbot.waitUntil(lambda: not window.undo.running, timeout=10_000)
    assert [e.label for e in window.undo._entries] == ["import of 3 words", "edit of “pear”"]


def test_a_large_undo_that_found_the_profile_busy_stays_below_an_action_taken_meanwhile(
        qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """It was dropped from the history: the import stood and could no longer be undone (found in review)."""
    import threading

    from effect_desktop.gui import undo as undo_module
    from effect_desktop.gui.undo import UndoEntry, Undone
    from effect_desktop.persistence.errors import StoreError

    monkeypatch.setattr(undo_module, "BACKGROUND_FROM", 3)
    monkeypatch.setattr(undo_module, "show_error", lambda *_args: None)
    going_on = threading.Event()

    def busy() -> Undone:
        going_on.wait(10)
        raise StoreError("The profile is busy; try again in a moment.")

    window.undo.push(UndoEntry("import of 3 words", busy, redo=lambda: (Undone.ALL, None), size=3))
    assert window.undo.undo_last()
    window.undo.push(UndoEntry("edit of “pear”", lambda: Undone.ALL))  # meanwhile
    going_on.set()
    qtbot.waitUntil(lambda: not window.undo.running, timeout=10_000)
    assert [e.label for e in window.undo._entries] == ["import of 3 words", "edit of “pear”"]


def test_undoing_an_anki_history_import_says_its_answers_stay_and_the_package_again_counts_them_once(
        qtbot, window, profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z deleted the words of an import that brought Anki's reviews and left their answers in the
    statistics without a word; importing the package again then counted every review twice."""
    from tests.interchange.test_anki_history import REVLOG, legacy_package

    path = legacy_package(tmp_path, REVLOG)
    _import_through_the_dialog(qtbot, window, path)
    assert len(events(profile, "QuestionAnswered")) == 7
    seen: list[str] = []
    _answer_the_question(qtbot, "Undo the import", seen)
    undo_key(qtbot, window)
    assert seen and "The import brought 7 reviews from Anki" in seen[0] and "Redo brings the words back" in seen[0]
    assert "The switch to FSRS made with it stays" in seen[0] and profile.service.scheduler.name == "fsrs"
    assert _live(profile) == {}

    _import_through_the_dialog(qtbot, window, path)
    assert set(_live(profile)) == {"apple", "bread"}
    assert len(events(profile, "QuestionAnswered")) == 7  # not 14
    assert sum(day.answers for day in profile.queries.daily_stats()) == 7
    assert "7 reviews of words you already have (or had) left out" in window.statusBar().currentMessage()


def test_ctrl_z_after_an_import_that_only_brought_anki_answers_says_so_and_undoes_nothing_else(
        qtbot, window, profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Such an import wrote no words: with no entry of its own, Ctrl+Z undid the edit made before it."""
    from tests.interchange.test_anki_history import REVLOG, import_package, legacy_package

    path = legacy_package(tmp_path, REVLOG)
    import_package(profile, path, history=False)
    bread = next(w.word_id for w in profile.queries.words() if w.text == "bread")
    edit_with_undo(profile.service, window.undo, bread, {"category": "food"}, "edit of “bread”")
    _import_through_the_dialog(qtbot, window, path)
    assert len(events(profile, "QuestionAnswered")) == 7
    seen: list[str] = []
    _answer_the_question(qtbot, "OK", seen)
    undo_key(qtbot, window)
    assert seen and "gave 7 reviews from Anki to words already in your list" in seen[0]
    assert _live(profile)["bread"] == ("パン", "food"), "the edit before the import stays"
    assert len(events(profile, "QuestionAnswered")) == 7
    # told once: the next Ctrl+Z reaches the edit before (an entry that only refused blocked it for good)
    assert window.undo_action.text() == "&Undo edit of “bread”"
    undo_key(qtbot, window)
    assert _live(profile)["bread"] == ("パン", "English") and len(events(profile, "QuestionAnswered")) == 7

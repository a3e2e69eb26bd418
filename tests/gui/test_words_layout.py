"""The word dialog and the Words page in Japanese at the window's smallest: nothing cut, no stale message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QStyleOptionComboBox

from effect_desktop.gui import i18n
from effect_desktop.gui.main_window import MainWindow

from .conftest import type_text

LONG_CATEGORY = "とても長いカテゴリ名前" * 5  # 55 characters
LONG_WORD = ("とても長い単語" * 30)[:200]
LONG_MEANING = ("very long meaning " * 30)[:200]


@pytest.fixture
def japanese_window(qtbot, profile) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    profile.service.create_words([
        dict(text="いぬ", meaning="犬", category="日本語", tags=["動物"], difficulty=1),
        dict(text=LONG_WORD, meaning=LONG_MEANING, category=LONG_CATEGORY, tags=["長い", "タグ" * 20],
             difficulty=2)])
    assert i18n.install("ja") == "ja"
    main = MainWindow(profile)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    QTest.qWaitForWindowActive(main)
    yield main
    main.operations.wait()
    i18n.install("en")


def _page(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    page = window.show_page("words")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    return page


def test_a_fields_message_goes_when_that_field_is_edited(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """"単語を入力してください。" stayed under the word just typed until the next Save."""
    page = window.show_page("words")
    dialog = page.add_word()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["text"].isVisible() and dialog.errors["meaning"].isVisible()

    qtbot.keyClicks(dialog.text_edit, "sakura")
    assert not dialog.errors["text"].isVisible()
    assert dialog.errors["meaning"].isVisible(), "only the edited field's message goes"

    type_text(qtbot, dialog.meaning_edit, "桜")
    assert not dialog.errors["meaning"].isVisible()
    dialog.meaning_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["meaning"].isVisible(), "Save checks again"
    dialog.reject()


def test_the_dialogs_labels_are_never_cut_by_a_long_category(qtbot, japanese_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, japanese_window)
    row = next(r for r in range(page.model.rowCount()) if page.model.word_at(r).text == LONG_WORD)
    page.table.selectRow(row)
    dialog = page.edit_selected()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.category_edit.currentText() == LONG_CATEGORY
    captions = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert [c.text() for c in captions] == ["単語(&W)", "意味(&M)", "カテゴリ(&C)", "タグ(&T)", "難易度(&D)"]
    for caption in captions:
        assert caption.width() >= caption.sizeHint().width(), caption.text()
    assert dialog.width() < 600, "the long field content scrolls inside its field"
    dialog.reject()


def _text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


def test_filters_and_columns_fit_the_smallest_window(qtbot, japanese_window) -> None:  # type: ignore[no-untyped-def]
    """At 720 × 480 the filters read "すべてのカ" and "削除した単", and the meaning was squeezed to
    "very lo…" beside a word column at its full width."""
    page = _page(qtbot, japanese_window)
    japanese_window.resize(720, 480)
    qtbot.waitUntil(lambda: japanese_window.width() == 720)
    qtbot.wait(20)
    for combo, text in ((page.category, "すべてのカテゴリ"), (page.tag, "すべてのタグ"),
                        (page.difficulty, "すべての難易度")):
        assert combo.currentText() == text
        assert _text_room(combo) >= combo.fontMetrics().horizontalAdvance(text), text
    assert page.show_deleted.width() >= page.show_deleted.sizeHint().width()
    assert page.search.width() >= 80, "the search field keeps room to type in"

    table = page.table
    widths = [table.columnWidth(c) for c in range(page.model.columnCount())]
    assert table.horizontalScrollBar().maximum() == 0, widths
    assert sum(widths) <= table.viewport().width()
    assert widths[1] >= widths[0] > widths[2], "the meaning takes the largest share, then the word"
    metrics = table.fontMetrics()
    assert widths[1] >= 2 * metrics.horizontalAdvance("very long"), widths
    header = table.horizontalHeader()
    for column in (4, 5):  # difficulty and next review show their whole header
        title = page.model.headerData(column, Qt.Orientation.Horizontal)
        assert widths[column] >= header.fontMetrics().horizontalAdvance(title), title

    japanese_window.resize(1000, 680)
    qtbot.waitUntil(lambda: table.columnWidth(1) > widths[1])
    assert table.horizontalScrollBar().maximum() == 0

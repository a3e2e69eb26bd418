"""The Words page: filter as you type, sort, add, edit and delete (with undo).

Deleted words keep their history; "Deleted words" lists them so one can be
brought back any time later (Ctrl+Z only reaches back within a sitting)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.scheduling.studyday import offset_minutes
from ...domain.text_fold import tag_key
from ...projections.views import MAX_SEARCH, WordFilter, WordView
from .. import undo as undo_rules
from ..context import AppContext, Page
from ..search_field import SearchField
from ..style import screen_room, widen_message_box
from ..undo import BUSY_FROM, UndoEntry, Undone
from .columns import ColumnSharer
from .dialog import WordDialog
from .edit import edit_with_undo, outcome
from .model import Sorting, WordTableModel, sorted_words
from .organize import Organizer

FILTER_DELAY_MS = 200


NAMED_IN_QUESTION = 5  # words named in the "Delete N words?" question


class WordTable(QTableView):
    """Ctrl+Home and Ctrl+End select the first or last word, as they do in a file manager's list. Qt
    moves only the keyboard's place there (as Ctrl+arrows do, for picking words one by one), so the
    row a screen reader named was not the one Delete then asked about.

    Tabbing into the list with nothing selected selects the word the keyboard is on (the first, if
    none): the row had a focus frame and a screen reader named it, but Enter, Delete and Restore did
    nothing until Space or an arrow selected it."""

    KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        selection, model = self.selectionModel(), self.model()
        if (event.reason() not in self.KEYBOARD or selection is None or model is None
                or selection.hasSelection() or not model.rowCount()):
            return
        current = self.currentIndex()
        selection.setCurrentIndex(current if current.isValid() else model.index(0, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)

    def selectionCommand(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802
                         event: QEvent | None = None) -> QItemSelectionModel.SelectionFlag:
        if (isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            return (QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
        return super().selectionCommand(index, event)


class WordsPage(Page):
    loaded = Signal()  # the table shows the latest query's words

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("wordsPage")
        self._generation = 0
        self._edited: tuple[UUID, str, bool] | None = None  # the word just saved (added?), until the reload
        # the word just added: selected once the list shows it (the selection stayed on the word before,
        # and an Enter or Delete right after the Add dialog acted on that one)
        self._added: UUID | None = None
        self._changed: set[UUID] = set()  # words just edited, deleted or restored, until then
        self._brought_back: set[UUID] = set()  # words an undo put back in the list, selected when shown
        self._done_note: tuple[set[UUID], str, int] | None = None  # an Organize to say, once the list shows it
        self._commands = 0  # commands run in the window: a note is said only if no other came since
        self.context.operations.changed.connect(self._count_command)
        self._shown_generation = 0  # the reload the list shows
        self._shown_list: tuple[object, object] | None = None  # the filter and order it was read with
        self.model = WordTableModel(self)
        self.dialog: WordDialog | None = None
        self.confirm: QMessageBox | None = None

        self.search = SearchField()
        self.search.setMaxLength(MAX_SEARCH)  # longer, SQLite refused the pattern ("too complex")
        self.search.setObjectName("wordSearch")
        self.search.setPlaceholderText(self.tr("Filter by word or meaning…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter words"))  # a placeholder is not read out as a name
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        for combo in (self.category, self.tag):  # as wide as "All …", not as the longest name (see _fill_combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
        self.difficulty = QComboBox()
        self.difficulty.setObjectName("difficultyFilter")
        self.difficulty.addItem(self.tr("Any difficulty"), None)
        for level in range(1, 6):
            self.difficulty.addItem(self.tr("Difficulty {0}").format(level), level)

        self.show_deleted = QCheckBox(self.tr("Deleted &words"))
        self.show_deleted.setObjectName("showDeleted")
        self.show_deleted.setToolTip(self.tr("List the deleted words, to bring one back with its history"))
        self.show_deleted.toggled.connect(self._deleted_toggled)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.category, self.tag, self.difficulty):
            combo.currentIndexChanged.connect(self._combo_changed)

        self.table = WordTable()
        self.table.setObjectName("wordTable")
        self.table.setAccessibleName(self.tr("Words"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Every column is the user's to drag; each time the table's width changes they share it again
        # (see columns.py): a stretched meaning alone was squeezed to "very lo…" beside a word column
        # that kept its full width.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.columns = ColumnSharer(self.table)
        self.table.activated.connect(lambda _index: self.edit_selected())  # double click, or Enter
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # Only in the list: window-wide, Delete on a button or a filter asked to delete a word the learner
        # could not see was selected from there, with Yes as the default.
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.add_button = QPushButton(self.tr("&Add word…"))
        self.add_button.setObjectName("addWordButton")
        self.add_button.clicked.connect(self.add_word)
        self.edit_button = QPushButton(self.tr("Ed&it…"))  # not E: the Edit menu
        self.edit_button.setObjectName("editWordButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("deleteWordButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restoreWordButton")
        self.restore_button.setToolTip(self.tr("Bring the selected words back, with their study history"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("wordCount")
        # The same commands on a right click (the window adds "Word history…" after them).
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.menu_actions: dict[str, QAction] = {}
        for name, text, slot in (("edit", self.tr("&Edit…"), self.edit_selected),
                                 ("delete", self.tr("&Delete"), self.delete_selected),
                                 ("restore", self.tr("&Restore"), self.restore_selected)):
            action = QAction(text, self.table)
            action.setObjectName(f"{name}WordAction")
            action.triggered.connect(slot)
            self.table.addAction(action)
            self.menu_actions[name] = action
        self.menu_actions["restore"].setVisible(False)
        self.organizer = Organizer(self)  # Set category…, Add a tag…, Remove a tag…
        separator = QAction(self.table)
        separator.setSeparator(True)
        self.table.addAction(separator)

        filters = QVBoxLayout()
        choices = QHBoxLayout()
        for combo in (self.category, self.tag, self.difficulty):
            choices.addWidget(combo, 1)
        choices.addWidget(self.show_deleted)
        room = screen_room(self)
        beside = sum(w.sizeHint().width() for w in (self.category, self.tag, self.difficulty, self.show_deleted))
        if room is not None and beside + self.search.fontMetrics().averageCharWidth() * 24 > room.width() * 2 // 3:
            # a large font: the filter field on a line of its own (beside the choices at 20 pt in Japanese
            # it was 89 pixels wide and said "単語…")
            filters.addWidget(self.search)
            filters.addLayout(choices)
        else:
            one_line = QHBoxLayout()
            one_line.addWidget(self.search, 3)
            one_line.addLayout(choices, 3)
            filters.addLayout(one_line)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.organizer.button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()

    # --- reading ---------------------------------------------------------------------------------
    def current_filter(self) -> WordFilter:
        return WordFilter(search=self.search.text(), category=self.category.currentData(),
                          tag=self.tag.currentData(), difficulty=self.difficulty.currentData(),
                          deleted_only=self.deleted_mode)

    @property
    def deleted_mode(self) -> bool:
        return self.show_deleted.isChecked()

    def refresh(self) -> None:
        self._fill_combo(self.category, self.tr("All categories"), self.profile.queries.categories(with_none=True),
                         self.tr("No category"))
        # shown as the words spell them, chosen by their folded key: the spelling shown may change (the
        # word it came from deleted), the choice must not
        self._fill_combo(self.tag, self.tr("All tags"), self.profile.queries.tags(with_parents=True), key=tag_key)
        self.reload()

    def reload(self) -> None:
        """Query in the background (20,000 words take a moment); only the latest answer is shown.
        On the reads' own thread: behind long work (the first day's upkeep compacting five years of
        history), the filter did nothing for minutes."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        word_filter = self.current_filter()
        queries = self.profile.queries
        profile = self.profile
        sorting = self.model.sorting  # sorted with the read (see sorted_words)

        def load() -> tuple[list[WordView], int, set[UUID], dict[UUID, date]]:
            now, hour = profile.service.clock(), profile.service.day_start_hour
            due, days = queries.due_word_ids(now, hour), queries.due_days(hour, offset_minutes(now))
            words = sorted_words(queries.words(word_filter), sorting, days)
            return words, queries.word_count(deleted=word_filter.deleted_only), due, days

        same_list = (word_filter, sorting) == self._shown_list  # the same filter and order, read again
        def loaded(result: tuple[list[WordView], int, set[UUID], dict[UUID, date]]) -> None:
            if generation == self._generation:
                self._shown_generation = generation
                self._shown_list = (word_filter, sorting)
                self._show(*result, sorted_as=sorting, same_list=same_list)

        self.context.operations.read("words.list", load, loaded, owner=self)

    def _show(self, words: list[WordView], total: int, due: set[UUID], days: dict[UUID, date],
              sorted_as: Sorting | None = None, same_list: bool = True) -> None:
        selected = set(self.selected_ids())
        current = self.table.currentIndex()
        current_row = current.row() if current.isValid() else None
        current_id = self.model.word_at(current_row).word_id if current_row is not None else None
        # a block gone (deleted, restored) is followed by the word after its top, not after its last row
        # (Shift+click: the current row), which was hundreds of words further down
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        first_row = min(rows) if rows else current_row
        top = self.table.indexAt(QPoint(0, 0))
        top_id = self.model.word_at(top.row()).word_id if top.isValid() else None
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_words(words, due, days, deleted=self.deleted_mode, sorted_as=sorted_as)
        shown = self.model.rowCount()
        grouped = QLocale().toString(shown)  # "19,982", as every count on the page
        if self.deleted_mode:
            self.count_label.setText(self.tr("{0} of %Ln deleted word(s)", "", total).format(grouped)
                                     if shown != total else self.tr("%Ln deleted word(s)", "", total))
        else:
            self.count_label.setText(self.tr("{0} of %Ln word(s)", "", total).format(grouped)
                                     if shown != total else self.tr("%Ln word(s)", "", total))
        added, self._added = self._added, None
        brought, self._brought_back = self._brought_back, set()
        brought &= {word.word_id for word in self.model.rows}  # (a redo's deletion: gone from this list)
        self._select(brought or selected)
        self._keep_place(current_id, first_row, self._changed)
        if same_list:
            self._keep_view(top_id, scrolled, current_id, current_row)
        elif self.table.currentIndex().isValid():  # another filter or order: where the keyboard is
            self.table.scrollTo(self.table.currentIndex())
        else:  # or at its first words (it kept the last list's scroll, its first matches out of sight)
            self.table.scrollToTop()
        found = next((r for r, word in enumerate(self.model.rows) if word.word_id == added), None)
        if found is not None:
            self.table.selectRow(found)
            self.table.scrollTo(self.model.index(found, 0))
        self._changed = set()
        self._say_hidden()
        self._say_done()
        self._update_buttons()
        self.loaded.emit()

    def _keep_place(self, word_id: UUID | None, row: int | None, changed: set[UUID]) -> None:
        """The keyboard's place survives a reload: the current word stays current (a reload reset it,
        and after saving an edit the arrow keys went on from the top of the list). When the word has
        gone because of what was just done to it (deleted, restored, edited out of the filter), with
        nothing left selected, the word that took its place is selected, as a file manager does after a
        delete, so Delete or Enter goes on from there; a word a filter hides selects nothing else."""
        if row is None or not self.model.rowCount():
            return
        selection = self.table.selectionModel()
        found = next((r for r, word in enumerate(self.model.rows) if word.word_id == word_id), None)
        if found is not None:
            selection.setCurrentIndex(self.model.index(found, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        elif selection.hasSelection():
            selection.setCurrentIndex(selection.selectedRows()[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        elif word_id in changed:
            self.table.selectRow(min(row, self.model.rowCount() - 1))

    def _keep_view(self, top_id: UUID | None, scrolled: int, current_id: UUID | None, current_row: int | None) -> None:
        """The list stays where the learner scrolled it: a reload (another program's write, the minute's
        refresh, an Organize) made the current word current again, and Qt scrolled back to it, 9,000
        rows away. The word that was at the top stays there; the current word is followed only when
        the reload moved it (an edit that sorts it elsewhere)."""
        found = next((r for r, word in enumerate(self.model.rows) if word.word_id == top_id), None)
        if found is not None:
            self.table.scrollTo(self.model.index(found, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            self.table.verticalScrollBar().setValue(scrolled)
        current = self.table.currentIndex()
        moved = current.isValid() and current_id is not None and current.row() != current_row and \
            self.model.word_at(current.row()).word_id == current_id
        if moved:
            self.table.scrollTo(current)

    def say_done(self, word_ids: list[UUID], text: str) -> None:
        """An Organize said in the status bar, with the words it took out of the filtered list: they
        vanished with the selection, and nothing was said (a delete and an edit say so)."""
        self._done_note = (set(word_ids), text, self._commands)
        self._changed = self._changed | set(word_ids)  # one it hid: the word that took its place is chosen
        if self._shown_generation == self._generation:  # no reload under way: the list is as it will be
            self._say_done()

    def _say_done(self) -> None:
        note, self._done_note = self._done_note, None
        if note is None or note[2] != self._commands or QApplication.overrideCursor() is not None:
            return  # not over the next command's "Undoing…" or "Undone: …"
        word_ids, text, _ = note
        hidden = len(word_ids - {word.word_id for word in self.model.rows})
        if hidden:
            text += " " + self.tr("No longer matching the filter, so left the list: %Ln word(s).", "", hidden)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def _count_command(self) -> None:
        self._commands += 1

    def _say_hidden(self) -> None:
        """An edited word that no longer matches the filter leaves the list: say so, or it looks lost."""
        edited, self._edited = self._edited, None
        if edited is None or any(word.word_id == edited[0] for word in self.model.rows):
            return
        window = self.window()
        if isinstance(window, QMainWindow):  # (an added word never matched: "no longer" read oddly)
            window.statusBar().showMessage((self.tr(
                "“{0}” is added; it does not match the filter, so the list does not show it.") if edited[2] else
                self.tr("“{0}” is saved; it no longer matches the filter, so the list does not show it.")
            ).format(edited[1]), 8000)

    def _fill_combo(self, combo: QComboBox, everything: str, values: list[str], empty: str = "",
                    key: Callable[[str], str] = lambda value: value) -> None:
        """`everything` (no filter), then each value (its `key` as the choice's data); "" (the words
        without one) shown as `empty`."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value or empty, key(value))
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        # As wide as "All categories" and never narrower (the longer names show in the list): sized
        # by every name, one 55-character category squeezed the filters to "すべてのカ".
        metrics = combo.fontMetrics()
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        text = QSize(metrics.horizontalAdvance(everything) + metrics.averageCharWidth(), metrics.height())
        combo.setMinimumWidth(combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                                             text, combo).width())

    def _combo_changed(self) -> None:
        self.reload()

    def selected_words(self) -> list[WordView]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.word_at(row) for row in rows]

    def selected_ids(self) -> list[UUID]:
        return [w.word_id for w in self.selected_words()]

    def _select(self, word_ids: set[UUID]) -> None:
        """Select these words' rows in one go: row by row, each selection's signal recounted the whole
        selection, and keeping 2,000 selected words froze the window for a minute after Organize."""
        selection = self.table.selectionModel()
        rows = sorted(row for row, word in enumerate(self.model.rows) if word.word_id in word_ids)
        chosen = QItemSelection()
        last_column = self.model.columnCount() - 1
        for _, run in itertools.groupby(enumerate(rows), key=lambda pair: pair[1] - pair[0]):
            block = [row for _, row in run]  # consecutive rows: one range each
            chosen.select(self.model.index(block[0], 0), self.model.index(block[-1], last_column))
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)

    def _deleted_toggled(self, deleted: bool) -> None:
        for button in (self.add_button, self.edit_button, self.delete_button, self.organizer.button):
            button.setVisible(not deleted)
        self.restore_button.setVisible(deleted)
        self.menu_actions["edit"].setVisible(not deleted)
        self.menu_actions["delete"].setVisible(not deleted)
        for action in self.organizer.actions.values():
            action.setVisible(not deleted)
        self.menu_actions["restore"].setVisible(deleted)
        self.table.selectionModel().clearSelection()
        self.reload()

    def _update_buttons(self) -> None:
        count = self._rows_selected_up_to_two()
        live = not self.deleted_mode
        self.edit_button.setEnabled(live and count == 1)
        self.delete_button.setEnabled(live and count > 0)
        self.restore_button.setEnabled(not live and count > 0)
        for name, button in (("edit", self.edit_button), ("delete", self.delete_button),
                             ("restore", self.restore_button)):
            self.menu_actions[name].setEnabled(button.isEnabled())
        self.organizer.update(live and count > 0)

    def _rows_selected_up_to_two(self) -> int:
        """0, 1, or 2 for more: what the buttons need, from the selection's ranges. Counting every
        selected row's index (selectedRows) made Ctrl+A on 20,000 words freeze the window for a second."""
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for index in range(selection.count()):
            block = selection.at(index)
            rows.update(range(block.top(), min(block.bottom(), block.top() + 1) + 1))
            if len(rows) > 1:
                return 2
        return len(rows)

    # --- changing -------------------------------------------------------------------------------
    def add_word(self) -> WordDialog:
        service = self.profile.service

        def submit(values: dict[str, Any]) -> None:
            word_id = service.create_word(**values)
            self._added = word_id
            self._edited = (word_id, values["text"].strip(), True)  # a filter hiding it is said, as after an edit
            self.context.operations.changed.emit()

        return self._open_dialog(WordDialog(self, submit, self.profile.queries.categories(),
                                            same_text=self.profile.queries.words_with_text))

    def edit_selected(self) -> WordDialog | None:
        words = self.selected_words()
        if len(words) != 1 or self.deleted_mode:
            return None
        word = words[0]
        service = self.profile.service

        def submit(values: dict[str, Any]) -> None:
            edit_with_undo(service, self.context.undo, word.word_id, dialog.changed_values(),
                           self.tr("edit of “{0}”").format(values["text"].strip()))
            self._edited = (word.word_id, values["text"].strip(), False)
            self._changed = {word.word_id}
            self.context.operations.changed.emit()

        dialog = WordDialog(self, submit, self.profile.queries.categories(), word,
                            same_text=self.profile.queries.words_with_text)
        return self._open_dialog(dialog)

    def _open_dialog(self, dialog: WordDialog) -> WordDialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def delete_selected(self) -> QMessageBox | None:
        words = self.selected_words()
        if not words or self.deleted_mode:
            return None
        if len(words) == 1:
            question = self.tr("Delete “{0}”?").format(words[0].text)
        else:
            question = self.tr("Delete {0} words?").format(len(words))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete words"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmDelete")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a word such as "<b>" is a word, not markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        history = self.tr("Their study history is kept; Ctrl+Z, or “Deleted words” later, brings them back.")
        if len(words) > 1:  # which ones: after a sort or a filter, the selection is easy to misjudge
            quoted, separator = self.tr("“{0}”"), self.tr(", ", "between the words named")
            named = separator.join(quoted.format(w.text) for w in words[:NAMED_IN_QUESTION])
            rest = len(words) - NAMED_IN_QUESTION
            if rest > 0:
                named += self.tr(" and %Ln more", "", rest)
            history = f"{named}\n\n{history}"
        box.setInformativeText(history)
        widen_message_box(box)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda result: self._delete_confirmed(words, result))
        self.confirm = box
        box.open()
        return box

    def _delete_confirmed(self, words: list[WordView], result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        service = self.profile.service
        label = (self.tr("deletion of “{0}”").format(words[0].text) if len(words) == 1
                 else self.tr("deletion of {0} words").format(len(words)))

        def said(done: list[tuple[UUID, UUID]]) -> None:
            deleted = {word_id for word_id, _ in done}
            window = self.window()
            if not deleted or not isinstance(window, QMainWindow):
                return
            # said, as Undo says what it undid: the table alone changing left a screen reader silent, and
            # the status bar still said "Undone: …" of something else
            named = [w.text for w in words if w.word_id in deleted]
            window.statusBar().showMessage(
                self.tr("Deleted “{0}”; Ctrl+Z brings it back.").format(named[0]) if len(named) == 1
                else self.tr("Deleted {0} words; Ctrl+Z brings them back.").format(len(named)), 8000)

        self._each_word(words, service.delete_words, service.restore_words, label, said)

    def restore_selected(self) -> None:
        """Bring the selected deleted words back (one undo takes them all away again)."""
        words = self.selected_words()
        if not words or not self.deleted_mode:
            return
        service = self.profile.service
        label = (self.tr("restoring of “{0}”").format(words[0].text) if len(words) == 1
                 else self.tr("restoring of {0} words").format(len(words)))

        def said(restored: list[tuple[UUID, UUID]]) -> None:
            window = self.window()
            if restored and isinstance(window, QMainWindow):
                window.statusBar().showMessage(
                    self.tr("Restored %Ln word(s), with their study history.", "", len(restored)), 5000)

        self._each_word(words, service.restore_words, service.delete_words, label, said)

    def _each_word(self, words: list[WordView], command: Callable[..., list[tuple[UUID, UUID]]],
                   undo_command: Callable[..., list[tuple[UUID, UUID]]], label: str,
                   then: Callable[[list[tuple[UUID, UUID]]], None]) -> None:
        """`command` on all the words as one action (one transaction: 20,000 deletions took 16 s one by
        one, as 20,000 actions), and one undo entry that runs `undo_command` on them, naming the events
        it undoes and passing over a word another program has already put back; `then` hears what was
        done (nothing if the command was refused). From BACKGROUND_FROM words it runs in the pool, as
        their undo does (deleting 3,000 studied words held the window 4-10 s)."""
        word_ids = [w.word_id for w in words]

        def run() -> list[tuple[UUID, UUID]]:
            # a word another program deleted (or restored) meanwhile is passed over: refusing them all,
            # with the table still showing it, made every retry fail the same way
            return command(word_ids, skip_done=True)

        def settle(ok: bool, done: object) -> None:
            if not ok or not isinstance(done, list) or not done:
                return
            self._changed = {word_id for word_id, _ in done}
            self.context.undo.push(_each_word_entry(done, command, undo_command, label, self._bring_back))
            then(done)

        busy = self.tr("Changing %Ln word(s)…", "", len(words))
        if len(words) >= undo_rules.BACKGROUND_FROM:
            self.context.undo.in_background(run, settle, busy, changes_first=True)
        else:
            settle(*self.context.operations.perform(run, busy=busy if len(words) >= BUSY_FROM else ""))

    def _bring_back(self, word_ids: set[UUID]) -> None:
        """Words an undo or redo put back in this list, selected once it shows them: they came back
        somewhere in 20,000 rows, and nothing showed which (maybe from a worker: kept here, then read
        on the window's thread by `_show`)."""
        self._brought_back = set(word_ids)


def _each_word_entry(done: list[tuple[UUID, UUID]], command: Callable[..., list[tuple[UUID, UUID]]],
                     undo_command: Callable[..., list[tuple[UUID, UUID]]], label: str,
                     brought_back: Callable[[set[UUID]], None]) -> UndoEntry:
    """Undo `done` (word, event) with `undo_command`, naming each event; Redo runs `command` again on
    the words the undo changed, naming the undo's events, and gives the entry that undoes that. The
    words each puts back go to `brought_back` (the list selects those it shows)."""
    undone: list[tuple[UUID, UUID]] = []

    def undo() -> Undone:
        undone[:] = undo_command([word_id for word_id, _ in done], undoes=dict(done), skip_done=True)
        brought_back({word_id for word_id, _ in undone})
        return outcome(len(undone), len(done))

    def redo() -> tuple[Undone, UndoEntry | None]:
        again = command([word_id for word_id, _ in undone], undoes=dict(undone), skip_done=True)
        brought_back({word_id for word_id, _ in again})
        return (outcome(len(again), len(undone)),
                _each_word_entry(again, command, undo_command, label, brought_back) if again else None)

    return UndoEntry(label, undo, redo=redo, size=len(done))

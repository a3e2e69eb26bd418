"""A Qt table model over `Queries.words()`: plain rows, sorted in Python.

Rows are the read model's frozen `WordView`s; `data()` only formats them, so
the table stays smooth with tens of thousands of words (the view asks only for
visible cells).
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast
from uuid import UUID

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ...domain.text_fold import sort_key
from ...projections.views import WordView

Index = QModelIndex | QPersistentModelIndex

# QT_TRANSLATE_NOOP returns its text unchanged (the stubs say `object`).
COLUMNS = cast(tuple[str, ...], (
    QT_TRANSLATE_NOOP("WordTableModel", "Word"),
    QT_TRANSLATE_NOOP("WordTableModel", "Meaning"),
    QT_TRANSLATE_NOOP("WordTableModel", "Category"),
    QT_TRANSLATE_NOOP("WordTableModel", "Tags"),
    QT_TRANSLATE_NOOP("WordTableModel", "Difficulty"),
    QT_TRANSLATE_NOOP("WordTableModel", "Next review"),
))
# the last column's title while the deleted words are listed: it holds the day each was deleted
DELETED_TITLE = cast(str, QT_TRANSLATE_NOOP("WordTableModel", "Deleted"))
LAST = len(COLUMNS) - 1
WORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _review_day(word: WordView, days: dict[UUID, date]) -> str:
    """The study day the review names (queries.due_days), else the instant's local date."""
    day = days.get(word.word_id)
    if day is not None:
        return day.isoformat()
    return word.progress.next_review_date.astimezone().strftime("%Y-%m-%d") if word.progress else ""


def _deletion_day(word: WordView) -> str:
    return word.updated_at.astimezone().strftime("%Y-%m-%d")


def _next_review(word: WordView, due: set[UUID], days: dict[UUID, date]) -> str:
    """The review date, or "due now" for a word waiting to be reviewed (a date in the past read as
    a mistake in the table). A deleted word is in no queue: its column says when it was deleted."""
    if word.deleted:
        return QCoreApplication.translate("WordTableModel", "deleted {0}").format(_deletion_day(word))
    if word.progress is None:
        return QCoreApplication.translate("WordTableModel", "new")
    if word.word_id in due:
        return QCoreApplication.translate("WordTableModel", "due now")
    return _review_day(word, days)


def _due_since(word: WordView, due: set[UUID], days: dict[UUID, date]) -> str | None:
    if word.deleted or word.progress is None or word.word_id not in due:
        return None
    return QCoreApplication.translate("WordTableModel", "Due since {0}").format(_review_day(word, days))


_SORT_KEYS: tuple[Any, ...] = (
    lambda w: sort_key(w.text),
    lambda w: sort_key(w.meaning),
    lambda w: (sort_key(w.category), sort_key(w.text)),
    lambda w: sort_key(", ".join(w.tags)),
    lambda w: (w.difficulty, sort_key(w.text)),
    lambda w: ((False, w.updated_at) if w.deleted else
               (w.progress is None, w.progress.next_review_date if w.progress else w.created_at)),
)


Sorting = tuple[int, Qt.SortOrder]  # (column, order)


def sorted_words(words: list[WordView], sorting: Sorting | None, days: dict[UUID, date]) -> list[WordView]:
    """The words in the table's order (as read: `sorting` None). Plain Python on frozen rows, so a page
    runs it with its read, off the GUI thread: sorting 20,000 words by their folded spelling there froze
    the window 0.15-0.21 s each time a filter brought every word back."""
    if sorting is None:
        return list(words)
    column, order = sorting
    key = _SORT_KEYS[column]
    if column == 5:  # by the day the column shows (a review set far east or west), then the time
        def key(w: WordView) -> Any:
            if w.deleted or w.progress is None:
                return (w.progress is None and not w.deleted, date.min, _SORT_KEYS[5](w))
            return (False, days.get(w.word_id, w.progress.next_review_date.date()), _SORT_KEYS[5](w))
    return sorted(words, key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class WordTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[WordView] = []
        self._sort: Sorting | None = None
        self.due: set[UUID] = set()
        self.days: dict[UUID, date] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.deleted_listed = False  # the rows are the deleted words: the last column is their day

    @property
    def sorting(self) -> Sorting | None:
        """The order the rows are in (None: as read)."""
        return self._sort

    def set_words(self, words: list[WordView], due: set[UUID] | None = None,
                  days: dict[UUID, date] | None = None, deleted: bool = False,
                  sorted_as: Sorting | None = None) -> None:
        """`due`: the words whose review is due, as the study queue judges it; `days`: each review's
        study day (the rows are reloaded after every change and every few minutes); `deleted`: the
        rows are the deleted words, and the last column, titled "Deleted", says when each was;
        `sorted_as`: the order `words` already come in (`sorted_words`), sorted again only if the
        table's order changed meanwhile."""
        retitled = deleted != self.deleted_listed
        self.beginResetModel()
        self.due = due or set()
        self.days = days or {}
        self.rows = list(words)
        self.deleted_listed = deleted
        if self._sort is not None and sorted_as != self._sort:
            self._sort_rows(*self._sort)
        self.endResetModel()
        if retitled:  # the column is fitted to its title again (ColumnSharer)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, LAST, LAST)

    def word_at(self, row: int) -> WordView:
        return self.rows[row]

    # --- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            # the tooltip: a title cut to "Diffic…" at a large font (columns.py) says itself whole
            title = DELETED_TITLE if section == LAST and self.deleted_listed else COLUMNS[section]
            return QCoreApplication.translate("WordTableModel", title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        word = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return word.text
            if column == 1:
                return word.meaning
            if column == 2:
                return word.category
            if column == 3:
                return ", ".join(word.tags)
            if column == 4:
                return word.difficulty
            if word.deleted and self.deleted_listed:  # under "Deleted": the day alone
                return _deletion_day(word)
            return _next_review(word, self.due, self.days)
        if role == WORD_ID_ROLE:
            return word.word_id
        if column == 5 and role == Qt.ItemDataRole.ToolTipRole:
            return _due_since(word, self.due, self.days)
        if column == 5 and role == Qt.ItemDataRole.FontRole and _due_since(word, self.due, self.days):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort, keeping the selection and the current row on the same words: the persistent indexes
        the view holds are moved with their rows (left as they were, the selection fell on other
        words, and Delete then deleted those)."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(index, self.rows[index.row()].word_id) for index in before if 0 <= index.row() < len(self.rows)]
        self._sort_rows(column, order)
        rows = {word.word_id: row for row, word in enumerate(self.rows)}
        self.changePersistentIndexList([index for index, _ in held],
                                       [self.index(rows[word_id], index.column()) for index, word_id in held])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self.rows = sorted_words(self.rows, (column, order), self.days)

    def row_of(self, word_id: UUID) -> int:
        for row, word in enumerate(self.rows):
            if word.word_id == word_id:
                return row
        return -1
